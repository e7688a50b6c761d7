// Receipts (kuitansi / bukti bayar) rebuilt from the frozen payment records: the same data feeds
// the 58 mm, 80 mm and A4 layouts, the reprint (SALINAN) and the daily report.
import { AppError } from '../../shared/errors';
import { terbilangRupiah } from '../../shared/terbilang';
import type { Receipt } from '../../shared/contract/counter';
import type { ReadApi, WriteTx } from '../store/types';
import { linesOf } from '../billing/due';
import { objectLabelOf } from '../billing/objects';
import { readMeta } from '../office/meta';

interface PaymentRow {
  id: string;
  receipt_no: string;
  terminal_code: string;
  business_date: string;
  paid_at: string;
  channel: Receipt['channel'];
  payer_name: string;
  payer_address: string | null;
  total: number;
  tendered: number | null;
  change_given: number | null;
  clerk_name: string | null;
  voided: number;
  rejected: number;
  verified: number;
  bank_reference: string | null;
  void_reason: string | null;
  void_by: string | null;
  void_at: string | null;
  verification: string | null;
  prints: number;
}

export function paymentStatus(row: { channel: string; voided: number; rejected: number; verified: number }): Receipt['status'] {
  if (row.voided) return 'dibatalkan';
  if (row.rejected) return 'ditolak';
  if (row.channel === 'transfer' && !row.verified) return 'menunggu_verifikasi';
  return 'sah';
}

export function buildReceipt(db: ReadApi, paymentId: string): Receipt {
  const p = db.get<PaymentRow>(
    `SELECT p.id, p.receipt_no, p.terminal_code, p.business_date, p.paid_at, p.channel, py.name AS payer_name, py.address AS payer_address,
            p.total, p.tendered, p.change_given, u.full_name AS clerk_name,
            EXISTS (SELECT 1 FROM payment_voids v WHERE v.payment_id = p.id) AS voided,
            EXISTS (SELECT 1 FROM transfer_verifications t WHERE t.payment_id = p.id AND t.decision = 'tolak') AS rejected,
            EXISTS (SELECT 1 FROM transfer_verifications t WHERE t.payment_id = p.id AND t.decision = 'terima') AS verified,
            coalesce((SELECT bank_reference FROM transfer_proofs tp WHERE tp.payment_id = p.id), p.ntb) AS bank_reference,
            (SELECT reason FROM payment_voids v WHERE v.payment_id = p.id) AS void_reason,
            (SELECT uu.full_name FROM payment_voids v JOIN users uu ON uu.id = v.approved_by WHERE v.payment_id = p.id) AS void_by,
            (SELECT voided_at FROM payment_voids v WHERE v.payment_id = p.id) AS void_at,
            (SELECT signature FROM payment_signatures s WHERE s.payment_id = p.id) AS verification,
            (SELECT count(*) FROM receipt_prints rp WHERE rp.payment_id = p.id) AS prints
       FROM payments p JOIN payers py ON py.id = p.payer_id LEFT JOIN users u ON u.id = p.clerk_id
      WHERE p.id = ?`,
    [paymentId],
  );
  if (!p) throw new AppError('NOT_FOUND', { what: 'Pembayaran' });
  const items = db.all<{ bill_id: string; skrd_no: string; levy_name: string; period: string; due_date: string; principal: number; fine: number; fine_months: number; amount: number; idpel: string; object_type: string; object_id: string }>(
    `SELECT i.bill_id, b.skrd_no, l.name AS levy_name, b.period, b.due_date, i.principal, i.fine, i.fine_months, i.amount, b.idpel, b.object_type, b.object_id
       FROM payment_items i JOIN bills b ON b.id = i.bill_id JOIN levies l ON l.id = b.levy_id
      WHERE i.payment_id = ? ORDER BY b.due_date, b.period, b.id`,
    [paymentId],
  );
  const first = items[0];
  return assembleReceipt(db, {
    paymentId: p.id,
    receiptNo: p.receipt_no,
    businessDate: p.business_date,
    paidAt: p.paid_at,
    channel: p.channel,
    status: paymentStatus(p),
    terminalCode: p.terminal_code,
    clerkName: p.clerk_name,
    payerName: p.payer_name,
    payerAddress: p.payer_address,
    idpel: first?.idpel ?? '',
    objectLabel: first ? objectLabelOf(db, first.object_type, first.object_id) : '',
    items: items.map((i) => ({
      billId: i.bill_id,
      skrdNo: i.skrd_no,
      levyName: i.levy_name,
      period: i.period,
      dueDate: i.due_date,
      principal: i.principal,
      fineMonths: i.fine_months,
      fine: i.fine,
      amount: i.amount,
      lines: linesOf(db, i.bill_id),
    })),
    total: p.total,
    tendered: p.tendered,
    change: p.change_given,
    bankReference: p.bank_reference,
    verification: p.verification ?? '',
    printCount: p.prints,
    void: p.voided ? { reason: p.void_reason ?? '', approvedBy: p.void_by ?? '', at: p.void_at ?? '' } : null,
  });
}

/** what a receipt says that its payment's records hold; the office header, sums and words are added here */
export type ReceiptFacts = Omit<Receipt, 'officeName' | 'officeAddress' | 'principal' | 'fine' | 'totalWords'>;

/**
 * The one place a Receipt is put together — from the stored rows (buildReceipt) and, right after
 * a payment is written, from the very values written (the counter does not read them back).
 */
export function assembleReceipt(db: ReadApi, facts: ReceiptFacts): Receipt {
  let principal = 0;
  let fine = 0;
  for (const i of facts.items) {
    principal += i.principal;
    fine += i.fine;
  }
  return {
    ...facts,
    officeName: readMeta(db, 'office_name'),
    officeAddress: readMeta(db, 'office_address'),
    principal,
    fine,
    totalWords: terbilangRupiah(facts.total, 'sentence'),
  };
}

/** records one more print of a payment's receipt; returns its copy number (1 = the original, more = SALINAN) */
export function recordReceiptPrint(tx: WriteTx, print: { id: string; paymentId: string; paper: string; by: string; at: string }): number {
  const copyNo = (tx.get<{ n: number }>('SELECT count(*) AS n FROM receipt_prints WHERE payment_id = ?', [print.paymentId])?.n ?? 0) + 1;
  tx.run('INSERT INTO receipt_prints (id, payment_id, copy_no, paper, printed_by, printed_at) VALUES (?,?,?,?,?,?)', [
    print.id, print.paymentId, copyNo, print.paper, print.by, print.at,
  ]);
  return copyNo;
}
