// The randomized fault suite: two counters and the central simulator over real HTTP. In each of
// the seeded schedules both counters take payments (sometimes the same bill), the bank pays
// some bills, and they sync through latency, 5xx answers, timeouts, connections dropped
// mid-answer, duplicated and reordered deliveries; then the network heals. Afterwards the
// centre and both terminals must agree: no payment lost, none counted twice, every double
// payment one overpayment. A failing schedule prints its seed: FAULT_SEED=<seed> reruns it alone.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCentral, type RunningCentral } from '../../../main/central/server';
import { createCentralClient, type CentralClient } from '../../../main/sync/http';
import { pullGateway, pullSource, pushOutbox } from '../../../main/sync/engine';
import { makeTestBackend, testClock, type TestBackend } from '../../helpers/backend';

const SCHEDULES = Number(process.env.FAULT_SCHEDULES ?? 300);
const ONLY_SEED = process.env.FAULT_SEED ? Number(process.env.FAULT_SEED) : null;
const BASE_SEED = Number(process.env.FAULT_BASE_SEED ?? 20261204);

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let central: RunningCentral;
let dir: string;
let a: TestBackend;
let b: TestBackend;
let clients: Map<TestBackend, CentralClient>;
const clock = testClock('2026-12-04T01:00:00.000Z');
let tokens: Map<TestBackend, string>;

async function syncWith(t: TestBackend): Promise<void> {
  const client = clients.get(t);
  if (!client) throw new Error('no client');
  // a failure of one step must not stop the next: each is retried on the next round anyway
  await pushOutbox(t.services, client, { batchSize: 50 }).catch(() => undefined);
  await pullSource(t.services, client, 'master', { limit: 50 }).catch(() => undefined);
  await pullSource(t.services, client, 'office', { limit: 20 }).catch(() => undefined);
  await pullGateway(t.services, client, { limit: 20 }).catch(() => undefined);
}

async function settle(): Promise<void> {
  for (let round = 0; round < 4; round++) {
    for (const t of [a, b]) {
      t.services.store.write((tx) => tx.run('UPDATE outbox SET next_attempt_at = NULL WHERE acked_at IS NULL'));
      await syncWith(t);
    }
  }
}

function ids(t: TestBackend, sql: string): string[] {
  return t.services.store.all<{ id: string }>(sql).map((r) => r.id).sort();
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'central-faults-'));
  central = await startCentral({ port: 0, dataDir: dir, now: clock.now, enrolmentCodes: [{ code: 'DEMO-2026', maxUses: 10, validDays: 3650 }] });
  a = await makeTestBackend({ clock });
  b = await makeTestBackend({ clock, profile: 'production', env: { LOKET_TERMINAL: 'LKT02' } });
  const adminA = await a.login('admin');
  const first = await b.ok('setup.createFirstAdmin', { username: 'admin.b', fullName: 'Admin Loket Dua', password: 'AdminLoket2026' });
  await b.ok('users.create', { username: 'loket.b', fullName: 'Petugas Loket Dua', role: 'petugas', password: 'Petugas2026b' }, first.token);
  // a month of daily market bills gives every schedule fresh open bills
  for (let d = 5; d <= 31; d++) await a.ok('billing.run', { kind: 'pasar_harian', period: `2026-12-${String(d).padStart(2, '0')}` }, adminA);
  const enrolled = new Map<TestBackend, string>();
  for (const [t, token] of [[a, adminA], [b, first.token]] as const) {
    await t.ok('sync.enrol', { centralUrl: central.url, enrolmentCode: 'DEMO-2026', officeCode: 'UPTD-SUKAMAKMUR' }, token);
    enrolled.set(t, JSON.parse((await import('node:fs')).readFileSync(join(t.dir, 'keys', 'central-credential.json'), 'utf8')).token as string);
  }
  // short timeouts: the timeout fault never answers
  clients = new Map([...enrolled].map(([t, token]) => [t, createCentralClient({ baseUrl: central.url, token, timeoutMs: 400 })]));
  await settle();
  tokens = new Map([
    [a, await a.login('loket1')],
    [b, await b.login('loket.b', 'Petugas2026b')],
  ]);
  await a.ok('shift.open', { openingCash: 0 }, tokens.get(a) ?? '');
  await b.ok('shift.open', { openingCash: 0 }, tokens.get(b) ?? '');
}, 300_000);

