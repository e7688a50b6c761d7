import { describe, expect, it, vi } from 'vitest';
import {
  MIN_PAGE_MICRONS,
  ROLL,
  cssPxToMm,
  exportPdf,
  isPaperKind,
  pageSizeMm,
  pdfOptionsFor,
  pdfPageSize,
  printContents,
  printOptionsFor,
  printPageSize,
  resolvePrintSettings,
} from '../../../main/electron/printing';

describe('page size math', () => {
  it('gives A4 as 210 × 297 mm in microns and inches', () => {
    expect(printPageSize('a4')).toEqual({ width: 210_000, height: 297_000 });
    const pdf = pdfPageSize('a4');
    expect(pdf.width).toBeCloseTo(8.2677, 4);
    expect(pdf.height).toBeCloseTo(11.6929, 4);
  });

  it('gives thermal rolls their width and the content height plus feed', () => {
    // 96 CSS px = 1 inch = 25.4 mm; + 8 mm feed → ceil(33.4) = 34, below the 50 mm minimum
    expect(pageSizeMm('thermal58', 96)).toEqual({ widthMm: 58, heightMm: ROLL.minMm });
    // 1200 px = 317.5 mm + 8 → 326 mm
    expect(pageSizeMm('thermal80', 1200)).toEqual({ widthMm: 80, heightMm: 326 });
    expect(printPageSize('thermal80', 1200)).toEqual({ width: 80_000, height: 326_000 });
    expect(printPageSize('thermal58', 1200)).toEqual({ width: 58_000, height: 326_000 });
    const pdf = pdfPageSize('thermal58', 1200);
    expect(pdf.width).toBeCloseTo(58 / 25.4, 6);
    expect(pdf.height).toBeCloseTo(326 / 25.4, 6);
  });

  it('caps very long rolls and falls back for unknown heights', () => {
    expect(pageSizeMm('thermal80', 1e6).heightMm).toBe(ROLL.maxMm);
    for (const bad of [undefined, 0, -5, NaN, Infinity, 2e6]) {
      expect(pageSizeMm('thermal80', bad).heightMm).toBe(ROLL.defaultMm);
    }
  });

  it('never goes below Chromium’s minimum page size and always uses integer microns', () => {
    for (const paper of ['thermal58', 'thermal80', 'a4'] as const) {
      for (const h of [1, 10, 333.3, 777.7, 5000]) {
        const size = printPageSize(paper, h);
        expect(size.width).toBeGreaterThanOrEqual(MIN_PAGE_MICRONS);
        expect(size.height).toBeGreaterThanOrEqual(MIN_PAGE_MICRONS);
        expect(Number.isInteger(size.width) && Number.isInteger(size.height)).toBe(true);
      }
    }
  });

  it('converts CSS pixels at 96 per inch', () => {
    expect(cssPxToMm(96)).toBeCloseTo(25.4, 10);
  });

  it('knows its paper kinds', () => {
    expect(isPaperKind('thermal58')).toBe(true);
    expect(isPaperKind('toString')).toBe(false);
    expect(isPaperKind(58)).toBe(false);
  });
});

describe('print options', () => {
  it('prints receipts silently, black only, without margins, on the named printer', () => {
    expect(printOptionsFor({ paper: 'thermal58', deviceName: 'XP-58', contentHeightPx: 1200 })).toEqual({
      silent: true,
      printBackground: true,
      color: false,
      landscape: false,
      copies: 1,
      margins: { marginType: 'none' },
      pageSize: { width: 58_000, height: 326_000 },
      deviceName: 'XP-58',
    });
  });

  it('prints A4 in colour with default margins on the default printer', () => {
    const opts = printOptionsFor({ paper: 'a4', deviceName: null, silent: false, copies: 2 });
    expect(opts).toMatchObject({ silent: false, color: true, copies: 2, margins: { marginType: 'default' }, pageSize: { width: 210_000, height: 297_000 } });
    expect(opts).not.toHaveProperty('deviceName');
  });

  it('clamps silly copy counts to one', () => {
    for (const copies of [0, -1, 1.5, 11, NaN]) expect(printOptionsFor({ paper: 'a4', deviceName: null, copies }).copies).toBe(1);
  });

  it('sizes PDFs in inches with no margin on rolls', () => {
    expect(pdfOptionsFor('thermal80', 600)).toMatchObject({ printBackground: true, margins: { top: 0, bottom: 0, left: 0, right: 0 } });
    expect(pdfOptionsFor('a4').margins?.top).toBeCloseTo(10 / 25.4, 6);
  });
});

describe('printContents / exportPdf', () => {
  it('resolves ok when the printer accepts the job', async () => {
    const print = vi.fn((_opts: unknown, cb?: (success: boolean, reason: string) => void) => cb?.(true, ''));
    await expect(printContents({ print }, { paper: 'thermal80', deviceName: 'TM-T82' })).resolves.toEqual({ ok: true });
    expect(print.mock.calls[0]?.[0]).toMatchObject({ deviceName: 'TM-T82', pageSize: { width: 80_000 } });
  });

  it('reports a failed job in Indonesian instead of rejecting', async () => {
    const print = vi.fn((_opts: unknown, cb?: (success: boolean, reason: string) => void) => cb?.(false, 'Print job failed'));
    await expect(printContents({ print }, { paper: 'a4', deviceName: null })).resolves.toEqual({ ok: false, reason: 'Gagal mencetak: Print job failed' });
    const throwing = vi.fn(() => {
      throw new Error('Invalid printer settings');
    });
    await expect(printContents({ print: throwing }, { paper: 'a4', deviceName: null })).resolves.toEqual({ ok: false, reason: 'Gagal mencetak: Invalid printer settings' });
  });

  it('exports a PDF with an explicit page size', async () => {
    const printToPDF = vi.fn(async () => Buffer.from('%PDF-1.7'));
    await expect(exportPdf({ printToPDF }, 'thermal58', 400)).resolves.toEqual(Buffer.from('%PDF-1.7'));
    expect(printToPDF.mock.calls[0]).toEqual([pdfOptionsFor('thermal58', 400)]);
  });
});

describe('resolvePrintSettings', () => {
  it('defaults to the system printer and 80 mm rolls', () => {
    expect(resolvePrintSettings([], {})).toEqual({ receiptPrinter: null, receiptPaper: 'thermal80', reportPrinter: null });
  });

  it('reads flags before environment variables', () => {
    expect(
      resolvePrintSettings(['--receipt-printer', 'EPSON_TM_T82', '--receipt-paper=58'], {
        LOKET_RECEIPT_PRINTER: 'other',
        LOKET_RECEIPT_PAPER: '80',
        LOKET_REPORT_PRINTER: 'HP_LaserJet',
      }),
    ).toEqual({ receiptPrinter: 'EPSON_TM_T82', receiptPaper: 'thermal58', reportPrinter: 'HP_LaserJet' });
  });

  it('refuses unknown paper widths and broken printer names', () => {
    expect(() => resolvePrintSettings(['--receipt-paper', '76'], {})).toThrow(/58 atau 80/);
    expect(() => resolvePrintSettings([], { LOKET_RECEIPT_PRINTER: 'a\nb' })).toThrow(/tidak valid/);
    expect(() => resolvePrintSettings([], { LOKET_REPORT_PRINTER: 'x'.repeat(300) })).toThrow(/tidak valid/);
  });
});
