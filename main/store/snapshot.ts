// Snapshots: the whole database as a plain SQLite file (`sqlite3 snapshot-….sqlite` opens it),
// plus a small JSON manifest with its size and crc32. The manifest is written last, so its rename
// is the commit point: a snapshot without a manifest was never finished and is ignored.
import { crc32 } from 'node:zlib';
import { constants as bufferConstants } from 'node:buffer';
import { join } from 'node:path';
import { type StoreFs, errCode, writeFileDurable } from './fsutil';
import { pad12 } from './journal';

export interface SnapshotManifest {
  /** the database holds every journal record up to and including this sequence number */
  seq: number;
  size: number;
  crc32: number;
  /** UTC ISO-8601, from the store's clock */
  createdAt: string;
  schemaVersion: number;
}

const SNAPSHOT_RE = /^snapshot-(\d{12})\.sqlite$/;
const MANIFEST_RE = /^snapshot-(\d{12})\.json$/;

export function snapshotFileName(seq: number): string {
  return `snapshot-${pad12(seq)}.sqlite`;
}
export function manifestFileName(seq: number): string {
  return `snapshot-${pad12(seq)}.json`;
}
export function parseSnapshotFileName(name: string): number | null {
  const m = SNAPSHOT_RE.exec(name);
  return m ? Number(m[1]) : null;
}
export function parseManifestFileName(name: string): number | null {
  const m = MANIFEST_RE.exec(name);
  return m ? Number(m[1]) : null;
}

/** Writes snapshot-<seq>.sqlite then its manifest, each atomically and durably, in that order. */
export function writeSnapshot(
  fs: StoreFs,
  dir: string,
  seq: number,
  bytes: Uint8Array,
  schemaVersion: number,
  createdAt: Date,
  platform: NodeJS.Platform,
  sleep?: (ms: number) => void,
): SnapshotManifest {
  const manifest: SnapshotManifest = {
    seq,
    size: bytes.length,
    crc32: crc32(bytes),
    createdAt: createdAt.toISOString(),
    schemaVersion,
  };
  writeFileDurable(fs, dir, snapshotFileName(seq), bytes, platform, sleep);
  writeFileDurable(fs, dir, manifestFileName(seq), Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), platform, sleep);
  return manifest;
}

export function parseManifest(text: string, expectedSeq: number): SnapshotManifest {
  const m: unknown = JSON.parse(text);
  if (typeof m !== 'object' || m === null) throw new Error('manifest bukan objek JSON');
  const { seq, size, crc32: crc, createdAt, schemaVersion } = m as Record<string, unknown>;
  const isUint = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
  if (!isUint(seq) || seq !== expectedSeq) throw new Error(`nomor urut di manifest (${String(seq)}) tidak sesuai nama berkas`);
  if (!isUint(size) || !isUint(crc) || !isUint(schemaVersion)) throw new Error('isian manifest tidak lengkap');
  if (typeof createdAt !== 'string' || Number.isNaN(Date.parse(createdAt))) throw new Error('createdAt di manifest tidak sah');
  return { seq, size, crc32: crc, createdAt, schemaVersion };
}

export type SnapshotRead =
  | { ok: true; manifest: SnapshotManifest; bytes: Buffer }
  | { ok: false; manifest: SnapshotManifest | null; reason: string };

/** Reads a snapshot and checks it against its manifest (size, then crc32 over every byte). */
export function readVerifiedSnapshot(fs: StoreFs, dir: string, seq: number): SnapshotRead {
  let manifest: SnapshotManifest;
  try {
    manifest = parseManifest(fs.readFileSync(join(dir, manifestFileName(seq)), 'utf8'), seq);
  } catch (err) {
    return { ok: false, manifest: null, reason: `manifest tidak terbaca: ${errorText(err)}` };
  }
  const path = join(dir, snapshotFileName(seq));
  let bytes: Buffer;
  try {
    // stat first: a wrong size is refused without reading a large file
    const size = fs.statSync(path).size;
    if (size !== manifest.size) return { ok: false, manifest, reason: `ukuran ${size} byte, manifest mencatat ${manifest.size}` };
    bytes = readWithHeadroom(fs, path, size);
  } catch (err) {
    return { ok: false, manifest, reason: errCode(err) === 'ENOENT' ? 'berkas snapshot tidak ada' : `tidak terbaca: ${errorText(err)}` };
  }
  if (bytes.length !== manifest.size) return { ok: false, manifest, reason: `ukuran ${bytes.length} byte, manifest mencatat ${manifest.size}` };
  const crc = crc32(bytes);
  if (crc !== manifest.crc32) return { ok: false, manifest, reason: `checksum (crc32) tidak cocok: ${crc} ≠ ${manifest.crc32}` };
  return { ok: true, manifest, bytes };
}

/**
 * Spare room allocated after a snapshot's bytes: sql.js keeps the database file in an in-memory
 * buffer and, when sqlite grows the file, copies the whole buffer into one 12.5 % larger. For a
 * 600 MB database that copy costs about half a second, paid by the first commit (or the replay)
 * that grows the file. Reading the snapshot into a buffer with room to spare lets sql.js use it in
 * place (see sqljs.ts withHeadroom). Untouched spare pages are never faulted in by the OS.
 */
/** the longest Buffer / Uint8Array this Node allows */
const MAX_BUFFER_BYTES = bufferConstants.MAX_LENGTH;

export function headroomFor(size: number): number {
  // never past the longest typed array (4 GiB in Node 20): sql.js's view over the whole buffer
  // must be one, and a database that big cannot grow inside sql.js anyway
  const room = Math.max(0, MAX_BUFFER_BYTES - size);
  return Math.min(room, 512 * 1024 * 1024, Math.max(1024 * 1024, Math.ceil(size / 4)));
}

/** Reads a file of known size into a Buffer view of exactly that size over a larger ArrayBuffer. */
function readWithHeadroom(fs: StoreFs, path: string, size: number): Buffer {
  const bytes = Buffer.from(new ArrayBuffer(size + headroomFor(size)), 0, size);
  const fd = fs.openSync(path, 'r');
  try {
    let done = 0;
    while (done < size) {
      const n = fs.readSync(fd, bytes, done, Math.min(size - done, 64 * 1024 * 1024), done);
      if (n <= 0) throw new Error(`berkas lebih pendek dari ${size} byte`);
      done += n;
    }
  } finally {
    fs.closeSync(fd);
  }
  return bytes;
}

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
