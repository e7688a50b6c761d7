// The printed SKRD and STRD as a person gets them: the standalone HTML (renderDocumentHtml)
// loaded in Debian's Chromium, printed to PDF, the text read back with pdftotext, the first page
// rasterised with pdftoppm (PNGs under test-results/print/ to look at) and — where zbarimg is
// installed — the barcode and QR code scanned off the raster. Then the preview inside the
// running app at #/cetak/… : the app's chrome must not come out of the printer.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BillDetail } from '../../shared/contract/billing';
import { formatRupiah } from '../../shared/money';
import { terbilangRupiah } from '../../shared/terbilang';
import { renderDocumentHtml, type DocumentKind } from '../../renderer/print/html';
import { PAPERS, rollLengthMm, SHELL_PAPER, type Paper } from '../../renderer/print/paper';
import { pageSizeMm } from '../../main/electron/printing';
import { longLabBill, openLabBill, overdueRusunBill, paidRusunBill } from '../renderer/print/fixtures';
import { hasTool, launchBrowser, login, ROOT, startApp, type RunningApp } from './harness';

const OUT = join(ROOT, 'test-results', 'print');
const PRINTED_AT = '2026-12-04T07:05:00.000Z'; // 14.05 WIB
const MM_PER_PT = 25.4 / 72;

const hasZbar = hasTool('zbarimg');

let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  browser = await launchBrowser();
  page = await browser.newPage(900, 1200);
  page.on('pageerror', (err) => {
    throw err;
  });
});
afterAll(async () => {
  await browser?.dispose();
});

interface Printed {
  /** the text of every page in its layout (a table row on one line), whitespace folded */
  text: string;
  /** the text in reading order (a wrapped cell stays together), whitespace folded */
  flow: string;
  pages: number;
  /** page size in mm */
  size: { width: number; height: number };
  png: string;
  pdf: string;
}

/** print one document to PDF as the shell would: A4 by its CSS page, a roll measured first */
async function printDocument(name: string, kind: DocumentKind, bill: BillDetail, paper: Paper = 'a4'): Promise<Printed> {
  let html = renderDocumentHtml(kind, bill, { paper, printedAt: PRINTED_AT });
  // the layout width of the paper, so overflow checks see the page as printed
  const contentMm = paper === 'a4' ? PAPERS.a4.printableMm : PAPERS[paper].widthMm;
  await page.setViewportSize({ width: Math.round((contentMm / 25.4) * 96), height: 1200 });
  await page.setContent(html, { waitUntil: 'load' });
  if (paper !== 'a4') {
    const heightPx = await page.evaluate<number>("document.querySelector('.pd-doc')?.getBoundingClientRect().height ?? 0");
    html = renderDocumentHtml(kind, bill, { paper, printedAt: PRINTED_AT, rollLengthMm: rollLengthMm(heightPx) });
    await page.setContent(html, { waitUntil: 'load' });
  }
  await page.emulateMedia({ media: 'print' });
  const pdf = join(OUT, `${name}.pdf`);
  await page.pdf({ path: pdf, printBackground: true, preferCSSPageSize: true, ...(paper === 'a4' ? { format: 'A4' } : {}) });
  await page.emulateMedia({ media: 'screen' });
  // -layout keeps a table row on one line: label, detail and amount stay together
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  const flow = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  const m = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
  const size = { width: Number(m?.[1]) * MM_PER_PT, height: Number(m?.[2]) * MM_PER_PT };
  const base = join(OUT, name);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, base]);
  return { text, flow, pages, size, png: `${base}.png`, pdf };
}

/**
 * Everything the layout may not do: text wider than its cell, content outside the page. (Run in
 * the page; a string, because this file is type-checked without the DOM library.)
 */
const OVERFLOW_CHECK = `(() => {
  const problems = [];
  const doc = document.querySelector('.pd-doc');
  if (!doc) return ['no .pd-doc'];
  if (doc.scrollWidth > doc.clientWidth + 1) problems.push('document ' + doc.scrollWidth + ' > ' + doc.clientWidth);
  const box = doc.getBoundingClientRect();
  for (const el of doc.querySelectorAll('td, th, p, li, h1, h2, figure, img')) {
    const r = el.getBoundingClientRect();
    const what = el.tagName + '.' + el.className + ' "' + (el.textContent || '').slice(0, 40) + '"';
    if (el.tagName !== 'IMG' && el.scrollWidth > el.clientWidth + 1) problems.push(what + ' ' + el.scrollWidth + ' > ' + el.clientWidth);
    if (r.right > box.right + 1 || r.left < box.left - 1) problems.push(what + ' outside the page');
  }
  return problems;
})()`;

