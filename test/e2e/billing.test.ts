// Billing end to end, on the built app in its browser host: the admin previews and issues next
// month's rusunawa bills (as many as there are tenants next month) and running it again makes
// nothing new; the clerk finds a late tenant's IDPEL on the arrears screen, looks it up in the
// counter's IDPEL box and sees the fine on the overdue month; a mistyped IDPEL is caught by its
// check digit before anything is asked of the backend.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ContractRow, InquiryResult, OpInput, OpName, OpResult } from '../../shared/contract';
import { formatRupiah } from '../../shared/money';
import { addPeriod, businessMonth, dayOfPeriod } from '../../shared/time';
import { freshPage as openTab, hostApi, launchBrowser, login, screenshot, startApp, sidewaysScroll, type HostApi, type RunningApp } from './harness';

let app: RunningApp;
let browserCtl: Awaited<ReturnType<typeof launchBrowser>>;

beforeAll(async () => {
  app = await startApp();
  browserCtl = await launchBrowser();
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

/** the tenants the run of a month bills: the latest contract of each unit, running that month, not moved out before it */
function billedTenants(contracts: ContractRow[], period: string): number {
  const start = `${period}-01`;
  const end = dayOfPeriod(period, 31);
  const latest = new Map<string, ContractRow>();
  for (const c of [...contracts].sort((a, b) => a.startDate.localeCompare(b.startDate))) if (c.startDate <= end) latest.set(c.unitId, c);
  return [...latest.values()].filter((c) => c.endDate >= start && !(c.exit?.confirmed && c.exit.exitDate < start)).length;
}

describe('billing: the monthly rusunawa run', () => {
  it('previews next month, issues one bill per tenant, and a second run makes nothing new', async () => {
    const next = addPeriod(businessMonth(new Date()), 1);
    const tenants = billedTenants(await api('admin', 'rusun.contracts', {}), next);
    expect(tenants).toBeGreaterThan(0);

    const page = await freshPage();
    await login(page, 'admin');
    await page.getByTestId('app-nav').waitFor({ timeout: 15_000 });
    await page.getByTestId('nav-billRuns').click();
    await page.getByTestId('runs-screen').waitFor();
    expect(await page.getByTestId('run-period').inputValue()).toBe(next);
    await expect.poll(() => page.getByTestId('run-kind-rusunawa').getAttribute('aria-pressed')).toBe('true');

    await page.getByTestId('run-preview').click();
    await page.getByTestId('run-preview-result').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('run-to-create-value').textContent()).toBe(String(tenants));
    expect(await page.getByTestId('run-existing-value').textContent()).toBe('0');
    expect(await page.getByTestId('run-summary').textContent()).toBe(`${tenants} tagihan baru, 0 sudah ada.`);
    expect(await page.getByTestId('run-sample').count()).toBe(5);
    // the units nobody rents are listed as skipped, with their count
    const vacant = (await api('admin', 'office.units', { limit: 1000 })).rows.filter((u) => u.penghuniName === null).length;
    if (vacant > 0) expect(await page.getByTestId('run-skip-unit_kosong-count').textContent()).toBe(String(vacant));
    await noHorizontalScroll(page);
    await screenshot(page, 'billing-run-preview-1366');

    await page.getByTestId('run-issue').click();
    await page.getByTestId('run-confirm').waitFor();
    expect(await page.getByTestId('run-confirm').textContent()).toContain(`${tenants} tagihan`);
    await page.getByTestId('run-confirm-submit').click();
    const result = page.getByTestId('run-result-text');
    await result.waitFor({ timeout: 60_000 });
    expect(await result.textContent()).toContain(`${tenants} tagihan baru, 0 sudah ada`);
    // the preview is asked again: everything of the month now exists
    await expect.poll(() => page.getByTestId('run-existing-value').textContent(), { timeout: 15_000 }).toBe(String(tenants));
    expect(await page.getByTestId('run-to-create-value').textContent()).toBe('0');
    await screenshot(page, 'billing-run-done-1366');

    // again: nothing new, everything already there
    await page.getByTestId('run-issue').click();
    await page.getByTestId('run-confirm-submit').click();
    await expect.poll(() => result.textContent(), { timeout: 60_000 }).toContain(`0 tagihan baru, ${tenants} sudah ada`);
    await expect.poll(() => page.getByTestId('runs-history-row').count()).toBe(2);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await noHorizontalScroll(page);
    await screenshot(page, 'billing-run-again-1920');

    // the backend agrees: one bill per tenant for the month, no duplicates
    const runs = (await api('admin', 'billing.runs', {})).runs.filter((r) => r.kind === 'rusunawa' && r.period === next);
    expect(runs.map((r) => r.created).sort((a, b) => a - b)).toEqual([0, tenants]);
    await page.close();
  });
});

describe('billing: a late tenant at the counter', () => {
  it('the clerk finds an overdue IDPEL on the arrears screen and sees the fine on the overdue month; a mistyped IDPEL fails its check digit', async () => {
    const page = await freshPage();
    await login(page, 'loket1');
    await page.getByTestId('counter-home').waitFor({ timeout: 15_000 });

    // the arrears screen: rusunawa tenants who are late
    await page.getByTestId('nav-arrears').click();
    await page.getByTestId('arrears-screen').waitFor();
    await page.getByTestId('arrears-levy').selectOption('rusunawa');
    const firstRow = page.getByTestId('arrears-table-row').first();
    await expect.poll(async () => (await page.getByTestId('arrears-table-row').allTextContents()).every((text) => text.includes('Rusunawa')), { timeout: 15_000 }).toBe(true);
    const idpel = /\d{17}/.exec((await firstRow.textContent()) ?? '')?.[0];
    expect(idpel).toBeDefined();
    if (!idpel) return;
    await noHorizontalScroll(page);
    await screenshot(page, 'billing-arrears-clerk-1366');

    // what the counter must show for the oldest overdue month
    const expected: InquiryResult = await api('loket1', 'inquiry.idpel', { idpel });
    const overdue = expected.bills.find((b) => b.isOverdue && b.fine > 0);
    expect(overdue).toBeDefined();
    if (!overdue) return;

    await page.getByTestId('nav-counter').click();
    await page.getByTestId('counter-home').waitFor();
    const box = page.getByTestId('idpel-input');
    await box.fill(idpel);
    await box.press('Enter');
    const rows = page.locator('[data-testid="desk-bill"], [data-testid="inquiry-bill"]');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(expected.bills.length);
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];
    const periodText = `${months[Number(overdue.period.slice(5, 7)) - 1]} ${overdue.period.slice(0, 4)}`;
    const row = rows.filter({ hasText: overdue.skrdNo });
    const text = (await row.textContent()) ?? '';
    expect(text).toContain(periodText);
    expect(text).toContain('Lewat jatuh tempo');
    expect(text).toContain(formatRupiah(overdue.fine));
    expect(text).toContain(`${overdue.fineMonths} bln`);
    expect(text).toContain(formatRupiah(overdue.total));
    await noHorizontalScroll(page);
    await screenshot(page, 'billing-counter-fine-1366');

    // one digit changed: the check digit catches it
    const digit = Number(idpel[12]);
    const typo = `${idpel.slice(0, 12)}${(digit + 1) % 10}${idpel.slice(13)}`;
    await box.fill(typo);
    await box.press('Enter');
    const error = page.getByTestId('idpel-input-error');
    await expect.poll(() => error.textContent(), { timeout: 10_000 }).toContain('Digit pemeriksa IDPEL salah');
    await screenshot(page, 'billing-counter-typo-1366');
    await page.close();
  });
});
