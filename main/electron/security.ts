// The security decisions of the Electron shell as pure functions: every check takes `unknown`,
// so a hostile renderer cannot surprise it with an object where a string was expected, and
// every rule is tested in plain Node (test/main/electron/security.test.ts). Nothing here
// imports electron at run time; index.ts passes the OS objects in.
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import type { WindowMode } from '../config';

/** The renderer is served from `app://loket/…` (a privileged standard scheme), never from file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'loket';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export const PRODUCT_NAME = 'E-Retribusi Loket';

// Canonical URLs from Chromium are ASCII without spaces; anything else (unicode look-alikes,
// control characters, spaces the URL parser would silently strip) is refused outright.
const CANONICAL_URL = /^[\x21-\x7e]{1,8192}$/;

function parseCanonicalUrl(value: unknown): URL | null {
  if (typeof value !== 'string' || !CANONICAL_URL.test(value)) return null;
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/** True only for URLs on our own origin: app://loket with no user info and no port. */
export function isAppUrl(url: unknown): boolean {
  const parsed = parseCanonicalUrl(url);
  if (!parsed) return false;
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** Hostnames may go on the external allow-list only in their plain lowercase ASCII form. */
const HOSTNAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;

/**
 * Parses an allow-list of external hosts (e.g. from LOKET_EXTERNAL_HOSTS="a.go.id,b.go.id").
 * Entries that are not plain DNS names (wildcards, IPs, ports, schemes) are dropped.
 */
export function parseExternalHosts(raw: unknown): string[] {
  if (typeof raw !== 'string') return [];
  return raw
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .filter((entry) => HOSTNAME.test(entry));
}

/**
 * True for canonical https links to a host on the allow-list exactly (no subdomains, no user
 * info, default port). Everything else stays inside the app or is dropped.
 */
export function isAllowedExternalUrl(url: unknown, allowedHosts: readonly string[] = []): boolean {
  const parsed = parseCanonicalUrl(url);
  if (!parsed) return false;
  if (parsed.protocol !== 'https:' || parsed.port !== '' || parsed.username !== '' || parsed.password !== '') {
    return false;
  }
  // Only the canonical spelling (what Chromium reports): the OS browser gets this very string,
  // and its parser must not be given a chance to read 'https:/x' or '%2e' differently.
  if (parsed.href !== url) return false;
  return allowedHosts.some((host) => typeof host === 'string' && HOSTNAME.test(host) && host === parsed.hostname);
}

/** What the IPC handler knows about the frame that sent a message (see ipc.ts senderInfoOf). */
export interface SenderInfo {
  webContentsId: number;
  url: string;
  isMainFrame: boolean;
}

/**
 * An IPC message is trusted only when it comes from the main frame of one of our windows while
 * that frame shows our own origin. Subframes, other webContents and frames that navigated away
 * (or were destroyed: no frame info) are refused.
 */
export function isTrustedSender(frameInfo: unknown, windowIds: ReadonlySet<number>): boolean {
  if (typeof frameInfo !== 'object' || frameInfo === null) return false;
  const info = frameInfo as Partial<Record<keyof SenderInfo, unknown>>;
  return (
    typeof info.webContentsId === 'number' &&
    Number.isInteger(info.webContentsId) &&
    windowIds.has(info.webContentsId) &&
    info.isMainFrame === true &&
    isAppUrl(info.url)
  );
}

/**
 * Permissions our renderer may use. Everything else (camera, geolocation, notifications,
 * HID/serial/USB, openExternal …) is refused, and even these only for our own origin.
 */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function isPermissionAllowed(permission: unknown, requestingUrl: unknown): boolean {
  return typeof permission === 'string' && ALLOWED_PERMISSIONS.has(permission) && isAppUrl(requestingUrl);
}

/** Decides what a navigation (will-navigate / will-redirect / will-frame-navigate) may do. */
export type NavigationDecision = 'allow' | 'open-external' | 'deny';

export function navigationDecision(url: unknown, allowedHosts: readonly string[]): NavigationDecision {
  if (isAppUrl(url)) return 'allow';
  if (isAllowedExternalUrl(url, allowedHosts)) return 'open-external';
  return 'deny';
}

export interface WindowFlags {
  /** developer tools; never in kiosk mode whatever this says */
  allowDevTools?: boolean;
  /** window icon (Linux shows it; Windows takes the exe's icon) */
  iconPath?: string;
}

/** The webPreferences of every window we open: Electron's security checklist, spelled out. */
export function webPreferencesFor(mode: WindowMode, preloadPath: string, flags: WindowFlags = {}): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools: mode === 'kiosk' ? false : flags.allowDevTools === true,
  };
}

/**
 * Back office: a normal window sized for the 1366×768 counter PCs. Kiosk: fullscreen kiosk
 * window without frame or menu, always on top, that cannot be resized, moved or minimised
 * (closing is refused in index.ts until the app itself quits).
 */
export function windowOptionsFor(mode: WindowMode, preloadPath: string, flags: WindowFlags = {}): BrowserWindowConstructorOptions {
  const common: BrowserWindowConstructorOptions = {
    title: mode === 'kiosk' ? `${PRODUCT_NAME} — Kios Mandiri` : PRODUCT_NAME,
    show: false,
    backgroundColor: '#f5f7fa',
    ...(flags.iconPath ? { icon: flags.iconPath } : {}),
    webPreferences: webPreferencesFor(mode, preloadPath, flags),
  };
  if (mode === 'kiosk') {
    return {
      ...common,
      kiosk: true,
      fullscreen: true,
      frame: false,
      autoHideMenuBar: true,
      resizable: false,
      movable: false,
      minimizable: false,
      maximizable: false,
      alwaysOnTop: true,
    };
  }
  return {
    ...common,
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 640,
    autoHideMenuBar: false,
  };
}
