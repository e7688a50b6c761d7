// The shell's reading of its configuration: AppConfig from main/config.ts plus the choices only
// the Electron shell makes (where the data lives by default, devtools, external links). Pure.
import { resolveConfig, type AppConfig } from '../config';
import { parseExternalHosts } from './security';

function hasDataDirFlag(argv: readonly string[]): boolean {
  return argv.some((arg) => arg === '--data-dir' || arg.startsWith('--data-dir='));
}

/**
 * resolveConfig with the installed app's defaults: the production profile when packaged, and
 * the data in Electron's userData folder unless --data-dir or LOKET_DATA_DIR says otherwise.
 */
export function resolveShellConfig(input: {
  argv: readonly string[];
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  home: string;
  isPackaged: boolean;
  userDataDir: string;
}): AppConfig {
  const config = resolveConfig({
    argv: input.argv,
    env: input.env,
    platform: input.platform,
    home: input.home,
    defaultProfile: input.isPackaged ? 'production' : 'demo',
  });
  const explicit = hasDataDirFlag(input.argv) || (input.env.LOKET_DATA_DIR ?? '') !== '';
  return explicit ? config : { ...config, dataDir: input.userDataDir };
}

/** Developer tools only when running from source, never in the installed app or the kiosk. */
export function allowDevToolsFor(config: AppConfig, isPackaged: boolean): boolean {
  return !isPackaged && config.mode === 'backoffice';
}

/** Hosts whose https links open in the system browser; none in kiosk mode, whatever is set. */
export function externalHostsFor(config: AppConfig, env: Record<string, string | undefined>): string[] {
  return config.mode === 'kiosk' ? [] : parseExternalHosts(env.LOKET_EXTERNAL_HOSTS);
}
