// Master data: levies, tariffs, rusunawa (blocks, units, contracts, exits, fixed fines), markets
// (stalls, permits), the lab (parameters, packages, test orders) and payers (wajib retribusi).
// Creates and edits are admin UPTD work; every change is audited with before/after.
import { z } from 'zod';
import { op } from './define';
import { ROLES, STAFF } from '../roles';
import { civilDate, idText, type BillDetail } from './billing';
import type { LevyKind } from './office';

const version = z.number().int().min(1).optional();
const text = (min: number, max: number, what: string) => z.string().trim().min(min, `${what} minimal ${min} karakter`).max(max, `${what} maksimal ${max} karakter`);
const rupiah = z.number().int('Jumlah harus rupiah bulat').min(0, 'Jumlah tidak boleh negatif').max(1_000_000_000_000, 'Jumlah terlalu besar');
export const nikSchema = z
  .string()
  .trim()
  .regex(/^\d{16}$/, 'NIK harus 16 digit angka');
const phone = z.string().trim().regex(/^(\+62|0)\d{8,13}$/, 'Nomor telepon harus diawali 0 atau +62, 9–14 digit');

export interface LevyDetail {
  id: string;
  kode: string;
  name: string;
  ownerAgency: string;
  kind: LevyKind;
  interestRateBp: number;
  interestCapMonths: number;
  interestRounding: 'floor' | 'round' | 'ceil';
  dueDay: number;
  version: number;
}

export interface TariffRow {
  id: string;
  levyId: string;
  code: string;
  description: string;
  amount: number;
  unit: string;
  effectiveFrom: string;
  legalBasis: string;
  /** true for the row in force today for its code */
  inForce: boolean;
}

export interface BlockRow {
  id: string;
  levyId: string;
  name: string;
  floors: number;
  address: string;
  units: number;
}

export interface PayerRow {
  id: string;
  kind: 'orang' | 'badan';
  nik: string | null;
  name: string;
  phone: string | null;
  address: string | null;
  version: number;
}

export interface ContractRow {
  id: string;
  unitId: string;
  unitLabel: string;
  payerId: string;
  payerName: string;
  idpel: string;
  contractNo: string;
  startDate: string;
  endDate: string;
  charges: string[];
  status: 'aktif' | 'berakhir' | 'keluar' | 'belum_mulai';
  exit: null | { id: string; exitDate: string; reason: string; confirmed: boolean };
  blocked: null | { reason: string; since: string };
}

export interface MarketRow {
  id: string;
  levyId: string;
  name: string;
  marketClass: 'I' | 'II' | 'III';
  address: string;
}

export interface PermitRow {
  id: string;
  stallId: string;
  stallLabel: string;
  payerId: string;
  payerName: string;
  idpel: string;
  permitNo: string;
  billing: 'harian' | 'bulanan';
  startDate: string;
  endDate: string;
}

export interface LabOrderRow {
  id: string;
  orderNo: string;
  idpel: string;
  payerName: string;
  receivedAt: string;
  samples: { sampleCode: string; source: string; packageCode: string | null; parameterCodes: string[] }[];
  billId: string;
  principal: number;
  paid: boolean;
}

const levyInput = z
  .object({
    id: idText.optional(),
    version,
    kode: z.string().regex(/^\d{10}$/, 'Kode retribusi harus 10 digit angka'),
    name: text(3, 120, 'Nama'),
    ownerAgency: text(3, 160, 'Instansi pemilik'),
    kind: z.enum(['rusunawa', 'pasar', 'air']),
    interestRateBp: z.number().int().min(0, 'Bunga tidak boleh negatif').max(1000, 'Bunga paling tinggi 10% per bulan'),
    interestCapMonths: z.number().int().min(0).max(60),
    interestRounding: z.enum(['floor', 'round', 'ceil']),
    dueDay: z.number().int().min(1).max(28, 'Tanggal jatuh tempo 1–28 agar ada di setiap bulan'),
  })
  .strict();

