// BillDetail fixtures for the printed documents: an open lab bill, an overdue rusunawa bill with
// its interest computed by shared/fines (as bill.get does), a paid one and a long one.
import type { BillDetail, BillLineView } from '../../../shared/contract/billing';
import { amountDue, DEFAULT_INTEREST } from '../../../shared/fines';
import { makeIdpel } from '../../../shared/idpel';

const OFFICE = {
  officeName: 'UPTD Pengelolaan Retribusi Daerah Kabupaten Sukamakmur',
  officeAddress: 'Jl. Pemuda No. 17, Sukamakmur, Jawa Tengah 59411',
};

const line = (kind: string, description: string, quantity: number, unitPrice: number): BillLineView => ({ kind, description, quantity, unitPrice, amount: quantity * unitPrice });

const sum = (lines: readonly BillLineView[]) => lines.reduce((s, l) => s + l.amount, 0);

function withDue(bill: Omit<BillDetail, 'due' | 'principal'>, asOf: string): BillDetail {
  const principal = sum(bill.lines);
  const open = bill.status === 'belum_bayar';
  const due = amountDue({ principal, dueDate: bill.dueDate }, asOf, DEFAULT_INTEREST);
  return {
    ...bill,
    principal,
    due: open ? { asOf, fineMonths: due.months, fine: due.fine, total: due.total, interestRateBp: DEFAULT_INTEREST.rateBp } : { asOf, fineMonths: 0, fine: 0, total: 0, interestRateBp: DEFAULT_INTEREST.rateBp },
  };
}

/** a water-lab order, issued today, due in 14 days: Rp 1.234.000 */
export const openLabBill: BillDetail = withDue(
  {
    billId: '01936f4e-7a2b-7c3d-9e4f-000000000001',
    skrdNo: 'SKRD/LKT01/2026/000412',
    idpel: makeIdpel('0320910003', 1207),
    levyKode: '0320910003',
    levyName: 'Retribusi Pengujian Kualitas Air',
    ownerAgency: 'Dinas Kesehatan — UPT Laboratorium Kesehatan Daerah',
    payerName: 'CV Tirta Makmur Sejahtera',
    payerAddress: 'Jl. Diponegoro No. 45, Kel. Sidorejo, Sukamakmur',
    objectLabel: 'Order LAB-2026-00187',
    period: '2026-12-04',
    issueDate: '2026-12-04',
    dueDate: '2026-12-18',
    status: 'belum_bayar',
    lines: [
      line('paket', 'Sampel 1: Paket air minum (fisika, kimia, mikrobiologi)', 1, 850_000),
      line('parameter', 'Sampel 2: uji E. coli', 2, 95_000),
      line('parameter', 'Sampel 2: uji besi (Fe)', 2, 47_000),
      line('parameter', 'Sampel 2: uji TDS', 2, 50_000),
    ],
    payments: [],
    ...OFFICE,
  },
  '2026-12-04',
);

/** rusunawa rent for September, due 10 Sep, still unpaid on 4 Dec: 3 months of 1 % interest */
export const overdueRusunBill: BillDetail = withDue(
  {
    billId: '01936f4e-7a2b-7c3d-9e4f-000000000002',
    skrdNo: 'SKRD/LKT01/2026/000233',
    idpel: makeIdpel('0320910001', 42),
    levyKode: '0320910001',
    levyName: 'Retribusi Sewa Rusunawa',
    ownerAgency: 'Dinas Perumahan Rakyat dan Kawasan Permukiman',
    payerName: 'Siti Nurhaliza',
    payerAddress: 'Rusunawa Sukamakmur Blok A Lantai 2 No. 07',
    objectLabel: 'Blok A A-207',
    period: '2026-09',
    issueDate: '2026-09-01',
    dueDate: '2026-09-10',
    status: 'belum_bayar',
    lines: [
      line('sewa', 'Sewa unit A-207 (lantai 2) 2026-09', 1, 365_000),
      line('air', 'Air bersih 2026-09', 1, 45_000),
      line('sampah', 'Kebersihan dan sampah 2026-09', 1, 15_000),
    ],
    payments: [],
    ...OFFICE,
  },
  '2026-12-04',
);

/** the same kind of bill, paid at the counter: an SKRD reprint says LUNAS */
export const paidRusunBill: BillDetail = withDue(
  {
    ...overdueRusunBill,
    billId: '01936f4e-7a2b-7c3d-9e4f-000000000003',
    skrdNo: 'SKRD/LKT01/2026/000301',
    period: '2026-11',
    issueDate: '2026-11-01',
    dueDate: '2026-11-10',
    status: 'lunas',
    lines: overdueRusunBill.lines.map((l) => ({ ...l, description: l.description.replace('2026-09', '2026-11') })),
    payments: [{ receiptNo: 'KW/LKT01/20261105/0007', paidAt: '2026-11-05T02:31:00.000Z', amount: 425_000, fine: 0, voided: false }],
  },
  '2026-12-04',
);

/** long names and many lines: wrapping, page breaks, the longest words */
export const longLabBill: BillDetail = withDue(
  {
    ...openLabBill,
    billId: '01936f4e-7a2b-7c3d-9e4f-000000000004',
    skrdNo: 'SKRD/LKT02/2026/001999',
    payerName: 'Perusahaan Umum Daerah Air Minum Tirta Kencana Sukamakmur Unit Pelayanan Kecamatan Karangsari Wetan',
    payerAddress: 'Jl. Raya Karangsari Wetan Km. 12 RT 004 RW 011, Desa Karangsari Wetan, Kecamatan Karangsari, Kabupaten Sukamakmur, Jawa Tengah 59482',
    lines: Array.from({ length: 24 }, (_, i) =>
      line('parameter', `Sampel ${Math.floor(i / 4) + 1}: uji ${['E. coli', 'total coliform', 'kekeruhan', 'zat padat terlarut (TDS), metode gravimetri'][i % 4]}`, 1 + (i % 3), 37_500 + i * 12_345),
    ),
  },
  '2026-12-04',
);
