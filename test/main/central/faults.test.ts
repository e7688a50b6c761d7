// Each fault kind demonstrably happens over real HTTP, the schedule is reproducible from its
// seed, and a client that resends after a fault does no harm.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { FaultState, GatewayPaymentResponse, GatewayReversalResponse, Health, PushResponse } from '../../../shared/central-api/types';
import { billRecord, enrolTerminal, http, idpel, startSim, T0, type Sim, type TestTerminal } from './helpers';

let sim: Sim;
let t1: TestTerminal;
beforeAll(async () => {
  sim = await startSim();
  t1 = await enrolTerminal(sim.central, 'UPTD-RUSUN', 'LKT01');
});
afterEach(() => {
  sim.central.setFaults({});
});
afterAll(async () => {
  await sim.dispose();
});

function records(): number {
  return (sim.central.db.get<{ n: number }>('SELECT count(*) AS n FROM records') as { n: number }).n;
}

function pushRaw(body: unknown, signal?: AbortSignal): Promise<Response> {
  const init: RequestInit = { method: 'POST', headers: { authorization: `Bearer ${t1.token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) };
  if (signal) init.signal = signal;
  return fetch(`${sim.central.url}/v1/push`, init);
}

describe('fault injection', () => {
  it('adds latency (fixed and jitter)', async () => {
    sim.central.setFaults({ latencyMs: 250, jitterMs: 100 });
    const started = performance.now();
    const res = await http(sim.central.url, '/v1/health');
    expect(res.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(240);
    expect(sim.central.getFaults().stats.latency).toBe(1);
  });

  it('answers a fraction with 5xx before doing anything', async () => {
    sim.central.setFaults({ errorRate: 1 });
    const before = records();
    const res = await http<{ error: { code: string; message: string } }>(sim.central.url, '/v1/push', { token: t1.token, body: { records: [billRecord({ idpel: idpel(501), period: '2026-03', dueDate: '2026-03-10' })] } });
    expect([500, 502, 503]).toContain(res.status);
    expect(res.json.error.message).toContain('Gangguan simulasi');
    expect(records()).toBe(before);
    // the gateway side is not on the default fault paths
    expect((await http(sim.central.url, '/gateway/inquiry', { gatewayKey: sim.central.gatewayKey, body: { idpel: idpel(501) } })).status).toBe(200);
    sim.central.setFaults({ errorRate: 1, paths: ['/gateway/'] });
    expect((await http(sim.central.url, '/gateway/inquiry', { gatewayKey: sim.central.gatewayKey, body: { idpel: idpel(501) } })).status).toBeGreaterThanOrEqual(500);
    expect((await http(sim.central.url, '/v1/health')).status).toBe(200);
  });

  it('times out: the push is carried out but never answered; resending gets "duplicate"', async () => {
    sim.central.setFaults({ timeoutRate: 1 });
    const bill = billRecord({ idpel: idpel(502), period: '2026-03', dueDate: '2026-03-10' });
    const before = records();
    await expect(pushRaw({ records: [bill] }, AbortSignal.timeout(400))).rejects.toThrow(/aborted|timeout/i);
    expect(records()).toBe(before + 1);
    expect(sim.central.getFaults().stats.timeout).toBe(1);
    sim.central.setFaults({});
    const again = await t1.push([bill]);
    expect(again.acks[0]?.status).toBe('duplicate');
  });

  it('drops the connection after part of the body: fetch fails mid-body; resending gets "duplicate"', async () => {
    sim.central.setFaults({ dropRate: 1 });
    const bill = billRecord({ idpel: idpel(503), period: '2026-03', dueDate: '2026-03-10' });
    const res = await pushRaw({ records: [bill] });
    expect(res.status).toBe(200);
    expect(Number(res.headers.get('content-length'))).toBeGreaterThan(10);
    await expect(res.text()).rejects.toThrow();
    expect(sim.central.getFaults().stats.drop).toBe(1);
    sim.central.setFaults({});
    expect((await t1.push([bill])).acks[0]?.status).toBe('duplicate');
    expect((sim.central.db.get<{ n: number }>('SELECT count(*) AS n FROM bills WHERE id = ?', [bill.id]) as { n: number }).n).toBe(1);
  });

  it('duplicates a push delivery: processed twice, harmless, answered with the second result', async () => {
    sim.central.setFaults({ duplicateRate: 1 });
    const bills = [502, 504, 505].map((n) => billRecord({ idpel: idpel(n + 100), period: '2026-03', dueDate: '2026-03-10' }));
    const before = records();
    const res = await t1.push(bills);
    expect(res.acks.map((a) => a.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    expect(records()).toBe(before + 3);
    expect(sim.central.getFaults().stats.duplicate).toBe(1);
  });

  it('reorders push acks (match them by kind + id)', async () => {
    sim.central.setFaults({ reorder: true, seed: 3 });
    const bills = Array.from({ length: 10 }, (_, i) => billRecord({ idpel: idpel(520 + i), period: '2026-03', dueDate: '2026-03-10' }));
    const res = await t1.push(bills);
    expect(res.acks.map((a) => a.id)).not.toEqual(bills.map((b) => b.id));
    expect([...res.acks.map((a) => a.id)].sort()).toEqual(bills.map((b) => b.id).sort());
    expect(res.acks.every((a) => a.status === 'accepted')).toBe(true);
  });

  it('skews the clock: health, enrolment and the gateway\'s timestamps move; a skew past midnight refuses the reversal', async () => {
    sim.central.setFaults({ clockSkewMinutes: 90 });
    const health = await http<Health>(sim.central.url, '/v1/health');
    expect(health.json.serverTime).toBe(new Date(new Date(T0).getTime() + 90 * 60_000).toISOString());
    expect(sim.central.now().toISOString()).toBe(health.json.serverTime);

    const id = idpel(540);
    await t1.push([billRecord({ idpel: id, period: '2026-03', dueDate: '2026-03-20' })]);
    const paid = (await http<GatewayPaymentResponse>(sim.central.url, '/gateway/payment', { gatewayKey: sim.central.gatewayKey, body: { idpel: id, amount: 350_000, ntb: 'NTB-SKEW' } })).json;
    expect(paid.paidAt).toBe(health.json.serverTime);

    sim.central.setFaults({ clockSkewMinutes: 24 * 60 });
    const next = await http<Health>(sim.central.url, '/v1/health');
    expect(next.json.businessDate).toBe('2026-03-15');
    const rev = await http<GatewayReversalResponse>(sim.central.url, '/gateway/reversal', { gatewayKey: sim.central.gatewayKey, body: { ntb: 'NTB-SKEW' } });
    expect(rev.json.code).toBe('16');
  });

  it('repeats the same fault schedule for the same seed', async () => {
    const run = async () => {
      sim.central.setFaults({ seed: 42, errorRate: 0.5, dropRate: 0.2 });
      const out: string[] = [];
      for (let i = 0; i < 30; i++) {
        try {
          const res = await fetch(`${sim.central.url}/v1/health`);
          await res.text();
          out.push(String(res.status));
        } catch {
          out.push('drop');
        }
      }
      return out;
    };
    const first = await run();
    const second = await run();
    expect(second).toEqual(first);
    expect(new Set(first).size).toBeGreaterThan(1);
    sim.central.setFaults({ seed: 43, errorRate: 0.5, dropRate: 0.2 });
    const other: string[] = [];
    for (let i = 0; i < 30; i++) {
      try {
        const res = await fetch(`${sim.central.url}/v1/health`);
        await res.text();
        other.push(String(res.status));
      } catch {
        other.push('drop');
      }
    }
    expect(other).not.toEqual(first);
  });

  it('is set and read through the admin endpoint, validated against the document', async () => {
    const admin = sim.central.adminKey;
    const bad = await http<{ error: { code: string } }>(sim.central.url, '/admin/faults', { method: 'PUT', adminKey: admin, body: { errorRate: 2 } });
    expect(bad.status).toBe(400);
    const set = await http<FaultState>(sim.central.url, '/admin/faults', { method: 'PUT', adminKey: admin, body: { seed: 9, latencyMs: 5 } });
    expect(set.json).toEqual({ config: { seed: 9, latencyMs: 5 }, stats: { requests: 0, latency: 0, error: 0, timeout: 0, drop: 0, duplicate: 0, reorder: 0 } });
    await http(sim.central.url, '/v1/health');
    const got = await http<FaultState>(sim.central.url, '/admin/faults', { adminKey: admin });
    expect(got.json.stats).toMatchObject({ requests: 1, latency: 1 });
    expect((await http(sim.central.url, '/admin/faults', { adminKey: 'salah' })).status).toBe(401);
    expect(() => sim.central.setFaults({ dropRate: -1 })).toThrow(/tidak sah/);
  });

  it('survives a mixed fault schedule: a client that resends until it gets its acks stores every record exactly once', async () => {
    sim.central.setFaults({ seed: 11, errorRate: 0.25, dropRate: 0.25, duplicateRate: 0.25, reorder: true });
    const bills = Array.from({ length: 40 }, (_, i) => billRecord({ idpel: idpel(700 + i), period: '2026-03', dueDate: '2026-03-10' }));
    const acked = new Map<string, string>();
    for (let attempt = 0; attempt < 60 && acked.size < bills.length; attempt++) {
      const pending = bills.filter((b) => !acked.has(b.id)).slice(0, 4);
      try {
        const res = await pushRaw({ batchId: uuidv7(), records: pending });
        if (res.status !== 200) {
          await res.text();
          continue;
        }
        const body = (await res.json()) as PushResponse;
        for (const a of body.acks) acked.set(a.id, a.status);
      } catch {
        // dropped mid-body: resend
      }
    }
    expect(acked.size).toBe(bills.length);
    expect([...acked.values()].filter((s) => s !== 'accepted' && s !== 'duplicate')).toEqual([]);
    const stored = sim.central.db.get<{ n: number }>(
      `SELECT count(*) AS n FROM bills WHERE id IN (${bills.map(() => '?').join(',')})`,
      bills.map((b) => b.id),
    ) as { n: number };
    expect(stored.n).toBe(bills.length);
    const stats = sim.central.getFaults().stats;
    expect(stats.error).toBeGreaterThan(0);
    expect(stats.drop).toBeGreaterThan(0);
  });
});
