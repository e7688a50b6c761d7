import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { isAllowedHost, isAllowedOrigin, resolveStaticPath, tokenMatches } from '../../../main/host/security';
import { parseWireRequest } from '../../../main/host/server';

const port = 4780;

describe('Host header (DNS rebinding)', () => {
  it.each(['127.0.0.1:4780', 'localhost:4780'])('accepts %s', (h) => expect(isAllowedHost(h, port)).toBe(true));
  it.each([
    'evil.com:4780',
    '127.0.0.1',
    '127.0.0.1:4781',
    '127.0.0.1.evil.com:4780',
    'localhost.evil.com:4780',
    'LOCALHOST:4780x',
    '[::1]:4780',
    '0.0.0.0:4780',
    '',
    ' 127.0.0.1:4780',
    '127.0.0.1:4780 ',
    'user@127.0.0.1:4780',
    undefined,
    null,
    42,
    ['127.0.0.1:4780'],
  ])('refuses %j', (h) => expect(isAllowedHost(h, port)).toBe(false));
});

describe('Origin header', () => {
  it('accepts its own origin and none at all', () => {
    expect(isAllowedOrigin(undefined, port)).toBe(true);
    expect(isAllowedOrigin('http://127.0.0.1:4780', port)).toBe(true);
    expect(isAllowedOrigin('http://localhost:4780', port)).toBe(true);
  });
  it.each(['null', 'https://127.0.0.1:4780', 'http://127.0.0.1:4781', 'http://evil.com', 'http://127.0.0.1:4780.evil.com', 'file://', 'app://loket', '', 7])(
    'refuses %j',
    (o) => expect(isAllowedOrigin(o, port)).toBe(false),
  );
});

describe('token', () => {
  it('matches only exactly', () => {
    expect(tokenMatches('abc', 'abc')).toBe(true);
    for (const bad of ['abd', 'ab', 'abcd', '', undefined, null, ['abc'], 1]) expect(tokenMatches(bad, 'abc')).toBe(false);
  });
});

describe('static paths', () => {
  const root = '/srv/renderer';
  it('serves files under the root', () => {
    expect(resolveStaticPath('/', root)).toBe(join(root, 'index.html'));
    expect(resolveStaticPath('/assets/app.js?v=1', root)).toBe(join(root, 'assets/app.js'));
  });
  it.each([
    '/../etc/passwd',
    '/assets/../../etc/passwd',
    '/%2e%2e/etc/passwd',
    '/%2E%2E%2Fetc%2Fpasswd',
    '/assets/%2e%2e/%2e%2e/secret',
    '/..%5c..%5cwindows',
    '/assets\\..\\secret',
    '/%00index.html',
    '/index.html%00.js',
    '//etc/passwd',
    '/C:/Windows/win.ini',
    '/%',
    'assets/app.js',
    'http://evil.com/x',
    '/./index.html',
    undefined,
    42,
  ])('refuses %j', (p) => expect(resolveStaticPath(p, root)).toBeNull());
});

describe('wire request shape', () => {
  it('accepts {op, input, session}', () => {
    expect(parseWireRequest({ op: 'auth.me', input: {}, session: 'x' })).toEqual({ op: 'auth.me', input: {}, session: 'x' });
    expect(parseWireRequest({ op: 'setup.status' })).toEqual({ op: 'setup.status', input: {}, session: null });
  });
  it.each([null, [], 'auth.me', { op: 1 }, { op: '' }, { op: 'x'.repeat(65) }, { op: 'auth.me', session: 5 }, { op: 'auth.me', session: {} }])('refuses %j', (b) =>
    expect(parseWireRequest(b)).toBeNull(),
  );
});
