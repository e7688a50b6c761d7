// Small helpers for the store tests: temp folders, a tiny schema, byte-level damage.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Migration } from '../../main/store/types';

export function makeTempDir(prefix = 'store-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export const simpleMigrations: Migration[] = [
  { version: 1, name: 'tabel t', up: (tx) => void tx.run('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT, b BLOB)') },
];

/** XORs one byte of a file (offset may be negative: counted from the end). */
export function flipByte(file: string, offset: number): void {
  const buf = readFileSync(file);
  const at = offset < 0 ? buf.length + offset : offset;
  buf[at] = (buf[at] ?? 0) ^ 0xff;
  writeFileSync(file, buf);
}

export function listDir(dir: string): string[] {
  return readdirSync(dir).sort();
}

export function filesMatching(dir: string, re: RegExp): string[] {
  return listDir(dir).filter((f) => re.test(f));
}
