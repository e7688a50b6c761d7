// Shifts: a clerk's counter session on one terminal, from the opening float to the counted cash.
import type { ClosingReport, ShiftView } from '../../shared/contract/counter';
import { DENOMINATIONS } from '../../shared/contract/counter';
import { businessDate } from '../../shared/time';
import type { ReadApi } from '../store/types';
import { livePaymentCondition } from '../billing/status';

interface ShiftRow {
  id: string;
  terminal_code: string;
  clerk_id: string;
  clerk_name: string;
  business_date: string;
  opened_at: string;
  opening_cash: number;
  closed_at: string | null;
  counted_cash: number | null;
  difference: number | null;
}

const SHIFT_SELECT = `SELECT s.id, s.terminal_code, s.clerk_id, u.full_name AS clerk_name, s.business_date, s.opened_at, s.opening_cash,
  c.closed_at, c.counted_cash, c.difference
  FROM shifts s JOIN users u ON u.id = s.clerk_id LEFT JOIN shift_closings c ON c.shift_id = s.id`;

/** cash the drawer should hold: the float plus live cash payments of the shift */
export function cashReceived(db: ReadApi, shiftId: string): { received: number; count: number } {
  const row = db.get<{ s: number; n: number }>(
    `SELECT coalesce(sum(p.total), 0) AS s, count(*) AS n FROM payments p WHERE p.shift_id = ? AND p.channel = 'tunai' AND ${livePaymentCondition('p')}`,
    [shiftId],
  );
  return { received: row?.s ?? 0, count: row?.n ?? 0 };
}

function toView(db: ReadApi, row: ShiftRow, today: string): ShiftView {
  const cash = cashReceived(db, row.id);
  const receipts = db.get<{ n: number }>(`SELECT count(*) AS n FROM payments p WHERE p.shift_id = ?`, [row.id])?.n ?? 0;
  return {
    id: row.id,
    terminalCode: row.terminal_code,
    clerkName: row.clerk_name,
    businessDate: row.business_date,
    openedAt: row.opened_at,
    openingCash: row.opening_cash,
    expectedCash: row.opening_cash + cash.received,
    receiptCount: receipts,
    isStale: row.closed_at === null && row.business_date < today,
    closed: row.closed_at === null ? null : { closedAt: row.closed_at, countedCash: row.counted_cash ?? 0, difference: row.difference ?? 0 },
  };
}

/** the open shift of a clerk on a terminal, cheaply: the payment path asks this on every call */
/**
 * The open shift last found per store, clerk and terminal. Shifts and their closings are
 * append-only and a clerk has at most one open shift per terminal (shift.open refuses a second),
 * so the one found stays the answer exactly as long as it has no closing — checked on every use
 * with one primary-key lookup instead of walking the clerk's shifts again.
 */
const lastOpenShift = new WeakMap<ReadApi, Map<string, { id: string; businessDate: string }>>();

export function openShiftIdOf(db: ReadApi, clerkId: string, terminal: string): { id: string; businessDate: string } | null {
  const key = `${clerkId}\u0000${terminal}`;
  let known = lastOpenShift.get(db);
  const last = known?.get(key);
  if (last && !db.get('SELECT 1 AS closed FROM shift_closings WHERE shift_id = ?', [last.id])) return { ...last };
  const found =
    db.get<{ id: string; businessDate: string }>(
      `SELECT s.id, s.business_date AS businessDate FROM shifts s
        WHERE s.clerk_id = ? AND s.terminal_code = ? AND NOT EXISTS (SELECT 1 FROM shift_closings c WHERE c.shift_id = s.id)
        ORDER BY s.opened_at DESC LIMIT 1`,
      [clerkId, terminal],
    ) ?? null;
  if (!known) {
    known = new Map();
    lastOpenShift.set(db, known);
  }
  if (found) known.set(key, { ...found });
  else known.delete(key);
  return found;
}

export function openShiftOf(db: ReadApi, clerkId: string, terminal: string, now: Date): ShiftView | null {
  const row = db.get<ShiftRow>(`${SHIFT_SELECT} WHERE s.clerk_id = ? AND s.terminal_code = ? AND c.shift_id IS NULL ORDER BY s.opened_at DESC LIMIT 1`, [clerkId, terminal]);
  return row ? toView(db, row, businessDate(now)) : null;
}

