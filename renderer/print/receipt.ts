// The receipt (bukti pembayaran / kuitansi) of a counter payment, from the backend's Receipt:
// 58 mm and 80 mm thermal rolls for the counter printer, A4 for a payer who asks for a letter.
// Office header, payer and IDPEL, every bill with its lines and its principal and fine apart,
// the total in figures and in words, cash received and change, clerk, time in WIB, the QR code
// of the signed verification string; a reprint says SALINAN ke-N, a voided or pending payment
// says so in a stamp. Plain createElement (no JSX) so Node renders it too (tests, PDF export).
import { createElement as h, Fragment, type ReactElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Receipt, ReceiptItem } from '../../shared/contract/counter';
import { formatRupiah } from '../../shared/money';
import { formatWib } from '../../shared/time';
import { QrCode } from './codes';
import { daerahDari, masaRetribusi, tanggalPanjang } from './format';
import { isRoll, pageCss, type Paper } from './paper';
import { DOCUMENT_CSS } from './styles';
import { copyLabel, RECEIPT_QR_MM, receiptStamp } from './receiptMeta';

export const RECEIPT_TITLE = 'BUKTI PEMBAYARAN RETRIBUSI DAERAH';

export { RECEIPT_PAPERS, RECEIPT_QR_MM, receiptStamp, copyLabel } from './receiptMeta';

const CHANNEL: Record<Receipt['channel'], string> = {
  tunai: 'Tunai di loket',
  transfer: 'Transfer bank',
  gateway: 'Bank / gerbang pembayaran',
  qris: 'QRIS',
};

export interface ReceiptPrintOptions {
  paper: Paper;
  /** which print this is (receipt.printed's copyNo); the receipt's printCount + 1 when not given */
  copyNo?: number;
  /** when it is printed, ISO; now when not given */
  printedAt?: string;
  /** a roll's page length in mm (measured: rollLengthMm); the driver's default length when not given */
  rollLengthMm?: number;
}

function Letterhead({ receipt }: { receipt: Receipt }): ReactElement {
  const region = daerahDari(receipt.officeName);
  return h(
    'header',
    { className: 'pd-kop' },
    region ? h('p', { className: 'pd-kop-daerah' }, `PEMERINTAH ${region.daerah.toUpperCase()}`) : null,
    h('p', { className: 'pd-kop-kantor' }, (receipt.officeName || 'UPTD Retribusi Daerah').toUpperCase()),
    receipt.officeAddress ? h('p', { className: 'pd-kop-alamat' }, receipt.officeAddress) : null,
  );
}

type Row = readonly [label: string, value: ReactNode];

function Rows({ rows, className }: { rows: readonly Row[]; className?: string }): ReactElement {
  return h(
    'dl',
    { className: ['rc-kv', className ?? ''].join(' ').trim() },
    ...rows.map(([label, value], i) => h('div', { key: i, className: 'rc-kv-row' }, h('dt', null, label), h('dd', null, value))),
  );
}

const mono = (text: string) => h('span', { className: 'pd-mono' }, text);

function Amount({ label, amount, tone }: { label: ReactNode; amount: number; tone?: 'grand' | 'fine' | 'sub' }): ReactElement {
  return h('div', { className: ['rc-amount', tone ? `rc-${tone}` : ''].join(' ').trim() }, h('span', null, label), h('span', { className: 'pd-num' }, formatRupiah(amount)));
}

function fineLabel(item: Pick<ReceiptItem, 'fineMonths'>): string {
  return item.fineMonths > 0 ? `Denda (${item.fineMonths} bulan)` : 'Denda';
}

