// One entry for every printed document: the React element (for the on-screen preview) and a
// complete standalone HTML page (for the Electron shell's print and PDF jobs, and for tests).
// Import this file — not index.ts — from Node: it has no JSX and touches no browser global.
import { createElement as h, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { BillDetail } from '../../shared/contract/billing';
import type { Signer } from './blocks';
import type { DocumentKind } from './kinds';
import { PAPERS, type Paper } from './paper';
import { SkrdDocument, SKRD_TITLE } from './skrd';
import { StrdDocument, strdNumber, strdRefusal, STRD_TITLE } from './strd';
import { printCss } from './styles';

export { DOCUMENT_KINDS, isDocumentKind, type DocumentKind } from './kinds';

export const DOCUMENTS: Readonly<Record<DocumentKind, { title: string; short: string; papers: readonly Paper[] }>> = {
  // an SKRD also prints as a bill slip on the counter's or the kiosk's thermal printer
  skrd: { title: SKRD_TITLE, short: 'SKRD', papers: ['a4', '80mm', '58mm'] },
  // a demand letter carries a signature: A4 only
  strd: { title: STRD_TITLE, short: 'STRD', papers: ['a4'] },
};

export interface PrintOptions {
  /** the first paper the document allows when not given */
  paper?: Paper;
  /** the printed time at the foot; now when not given */
  printedAt?: string | Date;
  signer?: Signer;
  /**
   * the page length of a thermal roll in mm: measure the document once (rollLengthMm of its
   * height in CSS px) and render again with it; 297 mm when not given
   */
  rollLengthMm?: number;
}

/** a document that cannot be printed as asked (its message is for people, in Indonesian) */
export class PrintRefusedError extends Error {
  override name = 'PrintRefusedError';
}

/** why this document cannot be printed from this bill on this paper, or null */
export function documentProblem(kind: DocumentKind, bill: BillDetail, paper: Paper): string | null {
  const doc = DOCUMENTS[kind];
  if (!doc.papers.includes(paper)) return `${doc.short} tidak dicetak pada kertas ${PAPERS[paper].label}; pilih ${doc.papers.map((p) => PAPERS[p].label).join(' atau ')}.`;
  if (kind === 'strd') return strdRefusal(bill);
  return null;
}

function resolved(kind: DocumentKind, options: PrintOptions): { paper: Paper; printedAt: string } {
  const at = options.printedAt ?? new Date();
  return { paper: options.paper ?? DOCUMENTS[kind].papers[0] ?? 'a4', printedAt: typeof at === 'string' ? at : at.toISOString() };
}

/** the document as a React element; throws PrintRefusedError when it cannot be printed */
export function PrintDocument({ kind, bill, ...options }: PrintOptions & { kind: DocumentKind; bill: BillDetail }): ReactElement {
  const { paper, printedAt } = resolved(kind, options);
  const problem = documentProblem(kind, bill, paper);
  if (problem) throw new PrintRefusedError(problem);
  const props = { bill, paper, printedAt, ...(options.signer ? { signer: options.signer } : {}) };
  return kind === 'skrd' ? h(SkrdDocument, props) : h(StrdDocument, props);
}

export function documentTitle(kind: DocumentKind, bill: BillDetail): string {
  const number = kind === 'strd' ? strdNumber(bill.skrdNo) : bill.skrdNo;
  return `${DOCUMENTS[kind].short} ${number} — ${bill.payerName}`;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** a standalone page may load nothing and run nothing: styles inline, codes as data: images */
export const DOCUMENT_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/**
 * The complete HTML page of one document: print CSS with the @page size of the paper, no
 * scripts. Load it in a window (or page.setContent) and print or make a PDF of it.
 */
export function renderDocumentHtml(kind: DocumentKind, bill: BillDetail, options: PrintOptions = {}): string {
  const { paper, printedAt } = resolved(kind, options);
  const markup = renderToStaticMarkup(h(PrintDocument, { kind, bill, ...options, paper, printedAt }));
  return [
    '<!doctype html>',
    '<html lang="id">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${DOCUMENT_CSP}">`,
    `<title>${escapeHtml(documentTitle(kind, bill))}</title>`,
    `<style>${printCss(paper, options.rollLengthMm)}\nhtml, body { margin: 0; padding: 0; background: #fff; }</style>`,
    '</head>',
    `<body data-paper="${paper}">${markup}</body>`,
    '</html>',
  ].join('\n');
}
