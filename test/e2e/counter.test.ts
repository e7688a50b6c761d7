// The counter day in the built app, as the clerk and the kepala UPTD do it: open a shift, a
// scanner types an IDPEL (fast, ending with Enter) while the focus is elsewhere, pay two overdue
// months with their fines, the receipt shows the right total and terbilang and prints by itself;
// the common case takes at most three key presses after the scan; a void asked by the clerk and
// approved by the kepala in another session; the shift closed with a counted difference above
// the limit (kepala approval in the dialog); the closing report and the daily report equal the
// payments; the deposit (STS); a transfer with proof verified by the admin. Every receipt layout
// and report is printed to PDF from the app and its text read back with pdftotext.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClosingReport, DailyReport, InquiryResult, Receipt } from '../../shared/contract';
import { DENOMINATIONS } from '../../shared/contract/counter';
import { formatRupiah } from '../../shared/money';
import { terbilangRupiah } from '../../shared/terbilang';
import { businessDate } from '../../shared/time';
import { freshPage, hasTool, hostApi, launchBrowser, login, ROOT, scanCode, screenshot, sidewaysScroll, startApp, DEMO_PASSWORD, type HostApi, type RunningApp } from './harness';

const PDF_DIR = join(ROOT, 'test-results', 'counter');
const PASSWORD = DEMO_PASSWORD;
/** the demo office's address: on the letterhead of every printed report */
const OFFICE_ADDRESS = 'Jl. Pemuda No. 17, Sukamakmur, Jawa Tengah 59411';

let app: RunningApp;
let browserCtl: Awaited<ReturnType<typeof launchBrowser>>;
let clerk: Page;
let kepala: Page;

/** what the scenario learns on its way, for the later steps */
const state: {
  twoMonths?: { idpel: string; receipt: Receipt; total: number; tendered: number };
  common?: { idpel: string; receiptNo: string; total: number; openBefore: number };
  dailyBefore?: DailyReport;
  difference?: number;
  closing?: ClosingReport;
  skipPayer?: string;
} = {};

/** the host's API (one login per demo user) */
let host: HostApi | undefined;
const api = <T,>(op: string, input: unknown, session: string | null): Promise<T> => (host ??= hostApi(app)).invoke<T>(op, input, session);
const as = (username: string): Promise<string> => (host ??= hostApi(app)).session(username);

async function openPage(username: string, width = 1366, height = 768): Promise<Page> {
  const page = await freshPage(browserCtl, app, width, height);
  await login(page, username);
  await page.getByTestId('login-username').waitFor({ state: 'detached', timeout: 15_000 });
  return page;
}

async function go(page: Page, hash: string, testId: string): Promise<void> {
  await page.evaluate(`window.location.hash = ${JSON.stringify(hash)}`);
  await page.getByTestId(testId).waitFor({ timeout: 15_000 });
}

/** the page scrolls sideways by this many pixels (0 = fits) */
const overflowX = sidewaysScroll;

/** put the focus on nothing in particular (a scanner does not care where it is) */
async function focusElsewhere(page: Page): Promise<void> {
  await page.evaluate('document.activeElement instanceof HTMLElement && document.activeElement.blur()');
  await page.getByTestId('shift-bar').click({ position: { x: 4, y: 4 } });
}

/** a barcode scanner: the digits a few milliseconds apart, then Enter */
/** the scanner reads the IDPEL off the card (hardware-timed keys, see the harness) */
const scan = (page: Page, idpel: string) => scanCode(page, idpel);

const prints = (page: Page) => page.evaluate<number>('window.__prints ?? 0');

const fold = (s: string) => s.replace(/\s+/g, ' ').trim();

/** print what is in the app's print region to PDF (the page as the printer gets it), its text */
async function pdfOfPrint(page: Page, name: string): Promise<string> {
  mkdirSync(PDF_DIR, { recursive: true });
  const pdf = join(PDF_DIR, `${name}.pdf`);
  await page.pdf({ path: pdf, printBackground: true, preferCSSPageSize: true });
  execFileSync('pdftoppm', ['-png', '-r', '100', '-f', '1', '-l', '1', pdf, join(PDF_DIR, name)]);
  return fold(execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }));
}

const hasZbar = hasTool('zbarimg');

