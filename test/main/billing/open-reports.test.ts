// The supervisors' figures that count every open bill of the office — the counter home's open and
// overdue totals, the office overview per levy and the arrears list — read open_bills (migration
// 010); they must equal the same figures asked of the facts (openBillCondition), on the demo
// office and again after payments and a void.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestBackend, type TestBackend } from '../../helpers/backend';
import { openBillCondition } from '../../../main/billing/status';
import { businessDate } from '../../../shared/time';

let b: TestBackend;
let clerk: string;
let kepala: string;
beforeAll(async () => {
  b = await makeTestBackend();
  clerk = await b.login('loket1');
  kepala = await b.login('kepala');
});
afterAll(() => b.dispose());

const db = () => b.services.store;

async function expectFiguresAgree(): Promise<void> {
  const today = businessDate(b.clock.now());
  const facts = db().get<{ n: number; s: number; on_: number; os: number }>(
    `SELECT count(*) AS n, coalesce(sum(principal), 0) AS s, coalesce(sum(due_date < ?1), 0) AS on_,
            coalesce(sum(CASE WHEN due_date < ?1 THEN principal ELSE 0 END), 0) AS os
       FROM bills b WHERE ${openBillCondition('b')}`,
    [today],
  );
  const home = await b.ok('dashboard.counterToday', {}, clerk);
  expect({ n: home.openBills, s: home.openPrincipal, on_: home.overdueBills, os: home.overduePrincipal }).toEqual(facts);
  expect(home.openBills).toBeGreaterThan(0);

  const perLevy = db().all<{ id: string; n: number; s: number }>(
    `SELECT l.id, count(b.id) AS n, coalesce(sum(b.principal), 0) AS s FROM levies l LEFT JOIN bills b ON b.levy_id = l.id AND ${openBillCondition('b')} GROUP BY l.id`,
  );
  const overview = await b.ok('office.overview', {}, clerk);
  expect(overview.levies.map((l) => ({ id: l.id, n: l.openBills, s: l.openPrincipal })).sort((x, y) => x.id.localeCompare(y.id))).toEqual(
    perLevy.sort((x, y) => x.id.localeCompare(y.id)),
  );

  const overdue = db().all<{ idpel: string; n: number; s: number }>(
    `SELECT b.idpel, count(*) AS n, sum(b.principal) AS s FROM bills b WHERE b.due_date < ? AND ${openBillCondition('b')} GROUP BY b.idpel ORDER BY b.idpel`,
    [today],
  );
  const arrears = (await b.ok('arrears.list', {}, clerk)).rows;
  expect(arrears.map((r) => ({ idpel: r.idpel, n: r.openBills, s: r.principal })).sort((x, y) => x.idpel.localeCompare(y.idpel))).toEqual(overdue);
  expect(arrears.length).toBeGreaterThan(0);
}

describe('office-wide open-bill figures', () => {
  it('equal the facts on the demo office, after payments, and after a void reopens a month', async () => {
    await expectFiguresAgree();
    const [tenant] = (await b.ok('arrears.list', { levyKind: 'rusunawa' }, clerk)).rows;
    if (!tenant) throw new Error('the demo office has no rusunawa arrears');
    await b.ok('shift.open', { openingCash: 100_000 }, clerk);
    const [oldest] = (await b.ok('inquiry.idpel', { idpel: tenant.idpel }, clerk)).bills;
    const paid = await b.ok('payment.cash', { requestId: randomUUID(), idpel: tenant.idpel, billIds: [oldest?.billId ?? ''], tendered: 10_000_000 }, clerk);
    await expectFiguresAgree();
    const request = await b.ok('void.request', { paymentId: paid.paymentId, reason: 'Salah bayar' }, clerk);
    await b.ok('void.decide', { requestId: request.id, decision: 'setuju' }, kepala);
    await expectFiguresAgree();
  });
});
