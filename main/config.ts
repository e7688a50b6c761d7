// Run-time configuration from flags and environment variables. Pure: the caller passes argv,
// env, platform and home folder, so every rule here is tested in plain Node.
import { join } from 'node:path';

export type Profile = 'demo' | 'production';
export type WindowMode = 'backoffice' | 'kiosk';

export interface AppConfig {
  /** folder of the database (snapshots, journal, backups) and the terminal's keys */
  dataDir: string;
  profile: Profile;
  mode: WindowMode;
  /** terminal code printed in receipt numbers; unique per counter PC in an office */
  terminalCode: string;
  /** browser host port; 0 picks a free one */
  port: number;
  /** minutes of inactivity after which a login session ends */
  sessionIdleMinutes: number;
  /** failed logins in a row before an account is locked, and for how long */
  lockoutAttempts: number;
  lockoutMinutes: number;
  /** run the browser host even if Electron is installed */
  hostOnly: boolean;
  /** do not try to fetch the Electron binary when it is missing */
  noElectronInstall: boolean;
  /** the central e-retribusi API; null = none configured (the demo starts its own simulator) */
  centralUrl: string | null;
  /** enrol automatically on start with this code when not enrolled yet */
  enrolmentCode: string | null;
  officeCode: string;
  /** seconds between background push/pull runs */
  syncIntervalSeconds: number;
}

export const APP_FOLDER = 'e-retribusi-loket';

export function defaultDataDir(platform: NodeJS.Platform, env: Record<string, string | undefined>, home: string): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_FOLDER);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_FOLDER);
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function flagValue(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === `--${name}`) {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw new ConfigError(`Opsi --${name} memerlukan nilai.`);
      return next;
    }
    if (arg?.startsWith(`--${name}=`)) return arg.slice(name.length + 3);
  }
  return undefined;
}

function hasFlag(argv: readonly string[], name: string): boolean {
  return argv.includes(`--${name}`);
}

function intSetting(raw: string | undefined, fallback: number, name: string, min: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(`${name} harus bilangan bulat, bukan "${raw}".`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(`${name} harus antara ${min} dan ${max}.`);
  return value;
}

function centralUrl(raw: string | undefined): string | null {
  const value = raw?.trim();
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`Alamat server pusat "${value}" tidak valid.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConfigError('Alamat server pusat harus http:// atau https://.');
  return url.toString().replace(/\/+$/, '');
}

export function resolveConfig(input: {
  argv: readonly string[];
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  home: string;
  /** the profile when neither flag nor env says: 'demo' for `npm start`, 'production' for the installed app */
  defaultProfile: Profile;
}): AppConfig {
  const { argv, env } = input;
  const profileRaw = flagValue(argv, 'profile') ?? env.LOKET_PROFILE ?? input.defaultProfile;
  if (profileRaw !== 'demo' && profileRaw !== 'production') {
    throw new ConfigError(`Profil "${profileRaw}" tidak dikenal; pilih demo atau production.`);
  }
  const modeRaw = hasFlag(argv, 'kiosk') ? 'kiosk' : (flagValue(argv, 'mode') ?? env.LOKET_MODE ?? 'backoffice');
  if (modeRaw !== 'backoffice' && modeRaw !== 'kiosk') {
    throw new ConfigError(`Mode jendela "${modeRaw}" tidak dikenal; pilih backoffice atau kiosk.`);
  }
  const terminalCode = (flagValue(argv, 'terminal') ?? env.LOKET_TERMINAL ?? 'LKT01').toUpperCase();
  if (!/^[A-Z0-9]{3,8}$/.test(terminalCode)) {
    throw new ConfigError(`Kode terminal "${terminalCode}" harus 3–8 huruf/angka.`);
  }
  const dataDir = flagValue(argv, 'data-dir') ?? env.LOKET_DATA_DIR ?? defaultDataDir(input.platform, env, input.home);
  return {
    dataDir,
    profile: profileRaw,
    mode: modeRaw,
    terminalCode,
    port: intSetting(flagValue(argv, 'port') ?? env.LOKET_PORT, 4780, 'Port', 0, 65535),
    sessionIdleMinutes: intSetting(env.LOKET_SESSION_IDLE_MINUTES, 15, 'LOKET_SESSION_IDLE_MINUTES', 1, 24 * 60),
    lockoutAttempts: intSetting(env.LOKET_LOCKOUT_ATTEMPTS, 5, 'LOKET_LOCKOUT_ATTEMPTS', 1, 100),
    lockoutMinutes: intSetting(env.LOKET_LOCKOUT_MINUTES, 15, 'LOKET_LOCKOUT_MINUTES', 1, 24 * 60),
    hostOnly: hasFlag(argv, 'host-only') || env.LOKET_HOST_ONLY === '1',
    noElectronInstall: hasFlag(argv, 'no-electron-install') || env.LOKET_NO_ELECTRON_INSTALL === '1',
    centralUrl: centralUrl(flagValue(argv, 'central-url') ?? env.LOKET_CENTRAL_URL),
    enrolmentCode: (flagValue(argv, 'enrolment-code') ?? env.LOKET_ENROLMENT_CODE ?? '').trim() || null,
    officeCode: (flagValue(argv, 'office-code') ?? env.LOKET_OFFICE_CODE ?? 'UPTD-SUKAMAKMUR').trim().toUpperCase(),
    syncIntervalSeconds: intSetting(env.LOKET_SYNC_INTERVAL_SECONDS, 30, 'LOKET_SYNC_INTERVAL_SECONDS', 5, 3600),
  };
}
