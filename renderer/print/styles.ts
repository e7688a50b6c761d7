// The print CSS, as text: the standalone HTML (Electron, PDF export, tests) embeds it in a
// <style>, and the on-screen preview renders the same text, so paper and screen never drift.
// Everything is scoped under .pd-doc (the document) or .print-root (the preview) and sized in
// mm/pt, so the app's theme (rem sizes, its own h1/p rules) cannot change a printed page.
import { PAPERS, PAPERS_ALL, pageCss, type Paper } from './paper';

const mm = (n: number) => `${n}mm`;

/** padding of the document itself: on a roll the page has no margins, so the content pads */
const perPaper = PAPERS_ALL.map((paper) => {
  const spec = PAPERS[paper];
  const [top, right, bottom, left] = spec.marginMm.map(mm);
  if (spec.heightMm === null) {
    return `.pd-doc.pd-${paper} { width: ${mm(spec.widthMm)}; padding: ${top} ${right} ${bottom} ${left}; }`;
  }
  // A4: the page margins do the spacing in print; the preview sheet imitates them on screen
  return `.pd-doc.pd-${paper} { width: 100%; }
@media screen { .print-sheet.pd-sheet-${paper} { width: ${mm(spec.widthMm)}; min-height: ${mm(spec.heightMm)}; padding: ${top} ${right} ${bottom} ${left}; } }`;
}).join('\n');

