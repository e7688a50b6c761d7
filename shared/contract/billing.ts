// Billing: bill runs (SKRD), the single amount-due computation, inquiry, arrears and blocklist.
import { z } from 'zod';
import { op } from './define';
import { BACK_OFFICE, ROLES, STAFF } from '../roles';
import type { LevyKind } from './office';

export const civilDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal harus berformat TTTT-BB-HH')
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'Tanggal tidak ada di kalender');
export const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Periode harus berformat TTTT-BB');
export const idText = z.string().min(1, 'Wajib diisi').max(64);

export type RunKind = 'rusunawa' | 'pasar_bulanan' | 'pasar_harian';
export type BillStatus = 'belum_bayar' | 'lunas' | 'menunggu_verifikasi' | 'batal' | 'dihapuskan';

export interface RunSkip {
  objectLabel: string;
  reason: 'unit_kosong' | 'kontrak_berakhir' | 'penghuni_keluar' | 'tanpa_izin' | 'sudah_ditagih' | 'tarif_tidak_ada';
  detail: string;
}

export interface RunPreview {
  kind: RunKind;
  /** YYYY-MM for monthly runs, YYYY-MM-DD for the daily market run */
  period: string;
  levyName: string;
  toCreate: number;
  total: number;
  /** bills that already exist for this period: a second run makes none of them again */
  existing: number;
  skipped: RunSkip[];
  /** a few of the bills it would make, for a look before committing */
  sample: { objectLabel: string; payerName: string; idpel: string; principal: number; lines: { description: string; amount: number }[] }[];
}

export interface RunResult {
  runId: string;
  kind: RunKind;
  period: string;
  created: number;
  total: number;
  existing: number;
  skipped: number;
}

export interface BillLineView {
  kind: string;
  description: string;
  quantity: number;
  unitPrice: number;
  amount: number;
}

/** one open bill as the counter, kiosk, inquiry and reports show it: principal and fine apart */
export interface OpenBill {
  billId: string;
  skrdNo: string;
  levyName: string;
  period: string;
  dueDate: string;
  principal: number;
  /** months of lateness counted for the fine (part of a month = a whole month, capped) */
  fineMonths: number;
  fine: number;
  total: number;
  isOverdue: boolean;
  lines: BillLineView[];
}

export interface InquiryResult {
  idpel: string;
  payerName: string;
  objectLabel: string;
  levyName: string;
  levyKind: LevyKind;
  /** the WIB date the fines were computed for */
  asOf: string;
  bills: OpenBill[];
  principal: number;
  fine: number;
  total: number;
  blocked: null | { reason: string; since: string };
}

/** the payment gateway's host-to-host form of an inquiry */
export interface GatewayInquiry {
  code: '00' | '10' | '13';
  message: string;
  idpel: string;
  name?: string;
  principal?: number;
  fine?: number;
  total?: number;
}

export interface PayerHit {
  idpel: string;
  payerName: string;
  nik: string | null;
  objectLabel: string;
  levyName: string;
  levyKind: LevyKind;
  openBills: number;
  openPrincipal: number;
}

export interface BillDetail {
  billId: string;
  skrdNo: string;
  idpel: string;
  levyKode: string;
  levyName: string;
  ownerAgency: string;
  payerName: string;
  payerAddress: string | null;
  objectLabel: string;
  period: string;
  issueDate: string;
  dueDate: string;
  status: BillStatus;
  lines: BillLineView[];
  principal: number;
  /** the amount due computed for `asOf` (the fine line is separate) */
  due: { asOf: string; fineMonths: number; fine: number; total: number; interestRateBp: number };
  payments: { receiptNo: string; paidAt: string; amount: number; fine: number; voided: boolean }[];
  officeName: string;
  officeAddress: string;
}

export interface ArrearsRow {
  idpel: string;
  payerName: string;
  phone: string | null;
  levyKind: LevyKind;
  levyName: string;
  objectLabel: string;
  groupName: string;
  openBills: number;
  /** months overdue of the oldest open bill: 1, 2, 3 … */
  oldestMonths: number;
  bucket: '1' | '2' | '3+';
  principal: number;
  fine: number;
  total: number;
  blocked: null | { reason: string; since: string; liftedBy?: string };
  contractId: string | null;
}

export const billingOps = {
  'billing.preview': op<RunPreview>()({
    input: z.object({ kind: z.enum(['rusunawa', 'pasar_bulanan', 'pasar_harian']), period: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, 'Periode harus TTTT-BB atau TTTT-BB-HH') }).strict(),
    access: BACK_OFFICE,
    mutates: false,
    summary: 'Pratinjau penerbitan tagihan (SKRD) untuk satu periode: jumlah, total, yang dilewati dan alasannya',
  }),
  'billing.run': op<RunResult>()({
    input: z.object({ kind: z.enum(['rusunawa', 'pasar_bulanan', 'pasar_harian']), period: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, 'Periode harus TTTT-BB atau TTTT-BB-HH') }).strict(),
    access: ['admin'],
    mutates: true,
    summary: 'Menerbitkan tagihan satu periode dalam satu transaksi; periode yang sama tidak ditagih dua kali',
  }),
  'billing.runs': op<{ runs: (RunResult & { at: string; byName: string })[] }>()({
    input: z.object({}).strict(),
    access: BACK_OFFICE,
    mutates: false,
    summary: 'Riwayat penerbitan tagihan',
  }),
  'bill.get': op<BillDetail>()({
    input: z.object({ billId: idText }).strict(),
    access: STAFF,
    mutates: false,
    summary: 'Rincian satu tagihan untuk dicetak sebagai SKRD atau STRD',
  }),
  'inquiry.idpel': op<InquiryResult>()({
    input: z.object({ idpel: z.string().trim().min(1, 'IDPEL wajib diisi').max(40) }).strict(),
    access: ROLES,
    mutates: false,
    summary: 'Semua tagihan terbuka satu IDPEL dengan pokok, denda dan total pada hari ini',
  }),
  'inquiry.search': op<{ hits: PayerHit[] }>()({
    input: z.object({ query: z.string().trim().min(2, 'Ketik minimal 2 karakter').max(64), limit: z.number().int().min(1).max(100).default(25) }).strict(),
    access: STAFF,
    mutates: false,
    summary: 'Mencari wajib retribusi menurut nama, unit, petak, sebagian NIK atau awal IDPEL',
  }),
  'arrears.list': op<{ rows: ArrearsRow[]; asOf: string; totals: { payers: number; principal: number; fine: number } }>()({
    input: z
      .object({
        levyKind: z.enum(['rusunawa', 'pasar', 'air']).optional(),
        blockId: z.string().max(64).optional(),
        marketId: z.string().max(64).optional(),
        bucket: z.enum(['1', '2', '3+']).optional(),
      })
      .strict(),
    access: STAFF,
    mutates: false,
    summary: 'Penunggak: wajib retribusi dengan tunggakan, umur 1, 2 dan 3+ bulan',
  }),
  'blocklist.lift': op<{ ok: true }>()({
    input: z.object({ contractId: idText, reason: z.string().trim().min(10, 'Alasan minimal 10 karakter').max(500) }).strict(),
    access: ['admin'],
    mutates: true,
    summary: 'Mencabut tanda blokir perpanjangan penghuni dengan alasan tertulis',
  }),
};
