import { describe, expect, it } from 'vitest';
import { menuTemplateFor } from '../../../main/electron/menu';
import { allowDevToolsFor, externalHostsFor, resolveShellConfig } from '../../../main/electron/settings';

const base = { argv: ['/opt/loket/e-retribusi-loket'], env: {}, platform: 'linux' as const, home: '/home/petugas', userDataDir: '/home/petugas/.config/E-Retribusi Loket' };

describe('resolveShellConfig', () => {
  it('uses the production profile and Electron’s userData folder in the installed app', () => {
    const config = resolveShellConfig({ ...base, isPackaged: true });
    expect(config.profile).toBe('production');
    expect(config.dataDir).toBe(base.userDataDir);
  });

  it('uses the demo profile when run from source', () => {
    expect(resolveShellConfig({ ...base, isPackaged: false }).profile).toBe('demo');
  });

  it('keeps an explicit data folder from flag or environment', () => {
    expect(resolveShellConfig({ ...base, isPackaged: true, argv: [...base.argv, '--data-dir', '/data/loket'] }).dataDir).toBe('/data/loket');
    expect(resolveShellConfig({ ...base, isPackaged: true, argv: [...base.argv, '--data-dir=/data/x'] }).dataDir).toBe('/data/x');
    expect(resolveShellConfig({ ...base, isPackaged: true, env: { LOKET_DATA_DIR: '/data/env' } }).dataDir).toBe('/data/env');
  });

  it('passes the rest of the configuration through', () => {
    const config = resolveShellConfig({ ...base, isPackaged: true, argv: [...base.argv, '--kiosk', '--terminal', 'kios2'], env: { LOKET_PROFILE: 'demo' } });
    expect(config).toMatchObject({ mode: 'kiosk', terminalCode: 'KIOS2', profile: 'demo' });
    expect(() => resolveShellConfig({ ...base, isPackaged: true, argv: ['--mode', 'tv'] })).toThrow(/tidak dikenal/);
  });
});

describe('allowDevToolsFor / externalHostsFor', () => {
  const backoffice = resolveShellConfig({ ...base, isPackaged: false });
  const kiosk = resolveShellConfig({ ...base, isPackaged: false, argv: ['--kiosk'] });

  it('allows devtools only in the back office run from source', () => {
    expect(allowDevToolsFor(backoffice, false)).toBe(true);
    expect(allowDevToolsFor(backoffice, true)).toBe(false);
    expect(allowDevToolsFor(kiosk, false)).toBe(false);
  });

  it('never lets the kiosk open external links', () => {
    const env = { LOKET_EXTERNAL_HOSTS: 'retribusi.example.go.id' };
    expect(externalHostsFor(backoffice, env)).toEqual(['retribusi.example.go.id']);
    expect(externalHostsFor(kiosk, env)).toEqual([]);
    expect(externalHostsFor(backoffice, {})).toEqual([]);
  });
});

describe('menuTemplateFor', () => {
  it('has no menu in the kiosk', () => {
    expect(menuTemplateFor('kiosk', { allowDevTools: true })).toBeNull();
  });

  it('offers neither reload nor devtools to clerks', () => {
    const json = JSON.stringify(menuTemplateFor('backoffice'));
    expect(json).not.toMatch(/reload|toggleDevTools/i);
    expect(json).toContain('Keluar');
    expect(json).toContain('Salin');
  });

  it('adds devtools when allowed', () => {
    expect(JSON.stringify(menuTemplateFor('backoffice', { allowDevTools: true }))).toContain('toggleDevTools');
  });
});
