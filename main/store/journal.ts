// The journal: an append-only file of committed transactions, one record per write().
//
// Record layout (little-endian):
//   [magic "ERJ1" 4][seq u64 8][payload length u32 4][crc32 u32 4][payload]
// The crc covers seq, length and payload (bytes 4..16 and the payload), so a torn or bit-flipped
// record is detected whatever part of it is damaged. The payload is UTF-8 JSON:
//   [{"sql": "...", "params": [1, "x", null, {"$b64": "..."}]}, ...]
// A record is written with one write of one buffer and then fdatasync'd before write() returns.
import { crc32 } from 'node:zlib';
import { join } from 'node:path';
import type { SqlValue } from './types';
import { type StoreFs, fsyncDir, writeAll } from './fsutil';

export const JOURNAL_MAGIC = Buffer.from('ERJ1', 'latin1');
export const RECORD_HEADER_BYTES = 20;
/** A payload longer than this is treated as a damaged length field (no transaction is that big). */
export const MAX_PAYLOAD_BYTES = 512 * 1024 * 1024;

export interface JournalStatement {
  sql: string;
  params: SqlValue[];
}

const JOURNAL_RE = /^journal-(\d{12})\.log$/;

export function pad12(n: number): string {
  return String(n).padStart(12, '0');
}

export function journalFileName(startSeq: number): string {
  return `journal-${pad12(startSeq)}.log`;
}

export function parseJournalFileName(name: string): number | null {
  const m = JOURNAL_RE.exec(name);
  return m ? Number(m[1]) : null;
}

/** JSON text of one statement; done when the statement runs, so later mutation of a param cannot change the record. */
const sqlJsonCache = new Map<string, string>();
export function encodeStatement(sql: string, params: readonly SqlValue[]): string {
  let sqlJson = sqlJsonCache.get(sql);
  if (sqlJson === undefined) {
    sqlJson = JSON.stringify(sql);
    if (sqlJsonCache.size >= 1024) sqlJsonCache.clear();
    sqlJsonCache.set(sql, sqlJson);
  }
  let binary = false;
  for (let i = 0; i < params.length; i++) if (params[i] instanceof Uint8Array) binary = true;
  // no blobs: one JSON.stringify of the array (V8's fast path) gives the same text
  if (!binary) return `{"sql":${sqlJson},"params":${JSON.stringify(params)}}`;
  let p = '';
  for (let i = 0; i < params.length; i++) {
    const v = params[i] as SqlValue;
    if (i) p += ',';
    p += v instanceof Uint8Array ? `{"$b64":"${Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64')}"}` : JSON.stringify(v);
  }
  return `{"sql":${sqlJson},"params":[${p}]}`;
}

export function encodeRecord(seq: number, statementsJson: readonly string[]): Buffer {
  const json = `[${statementsJson.join(',')}]`;
  const len = Buffer.byteLength(json, 'utf8');
  const buf = Buffer.allocUnsafe(RECORD_HEADER_BYTES + len);
  JOURNAL_MAGIC.copy(buf, 0);
  buf.writeUInt32LE(seq % 0x1_0000_0000, 4);
  buf.writeUInt32LE(Math.floor(seq / 0x1_0000_0000), 8);
  buf.writeUInt32LE(len, 12);
  buf.write(json, RECORD_HEADER_BYTES, len, 'utf8');
  buf.writeUInt32LE(recordCrc(buf, 0, len), 16);
  return buf;
}

function recordCrc(buf: Buffer, offset: number, payloadLength: number): number {
  const head = crc32(buf.subarray(offset + 4, offset + 16));
  const start = offset + RECORD_HEADER_BYTES;
  return crc32(buf.subarray(start, start + payloadLength), head);
}

export function decodePayload(payload: Buffer): JournalStatement[] {
  const parsed: unknown = JSON.parse(payload.toString('utf8'));
  if (!Array.isArray(parsed)) throw new Error('isi rekaman jurnal bukan larik');
  return parsed.map((s: unknown) => {
    if (typeof s !== 'object' || s === null) throw new Error('perintah jurnal rusak');
    const { sql, params } = s as { sql?: unknown; params?: unknown };
    if (typeof sql !== 'string' || !Array.isArray(params)) throw new Error('perintah jurnal rusak');
    return { sql, params: params.map(reviveParam) };
  });
}

function reviveParam(v: unknown): SqlValue {
  if (v === null || typeof v === 'string' || typeof v === 'number') return v;
  if (typeof v === 'object' && typeof (v as { $b64?: unknown }).$b64 === 'string') {
    const b = Buffer.from((v as { $b64: string }).$b64, 'base64');
    return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  }
  throw new Error('parameter jurnal rusak');
}

export interface JournalRecord {
  seq: number;
  /** byte offset of the record header in the file */
  offset: number;
  /** header + payload */
  bytes: number;
  payload: Buffer;
}

