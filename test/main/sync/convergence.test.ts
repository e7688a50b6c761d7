// Two counters of one office and the central simulator, over real HTTP on 127.0.0.1: both take
// payments offline, reconnect and converge — the same bills, the same payments, one
// overpayment for the bill both of them took.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCentral, type RunningCentral } from '../../../main/central/server';
import { makeTestBackend, testClock, type TestBackend } from '../../helpers/backend';

let central: RunningCentral;
let dir: string;
let a: TestBackend;
let b: TestBackend;
const clock = testClock('2026-12-04T03:00:00.000Z');

async function enrol(t: TestBackend, token: string) {
  return t.ok('sync.enrol', { centralUrl: central.url, enrolmentCode: 'DEMO-2026', officeCode: 'UPTD-SUKAMAKMUR' }, token);
}
async function settle(): Promise<void> {
  for (let round = 0; round < 4; round++) {
    for (const t of [a, b]) {
      t.services.store.write((tx) => tx.run('UPDATE outbox SET next_attempt_at = NULL WHERE acked_at IS NULL'));
      await t.services.sync.runOnce();
    }
  }
}
function paymentIds(t: TestBackend): string[] {
  return t.services.store.all<{ id: string }>('SELECT id FROM payments ORDER BY id').map((r) => r.id);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'central-conv-'));
  central = await startCentral({ port: 0, dataDir: dir, now: clock.now, enrolmentCodes: [{ code: 'DEMO-2026', maxUses: 10, validDays: 3650 }] });
  a = await makeTestBackend({ clock });
  b = await makeTestBackend({ clock, profile: 'production', env: { LOKET_TERMINAL: 'LKT02' } });
}, 120_000);
afterAll(async () => {
  await a?.dispose();
  await b?.dispose();
  await central?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('two terminals of one office', () => {
  it('the second terminal receives the office: master data, bills and payments', async () => {
    expect(b.services.config.terminalCode).toBe('LKT02');
    const adminA = await a.login('admin');
    const first = await b.ok('setup.createFirstAdmin', { username: 'admin.b', fullName: 'Admin Loket Dua', password: 'AdminLoket2026' });
    await b.ok('users.create', { username: 'loket.b', fullName: 'Petugas Loket Dua', role: 'petugas', password: 'Petugas2026b' }, first.token);
    await enrol(a, adminA);
    await enrol(b, first.token);
    await settle();
    const count = (t: TestBackend, table: string) => t.services.store.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)?.n;
    for (const table of ['levies', 'tariffs', 'payers', 'rusun_contracts', 'stall_permits', 'lab_orders', 'bills', 'bill_lines', 'payments', 'payment_items']) {
      expect({ table, n: count(b, table) }).toEqual({ table, n: count(a, table) });
    }
    expect(a.services.sync.status()).toMatchObject({ pending: 0, deadLetters: 0, online: true });
    expect(b.services.sync.status()).toMatchObject({ pending: 0, deadLetters: 0 });
  }, 120_000);

  it('both take payments offline, reconnect and agree; the bill both took is one overpayment', async () => {
    const clerkA = await a.login('loket1');
    const clerkB = await b.login('loket.b', 'Petugas2026b');
    await a.ok('shift.open', { openingCash: 0 }, clerkA);
    await b.ok('shift.open', { openingCash: 0 }, clerkB);
    const open = a.services.store.all<{ idpel: string }>(
      "SELECT b.idpel FROM bills b WHERE b.object_type = 'stall_permit' AND NOT EXISTS (SELECT 1 FROM payment_items i WHERE i.bill_id = b.id) GROUP BY b.idpel HAVING count(*) = 1 ORDER BY b.idpel LIMIT 3",
    );
    expect(open).toHaveLength(3);
    central.setFaults({ errorRate: 1 });
    const pay = async (t: TestBackend, token: string, idpel: string) => {
      const bill = (await t.ok('inquiry.idpel', { idpel }, token)).bills[0];
      return t.ok('payment.cash', { requestId: randomUUID(), idpel, billIds: [bill?.billId ?? ''], tendered: bill?.total ?? 0 }, token);
    };
    const [x1, x2, x3] = open.map((o) => o.idpel) as [string, string, string];
    await pay(a, clerkA, x1);
    clock.advance(60_000);
    await pay(a, clerkA, x2);
    await pay(b, clerkB, x3);
    clock.advance(60_000);
    const late = await pay(b, clerkB, x1); // the same bill, at the other counter, a minute later
    await a.services.sync.runOnce();
    await b.services.sync.runOnce();
    expect(a.services.sync.status().pending).toBeGreaterThan(0);
    expect(a.services.sync.status().lastError).toBeTruthy();
    central.setFaults({});
    await settle();
    expect(paymentIds(b)).toEqual(paymentIds(a));
    for (const t of [a, b]) {
      const over = t.services.store.all<{ extra_payment_id: string }>('SELECT extra_payment_id FROM overpayments');
      expect(over.map((o) => o.extra_payment_id)).toEqual([late.paymentId]);
      expect(t.services.sync.status()).toMatchObject({ pending: 0, deadLetters: 0 });
    }
    const centralPayments = central.db.get<{ n: number }>("SELECT count(*) AS n FROM records WHERE kind = 'payment'")?.n;
    expect(centralPayments).toBe(paymentIds(a).length);
  }, 120_000);
});
