// Small pieces the simulator's modules share: its error type, canonical content hashes,
// counters and meta values in its own database, cursors.
import { createHash } from 'node:crypto';
import type { ReadApi, WriteTx } from '../store/types';
import type { Detail } from './document';

/** an HTTP error with a stable code and a Bahasa Indonesia message */
export class CentralError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Detail[] | undefined;
  constructor(status: number, code: string, message: string, details?: Detail[]) {
    super(message);
    this.name = 'CentralError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** JSON with object keys sorted and null members dropped: the content a record is compared by */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(normalise(value));
}

function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => (v === null ? null : normalise(v)));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v === null || v === undefined) continue;
      out[key] = normalise(v);
    }
    return out;
  }
  return value;
}

export function contentHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** the next value of a named counter, inside the caller's transaction */
export function nextNumber(tx: WriteTx, name: string): number {
  const row = tx.get<{ value: number }>('SELECT value FROM counters WHERE name = ?', [name]);
  const value = (row?.value ?? 0) + 1;
  tx.run('INSERT INTO counters (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value', [name, value]);
  return value;
}

export function getMeta(db: ReadApi, key: string): string | undefined {
  return db.get<{ value: string }>('SELECT value FROM meta WHERE key = ?', [key])?.value;
}

export function setMeta(tx: WriteTx, key: string, value: string): void {
  tx.run('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value', [key, value]);
}

/** opaque cursors: a high-water mark of one stream ('m' master, 'g' gateway, 'o' office) */
export function encodeCursor(stream: 'm' | 'g' | 'o', seq: number): string {
  return Buffer.from(`${stream}1:${seq}`).toString('base64url');
}

export function decodeCursor(stream: 'm' | 'g' | 'o', cursor: string | undefined): number {
  if (cursor === undefined || cursor === '') return 0;
  const text = /^[A-Za-z0-9_-]+$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const m = /^([mgo])1:(\d{1,15})$/.exec(text);
  if (!m || m[1] !== stream) {
    throw new CentralError(400, 'INVALID_CURSOR', 'Kursor tidak dikenal: pakai nextCursor dari halaman sebelumnya dari alamat yang sama, atau kosongkan untuk mulai dari awal.');
  }
  return Number(m[2]);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return Boolean(value) && typeof value === 'object' && !Array.isArray(value);
}
