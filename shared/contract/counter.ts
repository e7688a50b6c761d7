// The counter day: shifts, cash and transfer payments, receipts, voids, deposits (STS) and the
// daily receipts report.
import { z } from 'zod';
import { op } from './define';
import { BACK_OFFICE, STAFF } from '../roles';
import { civilDate, idText, type BillLineView } from './billing';

/** banknotes and coins counted at closing, Rp 100.000 down to Rp 100 */
export const DENOMINATIONS = [100_000, 50_000, 20_000, 10_000, 5_000, 2_000, 1_000, 500, 200, 100] as const;
export type Denomination = (typeof DENOMINATIONS)[number];

const rupiah = z.number().int('Jumlah harus rupiah bulat').min(0, 'Jumlah tidak boleh negatif').max(10_000_000_000, 'Jumlah terlalu besar');
const requestId = z.string().uuid('requestId harus UUID');
const reason = z.string().trim().min(10, 'Alasan minimal 10 karakter').max(500, 'Alasan maksimal 500 karakter');

export interface ShiftView {
  id: string;
  terminalCode: string;
  clerkName: string;
  businessDate: string;
  openedAt: string;
  openingCash: number;
  /** opening cash + cash received − voided cash */
  expectedCash: number;
  receiptCount: number;
  /** true when the shift was opened on an earlier business date than today (left open past midnight) */
  isStale: boolean;
  closed: null | { closedAt: string; countedCash: number; difference: number };
}

export interface ReceiptItem {
  billId: string;
  skrdNo: string;
  levyName: string;
  period: string;
  dueDate: string;
  principal: number;
  fineMonths: number;
  fine: number;
  amount: number;
  lines: BillLineView[];
}

export interface Receipt {
  paymentId: string;
  receiptNo: string;
  businessDate: string;
  paidAt: string;
  channel: 'tunai' | 'transfer' | 'gateway' | 'qris';
  status: 'sah' | 'menunggu_verifikasi' | 'dibatalkan' | 'ditolak';
  officeName: string;
  officeAddress: string;
  terminalCode: string;
  clerkName: string | null;
  payerName: string;
  payerAddress: string | null;
  idpel: string;
  objectLabel: string;
  items: ReceiptItem[];
  principal: number;
  fine: number;
  total: number;
  totalWords: string;
  tendered: number | null;
  change: number | null;
  bankReference: string | null;
  /** the signed verification string the QR code carries */
  verification: string;
  /** prints so far; the first print is the original, later ones are SALINAN */
  printCount: number;
  void: null | { reason: string; approvedBy: string; at: string };
}

export interface ClosingReport {
  shift: ShiftView;
  byLevy: { levyName: string; count: number; principal: number; fine: number; total: number }[];
  byChannel: { channel: string; count: number; total: number }[];
  voids: { receiptNo: string; total: number; reason: string; approvedBy: string }[];
  receiptCount: number;
  firstReceipt: string | null;
  lastReceipt: string | null;
  cashReceived: number;
  cashVoided: number;
  denominations: { value: number; count: number; amount: number }[];
  countedCash: number | null;
  difference: number | null;
  approvedBy: string | null;
  note: string | null;
}

export interface DailyReport {
  date: string;
  officeName: string;
  byClerk: { clerkName: string; terminalCode: string; count: number; total: number }[];
  byLevy: { levyName: string; kode: string; count: number; principal: number; fine: number; total: number }[];
  byChannel: { channel: string; count: number; total: number }[];
  voids: { receiptNo: string; paidDate: string; total: number; reason: string; requestedBy: string; approvedBy: string; voidedAt: string }[];
  payments: { paymentId: string; receiptNo: string; paidAt: string; clerkName: string | null; channel: string; payerName: string; idpel: string; levyName: string; total: number; voided: boolean }[];
  count: number;
  total: number;
  voidedTotal: number;
}

export interface VoidRequestRow {
  id: string;
  paymentId: string;
  receiptNo: string;
  total: number;
  payerName: string;
  reason: string;
  requestedBy: string;
  requestedById: string;
  requestedAt: string;
  decision: null | { decision: 'setuju' | 'tolak'; by: string; at: string; note: string | null };
}

