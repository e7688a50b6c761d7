import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  isAllowedExternalUrl,
  isAppUrl,
  isPermissionAllowed,
  isTrustedSender,
  navigationDecision,
  parseExternalHosts,
  webPreferencesFor,
  windowOptionsFor,
} from '../../../main/electron/security';

const withToString = { toString: () => 'app://loket/index.html' };
const withValueOf = { valueOf: () => 'app://loket/index.html', [Symbol.toPrimitive]: () => 'app://loket/' };
const urlObject = new URL('app://loket/index.html');

/** Values that are not strings at all: every check must refuse them without throwing. */
const NON_STRINGS: unknown[] = [
  undefined,
  null,
  0,
  1,
  NaN,
  true,
  false,
  {},
  [],
  ['app://loket/'],
  withToString,
  withValueOf,
  urlObject,
  Symbol('app://loket/'),
  () => 'app://loket/',
  10n,
  new String('app://loket/'),
  Buffer.from('app://loket/'),
];

const HOSTILE_APP_URLS: string[] = [
  '',
  ' ',
  'app:',
  'app:/',
  'app://',
  'app:///',
  'app:loket/',
  'app:/loket/',
  'app:///loket/index.html',
  'app://evil/',
  'app://evil/index.html',
  'app://loket.evil/',
  'app://loketx/',
  'app://xloket/',
  'app://loket./',
  'app://loket:80/',
  'app://loket:0/',
  'app://loket@evil/',
  'app://loket:loket@evil/',
  'app://user@loket/',
  'app://user:pass@loket/',
  'app://:pass@loket/',
  'app://evil#@loket/',
  'app://evil\\@loket/',
  'app://lo%6bet/',
  'app://%6coket/',
  'app://loket%2f@evil/',
  'app://loket%00/',
  'app://lo\u0000ket/',
  'app://lo\tket/',
  'app://lo\nket/',
  ' app://loket/',
  'app://loket/ ',
  '\u0000app://loket/',
  'app://loket/\u0000',
  'app://lоket/', // Cyrillic о
  'app://ｌｏｋｅｔ/', // fullwidth
  'app://loket\u2025evil/',
  'app://loket\u3002evil/',
  'app://loket/\u202e',
  'app://xn--loket-9ua/',
  'apps://loket/',
  'ap://loket/',
  'app2://loket/',
  'javascript:alert(1)',
  'javascript://loket/%0aalert(1)',
  'JAVASCRIPT:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)',
  'blob:app://loket/1234',
  'file:///etc/passwd',
  'file://loket/index.html',
  'file:///C:/Windows/win.ini',
  'http://loket/',
  'https://loket/',
  'http://127.0.0.1/',
  'http://127.0.0.1.evil.com/',
  'http://localhost/',
  'ws://loket/',
  'chrome://settings',
  'devtools://devtools/bundled/inspector.html',
  'about:blank',
  'view-source:app://loket/',
  '//loket/',
  '/index.html',
  'index.html',
  'loket',
  `app://loket/${'a'.repeat(9000)}`,
];

describe('isAppUrl', () => {
  it.each(['app://loket/', 'app://loket', 'app://loket/index.html', 'app://loket/assets/index-abc123.js', 'app://loket/#/counter', 'app://loket/?x=1', APP_ENTRY_URL])(
    'accepts our own origin: %s',
    (url) => {
      expect(isAppUrl(url)).toBe(true);
    },
  );

  it.each(HOSTILE_APP_URLS.map((u) => [JSON.stringify(u).slice(0, 80), u]))('refuses %s', (_label, url) => {
    expect(isAppUrl(url)).toBe(false);
  });

  it.each(NON_STRINGS.map((v, i) => [i, v]))('refuses non-string #%s', (_i, value) => {
    expect(isAppUrl(value)).toBe(false);
  });
});

describe('parseExternalHosts / isAllowedExternalUrl', () => {
  const hosts = parseExternalHosts(' Retribusi.Example.go.id , *.evil.com, 127.0.0.1, https://x.com, x.com:443, , docs.example.go.id ');

  it('keeps only plain lowercase DNS names', () => {
    expect(hosts).toEqual(['retribusi.example.go.id', 'docs.example.go.id']);
    expect(parseExternalHosts(undefined)).toEqual([]);
    expect(parseExternalHosts(42)).toEqual([]);
    expect(parseExternalHosts('xn--80ak6aa92e.com')).toEqual(['xn--80ak6aa92e.com']);
  });

  it.each(['https://retribusi.example.go.id/', 'https://retribusi.example.go.id/panduan?x=1#bab-2', 'https://docs.example.go.id/a'])(
    'allows https on an allowed host: %s',
    (url) => {
      expect(isAllowedExternalUrl(url, hosts)).toBe(true);
    },
  );

  const hostile = [
    'http://retribusi.example.go.id/',
    'https://retribusi.example.go.id:8443/',
    'https://user@retribusi.example.go.id/',
    'https://retribusi.example.go.id@evil.com/',
    'https://retribusi.example.go.id.evil.com/',
    'https://evil.com/retribusi.example.go.id',
    'https://evil.com/?u=https://retribusi.example.go.id/',
    'https://sub.retribusi.example.go.id/',
    'https://example.go.id/',
    'https://retribusi.example.go.id./',
    'https://retribusi.examp1e.go.id/',
    'https://retribusi.exаmple.go.id/', // Cyrillic а
    'https://retribusi%2eexample.go.id/',
    'https://127.0.0.1/',
    'https://127.0.0.1.evil.com/',
    'https://[::1]/',
    'https://0x7f000001/',
    'javascript:alert(1)//https://retribusi.example.go.id/',
    'data:text/html,https://retribusi.example.go.id/',
    'file:///retribusi.example.go.id/',
    'app://loket/',
    'ftp://retribusi.example.go.id/',
    ' https://retribusi.example.go.id/',
    'https://retribusi.example.go.id/\n',
    'https:/retribusi.example.go.id/',
    'https:retribusi.example.go.id',
    // not canonical: Chromium never reports these spellings, the OS might parse them its own way
    'HTTPS://RETRIBUSI.EXAMPLE.GO.ID/',
    'https://docs.example.go.id:443/a',
    'https://retribusi.example.go.id',
    'https://retribusi.example.go.id/a/../b',
    'https://retribusi.example.go.id\\evil.com/',
    '//retribusi.example.go.id/',
    'retribusi.example.go.id',
  ];
  it.each(hostile)('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url, hosts)).toBe(false);
  });

  it.each(NON_STRINGS.map((v, i) => [i, v]))('refuses non-string #%s', (_i, value) => {
    expect(isAllowedExternalUrl(value, hosts)).toBe(false);
  });

  it('allows nothing with an empty list or a list that smuggles in patterns', () => {
    expect(isAllowedExternalUrl('https://retribusi.example.go.id/')).toBe(false);
    expect(isAllowedExternalUrl('https://evil.com/', ['*', '*.com', 'EVIL.COM', ''])).toBe(false);
  });
});

