// Whether a bill is open is derived, never stored. A payment is *live* while it has no void, no
// gateway reversal and is not a rejected transfer; it *counts as received* when it is live and is not a transfer
// still waiting for an admin's verification. A bill is:
//   lunas               — a received payment covers it
//   menunggu_verifikasi — a live transfer waits for verification (nobody may take it again)
//   batal / dihapuskan  — cancelled or written off (pemutihan) by a record of its own
//   belum_bayar         — otherwise: open, and the counter may take it
import type { ReadApi } from '../store/types';

export type BillState = 'belum_bayar' | 'lunas' | 'menunggu_verifikasi' | 'batal' | 'dihapuskan';

/**
 * SQL: the payment whose id is the expression `id` is live — no void, no reversal, not a rejected
 * transfer — asked of payment_ends, the trigger-kept index of those three (migration 008)
 */
function liveById(id: string): string {
  return `NOT EXISTS (SELECT 1 FROM payment_ends pe_ WHERE pe_.payment_id = ${id})`;
}

/** SQL: the payment aliased `p` is live (not voided, not a rejected transfer) */
export function livePaymentCondition(p = 'p'): string {
  return liveById(`${p}.id`);
}

/** SQL: the payment aliased `p` counts as received (live, and verified if it is a transfer) */
export function receivedPaymentCondition(p = 'p'): string {
  return `${livePaymentCondition(p)}
    AND (${p}.channel <> 'transfer' OR EXISTS (SELECT 1 FROM transfer_verifications tva_ WHERE tva_.payment_id = ${p}.id AND tva_.decision = 'terima'))`;
}

/** SQL: a received payment covers the bill aliased `b` */
export function paidCondition(b = 'b'): string {
  return `EXISTS (SELECT 1 FROM payment_items pi_ JOIN payments pp_ ON pp_.id = pi_.payment_id
    WHERE pi_.bill_id = ${b}.id AND ${receivedPaymentCondition('pp_')})`;
}

/** SQL: any live payment (received or waiting for verification) covers the bill aliased `b` */
export function coveredCondition(b = 'b'): string {
  // payment_items(bill_id, payment_id) covers this: no need to visit the payments table
  return `EXISTS (SELECT 1 FROM payment_items pi_ WHERE pi_.bill_id = ${b}.id AND ${liveById('pi_.payment_id')})`;
}

/**
 * SQL: the bill aliased `b` is not cancelled and not written off (asked only of bills no live
 * payment covers: both tables are small, and most bills are covered)
 */
function notEndedCondition(b: string): string {
  return `NOT EXISTS (SELECT 1 FROM bill_cancellations bc_ WHERE bc_.bill_id = ${b}.id)
    AND NOT EXISTS (SELECT 1 FROM bill_writeoffs bw_ WHERE bw_.bill_id = ${b}.id)`;
}

/**
 * SQL: the bill aliased `b` is open — openBillCondition asked of open_bills, the trigger-kept index
 * of the open bills keyed by IDPEL (migration 010): for one bill whose IDPEL is known. Queries over
 * many IDPELs in bill order (reports) keep openBillCondition, which asks the facts themselves.
 */
export function openBillOfIdpelCondition(b = 'b'): string {
  return `EXISTS (SELECT 1 FROM open_bills ob_ WHERE ob_.idpel = ${b}.idpel AND ob_.due_date = ${b}.due_date AND ob_.period = ${b}.period AND ob_.bill_id = ${b}.id)`;
}

/** SQL: the bill aliased `b` is open (belum bayar): the counter may take it */
export function openBillCondition(b = 'b'): string {
  return `NOT ${coveredCondition(b)} AND ${notEndedCondition(b)}`;
}

export function billState(db: ReadApi, billId: string): BillState {
  const row = db.get<{ paid: number; covered: number; cancelled: number; written: number }>(
    `SELECT ${paidCondition('b')} AS paid, ${coveredCondition('b')} AS covered,
            EXISTS (SELECT 1 FROM bill_cancellations c WHERE c.bill_id = b.id) AS cancelled,
            EXISTS (SELECT 1 FROM bill_writeoffs w WHERE w.bill_id = b.id) AS written
       FROM bills b WHERE b.id = ?`,
    [billId],
  );
  if (!row) throw new Error(`tagihan ${billId} tidak ada`);
  if (row.paid) return 'lunas';
  if (row.covered) return 'menunggu_verifikasi';
  if (row.cancelled) return 'batal';
  if (row.written) return 'dihapuskan';
  return 'belum_bayar';
}