/** one bill on a roll: what it is, its lines, then principal, fine and the bill's amount */
function RollItem({ item, index }: { item: ReceiptItem; index: number }): ReactElement {
  return h(
    'section',
    { className: 'rc-item', 'data-testid': 'rc-item' },
    h('p', { className: 'rc-item-head' }, `${index + 1}. ${item.levyName}`),
    h('p', { className: 'rc-item-sub' }, `Masa ${masaRetribusi(item.period)} · `, mono(item.skrdNo)),
    h('div', { className: 'rc-lines' }, ...item.lines.map((line, i) => h(Amount, { key: i, label: line.description, amount: line.amount, tone: 'sub' }))),
    h(Amount, { label: 'Pokok', amount: item.principal }),
    h(Amount, { label: fineLabel(item), amount: item.fine, tone: 'fine' }),
    h(Amount, { label: 'Jumlah', amount: item.amount }),
  );
}

function Stamps({ receipt, copyNo }: { receipt: Receipt; copyNo: number }): ReactElement | null {
  const stamp = receiptStamp(receipt.status);
  const copy = copyLabel(copyNo);
  if (!stamp && !copy) return null;
  return h(
    'div',
    { className: 'rc-stamps' },
    stamp ? h('p', { className: 'rc-stamp', 'data-testid': 'rc-stamp' }, stamp) : null,
    copy ? h('p', { className: 'rc-copy', 'data-testid': 'rc-copy' }, copy) : null,
  );
}

function PaymentFacts({ receipt }: { receipt: Receipt }): ReactElement {
  if (receipt.channel === 'tunai' && receipt.tendered !== null) {
    return h(
      'div',
      { className: 'rc-cash' },
      h(Amount, { label: 'Tunai diterima', amount: receipt.tendered }),
      h(Amount, { label: 'Kembalian', amount: receipt.change ?? receipt.tendered - receipt.total }),
    );
  }
  return h(
    'div',
    { className: 'rc-cash' },
    h('div', { className: 'rc-amount' }, h('span', null, 'Kanal'), h('span', null, CHANNEL[receipt.channel])),
    receipt.bankReference ? h('div', { className: 'rc-amount' }, h('span', null, 'Ref. bank'), h('span', { className: 'pd-mono' }, receipt.bankReference)) : null,
  );
}

function StatusNote({ receipt }: { receipt: Receipt }): ReactElement | null {
  if (receipt.void) {
    return h(
      'p',
      { className: 'rc-note rc-void', 'data-testid': 'rc-void' },
      h('strong', null, 'Pembayaran ini dibatalkan '),
      `pada ${formatWib(receipt.void.at)}, disetujui ${receipt.void.approvedBy}. Alasan: ${receipt.void.reason}. Kuitansi ini bukan bukti pembayaran yang sah; tagihannya terbuka kembali.`,
    );
  }
  if (receipt.status === 'menunggu_verifikasi') {
    return h('p', { className: 'rc-note' }, h('strong', null, 'Transfer menunggu verifikasi. '), 'Tagihan dianggap lunas setelah bukti transfer diverifikasi admin UPTD.');
  }
  if (receipt.status === 'ditolak') {
    return h('p', { className: 'rc-note' }, h('strong', null, 'Bukti transfer ditolak. '), 'Tagihan belum lunas; silakan hubungi loket.');
  }
  return null;
}

function Verification({ receipt, paper }: { receipt: Receipt; paper: Paper }): ReactElement | null {
  if (!receipt.verification) return null;
  return h(
    'section',
    { className: 'rc-qr', 'aria-label': 'Kode verifikasi' },
    h(QrCode, { value: receipt.verification, paper, sizeMm: RECEIPT_QR_MM[paper], label: `Kode QR verifikasi kuitansi ${receipt.receiptNo}` }),
    h('p', { className: 'rc-qr-note' }, 'Pindai kode QR untuk memeriksa keaslian kuitansi ini.'),
  );
}

function Foot({ receipt, printedAt }: { receipt: Receipt; printedAt: string }): ReactElement {
  return h(
    'footer',
    { className: 'pd-foot' },
    h('span', null, `Dicetak ${formatWib(printedAt)}`),
    h('span', null, receipt.receiptNo),
    h('span', null, 'E-Retribusi Loket'),
  );
}

