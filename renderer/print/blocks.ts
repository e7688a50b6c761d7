// The parts every printed document is made of: letterhead, title, label/value lists, the lines
// of a bill, the amount in words, the payment box with the codes, signature and printed time.
// Plain functions of data (React elements without JSX, so Node type-checks and renders them
// without a JSX setting); no fetching, no browser globals.
import { createElement as h, Fragment, type ReactElement, type ReactNode } from 'react';
import type { BillDetail, BillLineView, BillStatus } from '../../shared/contract/billing';
import { formatRupiah } from '../../shared/money';
import { terbilangRupiah } from '../../shared/terbilang';
import { Barcode, QrCode } from './codes';
import { angka, daerahDari, dicetak, masaRetribusi, tanggalPanjang } from './format';
import { isRoll, type Paper } from './paper';

/** who signs an A4 document; without a name the line is left for a handwritten one */
export interface Signer {
  name?: string;
  /** Nomor Induk Pegawai of the signing official */
  nip?: string;
  /** "Kepala UPTD" unless another title is given */
  title?: string;
}

/** what every document needs besides the bill itself */
export interface DocumentOptions {
  paper: Paper;
  /** when it was printed (ISO instant), shown in WIB at the foot */
  printedAt: string;
  signer?: Signer;
}

export function DocumentShell({ paper, kind, children }: { paper: Paper; kind: string; children?: ReactNode }): ReactElement {
  const classes = ['pd-doc', `pd-${paper}`, isRoll(paper) ? 'pd-roll' : 'pd-sheet', `pd-kind-${kind}`].join(' ');
  return h('article', { className: classes, 'data-paper': paper, 'data-document': kind, lang: 'id' }, children);
}

/** kop surat: the regency, the owner agency, the office and its address */
export function Letterhead({ bill }: { bill: BillDetail }): ReactElement {
  const region = daerahDari(bill.officeName);
  return h(
    'header',
    { className: 'pd-kop' },
    region ? h('p', { className: 'pd-kop-daerah' }, `PEMERINTAH ${region.daerah.toUpperCase()}`) : null,
    bill.ownerAgency ? h('p', { className: 'pd-kop-dinas' }, bill.ownerAgency.toUpperCase()) : null,
    h('p', { className: 'pd-kop-kantor' }, (bill.officeName || 'UPTD Retribusi Daerah').toUpperCase()),
    bill.officeAddress ? h('p', { className: 'pd-kop-alamat' }, bill.officeAddress) : null,
  );
}

const STAMP: Partial<Record<BillStatus, string>> = { lunas: 'LUNAS', batal: 'BATAL', dihapuskan: 'DIHAPUSKAN' };

export function DocumentTitle({ title, number, status }: { title: string; number: string; status?: BillStatus }): ReactElement {
  const stamp = status ? STAMP[status] : undefined;
  return h(
    'div',
    { className: 'pd-head' },
    h('h1', { className: 'pd-title' }, title),
    h('p', { className: 'pd-number' }, 'Nomor: ', h('span', { className: 'pd-mono' }, number)),
    stamp ? h('p', { className: 'pd-stamp', 'data-testid': 'pd-stamp' }, stamp) : null,
  );
}

export type KvRow = readonly [label: string, value: ReactNode, plain?: boolean];

export function KeyValues({ title, rows }: { title: string; rows: readonly KvRow[] }): ReactElement {
  return h(
    'section',
    null,
    h('h2', { className: 'pd-box-title' }, title),
    h(
      'table',
      { className: 'pd-kv' },
      h(
        'tbody',
        null,
        ...rows.map(([label, value, plain], i) =>
          h('tr', { key: i }, h('th', { scope: 'row' }, label), h('td', { className: 'pd-colon', 'aria-hidden': true }, ':'), h('td', plain ? { className: 'pd-plain' } : null, value)),
        ),
      ),
    ),
  );
}