describe('isTrustedSender', () => {
  const ids = new Set([7]);
  const good = { webContentsId: 7, url: 'app://loket/index.html', isMainFrame: true };

  it('trusts the main frame of our window on our origin', () => {
    expect(isTrustedSender(good, ids)).toBe(true);
    expect(isTrustedSender({ ...good, url: 'app://loket/#/kiosk' }, ids)).toBe(true);
  });

  const bad: [string, unknown][] = [
    ['a subframe', { ...good, isMainFrame: false }],
    ['isMainFrame truthy but not true', { ...good, isMainFrame: 1 }],
    ['another webContents', { ...good, webContentsId: 8 }],
    ['webContentsId as string', { ...good, webContentsId: '7' }],
    ['webContentsId as float', { ...good, webContentsId: 7.5 }],
    ['a frame that navigated away', { ...good, url: 'https://evil.com/' }],
    ['a file:// frame', { ...good, url: 'file:///index.html' }],
    ['a data: frame', { ...good, url: 'data:text/html,hi' }],
    ['about:blank', { ...good, url: 'about:blank' }],
    ['user-info trick', { ...good, url: 'app://loket@evil/' }],
    ['url object', { ...good, url: new URL('app://loket/') }],
    ['url with toString', { ...good, url: withToString }],
    ['missing url', { webContentsId: 7, isMainFrame: true }],
    ['no frame', null],
    ['undefined', undefined],
    ['a string', 'app://loket/'],
    ['an array', [7, 'app://loket/', true]],
  ];
  it.each(bad)('refuses %s', (_label, info) => {
    expect(isTrustedSender(info, ids)).toBe(false);
  });

  it('refuses everyone when we have no windows', () => {
    expect(isTrustedSender(good, new Set())).toBe(false);
  });
});

describe('isPermissionAllowed / navigationDecision', () => {
  it('denies permissions by default', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'openExternal', 'hid', 'serial', 'usb', 'fileSystem', 'clipboard-read', 'display-capture', 'unknown', '', null, {}]) {
      expect(isPermissionAllowed(p, 'app://loket/')).toBe(false);
    }
  });

  it('allows writing to the clipboard only from our origin', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://loket/')).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://loket')).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://evil.com/')).toBe(false);
    expect(isPermissionAllowed('clipboard-sanitized-write', undefined)).toBe(false);
  });

  it('keeps navigation inside the app and sends only allowed https links out', () => {
    const hosts = ['retribusi.example.go.id'];
    expect(navigationDecision('app://loket/index.html', hosts)).toBe('allow');
    expect(navigationDecision('https://retribusi.example.go.id/x', hosts)).toBe('open-external');
    for (const url of ['https://evil.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'app://evil/', 42, null]) {
      expect(navigationDecision(url, hosts)).toBe('deny');
    }
  });
});

describe('webPreferencesFor / windowOptionsFor', () => {
  it.each(['backoffice', 'kiosk'] as const)('locks the renderer down in %s mode', (mode) => {
    const prefs = webPreferencesFor(mode, '/app/preload.js', { allowDevTools: true });
    expect(prefs).toMatchObject({
      preload: '/app/preload.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
    });
    expect(prefs.devTools).toBe(mode === 'backoffice');
  });

  it('has no devtools unless asked for', () => {
    expect(webPreferencesFor('backoffice', '/p.js').devTools).toBe(false);
  });

  it('opens the kiosk fullscreen without frame', () => {
    const opts = windowOptionsFor('kiosk', '/p.js');
    expect(opts).toMatchObject({ kiosk: true, fullscreen: true, frame: false, resizable: false, movable: false, minimizable: false, show: false });
    expect(opts.webPreferences?.devTools).toBe(false);
  });

  it('sizes the back office for 1366×768 counter PCs', () => {
    const opts = windowOptionsFor('backoffice', '/p.js', { iconPath: '/i.png' });
    expect(opts).toMatchObject({ width: 1366, height: 768, title: 'E-Retribusi Loket', icon: '/i.png', show: false });
    expect(opts.kiosk).toBeUndefined();
    expect(opts.webPreferences?.sandbox).toBe(true);
  });
});
