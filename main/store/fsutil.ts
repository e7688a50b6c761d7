// File-system primitives for durable writes. Everything goes through a `StoreFs` (the subset of
// node:fs the store uses) so tests can inject faults: a rename that fails like Windows does while
// an antivirus holds the file, an fsync that fails, a full disk.
import * as nodeFs from 'node:fs';
import { join } from 'node:path';

export type StoreFs = Pick<
  typeof nodeFs,
  | 'openSync'
  | 'closeSync'
  | 'readSync'
  | 'writeSync'
  | 'fsyncSync'
  | 'fdatasyncSync'
  | 'ftruncateSync'
  | 'fstatSync'
  | 'renameSync'
  | 'unlinkSync'
  | 'readdirSync'
  | 'readFileSync'
  | 'statSync'
  | 'mkdirSync'
  | 'existsSync'
>;

export const defaultFs: StoreFs = nodeFs;

/** Blocks the thread for ms milliseconds (the store API is synchronous by design). */
export function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Error codes with which Windows refuses a rename while another process (antivirus, indexer) has the file open. */
const TRANSIENT_RENAME_CODES = new Set(['EPERM', 'EBUSY', 'EACCES']);
/** Waits between rename attempts on Windows: about 1.5 s in total before giving up. */
export const RENAME_RETRY_DELAYS_MS = [10, 20, 50, 100, 200, 400, 700] as const;

export function errCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : undefined;
}

/** rename(), retried briefly on Windows where a scanner holding the file makes it fail for a moment. */
export function renameWithRetry(
  fs: StoreFs,
  from: string,
  to: string,
  platform: NodeJS.Platform,
  sleep: (ms: number) => void = sleepSync,
): void {
  for (let attempt = 0; ; attempt++) {
    try {
      fs.renameSync(from, to);
      return;
    } catch (err) {
      const delay = RENAME_RETRY_DELAYS_MS[attempt];
      if (platform !== 'win32' || delay === undefined || !TRANSIENT_RENAME_CODES.has(errCode(err) ?? '')) throw err;
      sleep(delay);
    }
  }
}

const DIR_FSYNC_UNSUPPORTED = new Set(['EINVAL', 'ENOTSUP', 'EISDIR']);

/**
 * Makes a rename/create/unlink in `dir` durable. Windows cannot open a folder for fsync (and NTFS
 * journals metadata itself), so it is skipped there only.
 */
export function fsyncDir(fs: StoreFs, dir: string, platform: NodeJS.Platform): void {
  if (platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } catch (err) {
    // some file systems (certain network and FUSE mounts) do not support fsync on a directory
    if (!DIR_FSYNC_UNSUPPORTED.has(errCode(err) ?? '')) throw err;
  } finally {
    fs.closeSync(fd);
  }
}

/** Writes all of buf at position (writeSync may write less than asked). */
export function writeAll(fs: StoreFs, fd: number, buf: Uint8Array, position: number, chunk = 1024 * 1024 * 1024): void {
  // at most 1 GiB per call: Node refuses a single write over 2 GiB (ERR_OUT_OF_RANGE)
  let done = 0;
  while (done < buf.length) {
    const n = fs.writeSync(fd, buf, done, Math.min(chunk, buf.length - done), position + done);
    if (n <= 0) throw new Error('writeSync menulis 0 byte');
    done += n;
  }
}

/**
 * Atomically replaces dir/name with data: temp file in the same folder → fsync → rename → fsync the
 * folder. After it returns the new content survives a power cut; a crash before leaves the old
 * file (and maybe a stray .tmp, cleaned on the next open).
 */
export function writeFileDurable(
  fs: StoreFs,
  dir: string,
  name: string,
  data: Uint8Array,
  platform: NodeJS.Platform,
  sleep?: (ms: number) => void,
): void {
  const tmp = join(dir, `${name}.tmp`);
  try {
    const fd = fs.openSync(tmp, 'w');
    try {
      writeAll(fs, fd, data, 0);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    renameWithRetry(fs, tmp, join(dir, name), platform, sleep);
  } catch (err) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      // the temp file may not exist; the original error is what matters
    }
    throw err;
  }
  fsyncDir(fs, dir, platform);
}