type Resolved = Required<Omit<ReceiptPrintOptions, 'rollLengthMm'>> & { receipt: Receipt };

function RollReceipt({ receipt, paper, copyNo, printedAt }: Resolved): ReactElement {
  return h(
    Fragment,
    null,
    h(Letterhead, { receipt }),
    h('div', { className: 'rc-head' }, h('h1', { className: 'rc-title' }, 'BUKTI PEMBAYARAN'), h('p', { className: 'rc-subtitle' }, 'RETRIBUSI DAERAH'), h('p', { className: 'rc-no' }, 'No. ', mono(receipt.receiptNo))),
    h(Stamps, { receipt, copyNo }),
    h(Rows, {
      rows: [
        ['Waktu', formatWib(receipt.paidAt)],
        ['Tanggal buku', tanggalPanjang(receipt.businessDate)],
        ['Petugas', `${receipt.clerkName ?? '-'} (${receipt.terminalCode})`],
      ],
    }),
    h('hr', { className: 'rc-rule' }),
    h(Rows, {
      className: 'rc-payer',
      rows: [
        ['Wajib retribusi', h('strong', null, receipt.payerName)],
        ['IDPEL', mono(receipt.idpel)],
        ['Objek', receipt.objectLabel || '-'],
      ],
    }),
    h('hr', { className: 'rc-rule' }),
    ...receipt.items.map((item, i) => h(RollItem, { key: item.billId, item, index: i })),
    h(
      'div',
      { className: 'rc-totals' },
      h(Amount, { label: 'Jumlah pokok', amount: receipt.principal }),
      h(Amount, { label: 'Jumlah denda', amount: receipt.fine, tone: 'fine' }),
      h(Amount, { label: 'TOTAL', amount: receipt.total, tone: 'grand' }),
    ),
    h('p', { className: 'rc-words' }, h('span', { className: 'rc-words-label' }, 'Terbilang: '), h('span', { className: 'rc-words-text', 'data-testid': 'rc-terbilang' }, receipt.totalWords)),
    h(PaymentFacts, { receipt }),
    h(StatusNote, { receipt }),
    h(Verification, { receipt, paper }),
    h('p', { className: 'rc-thanks' }, 'Simpan bukti pembayaran ini. Terima kasih.'),
    h(Foot, { receipt, printedAt }),
  );
}