export const DOCUMENT_CSS = `
.pd-doc, .pd-doc *, .pd-doc *::before, .pd-doc *::after { box-sizing: border-box; }
.pd-doc {
  font-family: Arial, 'Liberation Sans', Helvetica, 'Noto Sans', sans-serif;
  font-size: 9.5pt; line-height: 1.32; color: #000; background: #fff;
  -webkit-print-color-adjust: exact; print-color-adjust: exact;
  text-align: left;
}
/* resets without weight (:where), so every class below wins over them */
:where(.pd-doc) :where(h1, h2, h3, p, figure, ol, ul) { margin: 0; padding: 0; }
:where(.pd-doc) :where(h1, h2, h3) { font-weight: 700; line-height: 1.2; }
.pd-mono { font-family: 'DejaVu Sans Mono', 'Liberation Mono', Consolas, monospace; letter-spacing: 0.02em; }
.pd-num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.pd-muted { color: #333; }
.pd-small { font-size: 8.5pt; }

/* letterhead (kop surat) */
/* the thick rule over a thin one under the letterhead, drawn with borders (they always print) */
.pd-kop { position: relative; text-align: center; padding-bottom: 2mm; border-bottom: 0.8mm solid #000; margin-bottom: 4.5mm; }
.pd-kop::after { content: ''; position: absolute; left: 0; right: 0; bottom: -1.5mm; border-bottom: 0.3mm solid #000; }
.pd-kop-daerah { font-size: 10.5pt; font-weight: 700; letter-spacing: 0.03em; }
.pd-kop-dinas { font-size: 10.5pt; font-weight: 700; }
.pd-kop-kantor { font-size: 13pt; font-weight: 700; margin-top: 0.5mm; }
.pd-kop-alamat { font-size: 9pt; margin-top: 0.8mm; }

/* title */
.pd-head { position: relative; text-align: center; margin-bottom: 3.5mm; }
.pd-title { font-size: 13pt; text-decoration: underline; text-underline-offset: 1mm; }
.pd-number { margin-top: 1.2mm; }
.pd-stamp {
  position: absolute; right: 5mm; top: 0; transform: rotate(-8deg);
  border: 0.6mm solid #000; padding: 1mm 3mm; font-size: 15pt; font-weight: 700; letter-spacing: 0.12em;
}

/* label : value lists */
.pd-kv { border-collapse: collapse; width: 100%; }
.pd-kv th, .pd-kv td { padding: 0.35mm 0; vertical-align: top; text-align: left; }
.pd-kv th { font-weight: 400; white-space: nowrap; width: 1%; }
.pd-kv td.pd-colon { width: 1%; padding: 0.35mm 1.5mm; }
.pd-kv td { font-weight: 700; overflow-wrap: anywhere; }
.pd-kv td.pd-plain, .pd-kv td.pd-colon { font-weight: 400; }
.pd-parties { display: grid; grid-template-columns: 1fr 1fr; gap: 6mm; margin-bottom: 3mm; }
.pd-box-title { font-size: 9pt; font-weight: 700; text-transform: uppercase; letter-spacing: 0.04em; border-bottom: 0.25mm solid #000; padding-bottom: 0.6mm; margin-bottom: 1mm; }

/* the bill lines */
.pd-lines { width: 100%; border-collapse: collapse; table-layout: fixed; margin-bottom: 3mm; }
.pd-lines th, .pd-lines td { border: 0.25mm solid #000; padding: 1mm 1.8mm; vertical-align: top; }
.pd-lines thead th { background: #e6e6e6; font-weight: 700; text-align: center; font-size: 9pt; }
.pd-lines thead { display: table-header-group; }
/* the sums come once, after the last line — not again at the foot of every page */
.pd-lines tfoot { display: table-row-group; }
.pd-lines tr { break-inside: avoid; }
.pd-lines td.pd-no { text-align: center; }
.pd-lines td.pd-desc { overflow-wrap: anywhere; }
.pd-lines tfoot th, .pd-lines tfoot td { font-weight: 700; }
.pd-lines tfoot th { text-align: right; }
.pd-lines tr.pd-fine td { font-weight: 400; }
.pd-lines tfoot td.pd-detail { white-space: normal; }
.pd-lines tr.pd-grand th, .pd-lines tr.pd-grand td { background: #e6e6e6; font-size: 10.5pt; }

/* terbilang */
.pd-words { border: 0.25mm solid #000; padding: 1.5mm 2.5mm; margin-bottom: 3.5mm; }
.pd-words-label { font-weight: 700; margin-right: 1.5mm; }
.pd-words-text { font-style: italic; font-weight: 700; }

/* how to pay; then the codes beside the signature */
.pd-pay { border: 0.25mm solid #000; padding: 1.8mm 3mm 2mm; margin-bottom: 3mm; break-inside: avoid; }
.pd-pay ol { padding-left: 4.5mm; }
.pd-pay li + li { margin-top: 0.4mm; }
.pd-closing { display: flex; justify-content: space-between; align-items: flex-start; gap: 6mm; break-inside: avoid; }
.pd-codes { display: flex; align-items: center; gap: 4mm; }
.pd-barcode, .pd-qr { display: flex; flex-direction: column; align-items: center; }
.pd-barcode img, .pd-qr img { display: block; image-rendering: pixelated; }
.pd-barcode figcaption { font-size: 10pt; margin-top: 0.8mm; }
.pd-code-note { font-size: 8pt; text-align: center; margin-top: 1mm; }

.pd-note { margin-bottom: 2.5mm; text-align: justify; font-size: 9pt; }
.pd-note strong { font-weight: 700; }
.pd-demand { margin-bottom: 3mm; text-align: justify; }
.pd-demand p + p { margin-top: 1.2mm; }
.pd-paid { margin-bottom: 3mm; }

/* signature */
.pd-sign { width: 80mm; text-align: center; }
.pd-sign-space { height: 16mm; }
.pd-sign-name { font-weight: 700; }
.pd-sign-name.pd-named { text-decoration: underline; }

.pd-foot { margin-top: 3mm; padding-top: 1mm; border-top: 0.2mm solid #777; font-size: 7.5pt; color: #333; display: flex; justify-content: space-between; gap: 3mm; }

/* thermal rolls: one column, smaller type, no signature */
.pd-roll { font-size: 8.5pt; line-height: 1.3; }
.pd-roll .pd-kop { border-bottom-width: 0.6mm; padding-bottom: 1.5mm; margin-bottom: 2mm; }
.pd-roll .pd-kop-daerah, .pd-roll .pd-kop-dinas { font-size: 8pt; }
.pd-roll .pd-kop-kantor { font-size: 9.5pt; }
.pd-roll .pd-kop-alamat { font-size: 7.5pt; }
.pd-roll .pd-head { margin-bottom: 2mm; }
.pd-roll .pd-title { font-size: 9.5pt; text-decoration: none; }
.pd-roll .pd-stamp { position: static; display: inline-block; transform: none; font-size: 11pt; margin-top: 1mm; }
.pd-roll .pd-parties { display: block; margin-bottom: 2mm; }
.pd-roll .pd-parties > * + * { margin-top: 1.5mm; }
.pd-roll .pd-box-title { font-size: 7.5pt; }
.pd-roll .pd-rows { border-top: 0.25mm dashed #000; border-bottom: 0.25mm dashed #000; padding: 1mm 0; margin-bottom: 1.5mm; }
.pd-roll .pd-row + .pd-row { margin-top: 1mm; }
.pd-roll .pd-row-sub, .pd-roll .pd-sum { display: flex; justify-content: space-between; gap: 2mm; }
.pd-roll .pd-sum { font-weight: 700; }
.pd-roll .pd-sum.pd-fine { font-weight: 400; }
.pd-roll .pd-sum.pd-grand { font-size: 10pt; border-top: 0.25mm solid #000; padding-top: 0.8mm; margin-top: 0.8mm; }
.pd-roll .pd-words { border: 0; padding: 0; margin: 1.5mm 0 2mm; }
.pd-roll .pd-pay { border: 0; padding: 0; margin-bottom: 2mm; }
.pd-roll .pd-pay ol { margin-top: 1mm; }
.pd-roll .pd-closing { display: block; }
.pd-roll .pd-codes { flex-direction: column; align-items: center; gap: 2mm; }
.pd-roll .pd-note, .pd-roll .pd-demand { text-align: left; font-size: 8pt; }
.pd-roll .pd-foot { flex-direction: column; gap: 0.3mm; margin-top: 2mm; font-size: 7pt; }
.pd-roll .pd-pay ol { list-style: none; padding-left: 0; }
.pd-roll .pd-code-note { display: none; }
.pd-58mm { font-size: 8pt; }
.pd-58mm .pd-kop-kantor { font-size: 8.5pt; }
.pd-58mm .pd-kv th { font-size: 7.5pt; }
.pd-58mm .pd-kv td.pd-colon { padding: 0.35mm 1mm; }
.pd-58mm .pd-sum.pd-grand { font-size: 9pt; }

${perPaper}
`;

