import { z } from 'zod';
import { op } from './define';
import { STAFF } from '../roles';

export type LevyKind = 'rusunawa' | 'pasar' | 'air';

export interface LevyFigures {
  levyId: string;
  kode: string;
  name: string;
  kind: LevyKind;
  count: number;
  /** rupiah */
  total: number;
}

export interface RecentPayment {
  receiptNo: string;
  paidAt: string;
  payerName: string;
  idpel: string;
  levyName: string;
  channel: string;
  amount: number;
  clerkName: string | null;
}

export interface CounterToday {
  /** tanggal buku: the WIB calendar date, YYYY-MM-DD */
  businessDate: string;
  receiptCount: number;
  total: number;
  byLevy: LevyFigures[];
  byChannel: { channel: string; count: number; total: number }[];
  mine: { count: number; total: number };
  openBills: number;
  openPrincipal: number;
  overdueBills: number;
  overduePrincipal: number;
  recent: RecentPayment[];
}

export interface LevyRow {
  id: string;
  kode: string;
  name: string;
  ownerAgency: string;
  kind: LevyKind;
  interestRateBp: number;
  interestCapMonths: number;
  objects: number;
  openBills: number;
  openPrincipal: number;
}

export interface OfficeOverview {
  officeName: string;
  officeAddress: string;
  levies: LevyRow[];
  blocks: { id: string; name: string; floors: number; units: number; occupied: number }[];
  markets: { id: string; name: string; marketClass: string; kios: number; los: number; lapak: number; permitted: number }[];
  lab: { parameters: number; packages: number; ordersThisMonth: number };
}

export interface UnitRow {
  id: string;
  blockName: string;
  floor: number;
  number: string;
  penghuniName: string | null;
  idpel: string | null;
  contractEnd: string | null;
  openBills: number;
  openPrincipal: number;
}

export interface StallRow {
  id: string;
  marketName: string;
  code: string;
  type: 'kios' | 'los' | 'lapak';
  areaM2: number;
  pedagangName: string | null;
  idpel: string | null;
  billing: 'harian' | 'bulanan' | null;
  openBills: number;
  openPrincipal: number;
}

export interface LabParameterRow {
  id: string;
  code: string;
  name: string;
  unit: string;
  method: string;
  tariff: number;
}

export interface LabPackageRow {
  id: string;
  code: string;
  name: string;
  parameterCodes: string[];
  tariff: number;
  sumOfParameters: number;
}

const listInput = z
  .object({
    search: z.string().trim().max(64).optional(),
    limit: z.number().int().min(1).max(1000).default(200),
    offset: z.number().int().min(0).default(0),
  })
  .strict();

export const officeOps = {
  'dashboard.counterToday': op<CounterToday>()({
    input: z.object({}).strict(),
    access: STAFF,
    mutates: false,
    summary: 'Angka hari ini untuk layar loket: penerimaan per retribusi dan per kanal, tagihan terbuka',
  }),
  'office.overview': op<OfficeOverview>()({
    input: z.object({}).strict(),
    access: STAFF,
    mutates: false,
    summary: 'Ringkasan kantor: jenis retribusi, blok rusunawa, pasar, laboratorium',
  }),
  'office.units': op<{ rows: UnitRow[]; total: number }>()({
    input: listInput,
    access: STAFF,
    mutates: false,
    summary: 'Daftar unit rusunawa dengan penghuninya',
  }),
  'office.stalls': op<{ rows: StallRow[]; total: number }>()({
    input: listInput,
    access: STAFF,
    mutates: false,
    summary: 'Daftar petak pasar (kios, los, lapak) dengan pedagangnya',
  }),
  'office.labCatalog': op<{ parameters: LabParameterRow[]; packages: LabPackageRow[] }>()({
    input: z.object({}).strict(),
    access: STAFF,
    mutates: false,
    summary: 'Parameter dan paket uji laboratorium dengan tarifnya',
  }),
};
