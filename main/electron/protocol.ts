// Serves the built renderer (dist/renderer) on app://loket/ through protocol.handle.
// resolveAppPath decides which file a URL may name; serveAppRequest turns a Request into a
// Response with the renderer's CSP on every answer, errors included. Both run in plain Node
// (Request/Response are Node globals), so hostile URLs are tested without Electron.
import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { RENDERER_CSP } from '../../shared/wire';
import { APP_HOST, APP_SCHEME } from './security';

/** Types of the files Vite emits (and a few more); unknown ones download as bytes, never sniffed. */
export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** Headers on every response of the app protocol. */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': RENDERER_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  };
}

const MAX_URL_LENGTH = 4096;
// After decoding, a segment may hold letters, digits and the punctuation bundlers use in file
// names. No ':' (Windows drive letters, NTFS streams), no '\' , no control characters, no '%'.
const SAFE_SEGMENT = /^[A-Za-z0-9._@+~-]{1,255}$/;

/**
 * The file an app:// URL names inside rootDir, or null when the URL is not ours or tries to
 * leave the folder (../, %2e%2e, %2f, backslashes, NUL, drive letters, UNC, other hosts …).
 * '/' and extension-less paths (client-side routes) give index.html.
 */
export function resolveAppPath(url: unknown, rootDir: string): string | null {
  if (typeof url !== 'string' || url.length > MAX_URL_LENGTH || !/^[\x21-\x7e]+$/.test(url)) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.hostname !== APP_HOST || parsed.port !== '') return null;
  if (parsed.username !== '' || parsed.password !== '') return null;

  // Chromium reports 'app://loket/' for our standard scheme; Node's parser leaves it '' here
  const rawPath = parsed.pathname === '' ? '/' : parsed.pathname;
  if (!rawPath.startsWith('/') || rawPath.startsWith('//') || rawPath.includes('\\')) return null;
  // encoded separators or dots are never part of a real asset name: refuse rather than decode
  if (/%(?:2e|2f|5c|00)/i.test(rawPath)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  const segments = decoded.split('/').slice(1);
  if (segments.length > 0 && segments[segments.length - 1] === '') segments.pop();
  if (segments.length === 0) return join(resolve(rootDir), 'index.html');
  for (const segment of segments) {
    // dot segments and dotfiles (.env, .git) are never renderer assets
    if (!SAFE_SEGMENT.test(segment) || segment.startsWith('.')) return null;
  }
  const last = segments[segments.length - 1] ?? '';
  if (!last.includes('.')) return join(resolve(rootDir), 'index.html');

  const root = resolve(rootDir);
  const candidate = resolve(root, ...segments);
  const rel = relative(root, candidate);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) return null;
  return candidate;
}

function textResponse(status: number, body: string, isHead: boolean): Response {
  return new Response(isHead ? null : body, {
    status,
    headers: { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

export interface ServeDeps {
  readFile: (path: string) => Promise<Uint8Array>;
}

const defaultDeps: ServeDeps = { readFile: (path) => readFile(path) };

/** The protocol.handle('app', …) handler body. Never throws: failures become 4xx/5xx answers. */
export async function serveAppRequest(request: Request, rootDir: string, deps: ServeDeps = defaultDeps): Promise<Response> {
  const isHead = request.method === 'HEAD';
  if (request.method !== 'GET' && !isHead) {
    const res = textResponse(405, 'Metode tidak diizinkan.', false);
    res.headers.set('Allow', 'GET, HEAD');
    return res;
  }
  const filePath = resolveAppPath(request.url, rootDir);
  if (!filePath) return textResponse(404, 'Berkas tidak ditemukan.', isHead);
  let body: Uint8Array;
  try {
    body = await deps.readFile(filePath);
  } catch (err: unknown) {
    const code = (err as { code?: unknown } | null)?.code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return textResponse(404, 'Berkas tidak ditemukan.', isHead);
    return textResponse(500, 'Berkas tidak dapat dibaca.', isHead);
  }
  return new Response(isHead ? null : new Uint8Array(body), {
    status: 200,
    headers: {
      ...securityHeaders(),
      'Content-Type': mimeTypeFor(filePath),
      'Content-Length': String(body.byteLength),
    },
  });
}
