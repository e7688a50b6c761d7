// The one computation of what an open bill costs on a date: principal, fine months, fine and
// total, with the levy's own interest rule. The counter, the kiosk, the inquiry, the gateway
// and the reports all call this — so a fine can never be missing in one place and not another.
import { amountDue, type InterestRule } from '../../shared/fines';
import type { BillLineView, OpenBill } from '../../shared/contract/billing';
import type { ReadApi } from '../store/types';
import { openBillCondition } from './status';

export interface LevyRuleRow {
  interest_rate_bp: number;
  interest_cap_months: number;
  interest_rounding: 'floor' | 'round' | 'ceil';
}

export function ruleOf(levy: LevyRuleRow): InterestRule {
  return { rateBp: levy.interest_rate_bp, capMonths: levy.interest_cap_months, rounding: levy.interest_rounding };
}

interface OpenBillRow extends LevyRuleRow {
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

function toOpenBill(db: ReadApi, row: OpenBillRow, asOf: string): OpenBill {
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

/** every open bill of an IDPEL, oldest first, priced for `asOf` (a WIB civil date) */
export function openBillsOfIdpel(db: ReadApi, idpel: string, asOf: string): OpenBill[] {
  return db
    .all<OpenBillRow>(`${OPEN_BILL_SELECT} WHERE b.idpel = ? AND ${openBillCondition('b')} ORDER BY b.due_date, b.period`, [idpel])
    .map((row) => toOpenBill(db, row, asOf));
}

/** selected open bills by id (in the given order), priced for `asOf`; missing or closed ones are left out */
export function openBillsByIds(db: ReadApi, ids: readonly string[], asOf: string): OpenBill[] {
  const out: OpenBill[] = [];
  for (const id of ids) {
    const row = db.get<OpenBillRow>(`${OPEN_BILL_SELECT} WHERE b.id = ? AND ${openBillCondition('b')}`, [id]);
    if (row) out.push(toOpenBill(db, row, asOf));
  }
  return out;
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
