// One process per data folder: two stores appending to the same journal would corrupt it.
// The lock is a file created with O_EXCL holding the owner's pid and the machine's boot time. A
// lock left by a crash is taken over when its pid is gone or the machine has rebooted since (after
// a power cut the old pid may belong to some unrelated process).
import { hostname, uptime } from 'node:os';
import { join } from 'node:path';
import { type StoreFs, errCode } from './fsutil';
import { StoreOpenError } from './types';

export const LOCK_FILE = 'store.lock';

interface LockInfo {
  pid: number;
  host: string;
  /** ms since epoch, rounded: Date.now() - uptime */
  bootedAt: number;
  since: string;
}

function bootedAt(): number {
  return Math.round((Date.now() - uptime() * 1000) / 1000) * 1000;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to another user
    return errCode(err) === 'EPERM';
  }
}

function isStale(info: LockInfo | null): boolean {
  if (!info) return true; // unreadable or half-written lock: its writer died while creating it
  if (info.host !== hostname()) return false; // another machine (shared folder): cannot check, assume held
  if (info.pid === process.pid) return true; // our own, from a store that was dropped without close()
  if (Math.abs(info.bootedAt - bootedAt()) > 120_000) return true; // written before the last reboot
  return !isAlive(info.pid);
}

function readLock(fs: StoreFs, path: string): LockInfo | null {
  try {
    const v = JSON.parse(fs.readFileSync(path, 'utf8')) as Partial<LockInfo>;
    if (typeof v.pid !== 'number' || typeof v.host !== 'string' || typeof v.bootedAt !== 'number') return null;
    return { pid: v.pid, host: v.host, bootedAt: v.bootedAt, since: String(v.since ?? '') };
  } catch {
    return null;
  }
}

/** Takes the folder's lock or throws StoreOpenError('LOCKED'); returns the release function. */
export function acquireLock(fs: StoreFs, dir: string, now: () => Date): () => void {
  const path = join(dir, LOCK_FILE);
  const info: LockInfo = { pid: process.pid, host: hostname(), bootedAt: bootedAt(), since: now().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    let fd: number;
    try {
      fd = fs.openSync(path, 'wx');
    } catch (err) {
      if (errCode(err) !== 'EEXIST') throw err;
      const held = readLock(fs, path);
      if (attempt === 0 && isStale(held)) {
        try {
          fs.unlinkSync(path);
        } catch {
          // raced with someone else; the next attempt decides
        }
        continue;
      }
      throw new StoreOpenError(
        'LOCKED',
        `Folder data "${dir}" sedang dipakai oleh proses lain` +
          (held ? ` (pid ${held.pid} di ${held.host}, sejak ${held.since})` : '') +
          '. Tutup aplikasi E-Retribusi Loket yang lain lalu coba lagi. Bila yakin tidak ada yang berjalan, ' +
          `hapus berkas ${LOCK_FILE} di folder itu.`,
        { dir, holder: held },
      );
    }
    try {
      fs.writeSync(fd, JSON.stringify(info));
    } finally {
      fs.closeSync(fd);
    }
    return () => {
      try {
        if (readLock(fs, path)?.pid === process.pid) fs.unlinkSync(path);
      } catch {
        // nothing to release
      }
    };
  }
  // unreachable: the loop either returns or throws
  throw new StoreOpenError('LOCKED', `Folder data "${dir}" terkunci.`, { dir });
}
