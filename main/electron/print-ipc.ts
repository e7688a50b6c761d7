// The print channel: the renderer hands over a standalone HTML page and its paper; the shell
// prints it silently to the configured printer with an explicit page size (Electron otherwise
// assumes A4). Pure parts here, tested with hostile input; index.ts supplies the window.
import type { PrintOutcome, PrintRequest } from '../../shared/wire';
import { isTrustedSender } from './security';
import { senderInfoOf, type SenderEvent } from './ipc';
import type { PaperKind, PrintJob, PrintSettings } from './printing';

export const MAX_PRINT_HTML = 4 * 1024 * 1024;

const PAPER_OF: Record<PrintRequest['paper'], PaperKind> = { '58mm': 'thermal58', '80mm': 'thermal80', a4: 'a4' };

export function validatePrintRequest(raw: unknown): { ok: true; request: PrintRequest } | { ok: false; reason: string } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, reason: 'permintaan cetak tidak valid' };
  const keys = Object.keys(raw);
  if (keys.some((k) => k !== 'kind' && k !== 'paper' && k !== 'html')) return { ok: false, reason: 'permintaan cetak memuat isian yang tidak dikenal' };
  const { kind, paper, html } = raw as Record<string, unknown>;
  if (kind !== 'receipt' && kind !== 'report') return { ok: false, reason: 'jenis cetakan tidak dikenal' };
  if (paper !== '58mm' && paper !== '80mm' && paper !== 'a4') return { ok: false, reason: 'kertas tidak dikenal' };
  if (typeof html !== 'string' || html.length === 0) return { ok: false, reason: 'dokumen kosong' };
  if (html.length > MAX_PRINT_HTML) return { ok: false, reason: 'dokumen terlalu besar untuk dicetak' };
  if (!/^\s*<!doctype html>/i.test(html)) return { ok: false, reason: 'dokumen harus halaman HTML utuh' };
  // the layouts carry no scripts; a page that does is not one of ours
  if (/<script[\s>]/i.test(html)) return { ok: false, reason: 'dokumen cetak tidak boleh memuat skrip' };
  return { ok: true, request: { kind, paper, html } };
}

/** which printer and paper a request goes to */
export function printJobFor(request: PrintRequest, settings: PrintSettings, contentHeightPx?: number): PrintJob {
  const paper = PAPER_OF[request.paper];
  return {
    paper,
    deviceName: request.kind === 'receipt' ? settings.receiptPrinter : settings.reportPrinter,
    ...(contentHeightPx === undefined ? {} : { contentHeightPx }),
    silent: true,
  };
}

export interface PrintDeps {
  windowIds: () => ReadonlySet<number>;
  settings: PrintSettings;
  /** loads the page in a hidden window and prints it; never rejects */
  printHtml: (html: string, job: (contentHeightPx: number) => PrintJob) => Promise<PrintOutcome>;
  log: (line: string) => void;
}

export function createPrintHandler(deps: PrintDeps): (event: SenderEvent, raw: unknown) => Promise<PrintOutcome> {
  return async (event, raw) => {
    const info = senderInfoOf(event);
    if (!isTrustedSender(info, deps.windowIds())) {
      deps.log(`Cetak ditolak: pengirim tidak dikenal (${info ? info.url.slice(0, 200) : 'frame tidak ada'})`);
      return { ok: false, reason: 'pengirim tidak dikenal' };
    }
    const checked = validatePrintRequest(raw);
    if (!checked.ok) return { ok: false, reason: checked.reason };
    try {
      return await deps.printHtml(checked.request.html, (height) => printJobFor(checked.request, deps.settings, height));
    } catch (err: unknown) {
      return { ok: false, reason: `Gagal mencetak: ${err instanceof Error ? err.message : String(err)}` };
    }
  };
}