async function overflowProblems(): Promise<string[]> {
  return page.evaluate<string[]>(OVERFLOW_CHECK);
}

/** decode every barcode on the first page, rasterised at `dpi` (a printer's resolution) */
function scan(pdf: string, dpi: number): string[] {
  const base = `${pdf.replace(/\.pdf$/, '')}-scan`;
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', pdf, base]);
  try {
    return execFileSync('zbarimg', ['-q', `${base}.png`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim().split('\n').sort();
  } catch {
    return [];
  }
}

const lineTexts = (bill: BillDetail) => bill.lines.flatMap((l) => [l.description, formatRupiah(l.amount)]);

describe('SKRD on A4', () => {
  it('has the title, number, payer, every line, the total, terbilang, due date, interest rule and printed time', async () => {
    const printed = await printDocument('skrd-a4', 'skrd', openLabBill);
    expect(printed.pages).toBe(1);
    expect(printed.size.width).toBeCloseTo(210, 0);
    expect(printed.size.height).toBeCloseTo(297, 0);
    for (const expected of [
      'SURAT KETETAPAN RETRIBUSI DAERAH (SKRD)',
      'PEMERINTAH KABUPATEN SUKAMAKMUR',
      'UPTD PENGELOLAAN RETRIBUSI DAERAH KABUPATEN SUKAMAKMUR',
      'DINAS KESEHATAN — UPT LABORATORIUM KESEHATAN DAERAH',
      'Jl. Pemuda No. 17, Sukamakmur, Jawa Tengah 59411',
      'SKRD/LKT01/2026/000412',
      'Retribusi Pengujian Kualitas Air',
      '0320910003',
      'CV Tirta Makmur Sejahtera',
      'Order LAB-2026-00187',
      openLabBill.idpel,
      '2 × Rp 95.000',
      ...lineTexts(openLabBill),
      'Jumlah pokok retribusi Rp 1.234.000',
      'Satu juta dua ratus tiga puluh empat ribu rupiah',
      'Jatuh tempo : 18 Desember 2026',
      'bunga sebesar 1% per bulan',
      'QRIS',
      'Kepala UPTD Pengelolaan Retribusi Daerah Kabupaten Sukamakmur',
      'Sukamakmur, 4 Desember 2026',
      'Dicetak 4 Des 2026 14.05 WIB',
    ]) {
      expect(printed.text, expected).toContain(expected);
    }
    expect(printed.text).not.toContain('STRD/');
    expect(await overflowProblems()).toEqual([]);
    expect(existsSync(printed.png)).toBe(true);
  });

  it.skipIf(!hasZbar)('its Code 128 and QR scan back to the IDPEL at 150 dpi', () => {
    expect(scan(join(OUT, 'skrd-a4.pdf'), 150)).toEqual([`CODE-128:${openLabBill.idpel}`, `QR-Code:${openLabBill.idpel}`]);
  });

  it('a paid bill reprints with LUNAS and its receipt, without payment instructions or codes', async () => {
    const printed = await printDocument('skrd-a4-lunas', 'skrd', paidRusunBill);
    expect(printed.pages).toBe(1);
    expect(printed.text).toContain('LUNAS');
    expect(printed.text).toContain('KW/LKT01/20261105/0007');
    expect(printed.text).not.toContain('CARA PEMBAYARAN');
    expect(printed.text).not.toContain('Perhatian');
    expect(await page.locator('img').count()).toBe(0);
    expect(await overflowProblems()).toEqual([]);
  });

  it('a long bill runs onto a second page: the table head repeats, the sums come once, nothing overflows', async () => {
    const printed = await printDocument('skrd-a4-panjang', 'skrd', longLabBill);
    expect(printed.pages).toBe(2);
    for (const line of longLabBill.lines) {
      expect(printed.flow).toContain(line.description);
      expect(printed.text).toContain(formatRupiah(line.amount));
    }
    expect(printed.text.split('Jumlah pokok retribusi').length - 1).toBe(1);
    expect(printed.text.split('Banyaknya × Tarif').length - 1).toBe(2);
    expect(printed.text).toContain(formatRupiah(longLabBill.principal));
    expect(printed.text).toContain(terbilangRupiah(longLabBill.principal, 'sentence'));
    expect(printed.flow).toContain(longLabBill.payerName);
    expect(await overflowProblems()).toEqual([]);
  });
});

describe('STRD on A4', () => {
  it('has the principal, the interest as its own line, the total as of the date, terbilang and the demand', async () => {
    const { due } = overdueRusunBill;
    expect(due).toMatchObject({ fineMonths: 3, fine: 12_750, total: 437_750 });
    const printed = await printDocument('strd-a4', 'strd', overdueRusunBill);
    expect(printed.pages).toBe(1);
    for (const expected of [
      'SURAT TAGIHAN RETRIBUSI DAERAH (STRD)',
      'STRD/LKT01/2026/000233',
      'SKRD/LKT01/2026/000233',
      'Siti Nurhaliza',
      overdueRusunBill.idpel,
      ...lineTexts(overdueRusunBill),
      'Jumlah pokok retribusi Rp 425.000',
      'Bunga keterlambatan 3 bulan × 1% × Rp 425.000 Rp 12.750',
      'Jumlah tagihan per 4 Desember 2026 Rp 437.750',
      'Empat ratus tiga puluh tujuh ribu tujuh ratus lima puluh rupiah',
      'belum melunasi retribusi daerah',
      'Jumlah ini berlaku untuk pembayaran sampai dengan tanggal 10 Desember 2026',
      'sesuai dengan ketentuan peraturan perundang',
      'Sukamakmur, 4 Desember 2026',
      'Dicetak 4 Des 2026 14.05 WIB',
    ]) {
      expect(printed.text, expected).toContain(expected);
    }
    expect(await overflowProblems()).toEqual([]);
  });

  it.skipIf(!hasZbar)('its codes scan back to the IDPEL at 150 dpi', () => {
    expect(scan(join(OUT, 'strd-a4.pdf'), 150)).toEqual([`CODE-128:${overdueRusunBill.idpel}`, `QR-Code:${overdueRusunBill.idpel}`]);
  });

  it('is refused for a bill that is not overdue, with the reason in Indonesian', () => {
    expect(() => renderDocumentHtml('strd', openLabBill, { printedAt: PRINTED_AT })).toThrow(/belum lewat jatuh tempo/);
    expect(() => renderDocumentHtml('strd', paidRusunBill, { printedAt: PRINTED_AT })).toThrow(/berstatus lunas/);
  });
});

describe('SKRD as a bill slip on a thermal roll', () => {
  for (const paper of ['80mm', '58mm'] as const) {
    it(`${paper}: one strip as long as the slip, every figure, codes that scan at 203 dpi`, async () => {
      const printed = await printDocument(`skrd-${paper}`, 'skrd', overdueRusunBill, paper);
      expect(printed.pages).toBe(1);
      expect(printed.size.width).toBeCloseTo(PAPERS[paper].widthMm, 0);
      expect(printed.size.height).toBeLessThan(297);
      for (const expected of [overdueRusunBill.idpel, ...lineTexts(overdueRusunBill), 'Rp 425.000', 'Empat ratus dua puluh lima ribu rupiah', 'telah lewat jatuh tempo 3 bulan', 'Rp 437.750']) {
        expect(printed.text, expected).toContain(expected);
      }
      // no signature on a slip
      expect(printed.text).not.toContain('NIP.');
      expect(await overflowProblems()).toEqual([]);
      if (hasZbar) expect(scan(printed.pdf, 203)).toEqual([`CODE-128:${overdueRusunBill.idpel}`, `QR-Code:${overdueRusunBill.idpel}`]);
    });
  }
});

describe('the Electron shell and the CSS agree on the page', () => {
  it('same paper widths, and a roll as long for the same content height', () => {
    for (const paper of ['a4', '80mm', '58mm'] as const) {
      const shell = pageSizeMm(SHELL_PAPER[paper], 1234);
      expect(shell.widthMm).toBe(PAPERS[paper].widthMm);
      expect(shell.heightMm).toBe(PAPERS[paper].heightMm ?? rollLengthMm(1234));
    }
    for (const px of [0, 50, 400, 1234.5, 5000, 50_000]) expect(pageSizeMm('thermal80', px).heightMm).toBe(rollLengthMm(px));
  });
});

describe('standalone HTML', () => {
  it('runs nothing and loads nothing: no script, a CSP that allows only inline styles and data: images', () => {
    const html = renderDocumentHtml('skrd', openLabBill, { printedAt: PRINTED_AT });
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\b(src|href)="(?!data:)/);
    expect(html).toContain(`content="default-src 'none'; img-src data:;`);
  });
});

// ---- the preview, in the app's frame ------------------------------------------------------------

describe('PrintPreview in the app frame (header, menu, scrolling main), bill.get from a fake bridge', () => {
  const dir = join(OUT, 'harness');
  let harness: Page;

  beforeAll(async () => {
    mkdirSync(dir, { recursive: true });
    await build({
      entryPoints: { harness: join(ROOT, 'test/renderer/print/preview-harness.tsx') },
      bundle: true,
      format: 'iife',
      platform: 'browser',
      jsx: 'automatic',
      outdir: dir,
      logLevel: 'error',
      define: { 'process.env.NODE_ENV': '"production"' },
    });
    writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="id"><head><meta charset="utf-8"><link rel="stylesheet" href="harness.css"></head><body><div id="root"></div><script src="harness.js"></script></body></html>');
    harness = await browser.newPage(1366, 768);
    harness.on('pageerror', (err) => {
      throw err;
    });
  });
  afterAll(async () => {
    await harness?.close();
  });

  async function open(kind: DocumentKind, billId: string): Promise<void> {
    await harness.emulateMedia({ media: 'screen' });
    await harness.goto(`${pathToFileURL(join(dir, 'index.html')).href}#kind=${kind}&bill=${billId}`);
    await harness.reload();
    await harness.getByTestId('print-preview').waitFor();
  }

  async function printToPdf(name: string): Promise<{ text: string; pages: number; size: { width: number; height: number } }> {
    await harness.emulateMedia({ media: 'print' });
    const pdf = join(OUT, `${name}.pdf`);
    await harness.pdf({ path: pdf, printBackground: true, preferCSSPageSize: true });
    await harness.emulateMedia({ media: 'screen' });
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, join(OUT, name)]);
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    const m = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
    return {
      text: execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' '),
      pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]),
      size: { width: Number(m?.[1]) * MM_PER_PT, height: Number(m?.[2]) * MM_PER_PT },
    };
  }

  it('STRD: shown on screen inside the app; Cetak prints with a fresh time; the printer gets the document alone', async () => {
    await open('strd', overdueRusunBill.billId);
    await harness.locator('.pd-doc').waitFor();
    expect(await harness.getByTestId('chrome-header').isVisible()).toBe(true);
    expect(await harness.locator('.pd-doc').textContent()).toContain('Rp 437.750');
    expect(await harness.getByTestId('print-paper-a4').count()).toBe(0); // an STRD is A4 only
    await harness.screenshot({ path: join(OUT, 'preview-strd-1366.png') });
    await harness.getByTestId('print-button').click();
    await expect.poll(() => harness.evaluate<number>('window.printed.length')).toBe(1);
    expect(await harness.evaluate<string>('window.printed[0].printedText')).toMatch(/^Dicetak \d{1,2} \w{3} \d{4} \d{2}\.\d{2} WIB/);

    const printed = await printToPdf('preview-strd-print');
    expect(printed.pages).toBe(1);
    expect(printed.size.width).toBeCloseTo(210, 0);
    expect(printed.text).toContain('SURAT TAGIHAN RETRIBUSI DAERAH (STRD)');
    expect(printed.text).toContain('Jumlah tagihan per 4 Desember 2026 Rp 437.750');
    for (const chrome of ['Dewi Lestari', 'Tunggakan', 'Pratinjau', 'Tutup']) expect(printed.text, chrome).not.toContain(chrome);
    // the document starts at the top margin of the page, not below where the app's header was
    expect(printed.text.trimStart().startsWith('PEMERINTAH KABUPATEN SUKAMAKMUR')).toBe(true);
  });

  it('SKRD on 80 mm: the paper is chosen in the toolbar, the page is exactly as long as the slip', async () => {
    await open('skrd', openLabBill.billId);
    await harness.getByTestId('print-paper-80mm').click();
    await harness.locator('.pd-doc.pd-80mm').waitFor();
    expect(await harness.getByTestId('print-paper-80mm').getAttribute('aria-pressed')).toBe('true');
    const heightPx = await harness.evaluate<number>("document.querySelector('.pd-doc').getBoundingClientRect().height");
    const length = rollLengthMm(heightPx);
    await expect.poll(() => harness.evaluate<string>("document.querySelector('.print-root style').textContent")).toContain(`@page { size: 80mm ${length}mm; margin: 0; }`);
    await harness.screenshot({ path: join(OUT, 'preview-skrd-80mm-1366.png') });
    const printed = await printToPdf('preview-skrd-80mm-print');
    expect(printed.pages).toBe(1);
    expect(printed.size.width).toBeCloseTo(80, 0);
    expect(printed.size.height).toBeCloseTo(length, 0);
    expect(printed.text).toContain('Rp 1.234.000');
    expect(printed.text).not.toContain('Dewi Lestari');
  });

  it('an STRD for a bill not yet overdue is refused with the reason, and Cetak stays off', async () => {
    await open('strd', openLabBill.billId);
    const refused = harness.getByTestId('print-refused');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('belum lewat jatuh tempo');
    expect(await harness.getByTestId('print-button').isDisabled()).toBe(true);
    expect(await harness.locator('.pd-doc').count()).toBe(0);
  });

  it('a bill that does not exist: the message of the API', async () => {
    await open('skrd', 'tidak-ada');
    const error = harness.getByTestId('print-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('Tagihan tidak ditemukan.');
    expect(await harness.getByTestId('print-button').isDisabled()).toBe(true);
  });
});

