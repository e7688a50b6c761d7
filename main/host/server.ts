// The browser host: the same renderer and the same operations over HTTP on 127.0.0.1, for the
// end-to-end tests and for machines without the Electron binary. Loopback only, a random
// per-run token on every call, and Host/Origin must be its own (DNS rebinding).
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { AppError, type ApiResponse } from '../../shared/errors';
import { HOST, RENDERER_CSP, type WireRequest } from '../../shared/wire';
import type { Backend } from '../backend/types';
import { isAllowedHost, isAllowedOrigin, mimeFor, resolveStaticPath, tokenMatches } from './security';

export const MAX_BODY_BYTES = 12 * 1024 * 1024;

export interface HostOptions {
  backend: Backend;
  /** folder of the built renderer (dist/renderer) */
  rendererDir: string;
  port: number;
  /** fixed token for tests; random otherwise */
  token?: string;
  log?: (line: string) => void;
}

export interface RunningHost {
  port: number;
  token: string;
  /** the address to open: the token travels in the fragment, which browsers never send */
  url: string;
  server: Server;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'content-security-policy': RENDERER_CSP,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
} as const;

function sendJson(res: ServerResponse, status: number, body: ApiResponse<unknown>): void {
  const data = Buffer.from(JSON.stringify(body));
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': data.length });
  res.end(data);
}

function refuse(res: ServerResponse, status: number, error: AppError): void {
  sendJson(res, status, { ok: false, error: error.toApiError() });
}

function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** checks the shape of a request body before it reaches the router */
export function parseWireRequest(body: unknown): WireRequest | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const { op, input, session } = body as Record<string, unknown>;
  if (typeof op !== 'string' || op.length === 0 || op.length > 64) return null;
  if (session !== null && session !== undefined && typeof session !== 'string') return null;
  return { op, input: input ?? {}, session: typeof session === 'string' ? session : null };
}

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const log = options.log ?? (() => {});
  let port = 0;

  const handleApi = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST') return refuse(res, 405, new AppError('BAD_REQUEST', { detail: 'gunakan POST' }));
    if (!tokenMatches(req.headers[HOST.tokenHeader], token)) return refuse(res, 401, new AppError('HOST_TOKEN'));
    const type = req.headers['content-type'] ?? '';
    if (!type.startsWith('application/json')) return refuse(res, 415, new AppError('BAD_REQUEST', { detail: 'isi harus JSON' }));
    const raw = await readBody(req);
    if (raw === null) return refuse(res, 413, new AppError('BAD_REQUEST', { detail: 'isi permintaan terlalu besar' }));
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      return refuse(res, 400, new AppError('BAD_REQUEST', { detail: 'JSON tidak dapat dibaca' }));
    }
    const request = parseWireRequest(body);
    if (!request) return refuse(res, 400, new AppError('BAD_REQUEST', { detail: 'bentuk permintaan salah' }));
    const response = await options.backend.call(request, 'http');
    sendJson(res, 200, response);
  };

  const handleStatic = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, SECURITY_HEADERS).end();
      return;
    }
    let file = resolveStaticPath(req.url, options.rendererDir);
    if (file) {
      const info = await stat(file).catch(() => null);
      if (!info?.isFile()) file = info === null && !/\.[a-z0-9]+$/i.test(req.url ?? '') ? resolveStaticPath('/', options.rendererDir) : null;
    }
    if (!file) {
      res.writeHead(404, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' }).end('Tidak ditemukan');
      return;
    }
    const data = await readFile(file);
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': mimeFor(file),
      'content-length': data.length,
      'cache-control': file.endsWith('index.html') ? 'no-store' : 'public, max-age=3600',
    });
    res.end(req.method === 'HEAD' ? undefined : data);
  };

  const server = createServer((req, res) => {
    if (!isAllowedHost(req.headers.host, port) || !isAllowedOrigin(req.headers.origin, port)) {
      res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' }).end('Host atau Origin tidak diizinkan');
      return;
    }
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const work = path === HOST.invokePath ? handleApi(req, res) : handleStatic(req, res);
    work.catch((err: unknown) => {
      log(`[host] ${req.method} ${path} gagal: ${err instanceof Error ? err.message : String(err)}`);
      if (!res.headersSent) refuse(res, 500, new AppError('INTERNAL', { ref: 'host' }));
      else res.destroy();
    });
  });
  // keep idle connections longer than any client keeps them (undici: 4 s), so a request sent on a
  // reused connection never meets the server closing it (UND_ERR_SOCKET "other side closed")
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 70_000;
  server.requestTimeout = 120_000;

  const listen = (p: number) =>
    new Promise<void>((resolve, reject) => {
      const onError = (err: Error) => {
        server.off('listening', onListening);
        reject(err);
      };
      const onListening = () => {
        server.off('error', onError);
        resolve();
      };
      server.once('error', onError);
      server.once('listening', onListening);
      server.listen(p, '127.0.0.1');
    });
  try {
    await listen(options.port);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE' || options.port === 0) throw err;
    log(`[host] port ${options.port} sudah dipakai; memakai port lain`);
    await listen(0);
  }
  port = (server.address() as AddressInfo).port;
  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/#${HOST.tokenFragment}=${token}`,
    server,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
