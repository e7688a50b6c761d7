// Finds the Electron binary for `npm start`, tries its installer once when it is missing, and
// runs the app with it. From plain Node, require('electron') returns the binary's path when the
// binary was downloaded and throws when not (our build machines: the download is blocked).
// Every OS effect is an injectable dependency, so the decisions are tested in plain Node.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export type LaunchResult = { launched: true; exitCode: number } | { launched: false; reason: string };

export interface LaunchOptions {
  /** repository (or installed package) root: has package.json and node_modules */
  root: string;
  /** arguments for the app (after `npm start --`) */
  args: string[];
  /** run electron's own installer once when the binary is missing */
  allowInstall: boolean;
  log: (line: string) => void;
}

export interface LaunchDeps {
  /** the binary's path per require('electron') from root, or throws */
  resolveElectron: (root: string) => string;
  runInstaller: (root: string, timeoutMs: number) => Promise<{ ok: true } | { ok: false; detail: string }>;
  spawnElectron: (binary: string, args: string[], env: NodeJS.ProcessEnv) => Promise<number>;
  exists: (path: string) => boolean;
  env: NodeJS.ProcessEnv;
}

/** long enough for the ~100 MB download on an office line, short enough not to hang `npm start` */
export const INSTALL_TIMEOUT_MS = 90_000;

/** The app entry as built by main/cli/build.ts. */
export function electronEntry(root: string): string {
  return join(root, 'dist', 'main', 'electron', 'index.js');
}

export function resolveElectronFrom(root: string): string {
  // a fresh require each time: a failed require is not cached, a resolved one would be stale after install
  const req = createRequire(join(root, 'package.json'));
  const resolved = req.resolve('electron');
  delete req.cache[resolved];
  const value: unknown = req('electron');
  if (typeof value !== 'string' || value === '') throw new Error('modul electron tidak mengembalikan lokasi biner');
  return value;
}

/** First line of an error, short enough for one log line. */
export function firstLine(text: string, max = 160): string {
  const line = text.split(/\r?\n/).find((l) => l.trim() !== '')?.trim() ?? '';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

export function runInstallerProcess(root: string, timeoutMs: number): Promise<{ ok: true } | { ok: false; detail: string }> {
  const script = join(root, 'node_modules', 'electron', 'install.js');
  if (!existsSync(script)) return Promise.resolve({ ok: false, detail: 'node_modules/electron/install.js tidak ada' });
  return new Promise((resolveRun) => {
    let stderr = '';
    let settled = false;
    const child = spawn(process.execPath, [script], { cwd: join(root, 'node_modules', 'electron'), stdio: ['ignore', 'ignore', 'pipe'] });
    const finish = (result: { ok: true } | { ok: false; detail: string }): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolveRun(result);
    };
    const timer = setTimeout(() => {
      child.kill();
      finish({ ok: false, detail: `melewati batas waktu ${Math.round(timeoutMs / 1000)} detik` });
    }, timeoutMs);
    child.stderr?.on('data', (chunk: Buffer) => {
      if (stderr.length < 16_000) stderr += chunk.toString('utf8');
    });
    child.on('error', (err) => finish({ ok: false, detail: err.message }));
    child.on('close', (code) => {
      if (code === 0) finish({ ok: true });
      else finish({ ok: false, detail: firstLine(stderr) || `kode keluar ${String(code)}` });
    });
  });
}

export function spawnElectronProcess(binary: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolveExit, rejectExit) => {
    const child = spawn(binary, args, { stdio: 'inherit', env, windowsHide: false });
    const forward = (signal: NodeJS.Signals) => () => {
      if (child.exitCode === null) child.kill(signal);
    };
    const onInt = forward('SIGINT');
    const onTerm = forward('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
    const cleanup = (): void => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
    };
    child.on('error', (err) => {
      cleanup();
      rejectExit(err);
    });
    child.on('close', (code, signal) => {
      cleanup();
      resolveExit(code ?? (signal ? 1 : 0));
    });
  });
}

export const defaultLaunchDeps: LaunchDeps = {
  resolveElectron: resolveElectronFrom,
  runInstaller: runInstallerProcess,
  spawnElectron: spawnElectronProcess,
  exists: existsSync,
  env: process.env,
};

/** The environment for the app: never ELECTRON_RUN_AS_NODE, which would turn it into plain Node. */
export function electronEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy = { ...env };
  delete copy.ELECTRON_RUN_AS_NODE;
  return copy;
}

/**
 * Launches the Electron app when its binary is there (installing it once if allowed) and
 * resolves with its exit code; otherwise resolves with why not, for the caller to fall back to
 * the browser host. Never rejects.
 */
export async function tryLaunchElectron(opts: LaunchOptions, deps: LaunchDeps = defaultLaunchDeps): Promise<LaunchResult> {
  const entry = electronEntry(opts.root);
  if (!deps.exists(entry)) {
    return { launched: false, reason: 'dist/main/electron/index.js belum dibangun (jalankan npm run build)' };
  }

  let binary: string | null = null;
  try {
    binary = deps.resolveElectron(opts.root);
  } catch {
    binary = null;
  }
  if (binary !== null && !deps.exists(binary)) binary = null;

  if (binary === null) {
    if (!opts.allowInstall) return { launched: false, reason: 'biner Electron tidak terpasang' };
    opts.log(`Biner Electron belum ada; mencoba memasangnya sekali (maks. ${INSTALL_TIMEOUT_MS / 1000} detik)…`);
    let outcome: { ok: true } | { ok: false; detail: string };
    try {
      outcome = await deps.runInstaller(opts.root, INSTALL_TIMEOUT_MS);
    } catch (err: unknown) {
      outcome = { ok: false, detail: err instanceof Error ? err.message : String(err) };
    }
    if (!outcome.ok) {
      const detail = firstLine(outcome.detail);
      opts.log(`Pemasangan biner Electron gagal: ${detail}`);
      return { launched: false, reason: `biner Electron tidak terpasang dan pemasangannya gagal (${detail})` };
    }
    try {
      binary = deps.resolveElectron(opts.root);
    } catch {
      binary = null;
    }
    if (binary === null || !deps.exists(binary)) {
      opts.log('Pemasangan biner Electron selesai, tetapi biner masih tidak ditemukan.');
      return { launched: false, reason: 'biner Electron tidak ditemukan setelah pemasangan' };
    }
  }

  // The app folder, not the script: Electron then reads package.json (name → userData folder,
  // version → updater) and runs its "main", dist/main/electron/index.js.
  try {
    const exitCode = await deps.spawnElectron(binary, [opts.root, ...opts.args], electronEnv(deps.env));
    return { launched: true, exitCode };
  } catch (err: unknown) {
    return { launched: false, reason: `Electron gagal dijalankan (${firstLine(err instanceof Error ? err.message : String(err))})` };
  }
}
