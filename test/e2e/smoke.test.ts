// The first thing a newcomer does: start the app, sign in as the demo clerk, see today's
// counter figures. And a wrong password shows the Indonesian error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { freshPage as openTab, launchBrowser, login, screenshot, startApp, type RunningApp } from './harness';

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

const freshPage = (width = 1366, height = 768): Promise<Page> => openTab(browserCtl, app, width, height);

describe('smoke: browser host', () => {
  it('a wrong password shows the Indonesian error', async () => {
    const page = await freshPage();
    await login(page, 'loket1', 'salah-sekali');
    const alert = page.getByTestId('login-error');
    await expect.poll(() => alert.textContent()).toContain('Nama pengguna atau kata sandi salah.');
    await screenshot(page, 'smoke-login-error');
    await page.close();
  });

  it('the demo clerk logs in and sees the counter home with today\'s figures', async () => {
    const page = await freshPage();
    await login(page, 'loket1');
    await page.getByTestId('counter-home').waitFor({ timeout: 15_000 });
    const receipts = await page.getByTestId('stat-receipts').textContent();
    const total = await page.getByTestId('stat-total').textContent();
    expect(receipts).toMatch(/\d/);
    expect(total).toMatch(/Rp\s?[\d.]+/);
    // no horizontal scrolling at 1366×768
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'smoke-counter-home-1366');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, 'smoke-counter-home-1920');
    await page.close();
  });

  it('the API refuses calls without the host token and from a foreign Host', async () => {
    const base = app.url.split('#')[0] ?? '';
    const noToken = await fetch(`${base}api/invoke`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ op: 'setup.status', input: {} }) });
    expect(noToken.status).toBe(401);
    const body = (await noToken.json()) as { error: { message: string } };
    expect(body.error.message).toBe('Token host tidak valid.');
    const port = new URL(base).port;
    const foreign = await new Promise<number>((resolve, reject) => {
      import('node:http').then(({ request }) => {
        const req = request({ host: '127.0.0.1', port, path: '/', headers: { host: `evil.example:${port}` } }, (res) => resolve(res.statusCode ?? 0));
        req.on('error', reject);
        req.end();
      });
    });
    expect(foreign).toBe(403);
  });
});
