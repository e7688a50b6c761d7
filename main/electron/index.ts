// The Electron shell: app lifecycle, the one window, the app:// protocol, the IPC entry point,
// updates and a clean shutdown. All decisions live in the pure modules beside this file
// (security.ts, ipc.ts, protocol.ts, kiosk.ts, settings.ts …); this file only wires them to
// Electron. Everything the app does runs in the backend worker (main/backend).
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, shell, type Session, type WebContents } from 'electron';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { startBackend } from '../backend/client';
import type { Backend } from '../backend/types';
import type { AppConfig } from '../config';
import { IPC } from '../../shared/wire';
import { createInvokeHandler } from './ipc';
import { createPrintHandler } from './print-ipc';
import { createSecretStore, secretFilesIn } from './safe-storage';
import { printContents, resolvePrintSettings, type PrintJob, type PrintSettings } from './printing';
import type { PrintOutcome } from '../../shared/wire';
import { isBlockedKioskKey } from './kiosk';
import { menuTemplateFor } from './menu';
import { serveAppRequest } from './protocol';
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  PRODUCT_NAME,
  isAllowedExternalUrl,
  isAppUrl,
  isPermissionAllowed,
  navigationDecision,
  windowOptionsFor,
} from './security';
import { allowDevToolsFor, externalHostsFor, resolveShellConfig } from './settings';
import { planUpdates, startUpdater } from './updater';

// Paths inside the bundle: this file runs as dist/main/electron/index.js.
const RENDERER_DIR = join(__dirname, '..', '..', 'renderer');
const PRELOAD_PATH = join(__dirname, 'preload.js');
const WORKER_PATH = join(__dirname, '..', 'backend', 'worker.js');
/** the backend writes a snapshot on close; past this the process quits anyway (the journal is durable) */
const BACKEND_CLOSE_TIMEOUT_MS = 20_000;
const KIOSK_REFOCUS_MS = 150;

function log(line: string): void {
  console.log(`[loket] ${line}`);
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function fatal(message: string): void {
  // showErrorBox is safe before 'ready' and needs no window
  dialog.showErrorBox(PRODUCT_NAME, message);
  app.exit(1);
}

// Must run before 'ready': a standard + secure scheme gets an origin, relative URLs, fetch and
// storage, like https — which is what lets the renderer leave file:// behind.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);
// Every renderer sandboxed, whatever a window's options say.
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // a second start only brings the running window forward (see 'second-instance')
  app.quit();
} else {
  run();
}