// ---- the preview in the running app ---------------------------------------------------------

describe('print preview in the app (#/cetak/…)', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.stop();
  });

  /** the app's API from outside, as the browser host serves it, to find an overdue bill */
  async function api<T>(op: string, input: unknown, session: string | null): Promise<T> {
    const base = app.url.split('#')[0] ?? '';
    const token = /#token=([\w-]+)/.exec(app.url)?.[1] ?? '';
    const res = await fetch(`${base}api/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-loket-host-token': token },
      body: JSON.stringify({ op, input, session }),
    });
    const body = (await res.json()) as { ok: boolean; value: T; error?: { message: string } };
    if (!body.ok) throw new Error(`${op}: ${body.error?.message}`);
    return body.value;
  }

  it('the clerk opens the STRD of an overdue bill, sees it on screen, and only the document is printed', async (ctx) => {
    // the shell's owner mounts PrintPreview at #/cetak/…; until the built app has it, say so and skip
    const assets = join(ROOT, 'dist/renderer/assets');
    const isMounted = existsSync(assets) && readdirSync(assets).some((f) => f.endsWith('.js') && readFileSync(join(assets, f), 'utf8').includes('print-preview'));
    if (!isMounted) {
      console.warn('PrintPreview is not in dist/renderer yet: the in-app print test is skipped');
      ctx.skip();
    }

    const session = await api<{ token: string }>('auth.login', { username: 'admin', password: 'Retribusi2026' }, null);
    const arrears = await api<{ rows: { idpel: string }[] }>('arrears.list', {}, session.token);
    const idpel = arrears.rows[0]?.idpel;
    expect(idpel).toBeTruthy();
    const inquiry = await api<{ bills: { billId: string; isOverdue: boolean; total: number }[] }>('inquiry.idpel', { idpel }, session.token);
    const overdue = inquiry.bills.find((b) => b.isOverdue);
    expect(overdue).toBeTruthy();

    const appPage = await browser.newPage(1366, 768);
    await appPage.goto(app.url);
    await login(appPage, 'loket1');
    // signed in once the login form is gone (whatever the home screen shows)
    await appPage.getByTestId('login-username').waitFor({ state: 'detached', timeout: 15_000 });
    await appPage.evaluate(`window.location.hash = ${JSON.stringify(`#/cetak/strd/${overdue!.billId}`)}`);
    const preview = appPage.getByTestId('print-preview');
    const isShown = await preview.waitFor({ timeout: 30_000 }).then(
      () => true,
      () => false,
    );
    if (!isShown) await appPage.screenshot({ path: join(OUT, 'app-preview-missing.png') });
    expect(isShown, 'the print preview at #/cetak/strd/<billId> (see app-preview-missing.png)').toBe(true);
    await appPage.locator('.pd-doc').waitFor({ timeout: 15_000 });
    await appPage.screenshot({ path: join(OUT, 'app-preview-strd-1366.png') });
    const shown = (await appPage.locator('.pd-doc').textContent()) ?? '';
    expect(shown).toContain('SURAT TAGIHAN RETRIBUSI DAERAH (STRD)');
    expect(shown).toContain(formatRupiah(overdue!.total));
    // A4 only: no paper choice for an STRD
    expect(await appPage.getByTestId('print-paper-a4').count()).toBe(0);

    // what the printer gets: the document alone, on A4
    await appPage.emulateMedia({ media: 'print' });
    const pdf = join(OUT, 'app-preview-strd.pdf');
    await appPage.pdf({ path: pdf, printBackground: true, preferCSSPageSize: true });
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, join(OUT, 'app-preview-strd-print')]);
    expect(text).toContain('SURAT TAGIHAN RETRIBUSI DAERAH (STRD)');
    expect(text).toContain(idpel!);
    expect(text).not.toContain('Pratinjau'); // the toolbar
    expect(text).not.toContain('Dewi Lestari'); // the signed-in clerk in the header
    expect(pages).toBe(1);
    await appPage.close();
  });
});
