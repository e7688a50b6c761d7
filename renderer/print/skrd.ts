// SKRD (Surat Ketetapan Retribusi Daerah): the assessment — the bill as a document. A4 with a
// signature; on a thermal roll the same content as a bill slip for the counter or kiosk.
import { createElement as h, type ReactElement } from 'react';
import type { BillDetail } from '../../shared/contract/billing';
import { formatRupiah } from '../../shared/money';
import { AmountInWords, BillLines, DocumentShell, DocumentTitle, Letterhead, Closing, PaidNote, Parties, PaymentSteps, PrintedFoot, type DocumentOptions } from './blocks';
import { berlakuSampai, persenBp, tanggalPanjang } from './format';
import { isRoll, type Paper } from './paper';

export const SKRD_TITLE = 'SURAT KETETAPAN RETRIBUSI DAERAH (SKRD)';

export interface SkrdProps extends DocumentOptions {
  bill: BillDetail;
}

/** the ways to pay one IDPEL, in the order people use them */
export function paymentSteps(bill: BillDetail, amount: number, until: string, kind: 'skrd' | 'strd', paper: Paper = 'a4'): string[] {
  if (isRoll(paper)) {
    const when = kind === 'skrd' ? `paling lambat ${tanggalPanjang(until)}` : `sampai dengan ${tanggalPanjang(until)}`;
    return [`Bayar ${formatRupiah(amount)} ${when} di loket, bank, mobile banking, dompet digital atau QRIS dengan IDPEL ${bill.idpel}.`];
  }
  return [
    'Tunai di loket kantor kami: sebutkan IDPEL atau tunjukkan kode batang/QR pada surat ini.',
    `Melalui bank, mobile banking, dompet digital atau QRIS: masukkan IDPEL ${bill.idpel} pada menu pembayaran retribusi daerah.`,
    kind === 'skrd'
      ? `Bayar ${formatRupiah(amount)} paling lambat tanggal ${tanggalPanjang(until)} (jatuh tempo). Simpan bukti pembayaran sebagai tanda lunas.`
      : `Bayar ${formatRupiah(amount)} sampai dengan tanggal ${tanggalPanjang(until)}; sesudahnya bunga bertambah. Simpan bukti pembayaran sebagai tanda lunas.`,
  ];
}

export function SkrdDocument({ bill, paper, printedAt, signer }: SkrdProps): ReactElement {
  const rate = persenBp(bill.due.interestRateBp);
  const isPayable = bill.status === 'belum_bayar';
  const isOverdueOpen = isPayable && bill.due.fineMonths > 0;
  // past the due date the amount to pay is the principal with its interest, for a while
  const steps = isOverdueOpen
    ? paymentSteps(bill, bill.due.total, berlakuSampai(bill.dueDate, bill.due.fineMonths), 'strd', paper)
    : paymentSteps(bill, bill.principal, bill.dueDate, 'skrd', paper);
  const warning = isRoll(paper)
    ? `Lewat jatuh tempo dikenakan bunga ${rate} per bulan (bagian dari bulan dihitung satu bulan penuh) dan ditagih dengan STRD.`
    : `Apabila sampai dengan tanggal jatuh tempo retribusi ini tidak atau kurang dibayar, dikenakan sanksi administratif berupa bunga sebesar ${rate} per bulan dari retribusi yang terutang atau kurang dibayar (bagian dari bulan dihitung satu bulan penuh) dan ditagih dengan Surat Tagihan Retribusi Daerah (STRD).`;
  const overdue = `Per ${tanggalPanjang(bill.due.asOf)} SKRD ini telah lewat jatuh tempo ${bill.due.fineMonths} bulan; terutang bunga ${formatRupiah(bill.due.fine)}, sehingga jumlah yang harus dibayar ${formatRupiah(bill.due.total)}.`;
  return h(
    DocumentShell,
    { paper, kind: 'skrd' },
    h(Letterhead, { bill }),
    h(DocumentTitle, { title: SKRD_TITLE, number: bill.skrdNo, status: bill.status }),
    h(Parties, { bill, paper }),
    h(BillLines, { lines: bill.lines, paper, sums: [{ label: 'Jumlah pokok retribusi', shortLabel: 'Jumlah pokok', amount: bill.principal, tone: 'grand' }] }),
    h(AmountInWords, { amount: bill.principal }),
    h(PaidNote, { bill }),
    isOverdueOpen ? h('p', { className: 'pd-note', 'data-testid': 'pd-overdue' }, h('strong', null, 'Catatan: '), overdue) : null,
    isPayable ? h(PaymentSteps, { steps }) : null,
    // the warning about interest is for a bill still to be paid, not for a paid or cancelled one
    isPayable ? h('p', { className: 'pd-note' }, h('strong', null, 'Perhatian: '), warning) : null,
    h(Closing, { bill, paper, date: bill.issueDate, signer, withCodes: isPayable }),
    h(PrintedFoot, { printedAt, reference: bill.skrdNo, paper }),
  );
}
