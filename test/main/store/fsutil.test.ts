import { describe, expect, it } from 'vitest';
import * as realFs from 'node:fs';
import { RENAME_RETRY_DELAYS_MS, type StoreFs, renameWithRetry, writeAll } from '../../../main/store/fsutil';

function failingRename(times: number, code: string): { fs: StoreFs; calls: () => number } {
  let calls = 0;
  const fs = {
    ...realFs,
    renameSync: () => {
      calls++;
      if (calls <= times) throw Object.assign(new Error(code), { code });
    },
  } as StoreFs;
  return { fs, calls: () => calls };
}

describe('renameWithRetry', () => {
  it.each(['EPERM', 'EBUSY', 'EACCES'])('on win32 retries %s with short sleeps', (code) => {
    const { fs, calls } = failingRename(3, code);
    const sleeps: number[] = [];
    renameWithRetry(fs, 'a', 'b', 'win32', (ms) => sleeps.push(ms));
    expect(calls()).toBe(4);
    expect(sleeps).toEqual(RENAME_RETRY_DELAYS_MS.slice(0, 3));
  });

  it('gives up after the last delay', () => {
    const { fs, calls } = failingRename(100, 'EBUSY');
    const sleeps: number[] = [];
    expect(() => renameWithRetry(fs, 'a', 'b', 'win32', (ms) => sleeps.push(ms))).toThrow('EBUSY');
    expect(calls()).toBe(RENAME_RETRY_DELAYS_MS.length + 1);
    expect(sleeps.reduce((x, y) => x + y, 0)).toBeLessThan(2000);
  });

  it('does not retry other errors or other platforms', () => {
    const a = failingRename(1, 'ENOENT');
    expect(() => renameWithRetry(a.fs, 'a', 'b', 'win32', () => {})).toThrow('ENOENT');
    const b = failingRename(1, 'EPERM');
    expect(() => renameWithRetry(b.fs, 'a', 'b', 'linux', () => {})).toThrow('EPERM');
    expect(a.calls() + b.calls()).toBe(2);
  });
});

describe('writeAll', () => {
  it('writes in pieces no larger than the chunk (Node refuses one write over 2 GiB) and handles short writes', () => {
    const lengths: number[] = [];
    const written: number[] = [];
    const fs = {
      ...realFs,
      writeSync: (_fd: number, buf: Uint8Array, offset: number, length: number, position: number) => {
        // a disk that takes at most 3 bytes at a time
        const n = Math.min(length, 3);
        lengths.push(length);
        for (let i = 0; i < n; i++) written[position + i] = buf[offset + i] ?? -1;
        return n;
      },
    } as unknown as StoreFs;
    writeAll(fs, 1, Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), 100, 4);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(4);
    expect(written.slice(100)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
});