function A4Receipt({ receipt, paper, copyNo, printedAt }: Resolved): ReactElement {
  const region = daerahDari(receipt.officeName);
  const stamp = receiptStamp(receipt.status);
  const copy = copyLabel(copyNo);
  return h(
    Fragment,
    null,
    h(Letterhead, { receipt }),
    h(
      'div',
      { className: 'pd-head' },
      h('h1', { className: 'pd-title' }, RECEIPT_TITLE),
      h('p', { className: 'pd-number' }, 'Nomor: ', mono(receipt.receiptNo)),
      stamp ? h('p', { className: 'pd-stamp rc-stamp', 'data-testid': 'rc-stamp' }, stamp) : null,
      copy ? h('p', { className: 'rc-copy rc-copy-a4', 'data-testid': 'rc-copy' }, copy) : null,
    ),
    h(
      'div',
      { className: 'pd-parties' },
      h(
        'section',
        null,
        h('h2', { className: 'pd-box-title' }, 'Wajib retribusi'),
        h(Rows, {
          rows: [
            ['Nama', h('strong', null, receipt.payerName)],
            ['Alamat', receipt.payerAddress?.trim() || '-'],
            ['Objek', receipt.objectLabel || '-'],
            ['IDPEL', mono(receipt.idpel)],
          ],
        }),
      ),
      h(
        'section',
        null,
        h('h2', { className: 'pd-box-title' }, 'Pembayaran'),
        h(Rows, {
          rows: [
            ['Waktu bayar', formatWib(receipt.paidAt)],
            ['Tanggal buku', tanggalPanjang(receipt.businessDate)],
            ['Kanal', CHANNEL[receipt.channel]],
            ['Petugas', `${receipt.clerkName ?? '-'} (${receipt.terminalCode})`],
            ...(receipt.bankReference ? ([['Ref. bank', mono(receipt.bankReference)]] as Row[]) : []),
          ],
        }),
      ),
    ),
    h(
      'table',
      { className: 'pd-lines rc-items' },
      h('colgroup', null, h('col', { style: { width: '9mm' } }), h('col'), h('col', { style: { width: '30mm' } }), h('col', { style: { width: '30mm' } }), h('col', { style: { width: '32mm' } })),
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'No.'), h('th', { scope: 'col' }, 'Uraian'), h('th', { scope: 'col' }, 'Pokok'), h('th', { scope: 'col' }, 'Denda'), h('th', { scope: 'col' }, 'Jumlah'))),
      h(
        'tbody',
        null,
        ...receipt.items.map((item, i) =>
          h(
            'tr',
            { key: item.billId, 'data-testid': 'rc-item' },
            h('td', { className: 'pd-no' }, `${i + 1}.`),
            h(
              'td',
              { className: 'pd-desc' },
              h('div', { className: 'rc-item-head' }, `${item.levyName} — masa ${masaRetribusi(item.period)}`),
              h('div', { className: 'rc-item-sub' }, 'SKRD ', mono(item.skrdNo), ` · jatuh tempo ${tanggalPanjang(item.dueDate)}`),
              h('ul', { className: 'rc-a4-lines' }, ...item.lines.map((line, j) => h('li', { key: j }, h('span', null, line.description), h('span', { className: 'pd-num' }, formatRupiah(line.amount))))),
            ),
            h('td', { className: 'pd-num' }, formatRupiah(item.principal)),
            h('td', { className: 'pd-num' }, formatRupiah(item.fine), item.fineMonths > 0 ? h('div', { className: 'pd-small' }, `${item.fineMonths} bulan`) : null),
            h('td', { className: 'pd-num' }, formatRupiah(item.amount)),
          ),
        ),
      ),
      h(
        'tfoot',
        null,
        h(
          'tr',
          { className: 'pd-grand' },
          h('th', { scope: 'row', colSpan: 2 }, 'TOTAL'),
          h('td', { className: 'pd-num' }, formatRupiah(receipt.principal)),
          h('td', { className: 'pd-num' }, formatRupiah(receipt.fine)),
          h('td', { className: 'pd-num' }, formatRupiah(receipt.total)),
        ),
      ),
    ),
    h('p', { className: 'pd-words' }, h('span', { className: 'pd-words-label' }, 'Terbilang:'), h('span', { className: 'pd-words-text', 'data-testid': 'rc-terbilang' }, receipt.totalWords)),
    h('div', { className: 'rc-a4-cash' }, h(PaymentFacts, { receipt })),
    h(StatusNote, { receipt }),
    h(
      'div',
      { className: 'pd-closing' },
      h(Verification, { receipt, paper }),
      h(
        'div',
        { className: 'pd-sign' },
        h('p', null, `${region ? `${region.tempat}, ` : ''}${tanggalPanjang(receipt.businessDate)}`),
        h('p', null, 'Petugas loket'),
        h('div', { className: 'pd-sign-space', 'aria-hidden': true }),
        h('p', { className: 'pd-sign-name' }, receipt.clerkName ?? '(.......................................)'),
      ),
    ),
    h(Foot, { receipt, printedAt }),
  );
}

