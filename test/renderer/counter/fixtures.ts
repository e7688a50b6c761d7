// Receipts and reports as the backend sends them (shapes of receipt.get, shift.close and
// report.daily) for the printed layouts.
import type { ClosingReport, DailyReport, Receipt } from '../../../shared/contract/counter';
import { terbilangRupiah } from '../../../shared/terbilang';

const lines = (month: string) => [
  { kind: 'sewa', description: `Sewa unit A-108 (lantai 1) ${month}`, quantity: 1, unitPrice: 365_000, amount: 365_000 },
  { kind: 'air', description: `Air bersih ${month}`, quantity: 1, unitPrice: 45_000, amount: 45_000 },
  { kind: 'sampah', description: `Kebersihan dan sampah ${month}`, quantity: 1, unitPrice: 15_000, amount: 15_000 },
];

/** two overdue months of rent with their interest, paid in cash with change */
export const cashReceipt: Receipt = {
  paymentId: '01a2418b-eff8-779e-8d88-5f3b8c6a8505',
  receiptNo: 'LKT01-20261204-0012',
  businessDate: '2026-12-04',
  paidAt: '2026-12-04T07:53:39.704Z',
  channel: 'tunai',
  status: 'sah',
  officeName: 'UPTD Pengelolaan Retribusi Daerah Kabupaten Sukamakmur',
  officeAddress: 'Jl. Pemuda No. 17, Sukamakmur, Jawa Tengah 59411',
  terminalCode: 'LKT01',
  clerkName: 'Dewi Lestari',
  payerName: 'Agus Maulana',
  payerAddress: 'Jl. Diponegoro No. 113, Sukamakmur',
  idpel: '03209100010000077',
  objectLabel: 'Blok A A-108',
  items: [
    { billId: 'b1', skrdNo: 'SKRD/LKT01/2026/000026', levyName: 'Retribusi Sewa Rusunawa', period: '2026-10', dueDate: '2026-10-10', principal: 425_000, fineMonths: 2, fine: 8_500, amount: 433_500, lines: lines('2026-10') },
    { billId: 'b2', skrdNo: 'SKRD/LKT01/2026/000027', levyName: 'Retribusi Sewa Rusunawa', period: '2026-11', dueDate: '2026-11-10', principal: 425_000, fineMonths: 1, fine: 4_250, amount: 429_250, lines: lines('2026-11') },
  ],
  principal: 850_000,
  fine: 12_750,
  total: 862_750,
  totalWords: terbilangRupiah(862_750, 'sentence'),
  tendered: 900_000,
  change: 37_250,
  bankReference: null,
  verification:
    'ERL1.eyJyIjoiTEtUMDEtMjAyNjEyMDQtMDAxMiIsInQiOiJMS1QwMSIsImQiOiIyMDI2LTEyLTA0VDA3OjUzOjM5LjcwNFoiLCJhIjo4NjI3NTAsImkiOiIwMzIwOTEwMDAxMDAwMDA3NyIsImsiOiIzYWIzOTg1ZWI2MmM0YzljIn0.6xvLzyaHTG1VKVk72D2KiTlH4W04qstqC-7zR--iKq2YZvQ4kLu3RZi_tmJN0P4u6OeihjrhQ_h1ogR4JI7zAg',
  printCount: 0,
  void: null,
};

export const voidedReceipt: Receipt = {
  ...cashReceipt,
  status: 'dibatalkan',
  printCount: 2,
  void: { reason: 'Salah memilih bulan tagihan', approvedBy: 'Drs. Bambang Sutrisno', at: '2026-12-04T08:30:00.000Z' },
};

export const transferReceipt: Receipt = {
  ...cashReceipt,
  receiptNo: 'LKT01-20261204-0013',
  channel: 'transfer',
  status: 'menunggu_verifikasi',
  items: [cashReceipt.items[0]!],
  principal: 425_000,
  fine: 8_500,
  total: 433_500,
  totalWords: terbilangRupiah(433_500, 'sentence'),
  tendered: null,
  change: null,
  bankReference: 'BJTG2026120400123',
};

