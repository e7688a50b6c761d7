// Whether a bill is open is derived, never stored: open while no live payment (one without a
// void) covers it and it is neither cancelled (batal) nor written off (dihapuskan).
import type { BillStatus } from '../../shared/contract/billing';
import type { ReadApi } from '../store/types';

/** SQL condition, true when a live (not voided) payment covers the bill aliased `alias` */
export function paidCondition(alias = 'b'): string {
  return `EXISTS (SELECT 1 FROM payment_items pi_ WHERE pi_.bill_id = ${alias}.id
    AND NOT EXISTS (SELECT 1 FROM payment_voids pv_ WHERE pv_.payment_id = pi_.payment_id))`;
}

/** SQL condition, true when the bill aliased `alias` is open (belum bayar) */
export function openBillCondition(alias = 'b'): string {
  return `NOT ${paidCondition(alias)}
    AND NOT EXISTS (SELECT 1 FROM bill_cancellations bc_ WHERE bc_.bill_id = ${alias}.id)
    AND NOT EXISTS (SELECT 1 FROM bill_writeoffs bw_ WHERE bw_.bill_id = ${alias}.id)`;
}

export function billStatus(db: ReadApi, billId: string): BillStatus {
  const row = db.get<{ paid: number; cancelled: number; written: number }>(
    `SELECT ${paidCondition('b')} AS paid,
            EXISTS (SELECT 1 FROM bill_cancellations c WHERE c.bill_id = b.id) AS cancelled,
            EXISTS (SELECT 1 FROM bill_writeoffs w WHERE w.bill_id = b.id) AS written
       FROM bills b WHERE b.id = ?`,
    [billId],
  );
  if (!row) throw new Error(`tagihan ${billId} tidak ada`);
  if (row.paid) return 'lunas';
  if (row.cancelled) return 'batal';
  if (row.written) return 'dihapuskan';
  return 'belum_bayar';
}
