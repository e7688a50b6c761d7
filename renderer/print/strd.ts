// STRD (Surat Tagihan Retribusi Daerah): the demand for an overdue, unpaid bill. The principal
// of the SKRD and the late-payment interest as a line of its own, the total due on the date the
// interest was computed for (BillDetail.due.asOf), and the demand in the wording of such letters.
import { createElement as h, type ReactElement } from 'react';
import type { BillDetail, BillStatus } from '../../shared/contract/billing';
import { formatRupiah } from '../../shared/money';
import { AmountInWords, BillLines, DocumentShell, DocumentTitle, Letterhead, Closing, Parties, PaymentSteps, PrintedFoot, type DocumentOptions } from './blocks';
import { berlakuSampai, persenBp, tanggalPanjang } from './format';
import { paymentSteps } from './skrd';

export const STRD_TITLE = 'SURAT TAGIHAN RETRIBUSI DAERAH (STRD)';

const STATUS_TEXT: Record<BillStatus, string> = {
  belum_bayar: 'belum dibayar',
  lunas: 'lunas',
  menunggu_verifikasi: 'menunggu verifikasi transfer',
  batal: 'dibatalkan',
  dihapuskan: 'dihapuskan (pemutihan)',
};

/** why a bill cannot get an STRD (in Indonesian), or null when it can */
export function strdRefusal(bill: BillDetail): string | null {
  if (bill.status !== 'belum_bayar') return `STRD hanya untuk tagihan yang belum dibayar; tagihan ${bill.skrdNo} berstatus ${STATUS_TEXT[bill.status]}.`;
  if (bill.due.fineMonths <= 0 || bill.due.asOf <= bill.dueDate) {
    return `Tagihan ${bill.skrdNo} belum lewat jatuh tempo (${tanggalPanjang(bill.dueDate)}): cetak SKRD, bukan STRD.`;
  }
  return null;
}

/**
 * The STRD's number, made from its SKRD's ("SKRD/LKT01/2026/000123" → "STRD/LKT01/2026/000123"):
 * one bill, one demand, the same terminal code, so offline counters never collide.
 */
export function strdNumber(skrdNo: string): string {
  return /^SKRD\b/.test(skrdNo) ? skrdNo.replace(/^SKRD/, 'STRD') : `STRD/${skrdNo}`;
}

export interface StrdProps extends DocumentOptions {
  bill: BillDetail;
}

export function StrdDocument({ bill, paper, printedAt, signer }: StrdProps): ReactElement {
  const refusal = strdRefusal(bill);
  if (refusal) throw new Error(refusal);
  const { asOf, fineMonths, fine, total, interestRateBp } = bill.due;
  const rate = persenBp(interestRateBp);
  const until = berlakuSampai(bill.dueDate, fineMonths);
  const number = strdNumber(bill.skrdNo);
  return h(
    DocumentShell,
    { paper, kind: 'strd' },
    h(Letterhead, { bill }),
    h(DocumentTitle, { title: STRD_TITLE, number }),
    h(Parties, {
      bill,
      paper,
      extra: [
        ['Nomor SKRD', h('span', { className: 'pd-mono' }, bill.skrdNo), true],
      ],
    }),
    h(BillLines, {
      lines: bill.lines,
      paper,
      sums: [
        { label: 'Jumlah pokok retribusi', amount: bill.principal },
        { label: 'Bunga keterlambatan', detail: `${fineMonths} bulan × ${rate} × ${formatRupiah(bill.principal)}`, amount: fine, tone: 'fine' },
        { label: `Jumlah tagihan per ${tanggalPanjang(asOf)}`, amount: total, tone: 'grand' },
      ],
    }),
    h(AmountInWords, { amount: total }),
    h(
      'div',
      { className: 'pd-demand' },
      h(
        'p',
        null,
        `Berdasarkan catatan kami, sampai dengan tanggal ${tanggalPanjang(asOf)} Saudara belum melunasi retribusi daerah yang ditetapkan dengan SKRD Nomor ${bill.skrdNo} tanggal ${tanggalPanjang(bill.issueDate)}, yang jatuh tempo pada tanggal ${tanggalPanjang(bill.dueDate)}. Atas keterlambatan tersebut dikenakan sanksi administratif berupa bunga sebesar ${rate} per bulan dari retribusi yang terutang selama ${fineMonths} bulan (bagian dari bulan dihitung satu bulan penuh).`,
      ),
      h(
        'p',
        null,
        'Sehubungan dengan hal tersebut, Saudara diminta untuk segera melunasi jumlah tagihan tersebut di atas. ',
        h('strong', null, `Jumlah ini berlaku untuk pembayaran sampai dengan tanggal ${tanggalPanjang(until)}`),
        '; pembayaran sesudah tanggal itu dikenakan bunga menurut ketentuan sampai dengan tanggal pembayaran.',
      ),
      h(
        'p',
        null,
        'Apabila tagihan ini tidak dilunasi, penagihan akan dilanjutkan sesuai dengan ketentuan peraturan perundang-undangan yang berlaku. Apabila Saudara telah melunasinya, mohon surat tagihan ini diabaikan.',
      ),
    ),
    h(PaymentSteps, { steps: paymentSteps(bill, total, until, 'strd', paper) }),
    h(Closing, { bill, paper, date: asOf, signer, withCodes: true }),
    h(PrintedFoot, { printedAt, reference: number, paper }),
  );
}
