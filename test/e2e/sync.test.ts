// Sync and the kiosk on the built app, against the central simulator the demo starts and enrols
// itself with: the header says "Terhubung ke pusat" with nothing queued once the first sync is
// through, the sync screen lists nothing rejected; at the kiosk a visitor types an IDPEL on the
// keypad, pays its oldest bill by QRIS — paid here as the bank through the simulator's operator
// API — and sees "Pembayaran berhasil" with the receipt number; the bill is closed at the office.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { crc16 } from '../../main/central/qris-payload';
import type { InquiryResult, OpInput, OpName, OpResult } from '../../shared/contract';
import { freshPage as openTab, hasTool, hostApi, launchBrowser, login, screenshot, SHOTS, startApp, sidewaysScroll, type HostApi, type RunningApp } from './harness';

const hasZbar = hasTool('zbarimg');

/** the QR code on screen read back as a phone would (null without zbarimg) */
async function scanOnScreen(page: Page, testId: string): Promise<string | null> {
  if (!hasZbar) return null;
  mkdirSync(SHOTS, { recursive: true });
  const file = join(SHOTS, `${testId}-element.png`);
  await page.getByTestId(testId).screenshot({ path: file });
  return execFileSync('zbarimg', ['-q', '--raw', '-Sdisable', '-Sqrcode.enable', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
}

let app: RunningApp;
let browserCtl: Awaited<ReturnType<typeof launchBrowser>>;
let central: { url: string; adminKey: string };

beforeAll(async () => {
  app = await startApp();
  browserCtl = await launchBrowser();
  const m = /Server pusat simulasi: (http:\/\/127\.0\.0\.1:\d+) \(.*kunci admin (\S+)\)/.exec(app.output());
  if (!m?.[1] || !m[2]) throw new Error(`the demo did not start its central simulator:\n${app.output()}`);
  central = { url: m[1], adminKey: m[2] };
});
afterAll(async () => {
  await browserCtl?.dispose();
  const code = await app?.stop();
  expect(code).toBe(0);
});

/** the host's API as that demo user (one login per user) */
let host: HostApi | undefined;
const api = <K extends OpName>(username: string, op: K, input: OpInput<K>): Promise<OpResult<K>> => (host ??= hostApi(app)).call(username, op, input);
const freshPage = (width = 1366, height = 768): Promise<Page> => openTab(browserCtl, app, width, height);
const noHorizontalScroll = async (page: Page): Promise<void> => {
  expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
};

/** a market trader (the kiosk stands at the market office) with more than one open bill */
async function traderWithOpenBills(): Promise<InquiryResult> {
  const arrears = await api('admin', 'arrears.list', {});
  for (const row of arrears.rows.filter((r) => r.idpel.startsWith('0320910002') && r.openBills >= 2)) {
    const inquiry = await api('admin', 'inquiry.idpel', { idpel: row.idpel });
    if (inquiry.bills.length >= 2 && !inquiry.blocked) return inquiry;
  }
  throw new Error('the demo has no market trader with two open bills');
}

describe('sync with the central API', () => {
  it('the header says connected with nothing queued after the first sync; nothing is rejected', { timeout: 150_000 }, async () => {
    const page = await freshPage();
    await login(page, 'admin');
    const indicator = page.getByTestId('sync-indicator');
    await indicator.waitFor({ timeout: 15_000 });
    // the demo's first sync sends a few thousand records; the header polls every 15 s — while
    // someone is at the keyboard (a staff poll pauses after a minute without input)
    const attended = async <T>(read: () => Promise<T>): Promise<T> => {
      await page.keyboard.press('Shift');
      return read();
    };
    await expect.poll(() => attended(() => indicator.getAttribute('data-state')), { timeout: 90_000, interval: 1000 }).toBe('online');
    await expect.poll(() => attended(() => page.getByTestId('sync-pending').getAttribute('data-count')), { timeout: 60_000, interval: 1000 }).toBe('0');
    expect(await page.getByTestId('sync-state-text').textContent()).toBe('Terhubung ke pusat');
    expect(await page.getByTestId('sync-last-success').textContent()).toMatch(/^Sinkron \d{2}\.\d{2} WIB$/);
    expect(await indicator.getAttribute('title')).toContain('Terakhir berhasil:');
    await noHorizontalScroll(page);
    await screenshot(page, 'sync-header-1366');

    await indicator.click();
    await page.getByTestId('sync-screen').waitFor();
    await expect.poll(() => page.getByTestId('sync-stat-dead-value').textContent()).toBe('0');
    expect(await page.getByTestId('sync-central-url').textContent()).toBe(central.url);
    await page.getByTestId('tab-dead').click();
    await page.getByTestId('sync-dead-empty').waitFor();
    expect(await page.getByTestId('sync-dead-note').textContent()).toContain('tidak pernah dihapus');
    expect(await page.getByTestId('sync-dead-row').count()).toBe(0);
    await noHorizontalScroll(page);
    await screenshot(page, 'sync-screen-dead-1366');

    // sync now answers with the status after the run
    await page.getByTestId('sync-now').click();
    await expect.poll(() => page.getByTestId('sync-now').isEnabled(), { timeout: 30_000 }).toBe(true);
    expect(await page.getByTestId('sync-indicator').getAttribute('data-state')).toBe('online');
    await page.getByTestId('tab-overpayments').click();
    await page.getByTestId('sync-overpayments-panel').waitFor();
    await page.setViewportSize({ width: 1920, height: 1080 });
    await noHorizontalScroll(page);
    await screenshot(page, 'sync-screen-1920');
    await page.close();
  });
});

describe('kiosk: pay by QRIS', () => {
  it('a visitor pays the oldest bill by QRIS, sees the receipt number and prints the receipt once', { timeout: 150_000 }, async () => {
    const trader = await traderWithOpenBills();
    const oldest = trader.bills[0]!;
    const page = await freshPage();
    await login(page, 'kios1');
    await page.getByTestId('kiosk-screen').waitFor({ timeout: 15_000 });
    // nothing on screen leads out of the kiosk
    expect(await page.getByTestId('logout').count()).toBe(0);
    expect(await page.getByTestId('app-nav').count()).toBe(0);
    expect(await page.locator('a[href^="#/"]').count()).toBe(0);
    // the enrolled kiosk knows it can make a QRIS
    await expect.poll(() => page.getByTestId('sync-indicator').getAttribute('data-state'), { timeout: 90_000, interval: 1000 }).toBe('online');

    for (const digit of trader.idpel) await page.getByTestId(`key-${digit}`).click();
    await page.getByTestId('kiosk-check').click();
    await page.getByTestId('inquiry-result').waitFor();
    expect(await page.getByTestId('inquiry-bill').count()).toBe(trader.bills.length);
    await noHorizontalScroll(page);
    await screenshot(page, 'kiosk-bills-1366');

    await page.getByTestId('kiosk-qris-start').click();
    await page.getByTestId('kiosk-qr').waitFor({ timeout: 30_000 });
    const qrisId = (await page.getByTestId('kiosk-qris-id').textContent())?.trim() ?? '';
    expect(qrisId).toMatch(/^QR\d+/);
    expect(await page.getByTestId('kiosk-qris-amount').textContent()).toMatch(/Rp\s?[\d.]+/);
    expect(await page.getByTestId('kiosk-qris-countdown').textContent()).toMatch(/^\d+:\d{2}$/);
    // the QR is a data: image (the CSP allows nothing else)
    expect(await page.getByTestId('kiosk-qr').getAttribute('src')).toMatch(/^data:image\/svg\+xml,/);
    // a phone reads a dynamic QRIS for this amount and this QRIS id, its CRC intact
    const scanned = await scanOnScreen(page, 'kiosk-qr');
    if (scanned !== null) {
      expect(scanned.startsWith('000201010212')).toBe(true);
      const amount = String(oldest.total);
      expect(scanned).toContain(`54${String(amount.length).padStart(2, '0')}${amount}`);
      expect(scanned).toContain(qrisId);
      expect(scanned.slice(-4)).toBe(crc16(scanned.slice(0, -4)));
    }
    await noHorizontalScroll(page);
    await screenshot(page, 'kiosk-qris-1366');

    // the bank is paid: the simulator's operator API pays the QRIS as the bank would
    const paid = await fetch(`${central.url}/admin/bank/qris-pay`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-admin-key': central.adminKey },
      body: JSON.stringify({ qrisId }),
    });
    expect(paid.status).toBe(200);
    const gateway = (await paid.json()) as { code: string; amount: number; items: { billId: string }[] };
    expect(gateway.code).toBe('00');
    expect(gateway.items.map((i) => i.billId)).toEqual([oldest.billId]);

    await page.getByTestId('kiosk-qris-paid').waitFor({ timeout: 30_000 });
    const receiptNo = (await page.getByTestId('kiosk-receipt-no').textContent())?.trim() ?? '';
    expect(receiptNo).not.toBe('');
    expect(await page.getByTestId('kiosk-qris-paid').textContent()).toContain('Pembayaran berhasil');
    await noHorizontalScroll(page);
    await screenshot(page, 'kiosk-paid-1366');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, 'kiosk-paid-1920');

    // the visitor prints the receipt here, once (the browser's print dialog is the printer here:
    // count the prints, print nothing); the same receipt layout as the counter's, not a copy
    await page.evaluate('window.__prints = 0; window.print = () => { window.__prints += 1; };');
    await page.getByTestId('kiosk-print-receipt').click();
    await page.getByTestId('kiosk-receipt-printed').waitFor({ timeout: 15_000 });
    expect(await page.evaluate<number>('window.__prints')).toBe(1);
    const printed = (await page.locator('#loket-print-region').textContent()) ?? '';
    expect(printed).toContain(receiptNo);
    expect(printed).toContain(trader.idpel);
    expect(printed).toMatch(/rupiah/i);
    expect(printed).not.toContain('SALINAN');
    expect(await page.getByTestId('kiosk-print-receipt').count()).toBe(0);
    await screenshot(page, 'kiosk-printed-1920');

    // the office sees the bill closed by that receipt, paid by QRIS
    const after = await api('admin', 'inquiry.idpel', { idpel: trader.idpel });
    expect(after.bills.map((b) => b.billId)).not.toContain(oldest.billId);
    const receipt = await api('admin', 'receipt.get', { receiptNo });
    expect(receipt.channel).toBe('qris');
    expect(receipt.total).toBe(gateway.amount);
    expect(receipt.printCount).toBe(1);

    // the next visitor starts from the beginning
    await page.getByTestId('kiosk-done').click();
    await page.getByTestId('kiosk-idpel').waitFor();
    expect(await page.getByTestId('kiosk-idpel').inputValue()).toBe('');
    await page.close();
  });
});