export function shiftById(db: ReadApi, id: string, now: Date): ShiftView | null {
  const row = db.get<ShiftRow>(`${SHIFT_SELECT} WHERE s.id = ?`, [id]);
  return row ? toView(db, row, businessDate(now)) : null;
}

export function listShifts(db: ReadApi, now: Date, date?: string): ShiftView[] {
  const rows = db.all<ShiftRow>(`${SHIFT_SELECT} WHERE (?1 IS NULL OR s.business_date = ?1) ORDER BY s.opened_at DESC LIMIT 200`, [date ?? null]);
  const today = businessDate(now);
  return rows.map((r) => toView(db, r, today));
}

export function countDenominations(input: Record<string, number>): { value: number; count: number; amount: number }[] | string {
  const allowed = new Set<number>(DENOMINATIONS);
  for (const key of Object.keys(input)) {
    if (!allowed.has(Number(key))) return `pecahan Rp ${key} tidak dikenal`;
  }
  return DENOMINATIONS.map((value) => {
    const count = input[String(value)] ?? 0;
    return { value, count, amount: value * count };
  });
}

export function closingReport(db: ReadApi, shiftId: string, now: Date): ClosingReport | null {
  const shift = shiftById(db, shiftId, now);
  if (!shift) return null;
  const byLevy = db.all<ClosingReport['byLevy'][number]>(
    `SELECT l.name AS levyName, count(DISTINCT p.id) AS count, sum(i.principal) AS principal, sum(i.fine) AS fine, sum(i.amount) AS total
       FROM payments p JOIN payment_items i ON i.payment_id = p.id JOIN bills b ON b.id = i.bill_id JOIN levies l ON l.id = b.levy_id
      WHERE p.shift_id = ? AND ${livePaymentCondition('p')} GROUP BY l.id ORDER BY l.kode`,
    [shiftId],
  );
  const byChannel = db.all<ClosingReport['byChannel'][number]>(
    `SELECT p.channel, count(*) AS count, sum(p.total) AS total FROM payments p WHERE p.shift_id = ? AND ${livePaymentCondition('p')} GROUP BY p.channel ORDER BY p.channel`,
    [shiftId],
  );
  const voids = db.all<ClosingReport['voids'][number]>(
    `SELECT p.receipt_no AS receiptNo, p.total, v.reason, u.full_name AS approvedBy
       FROM payment_voids v JOIN payments p ON p.id = v.payment_id JOIN users u ON u.id = v.approved_by WHERE p.shift_id = ? ORDER BY p.receipt_no`,
    [shiftId],
  );
  const range = db.get<{ n: number; first: string | null; last: string | null }>(
    'SELECT count(*) AS n, min(receipt_no) AS first, max(receipt_no) AS last FROM payments WHERE shift_id = ?',
    [shiftId],
  );
  const voidedCash = db.get<{ s: number }>(
    "SELECT coalesce(sum(p.total), 0) AS s FROM payment_voids v JOIN payments p ON p.id = v.payment_id WHERE p.shift_id = ? AND p.channel = 'tunai'",
    [shiftId],
  );
  const closing = db.get<{ denominations_json: string; counted_cash: number; difference: number; approved_by_name: string | null; note: string | null }>(
    'SELECT c.denominations_json, c.counted_cash, c.difference, u.full_name AS approved_by_name, c.note FROM shift_closings c LEFT JOIN users u ON u.id = c.approved_by WHERE c.shift_id = ?',
    [shiftId],
  );
  const cash = cashReceived(db, shiftId);
  return {
    shift,
    byLevy,
    byChannel,
    voids,
    receiptCount: range?.n ?? 0,
    firstReceipt: range?.first ?? null,
    lastReceipt: range?.last ?? null,
    cashReceived: cash.received,
    cashVoided: voidedCash?.s ?? 0,
    denominations: closing ? (JSON.parse(closing.denominations_json) as ClosingReport['denominations']) : [],
    countedCash: closing?.counted_cash ?? null,
    difference: closing?.difference ?? null,
    approvedBy: closing?.approved_by_name ?? null,
    note: closing?.note ?? null,
  };
}
