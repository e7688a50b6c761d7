import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mimeTypeFor, resolveAppPath, serveAppRequest } from '../../../main/electron/protocol';
import { RENDERER_CSP } from '../../../shared/wire';

const root = resolve('/srv/loket/dist/renderer');

describe('resolveAppPath', () => {
  it.each([
    ['app://loket/', 'index.html'],
    ['app://loket', 'index.html'],
    ['app://loket/index.html', 'index.html'],
    ['app://loket/assets/index-Bx1_a.js', 'assets/index-Bx1_a.js'],
    ['app://loket/assets/logo.svg?v=2#x', 'assets/logo.svg'],
    ['app://loket/assets/font@2x.woff2', 'assets/font@2x.woff2'],
    ['app://loket/fonts/Inter%2BBold.woff2', 'fonts/Inter+Bold.woff2'],
    // client-side routes (no extension) get the app itself
    ['app://loket/kiosk', 'index.html'],
    ['app://loket/backoffice/laporan/', 'index.html'],
    // the URL parser already resolves plain and %2e dot segments inside the root
    ['app://loket/assets/../index.html', 'index.html'],
    ['app://loket/assets/%2e%2e/index.html', 'index.html'],
  ])('%s → %s', (url, rel) => {
    expect(resolveAppPath(url, root)).toBe(join(root, rel));
  });

  const hostile: unknown[] = [
    'app://loket/..%2f..%2fetc%2fpasswd',
    'app://loket/..%2F..%2Fetc/passwd',
    'app://loket/%2e%2e%2f%2e%2e%2fetc/passwd',
    'app://loket/assets%2f..%2f..%2fsecret.js',
    'app://loket/..%5c..%5cwindows%5cwin.ini',
    'app://loket/..\\..\\windows\\win.ini',
    'app://loket/assets\\..\\..\\secret.js',
    'app://loket/index.html%00.png',
    'app://loket/index.html\u0000.png',
    'app://loket/%00',
    'app://loket//etc/passwd',
    'app://loket///etc/passwd',
    'app://loket/C:/Windows/win.ini',
    'app://loket/C:%5cWindows%5cwin.ini',
    'app://loket/c%3a/windows/win.ini',
    'app://loket/index.html::$DATA',
    'app://loket/%252e%252e/secret.js',
    'app://loket/%c0%ae%c0%ae/secret.js',
    'app://loket/%e0%80%ae%e0%80%ae/secret.js',
    'app://loket/%ff',
    'app://loket/%',
    'app://loket/.env',
    'app://loket/.git/config',
    'app://loket/assets/.hidden.js',
    'app://loket/.../secret.js',
    'app://loket/a b.js',
    'app://loket/a%20b.js',
    'app://loket/ｉｎｄｅｘ.html',
    'app://loket/index.html\u202egpj',
    'app://evil/index.html',
    'app://loket.evil/index.html',
    'app://loket@evil/index.html',
    'app://evil@loket/index.html',
    'app://loket:8080/index.html',
    'app:///index.html',
    'app:index.html',
    'file:///srv/loket/dist/renderer/index.html',
    'http://loket/index.html',
    'https://loket/index.html',
    'javascript:alert(1)',
    'data:text/html,hi',
    '/etc/passwd',
    'C:\\Windows\\win.ini',
    '\\\\server\\share\\x.js',
    '',
    `app://loket/${'a/'.repeat(3000)}x.js`,
    null,
    undefined,
    42,
    {},
    { toString: () => 'app://loket/index.html' },
    new URL('app://loket/index.html'),
  ];
  it.each(hostile.map((v) => [typeof v === 'string' ? JSON.stringify(v).slice(0, 90) : String(typeof v), v]))('refuses %s', (_label, url) => {
    expect(resolveAppPath(url, root)).toBeNull();
  });

  it('never returns a path outside the root for any printable ASCII two-segment path', () => {
    const chars = ['.', '%2e', '%2E', '/', '%2f', '\\', '%5c', 'a', ':', '%00', '~'];
    for (const a of chars) for (const b of chars) for (const c of chars) {
      const result = resolveAppPath(`app://loket/${a}${b}/${c}${a}/x.js`, root);
      if (result !== null) expect(result.startsWith(root + '/')).toBe(true);
    }
  });
});

describe('mimeTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.js', 'text/javascript; charset=utf-8'],
    ['a.CSS', 'text/css; charset=utf-8'],
    ['a.svg', 'image/svg+xml'],
    ['a.woff2', 'font/woff2'],
    ['sql-wasm.wasm', 'application/wasm'],
    ['a.js.map', 'application/json; charset=utf-8'],
    ['a.exe', 'application/octet-stream'],
    ['noext', 'application/octet-stream'],
  ])('%s → %s', (file, type) => {
    expect(mimeTypeFor(file)).toBe(type);
  });
});

describe('serveAppRequest', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'loket-protocol-'));
    mkdirSync(join(dir, 'renderer', 'assets'), { recursive: true });
    writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>Loket</title>');
    writeFileSync(join(dir, 'renderer', 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(dir, 'secret.txt'), 'rahasia');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const get = (url: string, method = 'GET') => serveAppRequest(new Request(url, { method }), join(dir, 'renderer'));

  it('serves files with their type and the renderer CSP', async () => {
    const res = await get('app://loket/assets/app.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(RENDERER_CSP);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe('console.log(1)');
  });

  it('serves index.html for the root and client-side routes', async () => {
    for (const url of ['app://loket/', 'app://loket/kiosk']) {
      const res = await get(url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await res.text()).toContain('<title>Loket</title>');
    }
  });

  it('answers HEAD without a body', async () => {
    const res = await get('app://loket/index.html', 'HEAD');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe('35');
    expect(await res.text()).toBe('');
  });

  it.each(['app://loket/..%2fsecret.txt', 'app://loket/%2e%2e%2fsecret.txt', 'app://evil/index.html', 'app://loket/missing.js', 'app://loket/assets'])(
    'refuses %s with 404 — and still sends the CSP',
    async (url) => {
      const res = await get(url);
      // 'assets' has no extension: it is a route, so it gets index.html (never the folder)
      if (url.endsWith('/assets')) {
        expect(res.status).toBe(200);
        expect(await res.text()).toContain('Loket');
      } else {
        expect(res.status).toBe(404);
        expect(await res.text()).not.toContain('rahasia');
      }
      expect(res.headers.get('content-security-policy')).toBe(RENDERER_CSP);
    },
  );

  it.each(['POST', 'PUT', 'DELETE', 'OPTIONS'])('refuses %s with 405', async (method) => {
    const res = await get('app://loket/index.html', method);
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
    expect(res.headers.get('content-security-policy')).toBe(RENDERER_CSP);
  });

  it('turns a read error into 500, not a crash', async () => {
    const res = await serveAppRequest(new Request('app://loket/index.html'), dir, {
      readFile: () => Promise.reject(Object.assign(new Error('EIO'), { code: 'EIO' })),
    });
    expect(res.status).toBe(500);
    expect(res.headers.get('content-security-policy')).toBe(RENDERER_CSP);
  });
});
