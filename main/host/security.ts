// Pure checks of the browser host, tested with hostile inputs: the Host and Origin headers
// (against DNS rebinding), the per-run token, and static paths (against traversal).
import { timingSafeEqual } from 'node:crypto';
import { extname, join, normalize, sep } from 'node:path';

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost'];

/** Host must name this server exactly: 127.0.0.1:port or localhost:port. */
export function isAllowedHost(host: unknown, port: number): boolean {
  if (typeof host !== 'string') return false;
  return LOOPBACK_NAMES.some((name) => host === `${name}:${port}`);
}

/** Origin, when a browser sends one, must be this server's own. */
export function isAllowedOrigin(origin: unknown, port: number): boolean {
  if (origin === undefined) return true;
  if (typeof origin !== 'string') return false;
  return LOOPBACK_NAMES.some((name) => origin === `http://${name}:${port}`);
}

export function tokenMatches(given: unknown, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function mimeFor(file: string): string {
  return MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file under root that a request path names, or null when it would leave root or is
 * otherwise suspicious. '/' is index.html.
 */
export function resolveStaticPath(rawPath: unknown, root: string): string | null {
  if (typeof rawPath !== 'string' || !rawPath.startsWith('/')) return null;
  const pathOnly = rawPath.split('?')[0]?.split('#')[0] ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathOnly);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || decoded.split('/').some((part) => part === '..' || part === '.')) return null;
  const relative = decoded === '/' ? 'index.html' : decoded.slice(1);
  if (relative.startsWith('/') || /^[a-zA-Z]:/.test(relative)) return null;
  const full = normalize(join(root, relative));
  const rootNorm = normalize(root.endsWith(sep) ? root : root + sep);
  return full.startsWith(rootNorm) ? full : null;
}