export interface JournalScan {
  records: JournalRecord[];
  /** offset just after the last good record */
  end: number;
  /** the first bad spot (torn or corrupt record); null when the file ends cleanly */
  bad: null | { offset: number; reason: string };
}

type RecordCheck = { ok: true; seq: number; bytes: number } | { ok: false; reason: string };

function checkRecordAt(buf: Buffer, off: number): RecordCheck {
  const remaining = buf.length - off;
  if (remaining < RECORD_HEADER_BYTES) return { ok: false, reason: `kepala rekaman terpotong (${remaining} dari ${RECORD_HEADER_BYTES} byte)` };
  if (buf.compare(JOURNAL_MAGIC, 0, 4, off, off + 4) !== 0) return { ok: false, reason: 'penanda rekaman (magic) salah' };
  const seq = buf.readUInt32LE(off + 4) + buf.readUInt32LE(off + 8) * 0x1_0000_0000;
  const len = buf.readUInt32LE(off + 12);
  if (len > MAX_PAYLOAD_BYTES) return { ok: false, reason: `panjang rekaman tidak masuk akal (${len})` };
  if (remaining < RECORD_HEADER_BYTES + len) return { ok: false, reason: `rekaman terpotong (${remaining} dari ${RECORD_HEADER_BYTES + len} byte)` };
  if (recordCrc(buf, off, len) !== buf.readUInt32LE(off + 16)) return { ok: false, reason: 'checksum (crc32) rekaman tidak cocok' };
  return { ok: true, seq, bytes: RECORD_HEADER_BYTES + len };
}

/** Reads records from the start of buf until the end or the first damaged record. */
export function scanJournal(buf: Buffer): JournalScan {
  const records: JournalRecord[] = [];
  let off = 0;
  while (off < buf.length) {
    const c = checkRecordAt(buf, off);
    if (!c.ok) return { records, end: off, bad: { offset: off, reason: c.reason } };
    const prev = records[records.length - 1];
    if (prev && c.seq !== prev.seq + 1) {
      return { records, end: off, bad: { offset: off, reason: `nomor urut melompat (${prev.seq} lalu ${c.seq})` } };
    }
    records.push({ seq: c.seq, offset: off, bytes: c.bytes, payload: buf.subarray(off + RECORD_HEADER_BYTES, off + c.bytes) });
    off += c.bytes;
  }
  return { records, end: off, bad: null };
}

/**
 * True when an intact record with seq > afterSeq exists somewhere after `from`. A torn tail never
 * has one (it is the last thing written); damage in the middle of the file does, and then cutting
 * the file there would throw away acknowledged transactions.
 */
export function hasIntactRecordAfter(buf: Buffer, from: number, afterSeq: number): boolean {
  let at = buf.indexOf(JOURNAL_MAGIC, from + 1);
  while (at >= 0) {
    const c = checkRecordAt(buf, at);
    if (c.ok && c.seq > afterSeq) return true;
    at = buf.indexOf(JOURNAL_MAGIC, at + 1);
  }
  return false;
}

/** The open journal file that new records are appended to. The fd stays open for the store's life. */
export interface JournalWriter {
  readonly file: string;
  readonly startSeq: number;
  /** bytes of intact records in the file */
  readonly size: number;
  /** Appends buf and fdatasyncs. On failure the file may hold part of buf: call truncate(oldSize). */
  append(buf: Buffer): void;
  /** Cuts the file back to size and makes that durable. */
  truncate(size: number): void;
  close(): void;
}

/**
 * Opens dir/journal-<startSeq>.log for appending. `existingSize` null creates (or empties) the file
 * and fsyncs the folder so the new file itself survives a power cut before its first record is
 * acknowledged; a number continues an existing file at that offset (its intact end).
 */
export function openJournalWriter(
  fs: StoreFs,
  dir: string,
  startSeq: number,
  existingSize: number | null,
  platform: NodeJS.Platform,
): JournalWriter {
  const file = journalFileName(startSeq);
  const path = join(dir, file);
  const fd = fs.openSync(path, existingSize === null ? 'w' : 'r+');
  let size = existingSize ?? 0;
  try {
    if (existingSize === null) fsyncDir(fs, dir, platform);
    else if (fs.fstatSync(fd).size !== existingSize) {
      fs.ftruncateSync(fd, existingSize);
      fs.fdatasyncSync(fd);
    }
  } catch (err) {
    fs.closeSync(fd);
    throw err;
  }
  let closed = false;
  return {
    file,
    startSeq,
    get size() {
      return size;
    },
    append(buf) {
      writeAll(fs, fd, buf, size);
      fs.fdatasyncSync(fd);
      size += buf.length;
    },
    truncate(to) {
      fs.ftruncateSync(fd, to);
      fs.fdatasyncSync(fd);
      size = to;
    },
    close() {
      if (closed) return;
      closed = true;
      fs.closeSync(fd);
    },
  };
}
