// End-to-end harness: the built app (dist/) started as a person would start it, in its browser
// host, and Debian's Chromium driven by playwright-core.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import type { OpInput, OpName, OpResult } from '../../shared/contract';

export const ROOT = resolve(__dirname, '../..');
export const SHOTS = join(ROOT, 'test-results', 'screenshots');

export interface RunningApp {
  url: string;
  dataDir: string;
  output: () => string;
  stop(): Promise<number | null>;
}

export async function startApp(opts: { args?: string[]; env?: Record<string, string>; dataDir?: string } = {}): Promise<RunningApp> {
  const entry = join(ROOT, 'dist/main/cli/start.js');
  if (!existsSync(entry)) throw new Error('dist/ belum dibangun: jalankan `npm run build` dulu');
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'loket-e2e-'));
  const child: ChildProcess = spawn(process.execPath, [entry, '--host-only', '--port', '0', '--data-dir', dataDir, ...(opts.args ?? [])], {
    cwd: ROOT,
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  // every app's output is kept, so a crash in the middle of a test can be read afterwards
  mkdirSync(join(ROOT, 'test-results', 'logs'), { recursive: true });
  const logFile = join(ROOT, 'test-results', 'logs', `app-${Date.now()}-${child.pid ?? 0}.log`);
  const keep = (d: Buffer) => {
    out += d.toString();
    appendFileSync(logFile, d);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  child.on('exit', (code, signal) => appendFileSync(logFile, `\n[harness] app exited: code ${code} signal ${signal}\n`));
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`aplikasi tidak siap dalam 60 s:\n${out}`)), 60_000);
    const check = () => {
      const m = /Host peramban siap: (http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolveUrl(m[1]);
      }
    };
    child.stdout?.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`aplikasi berhenti (kode ${code}):\n${out}`));
    });
  });
  return {
    url,
    dataDir,
    output: () => out,
    stop: () =>
      new Promise((resolveStop) => {
        if (child.exitCode !== null) return resolveStop(child.exitCode);
        child.once('exit', (code) => {
          if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
          resolveStop(code);
        });
        child.kill('SIGTERM');
      }),
  };
}

/** Debian's Chromium, headless, with a fresh profile folder of its own */
export async function launchBrowser(): Promise<{ context: BrowserContext; newPage: (width?: number, height?: number) => Promise<Page>; dispose: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'loket-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    viewport: { width: 1366, height: 768 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  return {
    context,
    newPage: async (width = 1366, height = 768) => {
      const page = await context.newPage();
      await page.setViewportSize({ width, height });
      return page;
    },
    dispose: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SHOTS, { recursive: true });
  const file = join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

export async function login(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

const cdpSessions = new WeakMap<Page, Promise<CDPSession>>();

/**
 * A barcode scanner: the code's digits 8 ms apart, then Enter — timed the way the hardware times
 * them. A real scanner's key events carry the time the keyboard sent them, however busy the page
 * is; Playwright's `keyboard.type` waits for the page to handle each key first, so on a loaded
 * machine its keys arrive tens of milliseconds apart and look like a person typing. Chromium's
 * DevTools input takes the key's timestamp, so the page sees the same 8 ms gaps either way.
 */
export async function scanCode(page: Page, code: string, gapMs = 8): Promise<void> {
  let session = cdpSessions.get(page);
  if (!session) {
    session = page.context().newCDPSession(page);
    cdpSessions.set(page, session);
  }
  const cdp = await session;
  const start = Date.now() / 1000;
  const keys = [...code].map((ch) => ({ key: ch, code: /\d/.test(ch) ? `Digit${ch}` : `Key${ch.toUpperCase()}`, text: ch, vk: ch.toUpperCase().charCodeAt(0) }));
  keys.push({ key: 'Enter', code: 'Enter', text: '\r', vk: 13 });
  for (const [i, k] of keys.entries()) {
    const timestamp = start + (i * gapMs) / 1000;
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: k.key, code: k.code, text: k.text, unmodifiedText: k.text, windowsVirtualKeyCode: k.vk, timestamp });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: k.key, code: k.code, windowsVirtualKeyCode: k.vk, timestamp: timestamp + 0.002 });
  }
}

/** the demo accounts' password */
export const DEMO_PASSWORD = 'Retribusi2026';

export interface HostApi {
  /** one call as the renderer makes it; throws `op: message` when the answer is an error */
  invoke<T>(op: string, input: unknown, session: string | null): Promise<T>;
  /** a login session of a demo user, made once and kept */
  session(username: string): Promise<string>;
  /** a typed call as that demo user */
  call<K extends OpName>(username: string, op: K, input: OpInput<K>): Promise<OpResult<K>>;
}

/** the app's browser-host API, as the renderer calls it (host token from the address) */
export function hostApi(app: RunningApp): HostApi {
  const [base = '', fragment = ''] = app.url.split('#');
  const hostToken = new URLSearchParams(fragment).get('token') ?? '';
  const sessions = new Map<string, string>();
  const invoke = async <T>(op: string, input: unknown, session: string | null): Promise<T> => {
    const res = await fetch(`${base}api/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-loket-host-token': hostToken },
      body: JSON.stringify({ op, input, session }),
    });
    const answer = (await res.json()) as { ok: boolean; value: T; error?: { message: string } };
    if (!answer.ok) throw new Error(`${op}: ${answer.error?.message}`);
    return answer.value;
  };
  const session = async (username: string): Promise<string> => {
    let token = sessions.get(username);
    if (!token) {
      token = (await invoke<{ token: string }>('auth.login', { username, password: DEMO_PASSWORD }, null)).token;
      sessions.set(username, token);
    }
    return token;
  };
  return {
    invoke,
    session,
    call: async (username, op, input) => invoke(op, input, await session(username)),
  };
}

/** a new tab on the app's address; an error thrown in the page fails the test */
export async function freshPage(browser: Awaited<ReturnType<typeof launchBrowser>>, app: RunningApp, width = 1366, height = 768): Promise<Page> {
  const page = await browser.newPage(width, height);
  page.on('pageerror', (err) => {
    throw err;
  });
  await page.goto(app.url);
  return page;
}

/** how far the page scrolls sideways, in pixels (0: it fits) */
export const sidewaysScroll = (page: Page): Promise<number> =>
  page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');

/** whether a command-line tool (pdftotext, zbarimg …) is installed */
export function hasTool(tool: string): boolean {
  try {
    execFileSync('which', [tool], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
