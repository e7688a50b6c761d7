import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  electronEntry,
  electronEnv,
  firstLine,
  resolveElectronFrom,
  runInstallerProcess,
  spawnElectronProcess,
  tryLaunchElectron,
  type LaunchDeps,
} from '../../../main/cli/electron-launch';

const root = '/repo';
const binary = '/repo/node_modules/electron/dist/electron';

function deps(overrides: Partial<LaunchDeps> & { present?: string[] } = {}): LaunchDeps & { spawnCalls: unknown[][] } {
  const present = new Set(overrides.present ?? [electronEntry(root), binary]);
  const spawnCalls: unknown[][] = [];
  return {
    resolveElectron: () => binary,
    runInstaller: async () => ({ ok: false, detail: 'HTTPError: Response code 403 (Forbidden)\n    at stack…' }),
    spawnElectron: async (...args) => {
      spawnCalls.push(args);
      return 0;
    },
    exists: (p) => present.has(p),
    env: { PATH: '/usr/bin', ELECTRON_RUN_AS_NODE: '1' },
    ...overrides,
    spawnCalls,
  };
}

const missing = () => {
  throw new Error('Electron failed to install correctly, please delete node_modules/electron and try installing again');
};

describe('tryLaunchElectron', () => {
  it('runs the app folder with the forwarded args when the binary is there', async () => {
    const d = deps();
    const log = vi.fn();
    await expect(tryLaunchElectron({ root, args: ['--kiosk', '--terminal', 'K01'], allowInstall: true, log }, d)).resolves.toEqual({ launched: true, exitCode: 0 });
    expect(d.spawnCalls).toHaveLength(1);
    const [bin, args, env] = d.spawnCalls[0] as [string, string[], NodeJS.ProcessEnv];
    expect(bin).toBe(binary);
    expect(args).toEqual([root, '--kiosk', '--terminal', 'K01']);
    expect(env.ELECTRON_RUN_AS_NODE).toBeUndefined();
    expect(env.PATH).toBe('/usr/bin');
    expect(log).not.toHaveBeenCalled();
  });

  it('passes the app’s exit code on', async () => {
    const d = deps({ spawnElectron: async () => 3 });
    await expect(tryLaunchElectron({ root, args: [], allowInstall: false, log: () => {} }, d)).resolves.toEqual({ launched: true, exitCode: 3 });
  });

  it('does not try the installer when told not to', async () => {
    const runInstaller = vi.fn();
    const d = deps({ resolveElectron: missing, runInstaller });
    const res = await tryLaunchElectron({ root, args: [], allowInstall: false, log: () => {} }, d);
    expect(res).toEqual({ launched: false, reason: 'biner Electron tidak terpasang' });
    expect(runInstaller).not.toHaveBeenCalled();
  });

  it('tries the installer once and reports its failure in one Indonesian line', async () => {
    const runInstaller = vi.fn(async () => ({ ok: false as const, detail: '\nHTTPError: Response code 403 (Forbidden)\n    at x' }));
    const log = vi.fn();
    const d = deps({ resolveElectron: missing, runInstaller });
    const res = await tryLaunchElectron({ root, args: [], allowInstall: true, log }, d);
    expect(runInstaller).toHaveBeenCalledOnce();
    expect(res).toEqual({ launched: false, reason: 'biner Electron tidak terpasang dan pemasangannya gagal (HTTPError: Response code 403 (Forbidden))' });
    expect(log).toHaveBeenLastCalledWith('Pemasangan biner Electron gagal: HTTPError: Response code 403 (Forbidden)');
    for (const [line] of log.mock.calls) expect(String(line)).not.toContain('\n');
    expect(d.spawnCalls).toHaveLength(0);
  });

  it('survives an installer that throws', async () => {
    const d = deps({ resolveElectron: missing, runInstaller: () => Promise.reject(new Error('spawn ENOENT')) });
    await expect(tryLaunchElectron({ root, args: [], allowInstall: true, log: () => {} }, d)).resolves.toMatchObject({ launched: false, reason: expect.stringContaining('spawn ENOENT') as unknown });
  });

  it('launches after a successful install', async () => {
    let installed = false;
    const d = deps({
      resolveElectron: () => (installed ? binary : missing()),
      runInstaller: async () => {
        installed = true;
        return { ok: true };
      },
    });
    await expect(tryLaunchElectron({ root, args: [], allowInstall: true, log: () => {} }, d)).resolves.toEqual({ launched: true, exitCode: 0 });
  });

  it('treats a path to a missing binary as missing', async () => {
    const d = deps({ present: [electronEntry(root)] });
    await expect(tryLaunchElectron({ root, args: [], allowInstall: false, log: () => {} }, d)).resolves.toMatchObject({ launched: false });
  });

  it('says so when the app is not built', async () => {
    const d = deps({ present: [binary] });
    await expect(tryLaunchElectron({ root, args: [], allowInstall: true, log: () => {} }, d)).resolves.toEqual({
      launched: false,
      reason: 'dist/main/electron/index.js belum dibangun (jalankan npm run build)',
    });
  });

  it('reports a spawn failure instead of rejecting', async () => {
    const d = deps({ spawnElectron: () => Promise.reject(new Error('EACCES')) });
    await expect(tryLaunchElectron({ root, args: [], allowInstall: false, log: () => {} }, d)).resolves.toEqual({ launched: false, reason: 'Electron gagal dijalankan (EACCES)' });
  });
});