/** the receipt as a React element */
export function ReceiptDocument({ receipt, paper, copyNo, printedAt }: Omit<ReceiptPrintOptions, 'rollLengthMm'> & { receipt: Receipt }): ReactElement {
  const props = { receipt, paper, copyNo: copyNo ?? receipt.printCount + 1, printedAt: printedAt ?? new Date().toISOString() };
  const classes = ['pd-doc', `pd-${paper}`, isRoll(paper) ? 'pd-roll' : 'pd-sheet', 'pd-kind-receipt', `rc-status-${receipt.status}`].join(' ');
  return h('article', { className: classes, 'data-paper': paper, 'data-document': 'receipt', lang: 'id' }, isRoll(paper) ? h(RollReceipt, props) : h(A4Receipt, props));
}

export const RECEIPT_CSS = `
.pd-kind-receipt .rc-head { text-align: center; margin-bottom: 1.5mm; }
.pd-kind-receipt .rc-title { font-size: 11pt; letter-spacing: 0.04em; }
.pd-kind-receipt .rc-subtitle { font-size: 8.5pt; font-weight: 700; }
.pd-kind-receipt .rc-no { margin-top: 0.8mm; font-weight: 700; }
.pd-kind-receipt .rc-stamps { text-align: center; margin: 1mm 0 2mm; }
.pd-kind-receipt .rc-stamp { display: inline-block; border: 0.6mm solid #000; padding: 0.8mm 2.5mm; font-size: 12pt; font-weight: 700; letter-spacing: 0.08em; }
.pd-kind-receipt .rc-copy { font-weight: 700; font-size: 10pt; letter-spacing: 0.06em; margin-top: 1mm; }
.pd-kind-receipt .rc-copy::before, .pd-kind-receipt .rc-copy::after { content: ' * '; }
.pd-kind-receipt .rc-kv { margin: 0; }
.pd-kind-receipt .rc-kv-row { display: flex; gap: 2mm; }
.pd-kind-receipt .rc-kv dt { flex: none; width: 22mm; }
.pd-kind-receipt .rc-kv dt::after { content: ':'; float: right; }
.pd-kind-receipt .rc-kv dd { margin: 0; flex: 1; min-width: 0; overflow-wrap: anywhere; }
.pd-kind-receipt .rc-rule { border: 0; border-top: 0.25mm dashed #000; margin: 1.5mm 0; }
.pd-kind-receipt .rc-item { padding: 1mm 0 1.2mm; border-bottom: 0.25mm dashed #000; break-inside: avoid; }
.pd-kind-receipt .rc-item-head { font-weight: 700; }
.pd-kind-receipt .rc-item-sub { font-size: 7.5pt; overflow-wrap: anywhere; }
.pd-kind-receipt .rc-lines { margin: 0.6mm 0 0.6mm 2mm; }
.pd-kind-receipt .rc-amount { display: flex; justify-content: space-between; align-items: baseline; gap: 2mm; }
.pd-kind-receipt .rc-amount > span:first-child { min-width: 0; overflow-wrap: anywhere; }
.pd-kind-receipt .rc-amount > .pd-num { flex: none; }
.pd-kind-receipt .rc-sub { font-size: 7.5pt; }
.pd-kind-receipt .rc-totals { margin-top: 1.5mm; }
.pd-kind-receipt .rc-totals .rc-amount { font-weight: 700; }
.pd-kind-receipt .rc-totals .rc-fine { font-weight: 400; }
.pd-kind-receipt .rc-grand { font-size: 11pt; font-weight: 700; border-top: 0.4mm solid #000; border-bottom: 0.4mm solid #000; padding: 0.8mm 0; margin-top: 1mm; }
.pd-kind-receipt .rc-words { margin: 1.5mm 0; }
.pd-kind-receipt .rc-words-label { font-weight: 700; }
.pd-kind-receipt .rc-words-text { font-style: italic; font-weight: 700; }
.pd-kind-receipt .rc-cash { border-top: 0.25mm dashed #000; padding-top: 1mm; }
.pd-kind-receipt .rc-note { margin-top: 1.5mm; font-size: 8pt; }
.pd-kind-receipt .rc-void { border: 0.4mm solid #000; padding: 1mm 1.5mm; }
.pd-kind-receipt .rc-qr { display: flex; flex-direction: column; align-items: center; margin: 2.5mm 0 1mm; break-inside: avoid; }
.pd-kind-receipt .rc-qr-note { font-size: 7pt; text-align: center; margin-top: 0.8mm; }
.pd-kind-receipt .rc-thanks { text-align: center; font-size: 8pt; margin-top: 1mm; }
.pd-58mm.pd-kind-receipt .rc-kv-row { display: block; }
.pd-58mm.pd-kind-receipt .rc-kv dt { width: auto; font-size: 7pt; }
.pd-58mm.pd-kind-receipt .rc-kv dt::after { content: ''; }
.pd-58mm.pd-kind-receipt .rc-grand { font-size: 10pt; }
.pd-58mm.pd-kind-receipt .rc-stamp { font-size: 10pt; letter-spacing: 0.04em; padding: 0.6mm 1.5mm; }
.pd-sheet.pd-kind-receipt .rc-kv dt { width: 28mm; }
.pd-sheet.pd-kind-receipt .rc-copy-a4 { position: absolute; left: 0; top: -1mm; border: 0.4mm solid #000; padding: 0.6mm 2mm; font-size: 10pt; }
.pd-sheet.pd-kind-receipt .rc-copy-a4::before, .pd-sheet.pd-kind-receipt .rc-copy-a4::after { content: ''; }
.pd-sheet.pd-kind-receipt .rc-items .rc-item-sub { font-size: 8.5pt; }
.pd-sheet.pd-kind-receipt .rc-a4-lines { list-style: none; margin: 0.8mm 0 0; padding: 0; font-size: 8.5pt; }
.pd-sheet.pd-kind-receipt .rc-a4-lines li { display: flex; justify-content: space-between; gap: 3mm; }
.pd-sheet.pd-kind-receipt .rc-a4-cash { width: 80mm; margin-left: auto; margin-bottom: 3mm; }
.pd-sheet.pd-kind-receipt .rc-a4-cash .rc-cash { border-top: 0; }
.pd-sheet.pd-kind-receipt .rc-qr { margin: 0; }
.pd-sheet.pd-kind-receipt .rc-qr-note { max-width: 45mm; }
.pd-sheet.pd-kind-receipt .rc-stamp { font-size: 13pt; }
`;