export interface TransferRow {
  paymentId: string;
  receiptNo: string;
  payerName: string;
  idpel: string;
  total: number;
  bankReference: string;
  fileName: string;
  mime: string;
  size: number;
  recordedBy: string | null;
  recordedAt: string;
  decision: null | { decision: 'terima' | 'tolak'; by: string; at: string; note: string | null };
}

export interface DepositView {
  cashOnHand: number;
  undepositedShifts: { shiftId: string; clerkName: string; businessDate: string; cash: number }[];
  deposits: { id: string; stsNo: string; amount: number; bankReference: string; depositedAt: string; byName: string; shifts: number }[];
}

export interface CounterSettings {
  allowSkipOlderBills: boolean;
  shiftDifferenceLimit: number;
  transferMaxBytes: number;
  blocklistMonths: number;
}

const approval = z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) }).strict();

export const counterOps = {
  'shift.current': op<ShiftView | null>()({ input: z.object({}).strict(), access: STAFF, mutates: false, summary: 'Shift loket yang sedang terbuka milik pengguna ini' }),
  'shift.open': op<ShiftView>()({
    input: z.object({ openingCash: rupiah }).strict(),
    access: STAFF,
    mutates: true,
    summary: 'Membuka shift dengan uang kas awal',
  }),
  'shift.close': op<ClosingReport>()({
    input: z
      .object({
        shiftId: idText,
        denominations: z.record(z.string().regex(/^\d+$/), z.number().int().min(0).max(100_000)),
        note: z.string().trim().max(500).optional(),
        approval: approval.optional(),
      })
      .strict(),
    access: STAFF,
    mutates: true,
    summary: 'Menutup shift dengan uang yang dihitung per pecahan; selisih di atas batas perlu persetujuan kepala UPTD',
  }),
  'shift.report': op<ClosingReport>()({ input: z.object({ shiftId: idText }).strict(), access: STAFF, mutates: false, summary: 'Laporan penutupan shift' }),
  'shift.list': op<ShiftView[]>()({ input: z.object({ date: civilDate.optional() }).strict(), access: STAFF, mutates: false, summary: 'Daftar shift' }),

  'payment.cash': op<Receipt>()({
    input: z
      .object({
        requestId,
        idpel: z.string().trim().min(1).max(40),
        billIds: z.array(idText).min(1, 'Pilih minimal satu tagihan').max(60),
        tendered: rupiah,
      })
      .strict(),
    access: ['petugas', 'admin', 'kepala'],
    mutates: true,
    summary: 'Pembayaran tunai satu atau beberapa tagihan dalam satu transaksi; jumlah dibekukan saat itu',
  }),
  'payment.transfer': op<Receipt>()({
    input: z
      .object({
        requestId,
        idpel: z.string().trim().min(1).max(40),
        billIds: z.array(idText).min(1, 'Pilih minimal satu tagihan').max(60),
        bankReference: z.string().trim().min(4, 'Nomor referensi bank minimal 4 karakter').max(64),
        proof: z.object({ fileName: z.string().trim().min(1).max(120), mime: z.string().max(60), base64: z.string().min(1).max(16_000_000) }).strict(),
      })
      .strict(),
    access: ['petugas', 'admin'],
    mutates: true,
    summary: 'Mencatat pembayaran transfer dengan bukti; dianggap lunas setelah diverifikasi admin',
  }),
  'transfer.list': op<TransferRow[]>()({ input: z.object({ pendingOnly: z.boolean().default(true) }).strict(), access: STAFF, mutates: false, summary: 'Pembayaran transfer dan status verifikasinya' }),
  'transfer.proof': op<{ fileName: string; mime: string; base64: string }>()({ input: z.object({ paymentId: idText }).strict(), access: BACK_OFFICE, mutates: false, summary: 'Berkas bukti transfer' }),
  'transfer.verify': op<TransferRow>()({
    input: z.object({ paymentId: idText, decision: z.enum(['terima', 'tolak']), note: z.string().trim().max(500).optional() }).strict(),
    access: ['admin'],
    mutates: true,
    summary: 'Memverifikasi bukti transfer; yang ditolak membuka kembali tagihannya',
  }),

  'receipt.get': op<Receipt>()({
    input: z.object({ paymentId: idText.optional(), receiptNo: z.string().trim().max(40).optional() }).strict(),
    access: STAFF,
    mutates: false,
    summary: 'Data kuitansi untuk dicetak',
  }),
  'receipt.printed': op<{ copyNo: number; isCopy: boolean }>()({
    input: z.object({ paymentId: idText, paper: z.enum(['58mm', '80mm', 'a4']) }).strict(),
    access: STAFF,
    mutates: true,
    summary: 'Mencatat satu cetakan kuitansi; cetakan kedua dan seterusnya bertanda SALINAN',
  }),
  'receipt.verify': op<{ valid: boolean; reason: string; receiptNo?: string; total?: number; paidAt?: string; status?: Receipt['status'] }>()({
    input: z.object({ verification: z.string().trim().min(10).max(600) }).strict(),
    access: STAFF,
    mutates: false,
    summary: 'Memeriksa tanda tangan QR pada kuitansi',
  }),
  'payment.recent': op<{ rows: { paymentId: string; receiptNo: string; paidAt: string; payerName: string; idpel: string; total: number; channel: string; status: Receipt['status'] }[] }>()({
    input: z.object({ mineOnly: z.boolean().default(true), limit: z.number().int().min(1).max(200).default(30) }).strict(),
    access: STAFF,
    mutates: false,
    summary: 'Pembayaran terakhir (untuk cetak ulang atau permintaan pembatalan)',
  }),

  'void.request': op<VoidRequestRow>()({
    input: z.object({ paymentId: idText, reason }).strict(),
    access: ['petugas', 'admin'],
    mutates: true,
    summary: 'Mengajukan pembatalan pembayaran dengan alasan',
  }),
  'void.list': op<VoidRequestRow[]>()({ input: z.object({ pendingOnly: z.boolean().default(true) }).strict(), access: STAFF, mutates: false, summary: 'Permintaan pembatalan' }),
  'void.decide': op<VoidRequestRow>()({
    input: z.object({ requestId: idText, decision: z.enum(['setuju', 'tolak']), note: z.string().trim().max(500).optional() }).strict(),
    access: ['kepala'],
    mutates: true,
    summary: 'Menyetujui atau menolak pembatalan (bukan oleh yang mengajukan); yang disetujui membuka kembali tagihan',
  }),

  'deposit.status': op<DepositView>()({ input: z.object({}).strict(), access: STAFF, mutates: false, summary: 'Uang tunai yang belum disetor dan riwayat setoran (STS)' }),
  'deposit.create': op<DepositView>()({
    input: z.object({ bankReference: z.string().trim().min(4, 'Nomor referensi bank minimal 4 karakter').max(64) }).strict(),
    access: ['petugas', 'admin', 'kepala'],
    mutates: true,
    summary: 'Mencatat setoran (STS) uang tunai shift yang sudah ditutup ke kas daerah',
  }),

  'report.daily': op<DailyReport>()({ input: z.object({ date: civilDate }).strict(), access: STAFF, mutates: false, summary: 'Laporan penerimaan harian per petugas, per retribusi, per kanal' }),

  'settings.counter': op<CounterSettings>()({ input: z.object({}).strict(), access: STAFF, mutates: false, summary: 'Pengaturan loket' }),
  'settings.counter.save': op<CounterSettings>()({
    input: z
      .object({
        allowSkipOlderBills: z.boolean(),
        shiftDifferenceLimit: z.number().int().min(0).max(10_000_000),
        transferMaxBytes: z.number().int().min(100_000).max(10_000_000),
        blocklistMonths: z.number().int().min(1).max(24),
      })
      .strict(),
    access: ['admin'],
    mutates: true,
    summary: 'Mengubah pengaturan loket',
  }),
};