export const masterOps = {
  'levy.list': op<LevyDetail[]>()({ input: z.object({}).strict(), access: ROLES, mutates: false, summary: 'Jenis retribusi dengan pengaturan bunga keterlambatan' }),
  'levy.save': op<LevyDetail>()({ input: levyInput, access: ['admin'], mutates: true, summary: 'Membuat atau mengubah jenis retribusi' }),

  'tariff.list': op<TariffRow[]>()({ input: z.object({ levyId: idText }).strict(), access: STAFF, mutates: false, summary: 'Tarif satu jenis retribusi, semua masa berlaku' }),
  'tariff.create': op<TariffRow>()({
    input: z
      .object({
        levyId: idText,
        code: z.string().trim().regex(/^[A-Z0-9_]{2,40}$/, 'Kode tarif huruf besar, angka dan garis bawah'),
        description: text(3, 160, 'Uraian'),
        amount: rupiah,
        unit: z.enum(['bulan', 'hari', 'm2_hari', 'kejadian', 'parameter', 'paket']),
        effectiveFrom: civilDate,
        legalBasis: text(5, 200, 'Dasar hukum'),
      })
      .strict(),
    access: ['admin'],
    mutates: true,
    summary: 'Menetapkan tarif baru yang berlaku mulai tanggal tertentu (tarif lama tidak berubah)',
  }),

  'payer.search': op<PayerRow[]>()({
    input: z.object({ query: z.string().trim().max(64).default(''), limit: z.number().int().min(1).max(200).default(50) }).strict(),
    access: STAFF,
    mutates: false,
    summary: 'Mencari wajib retribusi (penghuni, pedagang, pelanggan lab)',
  }),
  'payer.save': op<PayerRow>()({
    input: z
      .object({
        id: idText.optional(),
        version,
        kind: z.enum(['orang', 'badan']),
        nik: nikSchema.optional(),
        name: text(3, 120, 'Nama'),
        phone: phone.optional(),
        address: z.string().trim().max(200).optional(),
      })
      .strict(),
    access: ['admin', 'petugas'],
    mutates: true,
    summary: 'Membuat atau mengubah data wajib retribusi',
  }),

  'rusun.blocks': op<BlockRow[]>()({ input: z.object({}).strict(), access: STAFF, mutates: false, summary: 'Blok rusunawa' }),
  'rusun.block.save': op<BlockRow>()({
    input: z.object({ id: idText.optional(), levyId: idText, name: text(2, 60, 'Nama blok'), floors: z.number().int().min(1).max(20), address: text(5, 200, 'Alamat') }).strict(),
    access: ['admin'],
    mutates: true,
    summary: 'Membuat atau mengubah blok rusunawa',
  }),
  'rusun.unit.save': op<{ id: string }>()({
    input: z.object({ id: idText.optional(), blockId: idText, floor: z.number().int().min(1).max(20), number: z.string().trim().regex(/^[A-Z0-9-]{2,12}$/, 'Nomor unit huruf besar, angka, tanda hubung') }).strict(),
    access: ['admin'],
    mutates: true,
    summary: 'Membuat atau mengubah unit rusunawa',
  }),
  'rusun.contracts': op<ContractRow[]>()({
    input: z.object({ search: z.string().trim().max(64).optional(), status: z.enum(['aktif', 'berakhir', 'keluar', 'belum_mulai']).optional() }).strict(),
    access: STAFF,
    mutates: false,
    summary: 'Kontrak sewa penghuni',
  }),
  'rusun.contract.create': op<ContractRow>()({
    input: z
      .object({ unitId: idText, payerId: idText, startDate: civilDate, endDate: civilDate, charges: z.array(z.enum(['AIR', 'SAMPAH'])).max(2) })
      .strict(),
    access: ['admin'],
    mutates: true,
    summary: 'Membuat kontrak sewa baru untuk unit kosong',
  }),
  'rusun.contract.renew': op<ContractRow>()({
    input: z.object({ contractId: idText, endDate: civilDate }).strict(),
    access: ['admin'],
    mutates: true,
    summary: 'Memperpanjang kontrak (ditolak bila penghuni diblokir karena tunggakan)',
  }),
  'rusun.exit.request': op<ContractRow>()({
    input: z.object({ contractId: idText, exitDate: civilDate, reason: text(5, 300, 'Alasan') }).strict(),
    access: ['admin', 'petugas'],
    mutates: true,
    summary: 'Mengajukan pengeluaran penghuni',
  }),
  'rusun.exit.confirm': op<ContractRow>()({
    input: z.object({ exitId: idText }).strict(),
    access: ['admin'],
    mutates: true,
    summary: 'Mengonfirmasi pengeluaran penghuni; setelah tanggal keluar tidak ada tagihan baru',
  }),
  'rusun.fine.record': op<{ id: string }>()({
    input: z.object({ contractId: idText, tariffCode: z.enum(['DENDA_SAMPAH', 'DENDA_AIR']), date: civilDate, note: text(5, 300, 'Keterangan') }).strict(),
    access: ['admin'],
    mutates: true,
    summary: 'Mencatat denda tetap (mis. denda sampah) yang masuk ke tagihan berikutnya sebagai baris tersendiri',
  }),

  'pasar.markets': op<MarketRow[]>()({ input: z.object({}).strict(), access: STAFF, mutates: false, summary: 'Pasar' }),
  'pasar.market.save': op<MarketRow>()({
    input: z.object({ id: idText.optional(), levyId: idText, name: text(3, 120, 'Nama pasar'), marketClass: z.enum(['I', 'II', 'III']), address: text(5, 200, 'Alamat') }).strict(),
    access: ['admin'],
    mutates: true,
    summary: 'Membuat atau mengubah pasar',
  }),
  'pasar.stall.save': op<{ id: string }>()({
    input: z
      .object({
        id: idText.optional(),
        marketId: idText,
        code: z.string().trim().regex(/^[A-Z0-9-]{2,12}$/, 'Kode petak huruf besar, angka, tanda hubung'),
        type: z.enum(['kios', 'los', 'lapak']),
        areaM2: z.number().positive('Luas harus lebih dari 0').max(1000).refine((v) => Math.round(v * 100) === v * 100, 'Luas paling banyak 2 angka desimal'),
      })
      .strict(),
    access: ['admin'],
    mutates: true,
    summary: 'Membuat atau mengubah petak pasar (kios, los, lapak)',
  }),
  'pasar.permits': op<PermitRow[]>()({ input: z.object({ search: z.string().trim().max(64).optional() }).strict(), access: STAFF, mutates: false, summary: 'Izin penempatan pedagang' }),
  'pasar.permit.create': op<PermitRow>()({
    input: z.object({ stallId: idText, payerId: idText, billing: z.enum(['harian', 'bulanan']), startDate: civilDate, endDate: civilDate }).strict(),
    access: ['admin'],
    mutates: true,
    summary: 'Memberi izin penempatan pada petak yang kosong',
  }),

  'lab.parameter.save': op<{ id: string }>()({
    input: z
      .object({ id: idText.optional(), levyId: idText, code: z.string().trim().regex(/^[A-Z0-9_]{2,20}$/), name: text(2, 80, 'Nama parameter'), unit: z.string().trim().min(1).max(20), method: text(2, 80, 'Metode') })
      .strict(),
    access: ['admin'],
    mutates: true,
    summary: 'Membuat atau mengubah parameter uji',
  }),
  'lab.package.save': op<{ id: string }>()({
    input: z.object({ id: idText.optional(), levyId: idText, code: z.string().trim().regex(/^[A-Z0-9_]{2,20}$/), name: text(3, 80, 'Nama paket'), parameterIds: z.array(idText).min(1, 'Pilih minimal satu parameter').max(50) }).strict(),
    access: ['admin'],
    mutates: true,
    summary: 'Membuat atau mengubah paket uji',
  }),
  'lab.orders': op<LabOrderRow[]>()({ input: z.object({ search: z.string().trim().max(64).optional() }).strict(), access: STAFF, mutates: false, summary: 'Order pengujian air' }),
  'lab.order.create': op<{ order: LabOrderRow; bill: BillDetail }>()({
    input: z
      .object({
        payerId: idText,
        samples: z
          .array(z.object({ source: text(3, 80, 'Sumber sampel'), packageId: idText.optional(), parameterIds: z.array(idText).max(50).default([]) }).strict())
          .min(1, 'Minimal satu sampel')
          .max(20),
      })
      .strict(),
    access: ['admin', 'petugas'],
    mutates: true,
    summary: 'Mendaftarkan order uji dengan sampelnya; tagihannya langsung terbit',
  }),
};