export const closingReport: ClosingReport = {
  shift: {
    id: '01a2418b-efe3-72cd-83ae-982ecb1ac077',
    terminalCode: 'LKT01',
    clerkName: 'Dewi Lestari',
    businessDate: '2026-12-04',
    openedAt: '2026-12-04T01:00:00.000Z',
    openingCash: 200_000,
    expectedCash: 1_062_750,
    receiptCount: 2,
    isStale: false,
    closed: { closedAt: '2026-12-04T09:00:00.000Z', countedCash: 1_042_750, difference: -20_000 },
  },
  byLevy: [{ levyName: 'Retribusi Sewa Rusunawa', count: 1, principal: 850_000, fine: 12_750, total: 862_750 }],
  byChannel: [{ channel: 'tunai', count: 1, total: 862_750 }],
  voids: [{ receiptNo: 'LKT01-20261204-0013', total: 2_000, reason: 'Salah memilih bulan tagihan', approvedBy: 'Drs. Bambang Sutrisno' }],
  receiptCount: 2,
  firstReceipt: 'LKT01-20261204-0012',
  lastReceipt: 'LKT01-20261204-0013',
  cashReceived: 862_750,
  cashVoided: 2_000,
  denominations: [
    { value: 100_000, count: 10, amount: 1_000_000 },
    { value: 20_000, count: 2, amount: 40_000 },
    { value: 2_000, count: 1, amount: 2_000 },
    { value: 500, count: 1, amount: 500 },
    { value: 200, count: 1, amount: 200 },
    { value: 50_000, count: 0, amount: 0 },
  ],
  countedCash: 1_042_750,
  difference: -20_000,
  approvedBy: 'Drs. Bambang Sutrisno',
  note: 'Uang kembalian kurang diberikan',
};

export const dailyReport: DailyReport = {
  date: '2026-12-04',
  officeName: 'UPTD Pengelolaan Retribusi Daerah Kabupaten Sukamakmur',
  byClerk: [
    { clerkName: 'Dewi Lestari', terminalCode: 'LKT01', count: 2, total: 864_750 },
    { clerkName: 'QRIS (gateway)', terminalCode: 'GATEWAY', count: 1, total: 90_000 },
  ],
  byLevy: [
    { levyName: 'Retribusi Sewa Rusunawa', kode: '0320910001', count: 1, principal: 850_000, fine: 12_750, total: 862_750 },
    { levyName: 'Retribusi Pelayanan Pasar', kode: '0320910002', count: 2, principal: 92_000, fine: 0, total: 92_000 },
  ],
  byChannel: [
    { channel: 'qris', count: 1, total: 90_000 },
    { channel: 'tunai', count: 2, total: 864_750 },
  ],
  voids: [{ receiptNo: 'LKT01-20261204-0013', paidDate: '2026-12-04', total: 2_000, reason: 'Salah memilih bulan tagihan', requestedBy: 'Dewi Lestari', approvedBy: 'Drs. Bambang Sutrisno', voidedAt: '2026-12-04T08:30:00.000Z' }],
  payments: [
    { paymentId: '0192f0c0-0000-7000-8000-000000000001', receiptNo: 'GW-20261204-0001', paidAt: '2026-12-04T02:11:00.000Z', clerkName: null, channel: 'qris', payerName: 'Wulan Susanto', idpel: '03209100020000167', levyName: 'Retribusi Pelayanan Pasar', total: 90_000, voided: false },
    { paymentId: '0192f0c0-0000-7000-8000-000000000002', receiptNo: 'LKT01-20261204-0012', paidAt: '2026-12-04T07:53:39.704Z', clerkName: 'Dewi Lestari', channel: 'tunai', payerName: 'Agus Maulana', idpel: '03209100010000077', levyName: 'Retribusi Sewa Rusunawa', total: 862_750, voided: false },
    { paymentId: '0192f0c0-0000-7000-8000-000000000003', receiptNo: 'LKT01-20261204-0013', paidAt: '2026-12-04T08:01:00.000Z', clerkName: 'Dewi Lestari', channel: 'tunai', payerName: 'Slamet Puspita', idpel: '03209100020000778', levyName: 'Retribusi Pelayanan Pasar', total: 2_000, voided: true },
    { paymentId: '0192f0c0-0000-7000-8000-000000000004', receiptNo: 'LKT01-20261204-0014', paidAt: '2026-12-04T08:20:00.000Z', clerkName: 'Dewi Lestari', channel: 'tunai', payerName: 'Dewi Suharto', idpel: '03209100020000830', levyName: 'Retribusi Pelayanan Pasar', total: 2_000, voided: false },
  ],
  count: 3,
  total: 954_750,
  voidedTotal: 2_000,
};
