// Printing receipts and reports from a window's webContents. Electron falls back to A4 when no
// page size is given, which wastes a thermal roll, so every job names its paper explicitly:
// webContents.print takes microns, printToPDF takes inches. The math is pure and tested; the
// two job functions take the webContents as an argument (no electron import here).
import type { PrintToPDFOptions, WebContents, WebContentsPrintOptions } from 'electron';
import { ConfigError } from '../config';

export type PaperKind = 'thermal58' | 'thermal80' | 'a4';

interface PaperSpec {
  widthMm: number;
  /** fixed height; null for a roll whose length follows the content */
  heightMm: number | null;
  label: string;
}

export const PAPERS: Readonly<Record<PaperKind, PaperSpec>> = {
  thermal58: { widthMm: 58, heightMm: null, label: 'Struk thermal 58 mm' },
  thermal80: { widthMm: 80, heightMm: null, label: 'Struk thermal 80 mm' },
  a4: { widthMm: 210, heightMm: 297, label: 'A4' },
};

export function isPaperKind(value: unknown): value is PaperKind {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(PAPERS, value);
}

/** Roll length limits: room for the cutter below the last line; long lists stay one strip. */
export const ROLL = {
  feedMm: 8,
  minMm: 50,
  maxMm: 3000,
  /** when the content height is unknown: the usual "80 × 297" roll setting of thermal drivers */
  defaultMm: 297,
} as const;

const MM_PER_INCH = 25.4;
/** CSS pixels are 1/96 inch */
const CSS_PX_PER_INCH = 96;
/** Chromium refuses custom page sizes below this (per side) */
export const MIN_PAGE_MICRONS = 353;

export function mmToMicrons(mm: number): number {
  return Math.round(mm * 1000);
}

export function cssPxToMm(px: number): number {
  return (px * MM_PER_INCH) / CSS_PX_PER_INCH;
}

function isUsableHeight(px: unknown): px is number {
  return typeof px === 'number' && Number.isFinite(px) && px > 0 && px <= 1_000_000;
}

/** Page size in millimetres: fixed for A4, content height + feed (clamped) for a roll. */
export function pageSizeMm(paper: PaperKind, contentHeightPx?: number): { widthMm: number; heightMm: number } {
  const spec = PAPERS[paper];
  if (spec.heightMm !== null) return { widthMm: spec.widthMm, heightMm: spec.heightMm };
  if (!isUsableHeight(contentHeightPx)) return { widthMm: spec.widthMm, heightMm: ROLL.defaultMm };
  const wanted = Math.ceil(cssPxToMm(contentHeightPx) + ROLL.feedMm);
  return { widthMm: spec.widthMm, heightMm: Math.min(ROLL.maxMm, Math.max(ROLL.minMm, wanted)) };
}

/** webContents.print's custom pageSize: integer microns. */
export function printPageSize(paper: PaperKind, contentHeightPx?: number): { width: number; height: number } {
  const { widthMm, heightMm } = pageSizeMm(paper, contentHeightPx);
  return {
    width: Math.max(MIN_PAGE_MICRONS, mmToMicrons(widthMm)),
    height: Math.max(MIN_PAGE_MICRONS, mmToMicrons(heightMm)),
  };
}

/** printToPDF's custom pageSize: inches. */
export function pdfPageSize(paper: PaperKind, contentHeightPx?: number): { width: number; height: number } {
  const { widthMm, heightMm } = pageSizeMm(paper, contentHeightPx);
  return { width: widthMm / MM_PER_INCH, height: heightMm / MM_PER_INCH };
}

export interface PrintJob {
  paper: PaperKind;
  /** system printer name (not the friendly name); null → the system default printer */
  deviceName: string | null;
  /** height of the printed content in CSS px, measured by the renderer, for roll paper */
  contentHeightPx?: number;
  copies?: number;
  /** true for the counter (no dialog); false lets the back office pick a printer */
  silent?: boolean;
}

