// The snapshot is a plain SQLite file: Debian's sqlite3 CLI (a different build than sql.js) reads it.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '../../../main/store/store';
import { makeTempDir, removeDir, simpleMigrations } from '../../helpers/store-fixtures';

const CLI = '/usr/bin/sqlite3';
let dir: string;
beforeEach(() => {
  dir = makeTempDir('store-cli-');
});
afterEach(() => removeDir(dir));

it.skipIf(!existsSync(CLI))('sqlite3 CLI opens a snapshot, integrity ok, rows present', async () => {
  const s = await openStore({ dir, migrations: simpleMigrations });
  s.write((tx) => {
    for (let i = 0; i < 500; i++) tx.run('INSERT INTO t (v, b) VALUES (?, ?)', [`baris ${i}`, new Uint8Array([i & 255, 1, 2])]);
  });
  const seq = s.lastSeq;
  s.close();
  const file = join(dir, `snapshot-${String(seq).padStart(12, '0')}.sqlite`);
  const out = execFileSync(CLI, [file, 'PRAGMA integrity_check; SELECT count(*) FROM t; PRAGMA user_version; SELECT v FROM t WHERE id = 500'], {
    encoding: 'utf8',
  });
  expect(out.trim().split('\n')).toEqual(['ok', '500', '1', 'baris 499']);
});