/**
 * The preview around the document: the toolbar and a grey stage on screen; in print only the
 * document is left — every element that neither is nor holds the preview is taken out, and its
 * ancestors (the app shell's grid, scroll panes, fixed heights) are flattened so nothing clips.
 */
export const PREVIEW_CSS = `
@media screen {
  .print-root { display: flex; flex-direction: column; min-height: 100%; background: #dfe4e8; }
  .print-toolbar { position: sticky; top: 0; z-index: 5; display: flex; flex-wrap: wrap; align-items: center; gap: 0.75rem; padding: 0.6rem 1rem; background: #fff; border-bottom: 1px solid #d5dde3; }
  .print-toolbar .print-toolbar-title { font-weight: 650; margin-right: auto; }
  .print-toolbar .print-papers { display: inline-flex; gap: 0.25rem; align-items: center; }
  .print-stage { flex: 1; overflow: auto; padding: 1.5rem; }
  .print-sheet { margin: 0 auto; background: #fff; box-shadow: 0 2px 12px rgba(16, 37, 46, 0.25); }
  .print-sheet.pd-sheet-roll { width: max-content; }
  .print-message { max-width: 40rem; margin: 2rem auto; }
}
@media print {
  :not(:has(.print-root)):not(.print-root):not(.print-root *) { display: none !important; }
  :has(.print-root) {
    display: block !important; position: static !important; overflow: visible !important;
    height: auto !important; min-height: 0 !important; max-height: none !important; width: auto !important;
    margin: 0 !important; padding: 0 !important; border: 0 !important; background: #fff !important; box-shadow: none !important;
    transform: none !important;
  }
  .print-toolbar, .print-message { display: none !important; }
  .print-root, .print-stage, .print-sheet { display: block; margin: 0; padding: 0; background: #fff; box-shadow: none; overflow: visible; }
}
`;

/** the print CSS of one document on one paper: page size, document styles */
export function printCss(paper: Paper, rollLengthMm?: number): string {
  return `${pageCss(paper, rollLengthMm)}\n${DOCUMENT_CSS}`;
}