/** the payer and the object on the left, the assessment on the right; on a roll the essentials in one list */
export function Parties({ bill, paper, extra = [] }: { bill: BillDetail; paper: Paper; extra?: readonly KvRow[] }): ReactElement {
  if (isRoll(paper)) {
    const rows: KvRow[] = [
      ['Nama', bill.payerName],
      ['Objek', bill.objectLabel || '-', true],
      ['IDPEL', h('span', { className: 'pd-mono' }, bill.idpel)],
      ['Retribusi', bill.levyName, true],
      ['Masa', masaRetribusi(bill.period)],
      ['Jatuh tempo', tanggalPanjang(bill.dueDate)],
      ...extra,
    ];
    return h('div', { className: 'pd-parties' }, h(KeyValues, { title: 'Wajib retribusi', rows }));
  }
  const payer: KvRow[] = [
    ['Nama', bill.payerName],
    ['Alamat', bill.payerAddress?.trim() || '-', true],
    ['Objek retribusi', bill.objectLabel || '-', true],
    ['IDPEL', h('span', { className: 'pd-mono' }, bill.idpel)],
  ];
  const assessment: KvRow[] = [
    ['Jenis retribusi', bill.levyName, true],
    ['Kode retribusi', h('span', { className: 'pd-mono' }, bill.levyKode), true],
    ['Masa retribusi', masaRetribusi(bill.period)],
    ['Tanggal terbit', tanggalPanjang(bill.issueDate), true],
    ['Jatuh tempo', tanggalPanjang(bill.dueDate)],
    ...extra,
  ];
  return h('div', { className: 'pd-parties' }, h(KeyValues, { title: 'Wajib retribusi', rows: payer }), h(KeyValues, { title: 'Ketetapan', rows: assessment }));
}

/** "1 × Rp 365.000", "30 × Rp 5.000" */
export function quantityTimesPrice(line: BillLineView): string {
  return `${angka(line.quantity)} × ${formatRupiah(line.unitPrice)}`;
}

export interface SumRow {
  label: string;
  /** the label on a narrow roll, where the long one would wrap */
  shortLabel?: string;
  amount: number;
  /** the detail of a computed line (e.g. "3 bulan × 1% × Rp 425.000") */
  detail?: string;
  tone?: 'fine' | 'grand';
}

/**
 * The lines of the bill (uraian, jumlah × tarif, jumlah) and the sums under them. A4 gets a
 * ruled table; a roll gets each line as a description with its figures under it.
 */
export function BillLines({ lines, sums, paper }: { lines: readonly BillLineView[]; sums: readonly SumRow[]; paper: Paper }): ReactElement {
  if (isRoll(paper)) {
    return h(
      'div',
      { className: 'pd-rows' },
      ...lines.map((line, i) =>
        h(
          'div',
          { className: 'pd-row', key: `l${i}` },
          h('div', { className: 'pd-desc' }, line.description),
          h('div', { className: 'pd-row-sub' }, h('span', null, quantityTimesPrice(line)), h('span', { className: 'pd-num' }, formatRupiah(line.amount))),
        ),
      ),
      ...sums.map((sum, i) =>
        h(
          Fragment,
          { key: `s${i}` },
          h('div', { className: ['pd-sum', sum.tone ? `pd-${sum.tone}` : ''].join(' ').trim() }, h('span', null, sum.shortLabel ?? sum.label), h('span', { className: 'pd-num' }, formatRupiah(sum.amount))),
          sum.detail ? h('div', { className: 'pd-small pd-muted' }, sum.detail) : null,
        ),
      ),
    );
  }
  return h(
    'table',
    { className: 'pd-lines' },
    h('colgroup', null, h('col', { style: { width: '9mm' } }), h('col'), h('col', { style: { width: '48mm' } }), h('col', { style: { width: '32mm' } })),
    h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'No.'), h('th', { scope: 'col' }, 'Uraian'), h('th', { scope: 'col' }, 'Banyaknya × Tarif'), h('th', { scope: 'col' }, 'Jumlah'))),
    h(
      'tbody',
      null,
      ...lines.map((line, i) =>
        h(
          'tr',
          { key: i },
          h('td', { className: 'pd-no' }, `${i + 1}.`),
          h('td', { className: 'pd-desc' }, line.description),
          h('td', { className: 'pd-num' }, quantityTimesPrice(line)),
          h('td', { className: 'pd-num' }, formatRupiah(line.amount)),
        ),
      ),
    ),
    h(
      'tfoot',
      null,
      ...sums.map((sum, i) =>
        h(
          'tr',
          { key: i, className: sum.tone ? `pd-${sum.tone}` : undefined },
          h('th', { scope: 'row', colSpan: sum.detail ? 2 : 3 }, sum.label),
          sum.detail ? h('td', { className: 'pd-num pd-detail' }, sum.detail) : null,
          h('td', { className: 'pd-num' }, formatRupiah(sum.amount)),
        ),
      ),
    ),
  );
}

