import { describe, expect, it } from 'vitest';
import { createPrintHandler, printJobFor, validatePrintRequest, MAX_PRINT_HTML } from '../../../main/electron/print-ipc';
import { printOptionsFor, type PrintJob } from '../../../main/electron/printing';

const page = '<!doctype html><html><body><article class="pd-doc">Kuitansi</article></body></html>';
const settings = { receiptPrinter: 'EPSON_TM_T82', receiptPaper: 'thermal80' as const, reportPrinter: 'HP_LaserJet' };

function event(url: string, id = 1) {
  const frame = { url, parent: null, processId: 7, routingId: 9 };
  return { sender: { id, mainFrame: frame }, senderFrame: frame };
}

describe('print requests', () => {
  it('accepts a receipt or report page for a known paper', () => {
    expect(validatePrintRequest({ kind: 'receipt', paper: '58mm', html: page })).toEqual({ ok: true, request: { kind: 'receipt', paper: '58mm', html: page } });
    expect(validatePrintRequest({ kind: 'report', paper: 'a4', html: `  ${page}` }).ok).toBe(true);
  });
  it.each([
    null,
    'cetak',
    [],
    {},
    { kind: 'receipt', paper: '80mm' },
    { kind: 'receipt', paper: '80mm', html: '' },
    { kind: 'struk', paper: '80mm', html: page },
    { kind: 'receipt', paper: 'A5', html: page },
    { kind: 'receipt', paper: '80mm', html: 42 },
    { kind: 'receipt', paper: '80mm', html: '<p>bukan halaman utuh</p>' },
    { kind: 'receipt', paper: '80mm', html: `${page}<script>alert(1)</script>` },
    { kind: 'receipt', paper: '80mm', html: '<!doctype html><SCRIPT src=x></SCRIPT>' },
    { kind: 'receipt', paper: '80mm', html: page, deviceName: 'Microsoft Print to PDF' },
    { kind: 'receipt', paper: '80mm', html: `<!doctype html>${'x'.repeat(MAX_PRINT_HTML)}` },
  ])('refuses %j', (raw) => {
    expect(validatePrintRequest(raw).ok).toBe(false);
  });
  it('sends receipts to the receipt printer and reports to the report printer, with an explicit page size', () => {
    const receipt = printJobFor({ kind: 'receipt', paper: '80mm', html: page }, settings, 600);
    expect(receipt).toMatchObject({ paper: 'thermal80', deviceName: 'EPSON_TM_T82', silent: true, contentHeightPx: 600 });
    const opts = printOptionsFor(receipt);
    expect(opts.pageSize).toEqual(expect.objectContaining({ width: 80_000 }));
    const report = printJobFor({ kind: 'report', paper: 'a4', html: page }, settings);
    expect(report).toMatchObject({ paper: 'a4', deviceName: 'HP_LaserJet' });
    expect(printOptionsFor(report).pageSize).toEqual({ width: 210_000, height: 297_000 });
  });
});

describe('print handler', () => {
  const jobs: PrintJob[] = [];
  const handler = createPrintHandler({
    windowIds: () => new Set([1]),
    settings,
    printHtml: async (_html, jobFor) => {
      jobs.push(jobFor(500));
      return { ok: true };
    },
    log: () => {},
  });
  it('prints for our own window', async () => {
    expect(await handler(event('app://loket/index.html'), { kind: 'receipt', paper: '58mm', html: page })).toEqual({ ok: true });
    expect(jobs.at(-1)).toMatchObject({ paper: 'thermal58', deviceName: 'EPSON_TM_T82' });
  });
  it('refuses a foreign sender or another window, and malformed requests, without printing', async () => {
    const before = jobs.length;
    expect((await handler(event('https://evil.example/'), { kind: 'receipt', paper: '58mm', html: page })).ok).toBe(false);
    expect((await handler(event('app://loket/index.html', 2), { kind: 'receipt', paper: '58mm', html: page })).ok).toBe(false);
    expect((await handler(event('app://loket/index.html'), { kind: 'receipt', paper: '58mm', html: '<script>' })).ok).toBe(false);
    expect(jobs.length).toBe(before);
  });
  it('turns a failing printer into an Indonesian reason, never a throw', async () => {
    const broken = createPrintHandler({ windowIds: () => new Set([1]), settings, printHtml: async () => { throw new Error('printer macet'); }, log: () => {} });
    expect(await broken(event('app://loket/'), { kind: 'report', paper: 'a4', html: page })).toEqual({ ok: false, reason: 'Gagal mencetak: printer macet' });
  });
});
