// The one IPC entry point (IPC.invoke): check who sent the message, check the message's
// shape, forward it to the backend, and always answer with an ApiResponse — a thrown error
// never crosses to the renderer (Electron would leak its message and stack). Pure: the
// Electron event is read through the small SenderEvent shape, so tests use plain objects.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Backend } from '../backend/types';
import { formatError, type ApiError, type ApiResponse, type ErrorCode } from '../../shared/errors';
import type { WireRequest } from '../../shared/wire';
import { isTrustedSender, type SenderInfo } from './security';

/** Limits far above any real call; they stop a runaway renderer from filling memory. */
export const WIRE_LIMITS = {
  opLength: 64,
  sessionLength: 256,
  depth: 32,
  nodes: 200_000,
  stringChars: 8_000_000,
} as const;

// Operation names as the contract spells them: 'auth.login', 'dashboard.counterToday'.
const OP_NAME = /^[a-z][a-zA-Z0-9]*(?:\.[a-z][a-zA-Z0-9]*)*$/;
// Session tokens are opaque printable ASCII (base64url today).
const SESSION_TOKEN = /^[\x21-\x7e]+$/;

// Names that would reach Object.prototype if a lookup table behind us forgot hasOwnProperty.
const PROTOTYPE_WORDS = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);
const isSafeOpName = (op: string): boolean => op.split('.').every((segment) => !PROTOTYPE_WORDS.has(segment));

const wireShape = z.strictObject({
  op: z.string().max(WIRE_LIMITS.opLength).regex(OP_NAME).refine(isSafeOpName),
  input: z.unknown().optional(),
  session: z.string().min(1).max(WIRE_LIMITS.sessionLength).regex(SESSION_TOKEN).nullable(),
});

function apiError(code: ErrorCode, params: Record<string, string> = {}): ApiError {
  return { code, message: formatError(code, params), params };
}

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * The input must be plain JSON data — what the browser host's HTTP transport can carry too —
 * so the two transports see identical requests. Structured clone would also let Dates, Maps,
 * typed arrays and cycles through; the zod schemas behind the router expect none of those.
 */
export function jsonDataProblem(value: unknown): string | null {
  let nodes = 0;
  let chars = 0;
  const walk = (v: unknown, depth: number, seen: Set<object>): string | null => {
    if (++nodes > WIRE_LIMITS.nodes) return 'data terlalu besar';
    if (depth > WIRE_LIMITS.depth) return 'data terlalu dalam';
    if (v === null || typeof v === 'boolean') return null;
    if (typeof v === 'string') {
      chars += v.length;
      return chars > WIRE_LIMITS.stringChars ? 'teks terlalu panjang' : null;
    }
    if (typeof v === 'number') return Number.isFinite(v) ? null : 'angka tidak valid';
    if (typeof v !== 'object') return `jenis data ${typeof v} tidak didukung`;
    if (seen.has(v)) return 'data melingkar';
    seen.add(v);
    try {
      if (Array.isArray(v)) {
        for (const item of v) {
          const problem = walk(item, depth + 1, seen);
          if (problem) return problem;
        }
        return null;
      }
      if (!isPlainObject(v)) return 'hanya objek JSON biasa yang diterima';
      for (const key of Object.keys(v)) {
        if (key === '__proto__') return 'kunci __proto__ tidak diterima';
        chars += key.length;
        const problem = walk((v as Record<string, unknown>)[key], depth + 1, seen);
        if (problem) return problem;
      }
      return null;
    } finally {
      seen.delete(v);
    }
  };
  return walk(value, 0, new Set());
}

export type WireValidation = { ok: true; request: WireRequest } | { ok: false; error: ApiError };

/** Checks the envelope only; the router validates `input` against the operation's own schema. */
export function validateWireRequest(raw: unknown): WireValidation {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || !isPlainObject(raw)) {
    return { ok: false, error: apiError('BAD_REQUEST', { detail: 'permintaan harus berupa objek' }) };
  }
  const parsed = wireShape.safeParse(raw);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join('.') || 'permintaan');
    const detail = `bidang ${[...new Set(fields)].join(', ')} tidak sesuai`;
    return { ok: false, error: apiError('BAD_REQUEST', { detail }) };
  }
  const input: unknown = parsed.data.input;
  const problem = input === undefined ? null : jsonDataProblem(input);
  if (problem) return { ok: false, error: apiError('INVALID_INPUT', { detail: problem }) };
  return { ok: true, request: { op: parsed.data.op, input, session: parsed.data.session } };
}

/** The parts of Electron's IpcMainInvokeEvent this module reads. */
interface FrameLike {
  readonly url: string;
  readonly parent: unknown;
  readonly processId: number;
  readonly routingId: number;
}
export interface SenderEvent {
  readonly sender: { readonly id: number; readonly mainFrame: FrameLike };
  readonly senderFrame: FrameLike | null;
}

/** Reads the sender of an IPC message; null when the frame is gone or anything looks off. */
export function senderInfoOf(event: SenderEvent): SenderInfo | null {
  try {
    const frame = event.senderFrame;
    if (!frame) return null;
    const main = event.sender.mainFrame;
    return {
      webContentsId: event.sender.id,
      url: frame.url,
      isMainFrame: frame.parent === null && frame.processId === main.processId && frame.routingId === main.routingId,
    };
  } catch {
    // a destroyed frame throws on property access
    return null;
  }
}

export interface InvokeDeps {
  /** resolves when the backend is up; rejects when it failed to start */
  backend: () => Promise<Backend>;
  /** webContents ids of our own windows, read at every call */
  windowIds: () => ReadonlySet<number>;
  log: (line: string) => void;
  /** reference printed in INTERNAL errors so a log line can be found from a screenshot */
  makeRef?: () => string;
}

function defaultRef(): string {
  return randomBytes(4).toString('hex');
}

/** Builds the ipcMain.handle(IPC.invoke, …) handler. It never throws and never rejects. */
export function createInvokeHandler(deps: InvokeDeps): (event: SenderEvent, raw: unknown) => Promise<ApiResponse<unknown>> {
  const makeRef = deps.makeRef ?? defaultRef;
  return async (event, raw) => {
    const info = senderInfoOf(event);
    if (!isTrustedSender(info, deps.windowIds())) {
      deps.log(`IPC ditolak: pengirim tidak dikenal (${info ? info.url.slice(0, 200) : 'frame tidak ada'})`);
      return { ok: false, error: apiError('BAD_REQUEST', { detail: 'pengirim tidak dikenal' }) };
    }
    const checked = validateWireRequest(raw);
    if (!checked.ok) return { ok: false, error: checked.error };

    let backend: Backend;
    try {
      backend = await deps.backend();
    } catch {
      return { ok: false, error: apiError('BACKEND_UNAVAILABLE') };
    }
    try {
      return await backend.call(checked.request, 'ipc');
    } catch (err: unknown) {
      const ref = makeRef();
      deps.log(`IPC ${checked.request.op} gagal (ref ${ref}): ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      return { ok: false, error: apiError('INTERNAL', { ref }) };
    }
  };
}
