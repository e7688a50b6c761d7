// The terminal's sync engine against the real central simulator over HTTP on 127.0.0.1.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCentral, type RunningCentral } from '../../../main/central/server';
import { createCentralClient, type CentralClient } from '../../../main/sync/http';
import { backoffMs, pullGateway, pushOutbox, syncStatus } from '../../../main/sync/engine';
import { makeTestBackend, type TestBackend } from '../../helpers/backend';

let central: RunningCentral;
let centralDir: string;
let b: TestBackend;
let client: CentralClient;
const pending = () => b.services.store.get<{ n: number }>('SELECT count(*) AS n FROM outbox WHERE acked_at IS NULL AND dead_at IS NULL')?.n ?? 0;
/** make every queued row due now (the back-off is tested on its own) */
const dueNow = () => b.services.store.write((tx) => tx.run('UPDATE outbox SET next_attempt_at = NULL WHERE acked_at IS NULL'));

beforeAll(async () => {
  b = await makeTestBackend();
  centralDir = mkdtempSync(join(tmpdir(), 'central-sync-'));
  central = await startCentral({ port: 0, dataDir: centralDir, now: b.clock.now, checkResponses: true, enrolmentCodes: [{ code: 'DEMO-2026', maxUses: 10, validDays: 3650 }] });
  const enrolled = await createCentralClient({ baseUrl: central.url, token: null }).enrol({
    enrolmentCode: 'DEMO-2026',
    officeCode: 'UPTD-SUKAMAKMUR',
    terminalCode: b.services.config.terminalCode,
    publicKeyPem: b.services.signer.publicKeyPem,
    keyId: b.services.signer.keyId,
  });
  client = createCentralClient({ baseUrl: central.url, token: enrolled.token, timeoutMs: 3000 });
}, 120_000);
afterAll(async () => {
  await central?.close();
  await b?.dispose();
  rmSync(centralDir, { recursive: true, force: true });
});

describe('push', () => {
  it('sends the whole outbox in batches, each record acknowledged; a second push sends nothing', async () => {
    const before = pending();
    expect(before).toBeGreaterThan(1000);
    const result = await pushOutbox(b.services, client);
    expect(result.failed).toBe(false);
    expect(result.rejected).toBe(0);
    expect(result.accepted + result.duplicate).toBe(before);
    expect(pending()).toBe(0);
    const again = await pushOutbox(b.services, client);
    expect(again.sent).toBe(0);
  }, 120_000);

  it('survives dropped connections and timeouts: resends, and the centre counts nothing twice', async () => {
    const clerk = await b.login('loket1');
    await b.ok('shift.open', { openingCash: 0 }, clerk);
    const ids: string[] = [];
    for (const idpel of b.services.store.all<{ idpel: string }>("SELECT DISTINCT idpel FROM bills b WHERE object_type = 'stall_permit' AND NOT EXISTS (SELECT 1 FROM payment_items i WHERE i.bill_id = b.id) LIMIT 5")) {
      const bill = (await b.ok('inquiry.idpel', { idpel: idpel.idpel }, clerk)).bills[0];
      ids.push((await b.ok('payment.cash', { requestId: randomUUID(), idpel: idpel.idpel, billIds: [bill?.billId ?? ''], tendered: bill?.total ?? 0 }, clerk)).paymentId);
    }
    central.setFaults({ dropRate: 1, seed: 7 });
    const broken = await pushOutbox(b.services, client);
    expect(broken.failed).toBe(true);
    expect(pending()).toBeGreaterThan(0);
    expect(syncStatus(b.services.store, null).lastError).toBeTruthy();
    central.setFaults({});
    dueNow();
    const healed = await pushOutbox(b.services, client);
    expect(healed.failed).toBe(false);
    // the dropped answer came after the centre stored the batch: now they come back as duplicates
    expect(healed.duplicate).toBeGreaterThan(0);
    expect(pending()).toBe(0);
    for (const id of ids) expect(central.db.get<{ n: number }>("SELECT count(*) AS n FROM records WHERE kind = 'payment' AND id = ?", [id])?.n).toBe(1);
  }, 60_000);

  it('backs off exponentially with jitter, capped', () => {
    expect(backoffMs(1, () => 0.5)).toBe(2000);
    expect(backoffMs(3, () => 0.5)).toBe(8000);
    expect(backoffMs(30, () => 0.5)).toBe(15 * 60_000);
    expect(backoffMs(2, () => 0)).toBe(2000);
    expect(backoffMs(2, () => 0.999)).toBeLessThanOrEqual(6000);
  });
});

describe('gateway payments', () => {
  it('a bank payment by IDPEL reaches the terminal and closes the bill', async () => {
    const idpel = b.services.store.get<{ idpel: string }>(
      "SELECT b.idpel FROM bills b WHERE b.object_type = 'rusun_contract' AND NOT EXISTS (SELECT 1 FROM payment_items i WHERE i.bill_id = b.id) GROUP BY b.idpel HAVING count(*) = 1 LIMIT 1",
    )?.idpel ?? '';
    const inquiry = central.bank.inquiry(idpel);
    expect(inquiry.code).toBe('00');
    const local = await b.ok('inquiry.idpel', { idpel }, await b.login('loket1'));
    expect(inquiry.total).toBe(local.total);
    const paid = central.bank.pay({ idpel });
    expect(paid.code).toBe('00');
    const pulled = await pullGateway(b.services, client);
    expect(pulled.failed).toBe(false);
    expect(pulled.applied).toBeGreaterThanOrEqual(1);
    const after = await b.ok('inquiry.idpel', { idpel }, await b.login('loket1'));
    expect(after.bills).toHaveLength(0);
    const again = await pullGateway(b.services, client);
    expect(again.applied).toBe(0);
  }, 60_000);

  it('a bill paid at the counter offline and at the bank becomes exactly one overpayment', async () => {
    const clerk = await b.login('loket1');
    const idpel = b.services.store.get<{ idpel: string }>(
      "SELECT b.idpel FROM bills b WHERE b.object_type = 'rusun_contract' AND NOT EXISTS (SELECT 1 FROM payment_items i WHERE i.bill_id = b.id) GROUP BY b.idpel HAVING count(*) = 1 LIMIT 1",
    )?.idpel ?? '';
    // the bank is paid first (the centre does not know of the counter's cash yet)
    expect(central.bank.pay({ idpel }).code).toBe('00');
    const bill = (await b.ok('inquiry.idpel', { idpel }, clerk)).bills[0];
    await b.ok('payment.cash', { requestId: randomUUID(), idpel, billIds: [bill?.billId ?? ''], tendered: bill?.total ?? 0 }, clerk);
    central.setFaults({ duplicateRate: 1, reorder: true, seed: 3 });
    await pullGateway(b.services, client);
    await pullGateway(b.services, client);
    central.setFaults({});
    const over = b.services.store.all<{ bill_id: string; amount: number }>('SELECT bill_id, amount FROM overpayments WHERE bill_id = ?', [bill?.billId ?? '']);
    expect(over).toHaveLength(1);
    expect(over[0]?.amount).toBe(bill?.total);
    expect(syncStatus(b.services.store, null).overpaymentsOpen).toBeGreaterThanOrEqual(1);
    await pushOutbox(b.services, client);
    expect(pending()).toBe(0);
  }, 60_000);
});
