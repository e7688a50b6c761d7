// Update checks through electron-updater against the generic server named at build time
// (electron-builder.yml → app-update.yml) or at run time (LOKET_UPDATE_URL). Checks only:
// nothing downloads or installs by itself — a counter must not restart mid-shift — and no
// failure of the updater ever reaches the app (a counter is often offline).
// electron-updater requires electron when loaded, so it is loaded lazily by the caller.
import type { AppUpdater } from 'electron-updater';

export type UpdatePlan = { check: false; reason: string } | { check: true; feedUrl: string | null };

const OFF_VALUES = new Set(['0', 'off', 'false', 'no', 'tidak']);

function isLoopback(hostname: string): boolean {
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
}

/** A feed URL must be https (http only to a loopback test server), without user info. */
export function isUsableFeedUrl(raw: unknown): raw is string {
  if (typeof raw !== 'string' || !/^[\x21-\x7e]{1,2048}$/.test(raw)) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.username !== '' || url.password !== '' || url.hostname === '') return false;
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname));
}

export function planUpdates(input: {
  isPackaged: boolean;
  env: Record<string, string | undefined>;
  /** resources/app-update.yml exists (electron-builder writes it when publish is configured) */
  hasBuiltInFeed: boolean;
}): UpdatePlan {
  const switchRaw = input.env.LOKET_UPDATE?.trim().toLowerCase();
  if (switchRaw !== undefined && OFF_VALUES.has(switchRaw)) {
    return { check: false, reason: 'Pemeriksaan pembaruan dimatikan (LOKET_UPDATE).' };
  }
  if (!input.isPackaged) {
    return { check: false, reason: 'Aplikasi berjalan dari kode sumber; pembaruan hanya untuk aplikasi terpasang.' };
  }
  const override = input.env.LOKET_UPDATE_URL?.trim();
  if (override) {
    if (!isUsableFeedUrl(override)) return { check: false, reason: 'LOKET_UPDATE_URL bukan alamat https yang valid.' };
    return { check: true, feedUrl: override };
  }
  if (input.hasBuiltInFeed) return { check: true, feedUrl: null };
  return { check: false, reason: 'Alamat server pembaruan tidak dikonfigurasi.' };
}

export interface UpdaterDeps {
  log: (line: string) => void;
  /** loads electron-updater's autoUpdater (only inside Electron) */
  load: () => Promise<AppUpdater>;
  intervalMs?: number;
}

export const UPDATE_INTERVAL_MS = 6 * 60 * 60 * 1000;

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * Starts checking per the plan: once now and then every few hours. Resolves with a stop
 * function; never rejects.
 */
export async function startUpdater(plan: UpdatePlan, deps: UpdaterDeps): Promise<{ stop: () => void }> {
  const noop = { stop: () => {} };
  if (!plan.check) {
    deps.log(plan.reason);
    return noop;
  }
  let updater: AppUpdater;
  try {
    updater = await deps.load();
    updater.autoDownload = false;
    updater.autoInstallOnAppQuit = false;
    updater.allowDowngrade = false;
    updater.allowPrerelease = false;
    updater.logger = {
      info: (m?: unknown) => deps.log(`pembaruan: ${String(m)}`),
      warn: (m?: unknown) => deps.log(`pembaruan (peringatan): ${String(m)}`),
      error: (m?: unknown) => deps.log(`pembaruan (galat): ${String(m)}`),
    };
    if (plan.feedUrl) updater.setFeedURL({ provider: 'generic', url: plan.feedUrl });
    updater.on('error', (err) => deps.log(`Pemeriksaan pembaruan gagal: ${describe(err)}`));
    updater.on('update-available', (info) => deps.log(`Versi baru tersedia: ${info.version}. Pasang saat loket tutup.`));
    updater.on('update-not-available', (info) => deps.log(`Aplikasi sudah versi terbaru (${info.version}).`));
  } catch (err: unknown) {
    deps.log(`Pembaruan tidak dapat disiapkan: ${describe(err)}`);
    return noop;
  }
  const check = (): void => {
    // a synchronous throw becomes a rejection too
    Promise.resolve()
      .then(() => updater.checkForUpdates())
      .catch((err: unknown) => deps.log(`Pemeriksaan pembaruan gagal: ${describe(err)}`));
  };
  check();
  const timer = setInterval(check, deps.intervalMs ?? UPDATE_INTERVAL_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