export function printOptionsFor(job: PrintJob): WebContentsPrintOptions {
  const isRoll = PAPERS[job.paper].heightMm === null;
  const copies = Number.isInteger(job.copies) && job.copies !== undefined && job.copies >= 1 && job.copies <= 10 ? job.copies : 1;
  return {
    silent: job.silent ?? true,
    printBackground: true,
    // thermal heads print black only; telling the driver avoids dithered grey text
    color: !isRoll,
    landscape: false,
    copies,
    // the print layout's CSS carries its own padding; a roll has no unprintable border to add
    margins: { marginType: isRoll ? 'none' : 'default' },
    pageSize: printPageSize(job.paper, job.contentHeightPx),
    ...(job.deviceName ? { deviceName: job.deviceName } : {}),
  };
}

export function pdfOptionsFor(paper: PaperKind, contentHeightPx?: number): PrintToPDFOptions {
  const isRoll = PAPERS[paper].heightMm === null;
  const marginIn = isRoll ? 0 : 10 / MM_PER_INCH;
  return {
    printBackground: true,
    landscape: false,
    preferCSSPageSize: false,
    pageSize: pdfPageSize(paper, contentHeightPx),
    margins: { top: marginIn, bottom: marginIn, left: marginIn, right: marginIn },
  };
}

export type PrintResult = { ok: true } | { ok: false; reason: string };

/** Prints; resolves with the outcome and never rejects (a jammed printer is not a crash). */
export function printContents(contents: Pick<WebContents, 'print'>, job: PrintJob): Promise<PrintResult> {
  return new Promise((resolvePrint) => {
    try {
      contents.print(printOptionsFor(job), (success, failureReason) => {
        resolvePrint(success ? { ok: true } : { ok: false, reason: `Gagal mencetak: ${failureReason || 'sebab tidak diketahui'}` });
      });
    } catch (err: unknown) {
      resolvePrint({ ok: false, reason: `Gagal mencetak: ${err instanceof Error ? err.message : String(err)}` });
    }
  });
}

/** Renders the page to a PDF (export, or printing where no printer driver is installed). */
export async function exportPdf(contents: Pick<WebContents, 'printToPDF'>, paper: PaperKind, contentHeightPx?: number): Promise<Buffer> {
  return contents.printToPDF(pdfOptionsFor(paper, contentHeightPx));
}

export interface PrintSettings {
  /** printer for receipts; null → system default */
  receiptPrinter: string | null;
  receiptPaper: 'thermal58' | 'thermal80';
  /** printer for A4 reports; null → system default */
  reportPrinter: string | null;
}

function flag(argv: readonly string[], name: string): string | undefined {
  const prefix = `--${name}=`;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === `--${name}`) return argv[i + 1];
    if (arg?.startsWith(prefix)) return arg.slice(prefix.length);
  }
  return undefined;
}

function printerName(raw: string | undefined, what: string): string | null {
  if (raw === undefined || raw.trim() === '') return null;
  if (raw.length > 256 || /[\u0000-\u001f\u007f]/.test(raw)) {
    throw new ConfigError(`Nama printer ${what} tidak valid.`);
  }
  return raw;
}

/**
 * Printer settings of this counter PC: --receipt-printer / LOKET_RECEIPT_PRINTER,
 * --receipt-paper / LOKET_RECEIPT_PAPER (58 or 80, default 80), --report-printer /
 * LOKET_REPORT_PRINTER. Names are the system printer names (see `lpstat -p` or Windows'
 * "Printers & scanners").
 */
export function resolvePrintSettings(argv: readonly string[], env: Record<string, string | undefined>): PrintSettings {
  const paperRaw = flag(argv, 'receipt-paper') ?? env.LOKET_RECEIPT_PAPER ?? '80';
  if (paperRaw !== '58' && paperRaw !== '80') {
    throw new ConfigError(`Lebar kertas struk "${paperRaw}" tidak dikenal; pilih 58 atau 80.`);
  }
  return {
    receiptPrinter: printerName(flag(argv, 'receipt-printer') ?? env.LOKET_RECEIPT_PRINTER, 'struk'),
    receiptPaper: paperRaw === '58' ? 'thermal58' : 'thermal80',
    reportPrinter: printerName(flag(argv, 'report-printer') ?? env.LOKET_REPORT_PRINTER, 'laporan'),
  };
}
