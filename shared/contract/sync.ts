// Sync with the central e-retribusi API: status, push/pull now, enrolment, the outbox and its
// dead letters, and overpayments (kelebihan bayar) waiting for a refund or credit decision.
import { z } from 'zod';
import { op } from './define';
import { BACK_OFFICE, ROLES, STAFF } from '../roles';
import type { Receipt } from './counter';

export interface SyncStatus {
  configured: boolean;
  centralUrl: string | null;
  online: boolean;
  /** outbox entries not yet acknowledged */
  pending: number;
  oldestPendingAt: string | null;
  /** entries the centre rejected: shown, never dropped */
  deadLetters: number;
  /** pulled events waiting for their bill to reach this terminal */
  deferred: number;
  overpaymentsOpen: number;
  lastSuccessAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  running: boolean;
}

export interface OutboxEntry {
  id: string;
  kind: string;
  recordId: string;
  createdAt: string;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  deadAt: string | null;
  deadReason: string | null;
}

export interface OverpaymentRow {
  id: string;
  billId: string;
  skrdNo: string;
  idpel: string;
  payerName: string;
  period: string;
  amount: number;
  keptReceipt: string;
  keptChannel: string;
  extraReceipt: string;
  extraChannel: string;
  detectedAt: string;
  decision: null | { decision: 'refund' | 'credit'; note: string; by: string; at: string };
}

export interface KioskQris {
  qrisId: string;
  billId: string;
  idpel: string;
  principal: number;
  fine: number;
  amount: number;
  /** the QRIS payload string to draw as a QR code */
  payload: string;
  status: 'pending' | 'paid' | 'expired' | 'reversed';
  expiresAt: string;
  /** the local receipt once the payment reached this terminal */
  paymentId: string | null;
  receiptNo: string | null;
}

export const syncOps = {
  'kiosk.qris.create': op<KioskQris>()({
    input: z.object({ idpel: z.string().trim().min(1).max(40), billId: z.string().min(1).max(64) }).strict(),
    access: ['kiosk', 'petugas', 'admin'],
    mutates: true,
    summary: 'Membuat QRIS dinamis untuk tagihan terlama satu IDPEL (melalui server pusat)',
  }),
  'kiosk.qris.status': op<KioskQris>()({
    input: z.object({ qrisId: z.string().min(1).max(64) }).strict(),
    access: ['kiosk', 'petugas', 'admin'],
    mutates: true,
    summary: 'Status QRIS; bila sudah dibayar, pembayaran ditarik dan tagihan ditutup di terminal ini',
  }),
  'kiosk.receipt': op<{ receipt: Receipt; copyNo: number }>()({
    input: z.object({ qrisId: z.string().min(1).max(64), paper: z.enum(['58mm', '80mm']) }).strict(),
    access: ['kiosk'],
    mutates: true,
    summary: 'Struk pembayaran QRIS yang baru dibayar di kios ini: sekali cetak, sesaat setelah membayar (salinan di loket)',
  }),
  'sync.status': op<SyncStatus>()({ input: z.object({}).strict(), access: ROLES, mutates: false, summary: 'Status sinkronisasi dengan server pusat' }),
  'sync.now': op<SyncStatus>()({ input: z.object({}).strict(), access: STAFF, mutates: true, summary: 'Kirim dan tarik sekarang' }),
  'sync.enrol': op<SyncStatus>()({
    input: z
      .object({
        centralUrl: z.string().trim().url('Alamat server pusat tidak valid').max(200).refine((u) => /^https?:\/\//.test(u), 'Alamat harus http:// atau https://'),
        enrolmentCode: z.string().trim().min(4, 'Kode pendaftaran minimal 4 karakter').max(64),
        officeCode: z.string().trim().regex(/^[A-Z0-9-]{3,32}$/, 'Kode kantor huruf besar, angka, tanda hubung'),
      })
      .strict(),
    access: ['admin'],
    mutates: true,
    summary: 'Mendaftarkan terminal ini ke server pusat dengan kode pendaftaran',
  }),
  'sync.outbox': op<{ entries: OutboxEntry[]; total: number }>()({
    input: z.object({ state: z.enum(['pending', 'dead']).default('pending'), limit: z.number().int().min(1).max(500).default(100) }).strict(),
    access: BACK_OFFICE,
    mutates: false,
    summary: 'Antrean kirim dan daftar yang ditolak server pusat',
  }),
  'overpayment.list': op<OverpaymentRow[]>()({ input: z.object({ openOnly: z.boolean().default(true) }).strict(), access: STAFF, mutates: false, summary: 'Kelebihan bayar (tagihan dibayar dua kali)' }),
  'overpayment.decide': op<OverpaymentRow>()({
    input: z.object({ id: z.string().min(1).max(64), decision: z.enum(['refund', 'credit']), note: z.string().trim().min(10, 'Keterangan minimal 10 karakter').max(500) }).strict(),
    access: ['admin'],
    mutates: true,
    summary: 'Memutuskan kelebihan bayar: dikembalikan (refund) atau dijadikan deposit (kredit)',
  }),
};