describe('resolveElectronFrom', () => {
  it('throws on this machine, where the binary was never downloaded', () => {
    // the repo's own node_modules/electron has no path.txt here (see ARCHITECTURE.md)
    const repo = resolve(__dirname, '../../..');
    expect(() => resolveElectronFrom(repo)).toThrow();
  });

  it('returns the path a fake electron package reports', () => {
    const dir = mkdtempSync(join(tmpdir(), 'loket-launch-'));
    try {
      mkdirSync(join(dir, 'node_modules', 'electron'), { recursive: true });
      writeFileSync(join(dir, 'package.json'), '{"name":"x"}');
      writeFileSync(join(dir, 'node_modules', 'electron', 'package.json'), '{"name":"electron","main":"index.js"}');
      writeFileSync(join(dir, 'node_modules', 'electron', 'index.js'), 'module.exports = "/opt/electron/electron";');
      expect(resolveElectronFrom(dir)).toBe('/opt/electron/electron');
      writeFileSync(join(dir, 'node_modules', 'electron', 'index.js'), 'module.exports = {};');
      expect(() => resolveElectronFrom(dir)).toThrow(/lokasi biner/); // re-read, not cached
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('helpers', () => {
  it('keeps the first non-empty line, shortened', () => {
    expect(firstLine('\n\n  Error: x  \nstack')).toBe('Error: x');
    expect(firstLine('a'.repeat(300)).length).toBe(160);
    expect(firstLine('')).toBe('');
  });

  it('removes ELECTRON_RUN_AS_NODE without touching the original', () => {
    const env = { ELECTRON_RUN_AS_NODE: '1', A: 'b' };
    expect(electronEnv(env)).toEqual({ A: 'b' });
    expect(env.ELECTRON_RUN_AS_NODE).toBe('1');
  });

  it('points at the bundled entry', () => {
    expect(electronEntry('/r')).toBe(join('/r', 'dist', 'main', 'electron', 'index.js'));
  });
});

describe('the real child processes', () => {
  function fakeRoot(installScript: string | null): string {
    const dir = mkdtempSync(join(tmpdir(), 'loket-install-'));
    mkdirSync(join(dir, 'node_modules', 'electron'), { recursive: true });
    if (installScript !== null) writeFileSync(join(dir, 'node_modules', 'electron', 'install.js'), installScript);
    return dir;
  }

  it('reports the installer’s first stderr line when it fails', async () => {
    const dir = fakeRoot('console.error("\\nRequestError: getaddrinfo ENOTFOUND github.com\\n    at x"); process.exit(1);');
    try {
      await expect(runInstallerProcess(dir, 10_000)).resolves.toEqual({ ok: false, detail: 'RequestError: getaddrinfo ENOTFOUND github.com' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stops an installer that hangs', async () => {
    const dir = fakeRoot('setInterval(() => {}, 1000);');
    try {
      await expect(runInstallerProcess(dir, 300)).resolves.toEqual({ ok: false, detail: 'melewati batas waktu 0 detik' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('succeeds when the installer exits 0, and says when there is none', async () => {
    const dir = fakeRoot('process.exit(0);');
    try {
      await expect(runInstallerProcess(dir, 10_000)).resolves.toEqual({ ok: true });
      rmSync(join(dir, 'node_modules', 'electron', 'install.js'));
      await expect(runInstallerProcess(dir, 10_000)).resolves.toEqual({ ok: false, detail: 'node_modules/electron/install.js tidak ada' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('returns the exit code of the spawned program', async () => {
    await expect(spawnElectronProcess(process.execPath, ['-e', 'process.exit(3)'], process.env)).resolves.toBe(3);
    await expect(spawnElectronProcess('/nonexistent/electron-binary', [], process.env)).rejects.toThrow(/ENOENT/);
  });
});
