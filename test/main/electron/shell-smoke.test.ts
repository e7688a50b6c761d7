// The wiring of main/electron/index.ts, run in plain Node: the shell is bundled with a fake
// electron module (fixtures/fake-electron.ts) and a fake backend, and a driver fires the events
// Electron would. It checks what the pure tests cannot: that index.ts registers the scheme
// before ready, hardens the session and every webContents, checks IPC senders, locks the
// kiosk, and waits for the backend on quit. The real Electron runtime is not exercised.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RENDERER_CSP } from '../../../shared/wire';

const repoRoot = resolve(__dirname, '../../..');
const fixtures = join(__dirname, 'fixtures');
let dir: string;
let entry: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'loket-shell-'));
  mkdirSync(join(dir, 'dist', 'renderer'), { recursive: true });
  writeFileSync(join(dir, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Loket</title>');
  entry = join(dir, 'dist', 'main', 'electron', 'index.js');
  await build({
    absWorkingDir: repoRoot,
    entryPoints: [join(fixtures, 'shell-driver.ts')],
    outfile: entry,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'silent',
    external: ['electron-updater'],
    plugins: [
      {
        name: 'fakes',
        setup(b) {
          b.onResolve({ filter: /^electron$/ }, () => ({ path: join(fixtures, 'fake-electron.ts') }));
          b.onResolve({ filter: /^\.\.\/backend\/client$/ }, (args) =>
            args.importer.endsWith(join('main', 'electron', 'index.ts')) ? { path: join(fixtures, 'fake-backend.ts') } : undefined,
          );
        },
      },
    ],
  });
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Report = Record<string, unknown> & {
  windowOptions: { webPreferences: Record<string, unknown> } & Record<string, unknown>;
  backendStarted: { config: Record<string, unknown>; workerPath: string; secrets: string[] | null };
};

function runShell(args: string[]): Report {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('LOKET_')) env[k] = v;
  const res = spawnSync(process.execPath, [entry, ...args], { env, encoding: 'utf8', timeout: 30_000 });
  const line = res.stdout.split('\n').find((l) => l.startsWith('REPORT '));
  if (res.status !== 0 || !line) throw new Error(`shell driver failed (${String(res.status)}):\n${res.stdout}\n${res.stderr}`);
  return JSON.parse(line.slice('REPORT '.length)) as Report;
}

describe('main/electron/index.ts wiring (fake electron)', () => {
  let office: Report;
  let kiosk: Report;
  beforeAll(() => {
    office = runShell([]);
    kiosk = runShell(['--kiosk']);
  });

  it('registers app:// as a privileged scheme and sandboxes everything before ready', () => {
    expect(office.beforeReady).toEqual(expect.arrayContaining(['protocol.registerSchemesAsPrivileged', 'app.enableSandbox']));
    expect(office.schemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) as unknown }]);
  });

  it('starts the backend with the worker bundle and the userData folder', () => {
    expect(office.backendStarted.workerPath).toBe(join(dir, 'dist', 'main', 'backend', 'worker.js'));
    expect(office.backendStarted.config).toMatchObject({ dataDir: '/fake/userData', profile: 'demo', mode: 'backoffice' });
    // the central credential comes from the shell's secret store, not from a file the worker reads
    expect(office.backendStarted.secrets).toEqual(['central']);
    expect(office.errors).toEqual([]);
    expect(office.exitCode).toBeNull();
  });

  it('opens one locked-down window on app://loket', () => {
    expect(office.loaded).toEqual(['app://loket/index.html']);
    expect(office.windowOptions.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      preload: join(dir, 'dist', 'main', 'electron', 'preload.js'),
    });
    expect(office.windowOptions.kiosk).toBeUndefined();
  });

  it('serves the renderer with the CSP and refuses traversal', () => {
    expect(office.served).toEqual({ status: 200, csp: RENDERER_CSP, body: '<!doctype html><title>Loket</title>' });
    expect(office.traversal).toBe(404);
  });

  it('denies permissions, devices and downloads', () => {
    expect(office.requested).toEqual([false, false]);
    expect(office.checked).toBe(false);
    expect(office.devicePermission).toBe(false);
    expect(office.downloadsHandled).toBe(1);
  });

  it('forwards IPC only from our window’s main frame on our origin', () => {
    expect(office.trusted).toEqual({ ok: true, value: { op: 'setup.status' } });
    expect(office.foreign).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(office.navigated).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(office.malformed).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(office.backendCalls).toEqual([[{ op: 'setup.status', input: {}, session: null }, 'ipc']]);
  });

  it('blocks navigation away, redirects, foreign subframes, webviews and popups', () => {
    expect(office).toMatchObject({
      navPrevented: true,
      navOwnPrevented: false,
      redirectPrevented: true,
      subframePrevented: true,
      webviewPrevented: true,
      popup: { action: 'deny' },
    });
  });

  it('brings the window forward on a second start', () => {
    expect(office.refocused).toBe(true);
  });

  it('waits for the backend to close before quitting', () => {
    expect(office.proceededRightAway).toBe(0);
    expect(office.closedAfterWait).toBe(1);
    expect(office.quitProceeded).toBe(1);
  });

  it('gives the back office a menu and the kiosk none', () => {
    expect(office.menus).toHaveLength(1);
    expect(office.menus).not.toContain(null);
    expect(kiosk.menus).toEqual([null]);
  });

  it('locks the kiosk: fullscreen kiosk window, no devtools, keys swallowed, close refused until quit', () => {
    expect(kiosk.windowOptions).toMatchObject({ kiosk: true, fullscreen: true, frame: false });
    expect(kiosk.windowOptions.webPreferences.devTools).toBe(false);
    expect(kiosk.backendStarted.config.mode).toBe('kiosk');
    expect(kiosk.f5Prevented).toBe(true);
    expect(kiosk.digitPrevented).toBe(false);
    expect(kiosk.closePreventedWhileRunning).toBe(true);
    expect(kiosk.closePreventedAfterQuit).toBe(false);
    expect(office.f5Prevented).toBe(false);
    expect(office.closePreventedWhileRunning).toBe(false);
  });
});