/** the document CSS of a receipt (no @page rule: the print region or the standalone page adds it) */
export function receiptCss(): string {
  return `${DOCUMENT_CSS}\n${RECEIPT_CSS}`;
}

export function receiptTitle(receipt: Receipt): string {
  return `Kuitansi ${receipt.receiptNo} — ${receipt.payerName}`;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** a standalone page loads nothing and runs nothing: styles inline, the QR code a data: image */
export const RECEIPT_PAGE_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

export function renderReceiptMarkup(receipt: Receipt, { rollLengthMm: _length, ...options }: ReceiptPrintOptions): string {
  return renderToStaticMarkup(h(ReceiptDocument, { receipt, ...options }));
}

/**
 * The complete HTML page of one receipt on one paper, with the paper's @page rule and no
 * scripts: for the Electron shell's silent print, a PDF export, and tests in Node.
 */
export function renderReceiptHtml(receipt: Receipt, options: ReceiptPrintOptions): string {
  const markup = renderReceiptMarkup(receipt, options);
  return [
    '<!doctype html>',
    '<html lang="id">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${RECEIPT_PAGE_CSP}">`,
    `<title>${escapeHtml(receiptTitle(receipt))}</title>`,
    `<style>${pageCss(options.paper, options.rollLengthMm)}\n${receiptCss()}\nhtml, body { margin: 0; padding: 0; background: #fff; }</style>`,
    '</head>',
    `<body data-paper="${options.paper}">${markup}</body>`,
    '</html>',
  ].join('\n');
}