/** the QR codes read back off the printed page rasterised at a thermal head's 203 dpi (null without zbarimg) */
function scanPrinted(name: string): string[] | null {
  if (!hasZbar) return null;
  const base = join(PDF_DIR, `${name}-203dpi`);
  execFileSync('pdftoppm', ['-png', '-gray', '-r', '203', '-f', '1', '-l', '1', '-singlefile', join(PDF_DIR, `${name}.pdf`), base]);
  const out = execFileSync('zbarimg', ['-q', '--raw', '-Sdisable', '-Sqrcode.enable', `${base}.png`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return out.trim().split('\n').filter(Boolean);
}

/** page size of the first page of a PDF, in mm */
function pdfSizeMm(name: string): { width: number; height: number } {
  const info = execFileSync('pdfinfo', [join(PDF_DIR, `${name}.pdf`)], { encoding: 'utf8' });
  const m = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
  const pt = 25.4 / 72;
  return { width: Number(m?.[1] ?? 0) * pt, height: Number(m?.[2] ?? 0) * pt };
}

/** a real PNG (a blue band on white, like a photographed transfer slip), w×h pixels */
function pngOf(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = (crcTable[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows = Buffer.alloc((width * 3 + 1) * height, 0xff);
  for (let y = 0; y < height; y++) {
    rows[y * (width * 3 + 1)] = 0;
    if (y > height / 3 && y < (2 * height) / 3) for (let x = 0; x < width; x++) rows.set([0x1d, 0x5f, 0xa8], y * (width * 3 + 1) + 1 + x * 3);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

/** counted cash per denomination for an amount (largest notes first) */
function countsFor(amount: number): Record<number, number> {
  const counts: Record<number, number> = {};
  let rest = amount;
  for (const value of DENOMINATIONS) {
    const n = Math.floor(rest / value);
    if (n > 0) counts[value] = n;
    rest -= n * value;
  }
  if (rest !== 0) throw new Error(`Rp ${amount} cannot be counted in notes and coins`);
  return counts;
}

/** an IDPEL whose two oldest open bills are both overdue with a fine */
async function payerWithTwoFinedMonths(exclude: string[] = []): Promise<InquiryResult> {
  const session = await as('loket1');
  const arrears = await api<{ rows: { idpel: string; openBills: number; oldestMonths: number }[] }>('arrears.list', {}, session);
  for (const row of arrears.rows.filter((r) => r.openBills >= 2 && r.oldestMonths >= 2 && !exclude.includes(r.idpel))) {
    const inquiry = await api<InquiryResult>('inquiry.idpel', { idpel: row.idpel }, session);
    const [a, b] = inquiry.bills;
    if (a && b && a.fine > 0 && b.fine > 0 && a.total + b.total < 3_000_000) return inquiry;
  }
  throw new Error('no payer with two overdue months in the demo data');
}

async function payerWithOpenBill(exclude: string[]): Promise<InquiryResult> {
  const session = await as('loket1');
  const arrears = await api<{ rows: { idpel: string; openBills: number; total: number }[] }>('arrears.list', { bucket: '1' }, session);
  for (const row of arrears.rows.filter((r) => !exclude.includes(r.idpel))) {
    const inquiry = await api<InquiryResult>('inquiry.idpel', { idpel: row.idpel }, session);
    if (inquiry.bills.length > 0 && inquiry.bills[0]!.total <= 1_000_000) return inquiry;
  }
  throw new Error('no payer with an open bill in the demo data');
}

beforeAll(async () => {
  app = await startApp();
  browserCtl = await launchBrowser();
  // the browser's print dialog is the printer here: count the prints, print nothing
  await browserCtl.context.addInitScript('window.__prints = 0; window.print = () => { window.__prints += 1; };');
  clerk = await openPage('loket1');
  state.dailyBefore = await api<DailyReport>('report.daily', { date: businessDate(new Date()) }, await as('kepala'));
});

afterAll(async () => {
  await browserCtl?.dispose();
  const code = await app?.stop();
  expect(code).toBe(0);
});

describe('the counter day', () => {
  it('shows that there is no shift and opens one with the opening cash', async () => {
    await clerk.getByTestId('counter-home').waitFor();
    const bar = clerk.getByTestId('shift-bar');
    await expect.poll(() => bar.getAttribute('data-state')).toBe('none');
    expect(await overflowX(clerk)).toBeLessThanOrEqual(0);
    await screenshot(clerk, 'counter-01-no-shift');
    await clerk.getByTestId('shift-opening-cash').fill('200000');
    await clerk.getByTestId('shift-open').click();
    await expect.poll(() => bar.getAttribute('data-state')).toBe('open');
    expect(fold((await clerk.getByTestId('shift-expected').textContent()) ?? '')).toBe('Rp 200.000');
  });

  it('catches a scanned IDPEL wherever the focus is and pays two months with their fines; the receipt prints by itself', async () => {
    const payer = await payerWithTwoFinedMonths();
    const [first, second] = payer.bills;
    const total = first!.total + second!.total;
    const tendered = Math.ceil(total / 50_000) * 50_000 + 50_000;

    await focusElsewhere(clerk);
    expect(await clerk.evaluate<string>('document.activeElement?.tagName ?? ""')).not.toBe('INPUT');
    await scan(clerk, payer.idpel);
    await clerk.getByTestId('desk-bill').first().waitFor();
    expect(await clerk.getByTestId('desk-bill').count()).toBe(payer.bills.length);
    // the oldest bill is chosen, principal and fine apart
    expect(await clerk.getByTestId('desk-bill').first().getAttribute('data-chosen')).toBe('true');
    expect(await clerk.getByTestId('desk-bill').nth(1).getAttribute('data-chosen')).toBe('false');
    expect(fold((await clerk.getByTestId('desk-bill').first().textContent()) ?? '')).toContain(formatRupiah(first!.fine));
    await expect.poll(() => clerk.evaluate<string>('document.activeElement?.id ?? ""')).toBe('desk-tender');
    await screenshot(clerk, 'counter-02-bills');

    // + takes the next month; the cash received typed; Enter shows the summary; Enter pays
    await clerk.keyboard.press('+');
    await expect.poll(() => clerk.getByTestId('desk-bill').nth(1).getAttribute('data-chosen')).toBe('true');
    expect(fold((await clerk.getByTestId('desk-total').textContent()) ?? '')).toBe(formatRupiah(total));
    await clerk.keyboard.type(String(tendered), { delay: 30 });
    expect(fold((await clerk.getByTestId('desk-change').textContent()) ?? '')).toBe(formatRupiah(tendered - total));
    await clerk.keyboard.press('Enter');
    await expect.poll(() => clerk.getByTestId('desk-pay-panel').getAttribute('data-stage')).toBe('ready');
    await screenshot(clerk, 'counter-03-ready');
    await clerk.keyboard.press('Enter');
    await clerk.getByTestId('desk-paid').waitFor();

    // LUNAS, the total, the change and the amount in words; printed once, as the original
    expect(fold((await clerk.getByTestId('desk-paid-word').textContent()) ?? '')).toBe('LUNAS');
    expect(fold((await clerk.getByTestId('desk-paid-total').textContent()) ?? '')).toBe(formatRupiah(total));
    expect(fold((await clerk.getByTestId('desk-paid-change').textContent()) ?? '')).toBe(formatRupiah(tendered - total));
    expect(fold((await clerk.getByTestId('desk-paid-words').textContent()) ?? '')).toBe(terbilangRupiah(total, 'sentence'));
    await expect.poll(() => prints(clerk)).toBe(1);
    const receiptNo = fold((await clerk.getByTestId('desk-receipt-no').textContent()) ?? '');
    const receipt = await api<Receipt>('receipt.get', { receiptNo }, await as('loket1'));
    expect(receipt.total).toBe(total);
    expect(receipt.items.map((i) => i.fine)).toEqual([first!.fine, second!.fine]);
    expect(receipt.printCount).toBe(1);
    expect(await overflowX(clerk)).toBeLessThanOrEqual(0);
    await screenshot(clerk, 'counter-04-paid');
    state.twoMonths = { idpel: payer.idpel, receipt, total, tendered };

    // the original as the printer got it: 80 mm roll, exactly as long as the receipt
    const text = await pdfOfPrint(clerk, 'receipt-80mm-original');
    expect(text).toContain(receiptNo);
    expect(text).toContain(formatRupiah(total));
    expect(text).toContain(fold(terbilangRupiah(total, 'sentence')).slice(0, 30));
    expect(text).not.toContain('SALINAN');
    expect(text).not.toContain('Loket — hari ini'); // nothing of the app's screen on paper
    const size = pdfSizeMm('receipt-80mm-original');
    expect(Math.round(size.width)).toBe(80);
    expect(size.height).toBeLessThan(297);
  });

  it('prints every receipt layout again as SALINAN ke-N (F9), each to PDF with the right text', async () => {
    const { receipt, total, tendered } = state.twoMonths!;
    const words = fold(terbilangRupiah(total, 'sentence'));
    let copy = 1;
    for (const paper of ['58mm', '80mm', 'a4'] as const) {
      await clerk.getByTestId(`desk-paper-${paper}`).click();
      const before = await prints(clerk);
      await clerk.keyboard.press('F9');
      await expect.poll(() => prints(clerk)).toBe(before + 1);
      const text = await pdfOfPrint(clerk, `receipt-${paper}-copy`);
      expect(text, paper).toContain(`SALINAN ke-${copy}`);
      expect(text, paper).toContain(receipt.receiptNo);
      expect(text, paper).toContain(receipt.payerName);
      expect(text, paper).toContain(receipt.idpel);
      for (const item of receipt.items) {
        expect(text, paper).toContain(item.skrdNo);
        expect(text, paper).toContain(formatRupiah(item.fine));
        expect(text, paper).toContain(formatRupiah(item.principal));
      }
      expect(text, paper).toContain(formatRupiah(total));
      expect(text, paper).toContain(formatRupiah(tendered));
      expect(text, paper).toContain(formatRupiah(tendered - total));
      expect(text, paper).toContain('Dewi Lestari');
      expect(text, paper).toContain('WIB');
      // the words may wrap on a narrow roll: compare without line breaks
      expect(text.replace(/ /g, ''), paper).toContain(words.replace(/ /g, ''));
      const size = pdfSizeMm(`receipt-${paper}-copy`);
      expect(Math.round(size.width), paper).toBe(paper === 'a4' ? 210 : Number.parseInt(paper, 10));
      // the QR code carries the signed verification string and reads back at 203 dpi
      const codes = scanPrinted(`receipt-${paper}-copy`);
      if (codes) {
        expect(codes, paper).toEqual([receipt.verification]);
        const verified = await api<{ valid: boolean; receiptNo?: string }>('receipt.verify', { verification: codes[0] }, await as('loket1'));
        expect(verified, paper).toMatchObject({ valid: true, receiptNo: receipt.receiptNo });
      }
      copy++;
    }
    await clerk.getByTestId('desk-paper-80mm').click();
    expect((await api<Receipt>('receipt.get', { paymentId: receipt.paymentId }, await as('loket1'))).printCount).toBe(4);
  });

  it('takes the common case — one payer, the oldest bill, exact cash — in at most three key presses after the scan', async () => {
    const payer = await payerWithOpenBill([state.twoMonths!.idpel]);
    const bill = payer.bills[0]!;
    const printsBefore = await prints(clerk);
    await focusElsewhere(clerk);
    await scan(clerk, payer.idpel); // the scanner, not the clerk
    await clerk.getByTestId('desk-bill').first().waitFor();
    let keys = 0;
    const press = async (key: string) => {
      keys++;
      await clerk.keyboard.press(key);
    };
    await press('Enter'); // take the oldest bill, uang pas
    await expect.poll(() => clerk.getByTestId('desk-pay-panel').getAttribute('data-stage')).toBe('ready');
    await press('Enter'); // pay
    await clerk.getByTestId('desk-paid').waitFor();
    await expect.poll(() => prints(clerk)).toBe(printsBefore + 1); // printed by itself
    expect(keys).toBeLessThanOrEqual(3);
    expect(keys).toBe(2);
    expect(fold((await clerk.getByTestId('desk-paid-total').textContent()) ?? '')).toBe(formatRupiah(bill.total));
    expect(fold((await clerk.getByTestId('desk-paid-change').textContent()) ?? '')).toBe('Rp 0');
    const receiptNo = fold((await clerk.getByTestId('desk-receipt-no').textContent()) ?? '');
    state.common = { idpel: payer.idpel, receiptNo, total: bill.total, openBefore: payer.bills.length };
    await screenshot(clerk, 'counter-05-common-case-paid');
    // Esc: the next payer, the IDPEL box waits
    await clerk.keyboard.press('Escape');
    await clerk.getByTestId('desk-empty').waitFor();
    await expect.poll(() => clerk.evaluate<string>('document.activeElement?.id ?? ""')).toBe('idpel-input');
  });

  it('a scan into the focused cash field starts that payer instead of typing an amount', async () => {
    const first = await payerWithOpenBill([state.twoMonths!.idpel, state.common!.idpel]);
    const second = await payerWithTwoFinedMonths([state.twoMonths!.idpel, state.common!.idpel, first.idpel]);
    await focusElsewhere(clerk);
    await scan(clerk, first.idpel);
    await expect.poll(async () => fold((await clerk.getByTestId('desk-payer').textContent()) ?? '')).toBe(first.payerName);
    await expect.poll(() => clerk.evaluate<string>('document.activeElement?.id ?? ""')).toBe('desk-tender');
    await scan(clerk, second.idpel);
    await expect.poll(async () => fold((await clerk.getByTestId('desk-payer').textContent()) ?? '')).toBe(second.payerName);
    expect(await clerk.getByTestId('desk-tender').inputValue()).toBe('');
    expect(await clerk.getByTestId('desk-pay-panel').getAttribute('data-stage')).toBe('entry');
    state.skipPayer = second.idpel;
  });

  it('refuses to skip an older month (the server rule, shown at the desk)', async () => {
    const payer = await api<InquiryResult>('inquiry.idpel', { idpel: state.skipPayer! }, await as('loket1'));
    await clerk.getByTestId('desk-bill').first().waitFor();
    // ticking the second month ticks the first too; unticking the first unticks both
    await clerk.getByTestId('desk-bill').nth(1).click();
    await expect.poll(() => clerk.getByTestId('desk-bill').first().getAttribute('data-chosen')).toBe('true');
    await clerk.getByTestId('desk-bill').first().click();
    await expect.poll(() => clerk.getByTestId('desk-bill').nth(1).getAttribute('data-chosen')).toBe('false');
    expect(fold((await clerk.getByTestId('desk-bills').textContent()) ?? '')).toContain('urut dari yang terlama');
    expect(await clerk.getByTestId('desk-bill').count()).toBe(payer.bills.length);
    // and the backend refuses a newer month alone
    const newer = payer.bills[1]!;
    await expect(api('payment.cash', { requestId: crypto.randomUUID(), idpel: payer.idpel, billIds: [newer.billId], tendered: newer.total }, await as('loket1'))).rejects.toThrow(/harus dibayar lebih dulu/);
    await clerk.keyboard.press('Escape');
    await clerk.getByTestId('desk-empty').waitFor();
  });

  it('the clerk asks for a void with a reason; the kepala approves it in another session; the receipt says DIBATALKAN and the bill is open again', async () => {
    const { receiptNo, idpel, openBefore } = state.common!;
    await go(clerk, '#/loket/pembayaran', 'payments-screen');
    expect(await overflowX(clerk)).toBeLessThanOrEqual(0);
    await clerk.getByTestId(`payment-void-${receiptNo}`).click();
    await clerk.getByTestId('void-reason').fill('Salah memilih tagihan');
    await clerk.getByTestId('void-request-submit').click();
    await clerk.getByTestId('my-void-request').first().waitFor();
    await screenshot(clerk, 'counter-06-void-requested');

    kepala = await openPage('kepala');
    await go(kepala, '#/loket/pembatalan', 'voids-screen');
    const row = kepala.locator(`[data-testid="void-row"][data-receipt="${receiptNo}"]`);
    await row.waitFor();
    expect(await overflowX(kepala)).toBeLessThanOrEqual(0);
    await screenshot(kepala, 'counter-07-void-approval');
    await kepala.getByTestId(`void-approve-${receiptNo}`).click();
    await kepala.getByTestId('void-decide-submit').click();
    await row.waitFor({ state: 'detached' });

    // the clerk sees the receipt voided, and prints it as such
    await clerk.reload();
    await clerk.getByTestId('payments-screen').waitFor();
    await clerk.getByTestId(`payment-show-${receiptNo}`).click();
    await expect.poll(async () => fold((await clerk.getByTestId('receipt-stamp').textContent()) ?? '')).toBe('DIBATALKAN');
    await clerk.getByTestId('receipt-paper-80mm').click();
    const before = await prints(clerk);
    await clerk.getByTestId('receipt-print').click();
    await expect.poll(() => prints(clerk)).toBe(before + 1);
    const text = await pdfOfPrint(clerk, 'receipt-80mm-voided');
    expect(text).toContain('DIBATALKAN');
    expect(text).toContain('Salah memilih tagihan');
    expect(text).toContain('SALINAN ke-1');
    await screenshot(clerk, 'counter-08-voided-receipt');
    await clerk.keyboard.press('Escape');

    // the bill is open again
    const inquiry = await api<InquiryResult>('inquiry.idpel', { idpel }, await as('loket1'));
    expect(inquiry.bills.length).toBe(openBefore);
  });

  it('closes the shift with a counted difference above the limit: the kepala approves in the dialog; the closing report equals the payments', async () => {
    const { total } = state.twoMonths!;
    await go(clerk, '#/loket', 'counter-home');
    await clerk.getByTestId('shift-close').click();
    await clerk.getByTestId('close-shift').waitFor();
    const expected = 200_000 + total; // the voided payment's cash is not in the drawer
    await expect.poll(async () => fold((await clerk.getByTestId('close-expected').textContent()) ?? '')).toBe(formatRupiah(expected));
    const limit = (await api<{ shiftDifferenceLimit: number }>('settings.counter', {}, await as('loket1'))).shiftDifferenceLimit;
    // short by more than the limit, counted in what a drawer holds (the smallest coin is Rp 100;
    // a bill with a fine can come to an amount that is not)
    const counted = Math.floor((expected - limit - 10_000) / 100) * 100;
    const difference = counted - expected;
    for (const [value, n] of Object.entries(countsFor(counted))) await clerk.getByTestId(`denom-${value}`).fill(String(n));
    expect(fold((await clerk.getByTestId('close-counted').textContent()) ?? '')).toBe(formatRupiah(counted));
    expect(fold((await clerk.getByTestId('close-difference').textContent()) ?? '')).toBe(formatRupiah(difference));
    await clerk.getByTestId('close-approval').waitFor();
    await clerk.getByTestId('close-approver').fill('kepala');
    await clerk.getByTestId('close-approver-password').fill(PASSWORD);
    await clerk.getByTestId('close-note').fill('Kembalian kurang dihitung');
    await screenshot(clerk, 'counter-09-close-shift');
    await clerk.getByTestId('close-submit').click();
    await clerk.getByTestId('closing-report').waitFor();
    await screenshot(clerk, 'counter-10-closing-report');

    const shifts = await api<{ id: string; clerkName: string }[]>('shift.list', { date: businessDate(new Date()) }, await as('loket1'));
    const report = await api<ClosingReport>('shift.report', { shiftId: shifts.find((s) => s.clerkName === 'Dewi Lestari')!.id }, await as('loket1'));
    state.closing = report;
    state.difference = difference;
    expect(report.difference).toBe(difference);
    expect(report.countedCash).toBe(counted);
    expect(report.approvedBy).toBe('Drs. Bambang Sutrisno');
    expect(report.receiptCount).toBe(2);
    expect(report.byChannel).toEqual([{ channel: 'tunai', count: 1, total }]);
    expect(report.byLevy.reduce((s, l) => s + l.total, 0)).toBe(total);
    expect(report.voids.map((v) => v.receiptNo)).toEqual([state.common!.receiptNo]);
    expect(report.firstReceipt).toBe(state.twoMonths!.receipt.receiptNo);
    expect(fold((await clerk.getByTestId('closing-receipts').textContent()) ?? '')).toBe('2');
    expect(fold((await clerk.getByTestId('closing-total').textContent()) ?? '')).toBe(formatRupiah(total));
    expect(fold((await clerk.getByTestId('closing-difference').textContent()) ?? '')).toBe(formatRupiah(difference));

    for (const paper of ['80mm', 'a4'] as const) {
      const before = await prints(clerk);
      await clerk.getByTestId(`closing-print-${paper}`).click();
      await expect.poll(() => prints(clerk)).toBe(before + 1);
      const text = await pdfOfPrint(clerk, `closing-${paper}`);
      expect(text, paper).toContain('LAPORAN PENUTUPAN SHIFT');
      expect(text, paper).toContain(OFFICE_ADDRESS);
      expect(text, paper).toContain(state.twoMonths!.receipt.receiptNo);
      expect(text, paper).toContain(state.common!.receiptNo);
      expect(text, paper).toContain(formatRupiah(total));
      expect(text, paper).toContain(formatRupiah(expected));
      expect(text, paper).toContain(formatRupiah(counted));
      expect(text, paper).toContain(formatRupiah(difference));
      expect(text, paper).toContain('Drs. Bambang Sutrisno');
      expect(Math.round(pdfSizeMm(`closing-${paper}`).width), paper).toBe(paper === 'a4' ? 210 : 80);
    }
    await clerk.getByTestId('close-done').click();
    await expect.poll(() => clerk.getByTestId('shift-bar').getAttribute('data-state')).toBe('none');
  });

  it('the daily report equals the payments: the new one counted, the voided one apart; on screen and on A4', async () => {
    const before = state.dailyBefore!;
    const { total, receipt } = state.twoMonths!;
    await go(kepala, '#/laporan/harian', 'daily-screen');
    const report = await api<DailyReport>('report.daily', { date: businessDate(new Date()) }, await as('kepala'));
    expect(report.total).toBe(before.total + total);
    expect(report.count).toBe(before.count + 1);
    expect(report.total).toBe(report.payments.filter((p) => !p.voided).reduce((s, p) => s + p.total, 0));
    expect(report.byChannel.reduce((s, c) => s + c.total, 0)).toBe(report.total);
    expect(report.byLevy.reduce((s, l) => s + l.total, 0)).toBe(report.total);
    expect(report.byClerk.reduce((s, c) => s + c.total, 0)).toBe(report.total);
    expect(report.payments.find((p) => p.receiptNo === receipt.receiptNo)?.voided).toBe(false);
    expect(report.payments.find((p) => p.receiptNo === state.common!.receiptNo)?.voided).toBe(true);
    expect(report.voids.map((v) => v.receiptNo)).toContain(state.common!.receiptNo);
    await expect.poll(async () => fold((await kepala.getByTestId('daily-total-value').textContent()) ?? '')).toBe(formatRupiah(report.total));
    expect(fold((await kepala.getByTestId('daily-voids-list').textContent()) ?? '')).toContain(state.common!.receiptNo);
    expect(await overflowX(kepala)).toBeLessThanOrEqual(0);
    await screenshot(kepala, 'counter-11-daily-report');

    // the kepala opens the voided receipt from its row: the receipt with its stamp and reason
    await kepala.getByTestId('daily-payments-filter').fill(state.common!.receiptNo);
    await kepala.getByTestId(`daily-show-${state.common!.receiptNo}`).click();
    await expect.poll(async () => fold((await kepala.getByTestId('receipt-stamp').textContent()) ?? '')).toBe('DIBATALKAN');
    await kepala.locator('.receipt-sheet').waitFor();
    await screenshot(kepala, 'counter-11b-daily-receipt');
    await kepala.keyboard.press('Escape');
    await kepala.getByTestId('receipt-stamp').waitFor({ state: 'detached' });
    await kepala.getByTestId('daily-payments-filter').fill('');

    const printsBefore = await prints(kepala);
    await kepala.getByTestId('daily-print').click();
    await expect.poll(() => prints(kepala)).toBe(printsBefore + 1);
    const text = await pdfOfPrint(kepala, 'daily-a4');
    expect(text).toContain('LAPORAN PENERIMAAN HARIAN');
    expect(text).toContain(OFFICE_ADDRESS);
    expect(text).toContain(receipt.receiptNo);
    expect(text).toContain(state.common!.receiptNo);
    expect(text).toContain(formatRupiah(report.total));
    expect(text).toContain('Drs. Bambang Sutrisno');
    expect(Math.round(pdfSizeMm('daily-a4').width)).toBe(210);
  });

  it('deposits the cash of the closed shift (STS) with the bank reference: nothing left on hand', async () => {
    const { total } = state.twoMonths!;
    await go(clerk, '#/loket/shift', 'shifts-screen');
    const cash = total + state.difference!; // counted − opening cash
    await expect.poll(async () => fold((await clerk.getByTestId('deposit-cash-value').textContent()) ?? '')).toBe(formatRupiah(cash));
    expect(await overflowX(clerk)).toBeLessThanOrEqual(0);
    await clerk.getByTestId('deposit-reference').fill('BJTG-STS-778812');
    await clerk.getByTestId('deposit-submit').click();
    await expect.poll(async () => fold((await clerk.getByTestId('deposit-cash-value').textContent()) ?? '')).toBe('Rp 0');
    expect(fold((await clerk.getByTestId('deposit-row').first().textContent()) ?? '')).toContain('BJTG-STS-778812');
    await screenshot(clerk, 'counter-12-deposit');
  });

  it('records a transfer with an uploaded proof (MENUNGGU VERIFIKASI); the admin sees the proof and accepts it', async () => {
    const payer = await payerWithOpenBill([state.twoMonths!.idpel, state.common!.idpel]);
    await go(clerk, '#/loket', 'counter-home');
    await focusElsewhere(clerk);
    await scan(clerk, payer.idpel);
    await clerk.getByTestId('desk-bill').first().waitFor();
    await clerk.getByTestId('desk-mode-transfer').click();
    await clerk.getByTestId('desk-bank-ref').fill('BJTG2026120488120');
    const png = pngOf(360, 200);
    await clerk.getByTestId('desk-proof').setInputFiles({ name: 'bukti-transfer.png', mimeType: 'image/png', buffer: png });
    await expect.poll(async () => fold((await clerk.getByTestId('desk-pay-panel').textContent()) ?? '')).toContain('bukti-transfer.png');
    const printsBefore = await prints(clerk);
    await clerk.getByTestId('desk-accept').click();
    await clerk.getByTestId('desk-pay').click();
    await clerk.getByTestId('desk-paid').waitFor();
    await expect.poll(() => prints(clerk)).toBe(printsBefore + 1);
    expect(fold((await clerk.getByTestId('desk-paid-word').textContent()) ?? '')).toBe('MENUNGGU VERIFIKASI');
    const receiptNo = fold((await clerk.getByTestId('desk-receipt-no').textContent()) ?? '');
    const text = await pdfOfPrint(clerk, 'receipt-80mm-transfer');
    expect(text).toContain('MENUNGGU VERIFIKASI');
    expect(text).toContain('BJTG2026120488120');
    await screenshot(clerk, 'counter-13-transfer-pending');

    const admin = await openPage('admin');
    await go(admin, '#/loket/transfer', 'transfers-screen');
    await admin.locator(`[data-testid="transfer-row"][data-receipt="${receiptNo}"]`).click();
    await admin.getByTestId('transfer-proof-image').waitFor();
    // the image decoded from the blob: URL, at its own size
    await expect.poll(() => admin.evaluate<number>(`document.querySelector('[data-testid="transfer-proof-image"]').naturalWidth`)).toBe(360);
    expect(await admin.getByTestId('transfer-proof-image').getAttribute('src')).toMatch(/^blob:/);
    expect(await overflowX(admin)).toBeLessThanOrEqual(0);
    await screenshot(admin, 'counter-14-transfer-verify');
    await admin.getByTestId('transfer-accept').click();
    await expect.poll(async () => (await api<Receipt>('receipt.get', { receiptNo }, await as('admin'))).status).toBe('sah');
    await admin.close();
  });

  it('fits 1366×768 without sideways scrolling and scales to 1920×1080', async () => {
    for (const [hash, testId] of [
      ['#/loket', 'counter-home'],
      ['#/loket/pembayaran', 'payments-screen'],
      ['#/loket/shift', 'shifts-screen'],
      ['#/laporan/harian', 'daily-screen'],
    ] as const) {
      await go(clerk, hash, testId);
      expect(await overflowX(clerk), hash).toBeLessThanOrEqual(0);
    }
    await go(clerk, '#/loket', 'counter-home');
    await clerk.setViewportSize({ width: 1920, height: 1080 });
    expect(await overflowX(clerk)).toBeLessThanOrEqual(0);
    await screenshot(clerk, 'counter-15-1920');
  });
});
