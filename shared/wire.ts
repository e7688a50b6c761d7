// The one request shape both transports carry (Electron IPC and the browser host's HTTP).
import type { ApiResponse } from './errors';

export interface WireRequest {
  op: string;
  input: unknown;
  /** the login session token, null before login */
  session: string | null;
}

/** A document to print silently in Electron: a standalone HTML page and its paper. */
export interface PrintRequest {
  /** receipts go to the receipt printer, reports to the report printer */
  kind: 'receipt' | 'report';
  paper: '58mm' | '80mm' | 'a4';
  /** a standalone page (the renderer's print layout), no scripts */
  html: string;
}

export type PrintOutcome = { ok: true } | { ok: false; reason: string };

/** The bridge the preload exposes as `window.loket` (and the browser host client imitates). */
export interface LoketBridge {
  invoke(request: WireRequest): Promise<ApiResponse<unknown>>;
  /** Electron only: print silently to the configured printer with an explicit page size */
  print?(request: PrintRequest): Promise<PrintOutcome>;
  /** which transport carries the calls */
  readonly transport: 'ipc' | 'http';
}

/** IPC channel names, all in one place. */
export const IPC = {
  invoke: 'loket:invoke',
  print: 'loket:print',
} as const;

/** Browser host HTTP details. */
export const HOST = {
  invokePath: '/api/invoke',
  tokenHeader: 'x-loket-host-token',
  /** the renderer finds the per-run token in the URL fragment (#token=…), which is never sent to the server */
  tokenFragment: 'token',
} as const;

/**
 * The Content-Security-Policy of the renderer, the same under both transports.
 * Styles allow 'unsafe-inline' because the chart library injects style elements; scripts never.
 */
export const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
