// Every record the centre must receive has its outbox row from the very transaction that made it.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestBackend, type TestBackend } from '../../helpers/backend';
import { ENQUEUE_SQL, enqueue } from '../../../main/sync/outbox';

let b: TestBackend;
beforeAll(async () => {
  b = await makeTestBackend();
});
afterAll(() => b.dispose());
const db = () => b.services.store;
const outboxOf = (kind: string, id: string) => db().get<{ n: number }>('SELECT count(*) AS n FROM outbox WHERE kind = ? AND record_id = ?', [kind, id])?.n;

describe('outbox', () => {
  it('holds the demo history, every audit record, and the rows of a bill run, in the same commit', async () => {
    const bills = db().get<{ n: number }>('SELECT count(*) AS n FROM bills')?.n ?? 0;
    expect(db().get<{ n: number }>("SELECT count(*) AS n FROM outbox WHERE kind = 'bill'")?.n).toBe(bills);
    const admin = await b.login('admin');
    const seq = db().lastSeq;
    const run = await b.ok('billing.run', { kind: 'rusunawa', period: '2027-01' }, admin);
    expect(db().lastSeq).toBe(seq + 1);
    expect(db().get<{ n: number }>("SELECT count(*) AS n FROM outbox o JOIN bills b ON b.id = o.record_id WHERE o.kind = 'bill' AND b.run_id = ?", [run.runId])?.n).toBe(run.created);
    const audits = db().get<{ n: number }>('SELECT count(*) AS n FROM audit_log')?.n;
    expect(db().get<{ n: number }>("SELECT count(*) AS n FROM outbox WHERE kind = 'audit'")?.n).toBe(audits);
    const seqs = db().all<{ seq: number }>('SELECT seq FROM outbox ORDER BY seq');
    expect(seqs.every((r, i) => r.seq === i + 1)).toBe(true);
  });

  it('takes the next seq with a seek on the seq index, not a scan of the outbox; a record queued twice stays once', () => {
    const plan = db().all<{ detail: string }>(`EXPLAIN QUERY PLAN ${ENQUEUE_SQL}`, ['x', 'k', 'r', 'c']).map((r) => r.detail).join(' | ');
    expect(plan).toMatch(/^SEARCH outbox USING COVERING INDEX/);
    const before = db().get<{ s: number }>('SELECT max(seq) AS s FROM outbox')?.s ?? 0;
    db().write((tx) => {
      enqueue(tx, 'deposit', 'seq-test', '2026-12-04T03:00:00.000Z');
      enqueue(tx, 'deposit', 'seq-test', '2026-12-04T03:00:00.000Z');
    });
    expect(db().all<{ seq: number }>("SELECT seq FROM outbox WHERE id = 'deposit:seq-test'")).toEqual([{ seq: before + 1 }]);
  });

  it('a cash payment, its void and the shift closing are queued', async () => {
    const clerk = await b.login('loket1');
    const kepala = await b.login('kepala');
    await b.ok('shift.open', { openingCash: 0 }, clerk);
    const idpel = db().get<{ idpel: string }>("SELECT b.idpel FROM bills b WHERE b.object_type = 'lab_order' AND NOT EXISTS (SELECT 1 FROM payment_items i WHERE i.bill_id = b.id) LIMIT 1")?.idpel ?? '';
    const bill = (await b.ok('inquiry.idpel', { idpel }, clerk)).bills[0];
    const receipt = await b.ok('payment.cash', { requestId: randomUUID(), idpel, billIds: [bill?.billId ?? ''], tendered: bill?.total ?? 0 }, clerk);
    expect(outboxOf('payment', receipt.paymentId)).toBe(1);
    const req = await b.ok('void.request', { paymentId: receipt.paymentId, reason: 'Salah input sampel laboratorium' }, clerk);
    await b.ok('void.decide', { requestId: req.id, decision: 'setuju' }, kepala);
    const voidId = db().get<{ id: string }>('SELECT id FROM payment_voids WHERE payment_id = ?', [receipt.paymentId])?.id ?? '';
    expect(outboxOf('void', voidId)).toBe(1);
    const shift = await b.ok('shift.current', {}, clerk);
    await b.ok('shift.close', { shiftId: shift?.id ?? '', denominations: {} }, clerk);
    expect(outboxOf('shift_closing', shift?.id ?? '')).toBe(1);
  });
});
