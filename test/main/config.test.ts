import { describe, expect, it } from 'vitest';
import { ConfigError, defaultDataDir, resolveConfig } from '../../main/config';

const base = { env: {}, platform: 'linux' as const, home: '/home/ani', defaultProfile: 'demo' as const };

describe('config', () => {
  it('defaults to the user data folder of the platform', () => {
    expect(resolveConfig({ ...base, argv: [] }).dataDir).toBe('/home/ani/.config/e-retribusi-loket');
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\ani\\AppData\\Roaming' }, 'C:\\Users\\ani')).toContain('e-retribusi-loket');
    expect(defaultDataDir('darwin', {}, '/Users/ani')).toBe('/Users/ani/Library/Application Support/e-retribusi-loket');
  });
  it('takes the data folder from a flag before the environment', () => {
    expect(resolveConfig({ ...base, argv: ['--data-dir', '/tmp/a'], env: { LOKET_DATA_DIR: '/tmp/b' } }).dataDir).toBe('/tmp/a');
    expect(resolveConfig({ ...base, argv: ['--data-dir=/tmp/c'] }).dataDir).toBe('/tmp/c');
    expect(resolveConfig({ ...base, argv: [], env: { LOKET_DATA_DIR: '/tmp/b' } }).dataDir).toBe('/tmp/b');
  });
  it('reads profile, kiosk mode, terminal and port', () => {
    const c = resolveConfig({ ...base, argv: ['--profile', 'production', '--kiosk', '--terminal', 'psr02', '--port', '0'] });
    expect(c).toMatchObject({ profile: 'production', mode: 'kiosk', terminalCode: 'PSR02', port: 0 });
  });
  it.each([
    [['--profile', 'test']],
    [['--mode', 'full']],
    [['--terminal', 'A']],
    [['--terminal', 'LKT-01']],
    [['--port', '70000']],
    [['--port', 'abc']],
    [['--data-dir']],
  ])('refuses %j with an Indonesian message', (argv) => {
    expect(() => resolveConfig({ ...base, argv })).toThrow(ConfigError);
  });
});
