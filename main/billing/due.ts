// The one computation of what an open bill costs on a date: principal, fine months, fine and
// total, with the levy's own interest rule. The counter, the kiosk, the inquiry, the gateway
// and the reports all call this — so a fine can never be missing in one place and not another.
import { amountDue, type InterestRule } from '../../shared/fines';
import type { BillLineView, OpenBill } from '../../shared/contract/billing';
import type { ReadApi } from '../store/types';
import { openBillOfIdpelCondition } from './status';

export interface LevyRuleRow {
  interest_rate_bp: number;
  interest_cap_months: number;
  interest_rounding: 'floor' | 'round' | 'ceil';
}

export function ruleOf(levy: LevyRuleRow): InterestRule {
  return { rateBp: levy.interest_rate_bp, capMonths: levy.interest_cap_months, rounding: levy.interest_rounding };
}

export interface OpenBillRow extends LevyRuleRow {
  id: string;
  skrd_no: string;
  levy_name: string;
  period: string;
  due_date: string;
  principal: number;
}

export function linesOf(db: ReadApi, billId: string): BillLineView[] {
  return db.all<BillLineView>(
    'SELECT kind, description, quantity, unit_price AS unitPrice, amount FROM bill_lines WHERE bill_id = ? ORDER BY line_no',
    [billId],
  );
}

/** a bill priced for `asOf`, with its lines */
export function toOpenBill(db: ReadApi, row: OpenBillRow, asOf: string): OpenBill {
  const due = amountDue({ principal: row.principal, dueDate: row.due_date }, asOf, ruleOf(row));
  return {
    billId: row.id,
    skrdNo: row.skrd_no,
    levyName: row.levy_name,
    period: row.period,
    dueDate: row.due_date,
    principal: due.principal,
    fineMonths: due.months,
    fine: due.fine,
    total: due.total,
    isOverdue: asOf > row.due_date,
    lines: linesOf(db, row.id),
  };
}

const OPEN_BILL_SELECT = `SELECT b.id, b.skrd_no, l.name AS levy_name, b.period, b.due_date, b.principal,
       l.interest_rate_bp, l.interest_cap_months, l.interest_rounding
  FROM bills b JOIN levies l ON l.id = b.levy_id`;

/** the order of an IDPEL's bills everywhere (desk, receipt, the oldest-first rule): index bills_idpel_due */
const BILL_ORDER = 'b.due_date, b.period, b.id';

const OPEN_BILLS_OF_IDPEL = `${OPEN_BILL_SELECT} WHERE b.idpel = ? AND ${openBillOfIdpelCondition('b')}`;

/** every open bill of an IDPEL, oldest first, priced for `asOf` (a WIB civil date) */
export function openBillsOfIdpel(db: ReadApi, idpel: string, asOf: string): OpenBill[] {
  // sorted here rather than by ORDER BY: sql.js runs this scan about twice as fast without one,
  // even though the index already yields this order (measured: test/bench/counter.bench.ts)
  return db
    .all<OpenBillRow>(OPEN_BILLS_OF_IDPEL, [idpel])
    .sort(compareBills)
    .map((row) => toOpenBill(db, row, asOf));
}

/** one bill a payment names: its IDPEL, billed object, price inputs and whether it is open now */
export interface ChosenBill {
  row: OpenBillRow;
  idpel: string;
  objectType: string;
  objectId: string;
  open: boolean;
}

const CHOSEN_BILL = `SELECT b.id, b.skrd_no, l.name AS levy_name, b.period, b.due_date, b.principal,
       l.interest_rate_bp, l.interest_cap_months, l.interest_rounding,
       b.idpel, b.object_type, b.object_id, (${openBillOfIdpelCondition('b')}) AS open
  FROM bills b JOIN levies l ON l.id = b.levy_id WHERE b.id = ?`;

export function chosenBill(db: ReadApi, billId: string): ChosenBill | undefined {
  const r = db.get<OpenBillRow & { idpel: string; object_type: string; object_id: string; open: number }>(CHOSEN_BILL, [billId]);
  if (!r) return undefined;
  const { idpel, object_type, object_id, open, ...row } = r;
  return { row, idpel, objectType: object_type, objectId: object_id, open: open === 1 };
}

/** the bills are ordered as BILL_ORDER orders them */
export function compareBills(a: Pick<OpenBillRow, 'due_date' | 'period' | 'id'>, b: Pick<OpenBillRow, 'due_date' | 'period' | 'id'>): number {
  return a.due_date < b.due_date ? -1 : a.due_date > b.due_date ? 1 : a.period < b.period ? -1 : a.period > b.period ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The period of the oldest open bill of `idpel` that comes before `newest` (in BILL_ORDER) and is
 * not one of `chosen` — the month a payment of `chosen` would skip — or undefined.
 */
export function skippedOpenBill(db: ReadApi, idpel: string, newest: Pick<OpenBillRow, 'due_date' | 'period' | 'id'>, chosen: readonly string[]): string | undefined {
  const sql = skippedSql(chosen.length);
  const params = [idpel, newest.due_date, newest.period, newest.id, ...chosen];
  // whether there is one at all, without ORDER BY (the fast scan, every payment); which is the
  // oldest only when there is one (the refusal names that month)
  if (!db.get(sql.any, params)) return undefined;
  return db.get<{ period: string }>(sql.oldest, params)?.period;
}

/** the two queries of skippedOpenBill for `n` chosen bills, built once per n */
const skippedSqls = new Map<number, { any: string; oldest: string }>();
function skippedSql(n: number): { any: string; oldest: string } {
  let sql = skippedSqls.get(n);
  if (!sql) {
    const where = `b.idpel = ? AND (b.due_date, b.period, b.id) < (?, ?, ?) AND b.id NOT IN (${Array(n).fill('?').join(',')}) AND ${openBillOfIdpelCondition('b')}`;
    sql = { any: `SELECT 1 AS x FROM bills b WHERE ${where} LIMIT 1`, oldest: `SELECT b.period FROM bills b WHERE ${where} ORDER BY ${BILL_ORDER} LIMIT 1` };
    skippedSqls.set(n, sql);
  }
  return sql;
}

export function totals(bills: readonly OpenBill[]): { principal: number; fine: number; total: number } {
  let principal = 0;
  let fine = 0;
  for (const b of bills) {
    principal += b.principal;
    fine += b.fine;
  }
  return { principal, fine, total: principal + fine };
}
