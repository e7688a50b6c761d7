// The counter's printed reports: the shift closing report (80 mm roll for the drawer, A4 for the
// file) and the daily receipts report (laporan penerimaan harian, A4) the supervisor signs.
// Built from ClosingReport and DailyReport exactly as the backend sends them; plain
// createElement so Node renders them too.
import { createElement as h, Fragment, type ReactElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { ClosingReport, DailyReport } from '../../shared/contract/counter';
import { formatRupiah } from '../../shared/money';
import { formatWib } from '../../shared/time';
import { angka, daerahDari, tanggalPanjang } from './format';
import { isRoll, pageCss, type Paper } from './paper';
import { DOCUMENT_CSS } from './styles';

export const CLOSING_TITLE = 'LAPORAN PENUTUPAN SHIFT';
export const DAILY_TITLE = 'LAPORAN PENERIMAAN HARIAN';

export { CLOSING_PAPERS } from './receiptMeta';

export const CHANNEL_NAMES: Readonly<Record<string, string>> = {
  tunai: 'Tunai di loket',
  transfer: 'Transfer bank',
  gateway: 'Bank / gerbang pembayaran',
  qris: 'QRIS',
};

export const channelName = (channel: string) => CHANNEL_NAMES[channel] ?? channel;

const CHANNEL_SHORT: Readonly<Record<string, string>> = { tunai: 'Tunai', transfer: 'Transfer', gateway: 'Bank', qris: 'QRIS' };

export interface ReportOffice {
  officeName: string;
  officeAddress?: string;
}

function Letterhead({ office }: { office: ReportOffice }): ReactElement {
  const region = daerahDari(office.officeName);
  return h(
    'header',
    { className: 'pd-kop' },
    region ? h('p', { className: 'pd-kop-daerah' }, `PEMERINTAH ${region.daerah.toUpperCase()}`) : null,
    h('p', { className: 'pd-kop-kantor' }, (office.officeName || 'UPTD Retribusi Daerah').toUpperCase()),
    office.officeAddress ? h('p', { className: 'pd-kop-alamat' }, office.officeAddress) : null,
  );
}

type Cell = ReactNode;
interface Column {
  label: string;
  num?: boolean;
  width?: string;
}

/** a ruled table; on a roll the same rows as compact lines */
function Table({ columns, rows, foot, testId, className }: { columns: readonly Column[]; rows: readonly (readonly Cell[])[]; foot?: readonly Cell[]; testId?: string; className?: string }): ReactElement {
  return h(
    'table',
    { className: ['pd-lines rp-table', className ?? ''].join(' ').trim(), 'data-testid': testId },
    h('colgroup', null, ...columns.map((c, i) => h('col', { key: i, style: c.width ? { width: c.width } : undefined }))),
    h('thead', null, h('tr', null, ...columns.map((c, i) => h('th', { key: i, scope: 'col' }, c.label)))),
    h(
      'tbody',
      null,
      ...(rows.length === 0
        ? [h('tr', { key: 'empty' }, h('td', { colSpan: columns.length, className: 'rp-empty' }, 'Tidak ada.'))]
        : rows.map((row, r) => h('tr', { key: r }, ...row.map((cell, i) => h('td', { key: i, className: columns[i]?.num ? 'pd-num' : undefined }, cell))))),
    ),
    foot ? h('tfoot', null, h('tr', { className: 'pd-grand' }, ...foot.map((cell, i) => h(i === 0 ? 'th' : 'td', { key: i, className: columns[i]?.num ? 'pd-num' : undefined }, cell)))) : null,
  );
}

/** a titled part; a short one stays on one page, a long list may run over pages */
function Section({ title, children, long = false }: { title: string; children?: ReactNode; long?: boolean }): ReactElement {
  return h('section', { className: long ? 'rp-section rp-long' : 'rp-section' }, h('h2', { className: 'pd-box-title' }, title), children);
}

function Line({ label, value, tone }: { label: ReactNode; value: ReactNode; tone?: 'grand' | 'sub' }): ReactElement {
  return h('div', { className: ['rp-line', tone ? `rp-${tone}` : ''].join(' ').trim() }, h('span', null, label), h('span', { className: 'pd-num' }, value));
}

const rp = formatRupiah;
const signed = (n: number) => (n > 0 ? `+${rp(n)}` : rp(n));

export interface ClosingPrintOptions {
  paper: Paper;
  office: ReportOffice;
  printedAt?: string;
  /** a roll's page length in mm (measured: rollLengthMm) */
  rollLengthMm?: number;
}

/** the shift closing report: what came in per levy and channel, voids, receipts, the cash count */
export function ClosingReportDocument({ report, paper, office, printedAt }: ClosingPrintOptions & { report: ClosingReport }): ReactElement {
  const roll = isRoll(paper);
  const { shift } = report;
  const counted = report.countedCash;
  const total = report.byChannel.reduce((s, c) => s + c.total, 0);
  const denominations = report.denominations.filter((d) => d.count > 0);
  const at = printedAt ?? new Date().toISOString();
  const classes = ['pd-doc', `pd-${paper}`, roll ? 'pd-roll' : 'pd-sheet', 'pd-kind-report', 'pd-kind-closing'].join(' ');
  const facts: [string, ReactNode][] = [
    ['Petugas', shift.clerkName],
    ['Terminal', shift.terminalCode],
    ['Tanggal buku', tanggalPanjang(shift.businessDate)],
    ['Dibuka', formatWib(shift.openedAt)],
    ['Ditutup', shift.closed ? formatWib(shift.closed.closedAt) : 'belum ditutup'],
  ];
  const body = roll
    ? h(
        Fragment,
        null,
        h(Section, { title: 'Per retribusi' }, ...(report.byLevy.length === 0 ? [h('p', { key: 0 }, 'Tidak ada penerimaan.')] : []), ...report.byLevy.map((l, i) => h('div', { key: i, className: 'rp-item' }, h('div', { className: 'rp-item-head' }, `${l.levyName} (${angka(l.count)})`), h(Line, { label: 'Pokok', value: rp(l.principal), tone: 'sub' }), h(Line, { label: 'Denda', value: rp(l.fine), tone: 'sub' }), h(Line, { label: 'Jumlah', value: rp(l.total) })))),
        h(Section, { title: 'Per kanal' }, ...report.byChannel.map((c, i) => h(Line, { key: i, label: `${channelName(c.channel)} (${angka(c.count)})`, value: rp(c.total) })), h(Line, { label: 'Total penerimaan', value: rp(total), tone: 'grand' })),
        h(Section, { title: `Pembatalan (${report.voids.length})` }, ...(report.voids.length === 0 ? [h('p', { key: 0 }, 'Tidak ada.')] : report.voids.map((v, i) => h('div', { key: i, className: 'rp-item' }, h(Line, { label: h('span', { className: 'pd-mono' }, v.receiptNo), value: rp(v.total) }), h('div', { className: 'rp-sub' }, `${v.reason} — disetujui ${v.approvedBy}`))))),
      )
    : h(
        Fragment,
        null,
        h(
          Section,
          { title: 'Penerimaan per retribusi' },
          h(Table, {
            testId: 'rp-by-levy',
            columns: [{ label: 'Retribusi' }, { label: 'Transaksi', num: true, width: '22mm' }, { label: 'Pokok', num: true, width: '32mm' }, { label: 'Denda', num: true, width: '28mm' }, { label: 'Jumlah', num: true, width: '32mm' }],
            rows: report.byLevy.map((l) => [l.levyName, angka(l.count), rp(l.principal), rp(l.fine), rp(l.total)]),
            foot: ['Jumlah', angka(report.byLevy.reduce((s, l) => s + l.count, 0)), rp(report.byLevy.reduce((s, l) => s + l.principal, 0)), rp(report.byLevy.reduce((s, l) => s + l.fine, 0)), rp(report.byLevy.reduce((s, l) => s + l.total, 0))],
          }),
        ),
        h(
          'div',
          { className: 'rp-grid' },
          h(
            Section,
            { title: 'Per kanal pembayaran' },
            h(Table, { columns: [{ label: 'Kanal' }, { label: 'Transaksi', num: true, width: '20mm' }, { label: 'Jumlah', num: true, width: '30mm' }], rows: report.byChannel.map((c) => [channelName(c.channel), angka(c.count), rp(c.total)]), foot: ['Total', angka(report.byChannel.reduce((s, c) => s + c.count, 0)), rp(total)] }),
          ),
          h(
            Section,
            { title: `Pembatalan (${report.voids.length})` },
            h(Table, { columns: [{ label: 'Kuitansi / alasan' }, { label: 'Jumlah', num: true, width: '24mm' }], rows: report.voids.map((v) => [h(Fragment, null, h('span', { className: 'pd-mono' }, v.receiptNo), h('div', { className: 'rp-sub' }, `${v.reason} — disetujui ${v.approvedBy}`)), rp(v.total)]) }),
          ),
        ),
      );
  const cash = h(
    Section,
    { title: 'Kas' },
    h(Line, { label: 'Kas awal', value: rp(shift.openingCash) }),
    h(Line, { label: 'Tunai diterima', value: rp(report.cashReceived) }),
    report.cashVoided > 0 ? h(Line, { label: 'Tunai dibatalkan (tidak dihitung)', value: rp(report.cashVoided), tone: 'sub' }) : null,
    h(Line, { label: 'Kas seharusnya', value: rp(shift.expectedCash), tone: 'grand' }),
    h(Line, { label: 'Kas dihitung', value: counted === null ? '-' : rp(counted) }),
    h(Line, { label: 'Selisih', value: report.difference === null ? '-' : signed(report.difference), tone: 'grand' }),
    report.approvedBy ? h(Line, { label: 'Selisih disetujui', value: report.approvedBy }) : null,
    report.note ? h('p', { className: 'rp-sub' }, `Catatan: ${report.note}`) : null,
  );
  const denoms = h(
    Section,
    { title: 'Uang dihitung per pecahan' },
    ...(denominations.length === 0 ? [h('p', { key: 0 }, 'Tidak ada uang dihitung.')] : denominations.map((d, i) => h(Line, { key: i, label: `${rp(d.value)} × ${angka(d.count)}`, value: rp(d.amount), tone: 'sub' }))),
    h(Line, { label: 'Jumlah dihitung', value: rp(denominations.reduce((s, d) => s + d.amount, 0)), tone: 'grand' }),
  );
  return h(
    'article',
    { className: classes, 'data-paper': paper, 'data-document': 'closing', lang: 'id' },
    h(Letterhead, { office }),
    h('div', { className: roll ? 'rc-head rp-head' : 'pd-head' }, h('h1', { className: roll ? 'rp-title' : 'pd-title' }, CLOSING_TITLE), h('p', { className: 'pd-number' }, `${shift.clerkName} — ${tanggalPanjang(shift.businessDate)}`)),
    h('dl', { className: 'rp-facts' }, ...facts.map(([k, v], i) => h('div', { key: i }, h('dt', null, k), h('dd', null, v)))),
    h(
      Section,
      { title: 'Kuitansi' },
      h(Line, { label: 'Jumlah kuitansi', value: angka(report.receiptCount) }),
      report.firstReceipt
        ? h(
            'div',
            { className: 'rp-sub rp-range' },
            h('span', null, 'No. ', h('span', { className: 'pd-mono' }, report.firstReceipt)),
            h('span', null, ' s.d. ', h('span', { className: 'pd-mono' }, report.lastReceipt ?? report.firstReceipt)),
          )
        : h('div', { className: 'rp-sub' }, 'Tidak ada kuitansi.'),
    ),
    body,
    roll ? h(Fragment, null, cash, denoms) : h('div', { className: 'rp-grid' }, cash, denoms),
    h(
      'div',
      { className: 'rp-signs' },
      h('div', { className: 'pd-sign' }, h('p', null, 'Petugas loket'), h('div', { className: 'pd-sign-space', 'aria-hidden': true }), h('p', { className: 'pd-sign-name' }, shift.clerkName)),
      h('div', { className: 'pd-sign' }, h('p', null, 'Mengetahui, Kepala UPTD'), h('div', { className: 'pd-sign-space', 'aria-hidden': true }), h('p', { className: 'pd-sign-name' }, report.approvedBy ?? '(.......................................)')),
    ),
    h('footer', { className: 'pd-foot' }, h('span', null, `Dicetak ${formatWib(at)}`), h('span', null, CLOSING_TITLE), h('span', null, 'E-Retribusi Loket')),
  );
}

export interface DailyPrintOptions {
  office?: Partial<ReportOffice>;
  printedAt?: string;
  /** who signs as the supervisor */
  signerName?: string;
}

/** laporan penerimaan harian: per clerk, per levy, per channel, voids apart, every payment */
export function DailyReportDocument({ report, office, printedAt, signerName }: DailyPrintOptions & { report: DailyReport }): ReactElement {
  const at = printedAt ?? new Date().toISOString();
  const place = daerahDari(report.officeName || office?.officeName || '')?.tempat;
  const levyTotals = report.byLevy.reduce((s, l) => ({ count: s.count + l.count, principal: s.principal + l.principal, fine: s.fine + l.fine, total: s.total + l.total }), { count: 0, principal: 0, fine: 0, total: 0 });
  return h(
    'article',
    { className: 'pd-doc pd-a4 pd-sheet pd-kind-report pd-kind-daily', 'data-paper': 'a4', 'data-document': 'daily', lang: 'id' },
    h(Letterhead, { office: { officeName: report.officeName || office?.officeName || '', ...(office?.officeAddress ? { officeAddress: office.officeAddress } : {}) } }),
    h('div', { className: 'pd-head' }, h('h1', { className: 'pd-title' }, DAILY_TITLE), h('p', { className: 'pd-number' }, `Tanggal buku ${tanggalPanjang(report.date)}`)),
    h(
      'div',
      { className: 'rp-summary' },
      h('div', null, h('span', null, 'Transaksi sah'), h('strong', { 'data-testid': 'rp-count' }, angka(report.count))),
      h('div', null, h('span', null, 'Total penerimaan'), h('strong', { 'data-testid': 'rp-total' }, rp(report.total))),
      h('div', null, h('span', null, 'Dibatalkan'), h('strong', null, `${angka(report.voids.length)} · ${rp(report.voidedTotal)}`)),
    ),
    h(
      Section,
      { title: 'Per petugas' },
      h(Table, { columns: [{ label: 'Petugas' }, { label: 'Terminal', width: '26mm' }, { label: 'Transaksi', num: true, width: '22mm' }, { label: 'Jumlah', num: true, width: '34mm' }], rows: report.byClerk.map((c) => [c.clerkName, c.terminalCode, angka(c.count), rp(c.total)]), foot: ['Total', '', angka(report.byClerk.reduce((s, c) => s + c.count, 0)), rp(report.byClerk.reduce((s, c) => s + c.total, 0))] }),
    ),
    h(
      Section,
      { title: 'Per retribusi' },
      h(Table, {
        columns: [{ label: 'Retribusi' }, { label: 'Kode', width: '24mm' }, { label: 'Transaksi', num: true, width: '20mm' }, { label: 'Pokok', num: true, width: '28mm' }, { label: 'Denda', num: true, width: '24mm' }, { label: 'Jumlah', num: true, width: '30mm' }],
        rows: report.byLevy.map((l) => [l.levyName, h('span', { className: 'pd-mono' }, l.kode), angka(l.count), rp(l.principal), rp(l.fine), rp(l.total)]),
        foot: ['Total', '', angka(levyTotals.count), rp(levyTotals.principal), rp(levyTotals.fine), rp(levyTotals.total)],
      }),
    ),
    h(
      Section,
      { title: 'Per kanal pembayaran' },
      h(Table, { columns: [{ label: 'Kanal' }, { label: 'Transaksi', num: true, width: '22mm' }, { label: 'Jumlah', num: true, width: '34mm' }], rows: report.byChannel.map((c) => [channelName(c.channel), angka(c.count), rp(c.total)]), foot: ['Total', angka(report.byChannel.reduce((s, c) => s + c.count, 0)), rp(report.byChannel.reduce((s, c) => s + c.total, 0))] }),
    ),
    h(
      Section,
      { title: `Pembatalan (tidak termasuk penerimaan) — ${report.voids.length}` },
      h(Table, {
        testId: 'rp-voids',
        columns: [{ label: 'Kuitansi', width: '38mm' }, { label: 'Tgl bayar', width: '22mm' }, { label: 'Alasan' }, { label: 'Diajukan / disetujui', width: '40mm' }, { label: 'Jumlah', num: true, width: '26mm' }],
        rows: report.voids.map((v) => [h('span', { className: 'pd-mono' }, v.receiptNo), formatWib(`${v.paidDate}T05:00:00.000Z`, false), v.reason, `${v.requestedBy} / ${v.approvedBy}`, rp(v.total)]),
      }),
    ),
    h(
      Section,
      { title: `Daftar pembayaran — ${report.payments.length}`, long: true },
      h(Table, {
        testId: 'rp-payments',
        className: 'rp-payments',
        columns: [
          { label: 'No.', width: '8mm' },
          { label: 'Jam', width: '10mm' },
          { label: 'Kuitansi', width: '36mm' },
          { label: 'Wajib retribusi' },
          { label: 'IDPEL', width: '30mm' },
          { label: 'Kanal', width: '13mm' },
          { label: 'Petugas', width: '24mm' },
          { label: 'Jumlah', num: true, width: '25mm' },
        ],
        rows: report.payments.map((p, i) => [
          `${i + 1}.`,
          formatWib(p.paidAt).replace(/^.* (\d\d\.\d\d) WIB$/, '$1'),
          h('span', { className: 'pd-mono' }, p.receiptNo),
          p.payerName,
          h('span', { className: 'pd-mono' }, p.idpel),
          CHANNEL_SHORT[p.channel] ?? p.channel,
          p.clerkName ?? '-',
          p.voided ? h(Fragment, null, h('s', null, rp(p.total)), h('div', { className: 'rp-batal' }, 'BATAL')) : rp(p.total),
        ]),
        foot: ['', '', 'Total sah', '', '', '', '', rp(report.total)],
      }),
    ),
    h(
      'div',
      { className: 'rp-signs' },
      h('div', { className: 'pd-sign' }),
      h('div', { className: 'pd-sign' }, h('p', null, `${place ? `${place}, ` : ''}${tanggalPanjang(report.date)}`), h('p', null, 'Kepala UPTD'), h('div', { className: 'pd-sign-space', 'aria-hidden': true }), h('p', { className: 'pd-sign-name' }, signerName ?? '(.......................................)')),
    ),
    h('footer', { className: 'pd-foot' }, h('span', null, `Dicetak ${formatWib(at)}`), h('span', null, `${DAILY_TITLE} ${report.date}`), h('span', null, 'E-Retribusi Loket')),
  );
}

export const REPORT_CSS = `
.pd-kind-report .rp-section { margin-bottom: 3mm; break-inside: avoid-page; }
.pd-kind-report .rp-section.rp-long { break-inside: auto; }
.pd-kind-report .rp-table .pd-mono { white-space: nowrap; font-size: 8pt; letter-spacing: 0; }
.pd-kind-report .rp-payments { font-size: 8pt; }
.pd-kind-report .rp-payments td, .pd-kind-report .rp-payments th { padding: 0.5mm 1.2mm; }
.pd-kind-report .rp-payments .pd-mono { font-size: 7.5pt; }
.pd-kind-report .rp-payments tfoot tr.pd-grand th, .pd-kind-report .rp-payments tfoot tr.pd-grand td { font-size: 9pt; }
.pd-kind-report .rp-range { display: flex; flex-wrap: wrap; column-gap: 1mm; }
.pd-kind-report .rp-range > span { white-space: nowrap; }
.pd-kind-report .rp-table { margin-bottom: 1mm; font-size: 9pt; }
.pd-kind-report .rp-table td, .pd-kind-report .rp-table th { padding: 0.7mm 1.5mm; }
.pd-kind-report .rp-table tbody tr { break-inside: avoid; }
.pd-kind-report .rp-empty { text-align: center; font-style: italic; }
.pd-kind-report .rp-grid { display: grid; grid-template-columns: 1fr 1fr; gap: 6mm; }
.pd-kind-report .rp-line { display: flex; justify-content: space-between; gap: 2mm; }
.pd-kind-report .rp-line > span:first-child { min-width: 0; overflow-wrap: anywhere; }
.pd-kind-report .rp-grand { font-weight: 700; border-top: 0.25mm solid #000; margin-top: 0.5mm; padding-top: 0.5mm; }
.pd-kind-report .rp-sub { font-size: 8pt; }
.pd-kind-report .rp-facts { margin: 0 0 3mm; display: grid; grid-template-columns: auto 1fr auto 1fr; gap: 0.5mm 3mm; }
.pd-kind-report .rp-facts > div { display: contents; }
.pd-kind-report .rp-facts dt::after { content: ':'; }
.pd-kind-report .rp-facts dd { margin: 0; font-weight: 700; }
.pd-kind-report .rp-signs { display: flex; justify-content: space-between; gap: 6mm; margin-top: 5mm; break-inside: avoid; }
.pd-kind-report .rp-signs .pd-sign { width: 70mm; }
.pd-kind-report .rp-summary { display: grid; grid-template-columns: repeat(3, 1fr); gap: 3mm; margin-bottom: 3mm; }
.pd-kind-report .rp-summary > div { border: 0.25mm solid #000; padding: 1.5mm 2.5mm; display: flex; flex-direction: column; }
.pd-kind-report .rp-summary strong { font-size: 12pt; }
.pd-kind-report .rp-batal { font-weight: 700; }
.pd-roll.pd-kind-report .rp-head { text-align: center; margin-bottom: 2mm; }
.pd-roll.pd-kind-report .rp-title { font-size: 10pt; }
.pd-roll.pd-kind-report .rp-facts { grid-template-columns: auto 1fr; }
.pd-roll.pd-kind-report .rp-section { border-top: 0.25mm dashed #000; padding-top: 1mm; margin-bottom: 1.5mm; }
.pd-roll.pd-kind-report .rp-section .pd-box-title { border-bottom: 0; }
.pd-roll.pd-kind-report .rp-item + .rp-item { margin-top: 0.8mm; }
.pd-roll.pd-kind-report .rp-item-head { font-weight: 700; }
.pd-roll.pd-kind-report .rp-signs { flex-direction: column; align-items: center; gap: 2mm; margin-top: 3mm; }
.pd-roll.pd-kind-report .rp-signs .pd-sign { width: 100%; }
.pd-roll.pd-kind-report .pd-sign-space { height: 12mm; }
`;

export function reportCss(): string {
  return `${DOCUMENT_CSS}\n${REPORT_CSS}`;
}

export function renderClosingMarkup(report: ClosingReport, options: ClosingPrintOptions): string {
  return renderToStaticMarkup(h(ClosingReportDocument, { report, ...options }));
}

export function renderDailyMarkup(report: DailyReport, options: DailyPrintOptions = {}): string {
  return renderToStaticMarkup(h(DailyReportDocument, { report, ...options }));
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, paper: Paper, markup: string, rollLength?: number): string {
  return [
    '<!doctype html>',
    '<html lang="id">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>${pageCss(paper, rollLength)}\n${reportCss()}\nhtml, body { margin: 0; padding: 0; background: #fff; }</style>`,
    '</head>',
    `<body data-paper="${paper}">${markup}</body>`,
    '</html>',
  ].join('\n');
}

/** standalone HTML pages (Electron print, PDF export, tests in Node) */
export function renderClosingHtml(report: ClosingReport, options: ClosingPrintOptions): string {
  return page(`${CLOSING_TITLE} ${report.shift.clerkName} ${report.shift.businessDate}`, options.paper, renderClosingMarkup(report, options), options.rollLengthMm);
}

export function renderDailyHtml(report: DailyReport, options: DailyPrintOptions = {}): string {
  return page(`${DAILY_TITLE} ${report.date}`, 'a4', renderDailyMarkup(report, options));
}
