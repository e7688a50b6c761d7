// The one computation of what an open bill costs on a date: principal, fine months, fine and
// total, with the levy's own interest rule. The counter, the kiosk, the inquiry, the gateway
// and the reports all call this — so a fine can never be missing in one place and not another.
import { amountDue, type InterestRule } from '../../shared/fines';
import type { BillLineView, OpenBill } from '../../shared/contract/billing';
import type { ReadApi } from '../store/types';
import { openBillOfIdpelCondition } from './status';
import { lookup } from './objects';

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

/** an open bill of an IDPEL as open_bills holds it, with its levy's interest rule */
export interface OpenBillOfIdpel extends OpenBillRow {
  objectType: string;
  objectId: string;
}

// one short range of open_bills (migration 010), whose key is the bill order; the levy's name and
// interest rule by scalar subqueries, which sql.js runs several times faster than a join
// (20 µs → 6 µs per payment; see lookup)
const levy = (column: string) => lookup('levies', column, 'o.levy_id');
const OPEN_BILLS_OF_IDPEL = `SELECT o.bill_id AS id, o.skrd_no, ${levy('name')} AS levy_name, o.period, o.due_date, o.principal,
       ${levy('interest_rate_bp')} AS interest_rate_bp, ${levy('interest_cap_months')} AS interest_cap_months,
       ${levy('interest_rounding')} AS interest_rounding, o.object_type AS objectType, o.object_id AS objectId
  FROM open_bills o WHERE o.idpel = ?`;

/** the open bills of an IDPEL, oldest first, not yet priced */
export function openBillRowsOfIdpel(db: ReadApi, idpel: string): OpenBillOfIdpel[] {
  // sorted here as well: the order is the key's, but nothing in SQL promises it without ORDER BY
  return db.all<OpenBillOfIdpel>(OPEN_BILLS_OF_IDPEL, [idpel]).sort(compareBills);
}

/** every open bill of an IDPEL, oldest first, priced for `asOf` (a WIB civil date) */
export function openBillsOfIdpel(db: ReadApi, idpel: string, asOf: string): OpenBill[] {
  return openBillRowsOfIdpel(db, idpel).map((row) => toOpenBill(db, row, asOf));
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

/** one bill by its id, open or not (why a chosen bill cannot be paid) */
export function chosenBill(db: ReadApi, billId: string): ChosenBill | undefined {
  const r = db.get<OpenBillRow & { idpel: string; object_type: string; object_id: string; open: number }>(CHOSEN_BILL, [billId]);
  if (!r) return undefined;
  const { idpel, object_type, object_id, open, ...row } = r;
  return { row, idpel, objectType: object_type, objectId: object_id, open: open === 1 };
}

/** the order of an IDPEL's bills everywhere (desk, receipt, the oldest-first rule): due date, period, id — open_bills' key */
export function compareBills(a: Pick<OpenBillRow, 'due_date' | 'period' | 'id'>, b: Pick<OpenBillRow, 'due_date' | 'period' | 'id'>): number {
  return a.due_date < b.due_date ? -1 : a.due_date > b.due_date ? 1 : a.period < b.period ? -1 : a.period > b.period ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The oldest-first rule over an IDPEL's open bills (oldest first): the first open bill that comes
 * before the newest chosen one and is not chosen — the month paying `chosen` would skip — or
 * undefined. Every chosen bill is one of `open`.
 */
export function skippedOpenBill<T extends Pick<OpenBillRow, 'due_date' | 'period' | 'id'>>(open: readonly T[], chosen: ReadonlySet<string>): T | undefined {
  let left = chosen.size;
  for (const bill of open) {
    if (left === 0) return undefined;
    if (chosen.has(bill.id)) left--;
    else return bill;
  }
  return undefined;
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