afterAll(async () => {
  await a?.dispose();
  await b?.dispose();
  await central?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function payOldest(t: TestBackend, idpel: string): Promise<string | null> {
  const token = tokens.get(t) ?? '';
  const res = await t.call({ op: 'inquiry.idpel', input: { idpel }, session: token }, 'test');
  if (!res.ok) return null;
  const bill = (res.value as { bills: { billId: string; total: number }[] }).bills[0];
  if (!bill) return null;
  const paid = await t.call({ op: 'payment.cash', input: { requestId: randomUUID(), idpel, billIds: [bill.billId], tendered: bill.total }, session: token }, 'test');
  return paid.ok ? bill.billId : null;
}

const seen = { requests: 0, latency: 0, error: 0, timeout: 0, drop: 0, duplicate: 0, reorder: 0 };

async function runSchedule(seed: number): Promise<void> {
  const rand = prng(seed);
  const idpels = a.services.store.all<{ idpel: string }>(
    "SELECT DISTINCT b.idpel FROM bills b WHERE b.object_type = 'stall_permit' AND b.period LIKE '2026-12-%' AND NOT EXISTS (SELECT 1 FROM payment_items i WHERE i.bill_id = b.id) ORDER BY b.idpel",
  );
  const pick = () => idpels[Math.floor(rand() * idpels.length)]?.idpel ?? '';
  central.setFaults({
    seed,
    latencyMs: Math.floor(rand() * 5),
    errorRate: rand() * 0.3,
    timeoutRate: rand() < 0.3 ? rand() * 0.1 : 0,
    dropRate: rand() * 0.3,
    duplicateRate: rand() * 0.5,
    reorder: rand() < 0.5,
  });
  const actions = 2 + Math.floor(rand() * 4);
  for (let i = 0; i < actions; i++) {
    const r = rand();
    if (r < 0.35) await payOldest(a, pick());
    else if (r < 0.6) await payOldest(b, pick());
    else if (r < 0.75) {
      // the same payer at both counters before either syncs: a double payment
      const idpel = pick();
      await payOldest(a, idpel);
      await payOldest(b, idpel);
    } else if (r < 0.85) {
      const inquiry = central.bank.inquiry(pick());
      if (inquiry.code === '00') central.bank.pay({ idpel: inquiry.idpel });
    } else await syncWith(rand() < 0.5 ? a : b);
    clock.advance(1000 + Math.floor(rand() * 30_000));
  }
  await syncWith(a);
  await syncWith(b);
  const stats = central.getFaults().stats;
  for (const key of Object.keys(seen) as (keyof typeof seen)[]) seen[key] += stats[key];
  central.setFaults({});
  await settle();

  const payA = ids(a, 'SELECT id FROM payments');
  const payB = ids(b, 'SELECT id FROM payments');
  expect(payB, `seed ${seed}: the terminals disagree on payments`).toEqual(payA);
  const centralPayments = central.db.all<{ id: string }>("SELECT id FROM records WHERE kind = 'payment'").map((r) => r.id).sort();
  // every local payment reached the centre exactly once (gateway payments came from it)
  const gateway = new Set(a.services.store.all<{ id: string }>("SELECT id FROM payments WHERE receipt_no LIKE 'GW-%' AND terminal_code = 'GATEWAY'").map((r) => r.id));
  expect(centralPayments, `seed ${seed}: the centre lost or doubled a payment`).toEqual(payA.filter((id) => !gateway.has(id)));
  expect(new Set(centralPayments).size).toBe(centralPayments.length);
  const overA = ids(a, 'SELECT extra_payment_id AS id FROM overpayments');
  const overB = ids(b, 'SELECT extra_payment_id AS id FROM overpayments');
  expect(overB, `seed ${seed}: overpayments differ`).toEqual(overA);
  // no payment counted twice: every bill covered by k live payments has k−1 overpayments
  const counted = a.services.store.all<{ bill_id: string; n: number; o: number }>(
    `SELECT i.bill_id, count(*) AS n, (SELECT count(*) FROM overpayments o WHERE o.bill_id = i.bill_id) AS o FROM payment_items i JOIN payments p ON p.id = i.payment_id
      WHERE NOT EXISTS (SELECT 1 FROM payment_voids v WHERE v.payment_id = p.id) AND NOT EXISTS (SELECT 1 FROM payment_reversals r WHERE r.payment_id = p.id)
      GROUP BY i.bill_id HAVING count(*) > 1`,
  );
  for (const c of counted) expect(c.o, `seed ${seed}: bill ${c.bill_id} paid ${c.n}× with ${c.o} overpayments`).toBe(c.n - 1);
  for (const t of [a, b]) expect(t.services.sync.status(), `seed ${seed}`).toMatchObject({ pending: 0, deadLetters: 0, deferred: 0 });
}

describe('randomized fault suite', () => {
  it(`${ONLY_SEED === null ? SCHEDULES : 1} seeded schedules end with the centre and both terminals agreeing`, async () => {
    const seeds = ONLY_SEED === null ? Array.from({ length: SCHEDULES }, (_, i) => BASE_SEED + i) : [ONLY_SEED];
    let doubles = 0;
    for (const seed of seeds) {
      try {
        await runSchedule(seed);
      } catch (err) {
        console.error(`[fault-suite] schedule failed — rerun with FAULT_SEED=${seed}`);
        throw err;
      }
      doubles = a.services.store.get<{ n: number }>('SELECT count(*) AS n FROM overpayments')?.n ?? 0;
    }
    console.log(`[fault-suite] ${seeds.length} schedules; overpayments ${doubles}; requests and faults: ${JSON.stringify(seen)}`);
    if (ONLY_SEED === null) {
      expect(doubles).toBeGreaterThan(0);
      // every kind of fault really happened on the wire
      for (const kind of ['error', 'timeout', 'drop', 'duplicate', 'reorder'] as const) expect(seen[kind], kind).toBeGreaterThan(0);
    }
  }, 600_000);
});