function run(): void {
  let config: AppConfig;
  try {
    config = resolveShellConfig({
      argv: process.argv,
      env: process.env,
      platform: process.platform,
      home: homedir(),
      isPackaged: app.isPackaged,
      userDataDir: app.getPath('userData'),
    });
  } catch (err: unknown) {
    fatal(`Pengaturan aplikasi tidak valid:\n${describe(err)}`);
    return;
  }
  const cfg = config;
  const allowDevTools = allowDevToolsFor(cfg, app.isPackaged);
  const externalHosts = externalHostsFor(cfg, process.env);

  const windowIds = new Set<number>();

  /**
   * Prints a standalone page silently: a hidden, sandboxed window without a preload (so it can
   * never call IPC), measured for roll paper, then webContents.print with an explicit page size.
   */
  async function printInHiddenWindow(html: string, jobFor: (contentHeightPx: number) => PrintJob): Promise<PrintOutcome> {
    const win = new BrowserWindow({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, webviewTag: false } });
    try {
      await win.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
      const height = Number(await win.webContents.executeJavaScript('document.documentElement.scrollHeight', true)) || 0;
      return await printContents(win.webContents, jobFor(height));
    } finally {
      win.destroy();
    }
  }
  let mainWindow: BrowserWindow | null = null;
  let quitState: 'running' | 'closing' | 'done' = 'running';
  let backendPromise: Promise<Backend> | null = null;
  let stopUpdater: () => void = () => {};

  if (process.platform === 'win32') app.setAppUserModelId('id.eretribusi.loket');

  const openExternal = (url: string): void => {
    shell.openExternal(url).catch((err: unknown) => log(`Tautan luar gagal dibuka: ${describe(err)}`));
  };

  // Applies to every webContents ever created, ours or not (devtools, a future popup …).
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-attach-webview', (event) => {
      event.preventDefault();
      log('<webview> ditolak.');
    });
    contents.setWindowOpenHandler(({ url }) => {
      if (isAllowedExternalUrl(url, externalHosts)) openExternal(url);
      else log(`Jendela baru ditolak: ${url.slice(0, 200)}`);
      return { action: 'deny' };
    });
    const guard = (event: { preventDefault(): void; url: string }): void => {
      const decision = navigationDecision(event.url, externalHosts);
      if (decision === 'allow') return;
      event.preventDefault();
      if (decision === 'open-external') openExternal(event.url);
      else log(`Navigasi ditolak: ${event.url.slice(0, 200)}`);
    };
    contents.on('will-navigate', (event) => guard(event));
    contents.on('will-redirect', (event) => guard(event));
    // subframes (will-navigate covers the main frame): our own origin only, never external
    contents.on('will-frame-navigate', (event) => {
      if (!event.isMainFrame && !isAppUrl(event.url)) event.preventDefault();
    });
  });

  const hardenSession = (ses: Session): void => {
    ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
      const allowed = isPermissionAllowed(permission, details.requestingUrl);
      if (!allowed) log(`Izin "${permission}" ditolak.`);
      callback(allowed);
    });
    ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isPermissionAllowed(permission, requestingOrigin));
    ses.setDevicePermissionHandler(() => false);
    // the renderer never downloads; PDF exports are written by the shell itself
    ses.on('will-download', (event) => {
      event.preventDefault();
      log('Unduhan ditolak.');
    });
    ses.protocol.handle(APP_SCHEME, (request) => serveAppRequest(request, RENDERER_DIR));
  };

  const focusMainWindow = (): void => {
    const win = mainWindow;
    if (!win || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  };

  const lockKiosk = (win: BrowserWindow): void => {
    win.removeMenu();
    win.webContents.on('before-input-event', (event, input) => {
      if (isBlockedKioskKey(input)) event.preventDefault();
    });
    // only the app itself closes the kiosk (quit on shutdown or signal), never a visitor
    win.on('close', (event) => {
      if (quitState === 'running') event.preventDefault();
    });
    win.on('blur', () => {
      setTimeout(() => {
        if (quitState === 'running' && !win.isDestroyed()) {
          win.show();
          win.focus();
        }
      }, KIOSK_REFOCUS_MS);
    });
    win.on('leave-full-screen', () => {
      if (quitState === 'running' && !win.isDestroyed()) win.setKiosk(true);
    });
  };

  const createMainWindow = (): void => {
    const iconPath = join(app.getAppPath(), 'resources', 'icon.png');
    const win = new BrowserWindow(
      windowOptionsFor(cfg.mode, PRELOAD_PATH, { allowDevTools, ...(existsSync(iconPath) ? { iconPath } : {}) }),
    );
    const id = win.webContents.id;
    windowIds.add(id);
    mainWindow = win;
    win.on('closed', () => {
      windowIds.delete(id);
      if (mainWindow === win) mainWindow = null;
    });
    win.once('ready-to-show', () => win.show());

    const template = menuTemplateFor(cfg.mode, { allowDevTools, isMac: process.platform === 'darwin' });
    Menu.setApplicationMenu(template ? Menu.buildFromTemplate(template) : null);
    if (cfg.mode === 'kiosk') lockKiosk(win);

    win.webContents.on('render-process-gone', (_event, details) => {
      log(`Proses tampilan berhenti (${details.reason}).`);
      // a crashed kiosk or counter screen comes back by itself
      if (quitState === 'running' && details.reason !== 'clean-exit' && !win.isDestroyed()) {
        win.loadURL(APP_ENTRY_URL).catch((err: unknown) => log(`Tampilan gagal dimuat ulang: ${describe(err)}`));
      }
    });
    win.on('unresponsive', () => log('Jendela tidak merespons.'));

    win.loadURL(APP_ENTRY_URL).catch((err: unknown) => log(`Tampilan gagal dimuat: ${describe(err)}`));
  };

  const closeBackend = async (): Promise<void> => {
    stopUpdater();
    if (!backendPromise) return;
    let backend: Backend;
    try {
      backend = await backendPromise;
    } catch {
      return; // it never started: nothing to close
    }
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        backend.close(),
        new Promise<never>((_resolve, reject) => {
          timer = setTimeout(() => reject(new Error(`melewati ${BACKEND_CLOSE_TIMEOUT_MS / 1000} detik`)), BACKEND_CLOSE_TIMEOUT_MS);
        }),
      ]);
      log('Layanan data ditutup dengan rapi.');
    } catch (err: unknown) {
      log(`Layanan data tidak tertutup rapi: ${describe(err)}. Jurnal tetap aman di disk.`);
    } finally {
      if (timer) clearTimeout(timer);
    }
  };

  app.on('second-instance', () => focusMainWindow());

  app.on('window-all-closed', () => app.quit());

  // Quit waits for the backend to write its snapshot: stop the first quit, close, quit again.
  app.on('before-quit', (event) => {
    if (quitState === 'done') return;
    event.preventDefault();
    if (quitState === 'closing') return;
    quitState = 'closing';
    void closeBackend().finally(() => {
      quitState = 'done';
      app.quit();
    });
  });

  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());

  app.on('child-process-gone', (_event, details) => {
    if (details.reason !== 'clean-exit') log(`Proses ${details.type} berhenti (${details.reason}).`);
  });

  app
    .whenReady()
    .then(() => {
      hardenSession(session.defaultSession);

      // the central credential lives in the OS key store (safeStorage), never in the data folder
      const secretStore = createSecretStore({ cipher: safeStorage, files: secretFilesIn(join(cfg.dataDir, 'secrets')), allowPlaintext: cfg.profile === 'demo', log });
      backendPromise = secretStore
        .get('central')
        .catch((err: unknown) => {
          log(`Rahasia terminal tidak terbaca: ${describe(err)}`);
          return null;
        })
        .then((central) => startBackend(cfg, { workerPath: WORKER_PATH, log, secrets: { initial: { central }, write: (name, value) => secretStore.set(name, value) } }));
      backendPromise.catch((err: unknown) => {
        log(`Layanan data gagal dijalankan: ${describe(err)}`);
        if (quitState === 'running') {
          dialog.showErrorBox(PRODUCT_NAME, `Layanan data tidak dapat dijalankan. Tidak ada data yang diubah.\n\n${describe(err)}`);
          app.quit();
        }
      });

      ipcMain.handle(
        IPC.invoke,
        createInvokeHandler({
          backend: () => backendPromise ?? Promise.reject(new Error('layanan data belum dijalankan')),
          windowIds: () => windowIds,
          log,
        }),
      );

      let printSettings: PrintSettings;
      try {
        printSettings = resolvePrintSettings(process.argv, process.env);
      } catch (err: unknown) {
        log(`Pengaturan printer diabaikan: ${describe(err)}`);
        printSettings = { receiptPrinter: null, receiptPaper: 'thermal80', reportPrinter: null };
      }
      ipcMain.handle(
        IPC.print,
        createPrintHandler({ windowIds: () => windowIds, settings: printSettings, printHtml: printInHiddenWindow, log }),
      );

      createMainWindow();

      // the updater is optional: nothing about it may stop the counter from opening
      try {
        const plan = planUpdates({
          isPackaged: app.isPackaged,
          env: process.env,
          hasBuiltInFeed: existsSync(join(process.resourcesPath, 'app-update.yml')),
        });
        void startUpdater(plan, {
          log,
          // require, not import(): the ESM loader would not see autoUpdater, a getter on exports
          load: async () => (require('electron-updater') as typeof import('electron-updater')).autoUpdater,
        }).then((handle) => {
          stopUpdater = handle.stop;
        });
      } catch (err: unknown) {
        log(`Pembaruan tidak dapat disiapkan: ${describe(err)}`);
      }
    })
    .catch((err: unknown) => fatal(`Aplikasi gagal dimulai:\n${describe(err)}`));
}
