// Snapshots are loaded into a buffer with spare room so sql.js can grow the in-memory file
// without copying it (sqljs.ts withHeadroom). Check that it is really used in place, and that a
// database growing past the spare room stays correct.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { constants as bufferConstants } from 'node:buffer';
import { loadSqlJs, withHeadroom } from '../../../main/store/sqljs';
import { headroomFor } from '../../../main/store/snapshot';
import { openStore } from '../../../main/store/store';
import { makeTempDir, removeDir, simpleMigrations } from '../../helpers/store-fixtures';

let dir: string;
beforeEach(() => {
  dir = makeTempDir('store-headroom-');
});
afterEach(() => removeDir(dir));

it('sql.js writes into the spare capacity of the buffer it was given (no copy)', async () => {
  const SQL = await loadSqlJs();
  const src = new SQL.Database();
  src.exec('CREATE TABLE t (x BLOB)');
  const file = src.export();
  src.close();
  const ab = new ArrayBuffer(file.length + 1024 * 1024);
  const data = new Uint8Array(ab, 0, file.length);
  data.set(file);
  const db = new SQL.Database(withHeadroom(data));
  db.exec('PRAGMA journal_mode = MEMORY');
  db.run('INSERT INTO t VALUES (?)', [new Uint8Array(200_000).fill(7)]);
  // the new pages landed after the original end, inside our ArrayBuffer
  const tail = new Uint8Array(ab, file.length, 200_000);
  expect(tail.some((b) => b === 7)).toBe(true);
  expect(db.exec('PRAGMA integrity_check')[0]?.values[0]?.[0]).toBe('ok');
  db.close();
});

it('a store loaded from a snapshot grows past its spare room correctly', async () => {
  const s = await openStore({ dir, migrations: simpleMigrations });
  s.write((tx) => tx.run('INSERT INTO t (v) VALUES (?)', ['awal']));
  s.close();
  const r = await openStore({ dir, migrations: simpleMigrations }); // loaded with 1 MiB spare
  for (let i = 0; i < 40; i++) {
    r.write((tx) => tx.run('INSERT INTO t (v, b) VALUES (?, ?)', [`blok ${i}`, new Uint8Array(100_000).fill(i)]));
  }
  const check = (st: typeof r): void => {
    expect(st.get('PRAGMA integrity_check')).toEqual({ integrity_check: 'ok' });
    expect(st.get('SELECT count(*) AS n, sum(length(b)) AS bytes FROM t')).toEqual({ n: 41, bytes: 4_000_000 });
    expect(st.get<{ x: number }>('SELECT unicode(substr(b, 50000, 1)) AS x FROM t WHERE v = ?', ['blok 39'])?.x).toBe(39);
  };
  check(r);
  r.close(); // snapshot of the grown file
  const again = await openStore({ dir, migrations: simpleMigrations });
  expect(again.report.replayedRecords).toBe(0);
  check(again);
  again.close();
});

it('the spare room never takes a snapshot past the longest buffer Node allows', () => {
  const max = bufferConstants.MAX_LENGTH;
  expect(headroomFor(10 * 1024 * 1024)).toBe(1024 * 1024 * 2.5);
  expect(headroomFor(3 * 1024 * 1024 * 1024)).toBe(512 * 1024 * 1024);
  // a 3 597 MiB database (the counter benchmark's million payments) gets what is left below 4 GiB
  const big = 3597 * 1024 * 1024;
  expect(big + headroomFor(big)).toBe(max);
  expect(headroomFor(max)).toBe(0);
  expect(headroomFor(max + 1)).toBe(0);
});