/** terbilang: the amount in words, as the law of receipts wants it */
export function AmountInWords({ amount }: { amount: number }): ReactElement {
  return h(
    'p',
    { className: 'pd-words' },
    h('span', { className: 'pd-words-label' }, 'Terbilang:'),
    h('span', { className: 'pd-words-text', 'data-testid': 'pd-terbilang' }, terbilangRupiah(amount, 'sentence')),
  );
}

/** how to pay: the steps, one to a line on A4 */
export function PaymentSteps({ steps }: { steps: readonly ReactNode[] }): ReactElement {
  return h('section', { className: 'pd-pay' }, h('h2', { className: 'pd-box-title' }, 'Cara pembayaran'), h('ol', null, ...steps.map((s, i) => h('li', { key: i }, s))));
}

/** the IDPEL as Code 128 and QR, for the bank teller's or the counter's scanner */
export function PaymentCodes({ idpel, paper }: { idpel: string; paper: Paper }): ReactElement {
  return h(
    'section',
    { className: 'pd-codes-box', 'aria-label': 'Kode pembayaran' },
    h('div', { className: 'pd-codes' }, h(Barcode, { value: idpel, paper }), h(QrCode, { value: idpel, paper })),
    h('p', { className: 'pd-code-note' }, 'Kode batang dan QR berisi IDPEL'),
  );
}

/** the signing official: place and date, title, room for the signature, name and NIP */
export function Signature({ bill, date, signer }: { bill: BillDetail; date: string; signer?: Signer | undefined }): ReactElement {
  const place = daerahDari(bill.officeName)?.tempat;
  const office = bill.officeName.trim();
  const title = signer?.title ?? (/^UPTD\b/i.test(office) ? `Kepala ${office}` : 'Kepala UPTD');
  return h(
    'div',
    { className: 'pd-sign' },
    h('p', null, `${place ? `${place}, ` : ''}${tanggalPanjang(date)}`),
    h('p', null, title),
    h('div', { className: 'pd-sign-space', 'aria-hidden': true }),
    signer?.name ? h('p', { className: 'pd-sign-name pd-named' }, signer.name) : h('p', { className: 'pd-sign-name' }, '(.......................................)'),
    h('p', null, `NIP. ${signer?.nip ?? '.......................................'}`),
  );
}

/**
 * The end of a document: the codes (when the bill is to be paid) on the left and the signature
 * on the right on A4; on a roll the codes alone, centred.
 */
export function Closing({ bill, paper, date, signer, withCodes }: { bill: BillDetail; paper: Paper; date: string; signer?: Signer | undefined; withCodes: boolean }): ReactElement {
  const codes = withCodes ? h(PaymentCodes, { idpel: bill.idpel, paper }) : h('div');
  if (isRoll(paper)) return h('div', { className: 'pd-closing' }, codes);
  return h('div', { className: 'pd-closing' }, codes, h(Signature, { bill, date, signer }));
}

export function PrintedFoot({ printedAt, reference, paper }: { printedAt: string; reference: string; paper: Paper }): ReactElement {
  return h('footer', { className: 'pd-foot' }, h('span', null, `Dicetak ${dicetak(printedAt)}`), h('span', null, reference), h('span', null, 'E-Retribusi Loket'));
}

/** payments already recorded on the bill (a reprint of a paid SKRD says so) */
export function PaidNote({ bill }: { bill: BillDetail }): ReactElement | null {
  const paid = bill.payments.filter((p) => !p.voided);
  if (paid.length === 0) return null;
  return h(
    'div',
    { className: 'pd-paid' },
    h('h2', { className: 'pd-box-title' }, bill.status === 'menunggu_verifikasi' ? 'Pembayaran tercatat — transfer menunggu verifikasi' : 'Pembayaran tercatat'),
    h(
      'ul',
      { style: { listStyle: 'none' } },
      ...paid.map((p, i) =>
        h(
          'li',
          { key: i },
          h('span', { className: 'pd-mono' }, p.receiptNo),
          // amount is what was paid for this bill, the interest included
          ` — ${dicetak(p.paidAt)} — ${formatRupiah(p.amount)}`,
          p.fine > 0 ? ` (termasuk bunga ${formatRupiah(p.fine)})` : '',
        ),
      ),
    ),
  );
}
