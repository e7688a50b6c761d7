import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as realFs from 'node:fs';
import { hostname, uptime } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../../main/store/store';
import { type Migration, type Store, type StoreOptions, StoreError, StoreOpenError } from '../../../main/store/types';
import type { StoreFs } from '../../../main/store/fsutil';
import { filesMatching, listDir, makeTempDir, removeDir, simpleMigrations } from '../../helpers/store-fixtures';

let dir: string;
const open: Store[] = [];

async function openT(extra: Partial<StoreOptions> = {}): Promise<Store> {
  const s = await openStore({ dir, migrations: simpleMigrations, onWarning: () => {}, ...extra });
  open.push(s);
  return s;
}

function count(s: Store): number {
  return s.get<{ n: number }>('SELECT count(*) AS n FROM t')?.n ?? -1;
}

function errorOf(fn: () => unknown): StoreError {
  try {
    fn();
  } catch (err) {
    if (err instanceof StoreError) return err;
    throw err;
  }
  throw new Error('expected a StoreError');
}

beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => {
  for (const s of open.splice(0)) {
    try {
      s.close({ snapshot: false });
    } catch {
      // already closed or poisoned
    }
  }
  removeDir(dir);
});

describe('write and read', () => {
  it('commits, reads back, returns fn result and changes', async () => {
    const s = await openT();
    expect(s.report.isNew).toBe(true);
    expect(s.report.migrationsApplied).toEqual([1]);
    expect(s.schemaVersion).toBe(1);
    const blob = new Uint8Array([0, 1, 2, 255]);
    const out = s.write((tx) => {
      const a = tx.run('INSERT INTO t (v, b) VALUES (?, ?)', ['satu', blob]);
      tx.run('INSERT INTO t (v) VALUES (?)', ['dua']);
      const c = tx.run('UPDATE t SET v = v || ?', ['!']);
      return { a: a.changes, c: c.changes, inside: tx.get<{ n: number }>('SELECT count(*) AS n FROM t')?.n };
    });
    expect(out).toEqual({ a: 1, c: 2, inside: 2 });
    expect(s.all('SELECT id, v FROM t ORDER BY id')).toEqual([
      { id: 1, v: 'satu!' },
      { id: 2, v: 'dua!' },
    ]);
    const row = s.get<{ b: Uint8Array }>('SELECT b FROM t WHERE id = ?', [1]);
    expect(Array.from(row?.b ?? [])).toEqual([0, 1, 2, 255]);
    expect(s.get('SELECT * FROM t WHERE id = ?', [99])).toBeUndefined();
    expect(s.lastSeq).toBe(2); // 1 = migration
  });

  it('a write with only reads uses no sequence number', async () => {
    const s = await openT();
    const before = s.lastSeq;
    expect(s.write((tx) => tx.all('SELECT * FROM t'))).toEqual([]);
    expect(s.lastSeq).toBe(before);
  });

  it('rolls back everything when fn throws, and journals nothing', async () => {
    const s = await openT();
    s.write((tx) => tx.run('INSERT INTO t (v) VALUES (?)', ['tetap']));
    const journal = join(dir, filesMatching(dir, /^journal-/).at(-1) as string);
    const size = statSync(journal).size;
    const seq = s.lastSeq;
    expect(() =>
      s.write((tx) => {
        tx.run('INSERT INTO t (v) VALUES (?)', ['batal']);
        throw new Error('gagal di tengah');
      }),
    ).toThrow('gagal di tengah');
    expect(count(s)).toBe(1);
    expect(s.lastSeq).toBe(seq);
    expect(statSync(journal).size).toBe(size);
  });

  it('rolls back the whole write when a statement failed even if fn caught it', async () => {
    const s = await openT();
    s.write((tx) => tx.run('INSERT INTO t (id, v) VALUES (1, ?)', ['a']));
    const err = errorOf(() =>
      s.write((tx) => {
        tx.run('INSERT INTO t (v) VALUES (?)', ['b']);
        try {
          tx.run('INSERT INTO t (id, v) VALUES (1, ?)', ['duplikat']);
        } catch {
          // swallowed by the caller
        }
      }),
    );
    expect(err.code).toBe('STATEMENT_FAILED');
    expect(count(s)).toBe(1);
  });

  it('refuses an async fn', async () => {
    const s = await openT();
    const err = errorOf(() => s.write(async (tx) => tx.run('INSERT INTO t (v) VALUES (?)', ['x'])));
    expect(err.code).toBe('ASYNC_WRITE');
    expect(count(s)).toBe(0);
  });

  it('refuses a nested write and keeps the outer one usable', async () => {
    const s = await openT();
    let inner: StoreError | null = null;
    s.write((tx) => {
      tx.run('INSERT INTO t (v) VALUES (?)', ['luar']);
      inner = errorOf(() => s.write((t2) => t2.run('INSERT INTO t (v) VALUES (?)', ['dalam'])));
    });
    expect((inner as StoreError | null)?.code).toBe('NESTED_WRITE');
    expect(s.all('SELECT v FROM t')).toEqual([{ v: 'luar' }]);
  });

  it('a tx used after its write ended is refused', async () => {
    const s = await openT();
    let kept: Parameters<Parameters<Store['write']>[0]>[0] | null = null;
    s.write((tx) => {
      kept = tx;
    });
    expect(errorOf(() => kept?.run('INSERT INTO t (v) VALUES (?)', ['x'])).code).toBe('TX_FINISHED');
  });
});

describe('guards', () => {
  const bad = [
    "INSERT INTO t (v) VALUES (datetime('now'))",
    "INSERT INTO t (v) VALUES (date('NOW'))",
    'INSERT INTO t (v) VALUES (datetime())',
    "INSERT INTO t (v) VALUES (strftime('%s'))",
    "INSERT INTO t (v) VALUES (strftime('%Y', 'now'))",
    "INSERT INTO t (v) VALUES (datetime('2025-01-01', 'localtime'))",
    'INSERT INTO t (v) VALUES (CURRENT_TIMESTAMP)',
    'INSERT INTO t (v) VALUES (current_date)',
    'INSERT INTO t (v) VALUES (CURRENT_TIME)',
    'INSERT INTO t (v) VALUES (random())',
    'INSERT INTO t (v) VALUES (hex(randomblob(16)))',
    'CREATE TABLE u (x TEXT DEFAULT CURRENT_TIMESTAMP)',
    "CREATE TRIGGER tr AFTER INSERT ON t BEGIN UPDATE t SET v = datetime('now') WHERE id = new.id; END",
  ];
  it.each(bad)('refuses non-deterministic SQL before running anything: %s', async (sql) => {
    const s = await openT();
    const err = errorOf(() =>
      s.write((tx) => {
        tx.run('INSERT INTO t (v) VALUES (?)', ['sebelum']);
        tx.run(sql);
      }),
    );
    expect(err.code).toBe('NONDETERMINISTIC_SQL');
    expect(err.message).toMatch(/tidak boleh memakai/);
    expect(count(s)).toBe(0);
  });

  it('refuses a clock word passed as a parameter to a date function', async () => {
    const s = await openT();
    expect(errorOf(() => s.write((tx) => tx.run('INSERT INTO t (v) VALUES (datetime(?))', ['now']))).code).toBe('NONDETERMINISTIC_SQL');
  });

  it('accepts deterministic SQL that merely mentions those words', async () => {
    const s = await openT();
    s.write((tx) => {
      tx.run("INSERT INTO t (v) VALUES ('now')"); // a string, not a date function
      tx.run('INSERT INTO t (v) VALUES (?)', ['random()']);
      tx.run('INSERT INTO t (v) VALUES (datetime(?)) -- not random()', ['2025-01-02 03:04:05']);
      tx.run("INSERT INTO t (v) VALUES (strftime('%Y', ?))", ['2025-01-02']);
      tx.run('INSERT INTO t (v) VALUES (?) /* CURRENT_TIMESTAMP */', ['x']);
      tx.run('CREATE TABLE u ("random" TEXT, current_ts TEXT)');
    });
    expect(count(s)).toBe(5);
    expect(s.get('SELECT v FROM t WHERE id = 3')).toEqual({ v: '2025-01-02 03:04:05' });
  });

  it('reads may use the clock (they are not journaled)', async () => {
    const s = await openT();
    expect(s.get<{ x: string }>("SELECT datetime('now') AS x")?.x).toMatch(/^\d{4}-/);
  });

  const badParams: [string, unknown[]][] = [
    ['NaN', [Number.NaN]],
    ['Infinity', [Number.POSITIVE_INFINITY]],
    ['bigint', [10n]],
    ['boolean', [true]],
    ['object', [{ a: 1 }]],
    ['array', [[1]]],
    ['undefined', [undefined]],
    ['unsafe integer', [2 ** 60]],
    ['too few', []],
    ['too many', [1, 2]],
  ];
  it.each(badParams)('refuses bad parameter: %s', async (_name, params) => {
    const s = await openT();
    const err = errorOf(() => s.write((tx) => tx.run('INSERT INTO t (v) VALUES (?)', params as never)));
    expect(err.code).toBe('INVALID_PARAM');
    expect(count(s)).toBe(0);
  });

  it('accepts integers, finite floats, strings, null, blobs; -0 is stored as 0', async () => {
    const s = await openT();
    // column b has no type affinity, so values come back exactly as bound
    s.write((tx) => {
      tx.run('INSERT INTO t (id, b) VALUES (?, ?)', [1, 'teks']);
      tx.run('INSERT INTO t (id, b) VALUES (?, ?)', [2, null]);
      tx.run('INSERT INTO t (id, b) VALUES (?, ?)', [3, 7.25]);
      tx.run('INSERT INTO t (id, b) VALUES (?, ?)', [4, -0]);
      tx.run('INSERT INTO t (id, b) VALUES (?, ?)', [5, Number.MAX_SAFE_INTEGER]);
      tx.run('INSERT INTO t (id, b) VALUES (?, ?)', [6, Buffer.from('abc')]);
    });
    const check = (st: Store): void => {
      const rows = st.all<{ id: number; b: unknown; ty: string }>('SELECT id, b, typeof(b) AS ty FROM t ORDER BY id');
      expect(rows.map((r) => [r.id, r.b instanceof Uint8Array ? Buffer.from(r.b).toString() : r.b, r.ty])).toEqual([
        [1, 'teks', 'text'],
        [2, null, 'null'],
        [3, 7.25, 'real'],
        [4, 0, 'integer'],
        [5, Number.MAX_SAFE_INTEGER, 'integer'], // bound as int64, not as a double
        [6, 'abc', 'blob'],
      ]);
    };
    check(s);
    // and replay gives the same values and types
    const r = await openT();
    expect(r.report.replayedRecords).toBe(2);
    check(r);
  });

  it.each(['BEGIN', 'COMMIT', 'END', 'ROLLBACK', "ATTACH 'x.db' AS x", 'VACUUM', 'PRAGMA foreign_keys = OFF', 'PRAGMA journal_mode = WAL'])(
    'refuses %s inside write()',
    async (sql) => {
      const s = await openT();
      expect(errorOf(() => s.write((tx) => tx.run(sql))).code).toBe('FORBIDDEN_SQL');
    },
  );

  it('allows savepoints and user_version inside write()', async () => {
    const s = await openT();
    s.write((tx) => {
      tx.run('SAVEPOINT a');
      tx.run('INSERT INTO t (v) VALUES (?)', ['x']);
      tx.run('ROLLBACK TO a');
      tx.run('RELEASE a');
      tx.run('INSERT INTO t (v) VALUES (?)', ['y']);
    });
    expect(s.all('SELECT v FROM t')).toEqual([{ v: 'y' }]);
  });

  it('get/all refuse statements that change data', async () => {
    const s = await openT();
    expect(errorOf(() => s.all('DELETE FROM t')).code).toBe('NOT_A_READ');
    expect(errorOf(() => s.get("INSERT INTO t (v) VALUES ('x') RETURNING id")).code).toBe('NOT_A_READ');
    expect(errorOf(() => s.get('WITH x AS (SELECT 1) DELETE FROM t')).code).toBe('NOT_A_READ');
    expect(errorOf(() => s.get('PRAGMA foreign_keys = OFF')).code).toBe('NOT_A_READ');
    expect(errorOf(() => s.write((tx) => tx.get('UPDATE t SET v = 1'))).code).toBe('NOT_A_READ');
    expect(s.all('PRAGMA table_info(t)').length).toBe(3);
  });

  it('refuses params with a multi-statement string', async () => {
    const s = await openT();
    expect(errorOf(() => s.write((tx) => tx.run('INSERT INTO t (v) VALUES (:a); INSERT INTO t (v) VALUES (:a)', ['x']))).code).toBe(
      'MULTI_STATEMENT_PARAMS',
    );
  });
});

describe('durability across reopen', () => {
  it('reopen after close replays nothing', async () => {
    const s = await openT();
    for (let i = 0; i < 10; i++) s.write((tx) => tx.run('INSERT INTO t (v) VALUES (?)', [`v${i}`]));
    const last = s.lastSeq;
    s.close();
    expect(() => s.get('SELECT 1')).toThrow(/sudah ditutup/);
    const r = await openT();
    expect(r.report.isNew).toBe(false);
    expect(r.report.replayedRecords).toBe(0);
    expect(r.report.snapshotSeq).toBe(last);
    expect(r.lastSeq).toBe(last);
    expect(count(r)).toBe(10);
  });

  it('reopen after the store was just dropped replays the journal', async () => {
    const s = await openT();
    for (let i = 0; i < 10; i++) s.write((tx) => tx.run('INSERT INTO t (v) VALUES (?)', [`v${i}`]));
    const last = s.lastSeq;
    // no close(): as if the process died (the old fd stays open in this process)
    const r = await openT();
    expect(r.report.snapshotSeq).toBe(0);
    expect(r.report.replayedRecords).toBe(last); // migration + 10 inserts
    expect(r.report.discardedTail).toBeNull();
    expect(r.lastSeq).toBe(last);
    expect(count(r)).toBe(10);
    // and it keeps appending where the journal ended
    r.write((tx) => tx.run('INSERT INTO t (v) VALUES (?)', ['lagi']));
    const r2 = await openT();
    expect(count(r2)).toBe(11);
    expect(r2.lastSeq).toBe(last + 1);
  });

  it('takes a snapshot automatically and cuts the journal', async () => {
    const s = await openT({ snapshotJournalRecords: 5 });
    // seq 1 = migration; snapshots at 5, 10, 15, 20
    for (let i = 0; i < 21; i++) s.write((tx) => tx.run('INSERT INTO t (v) VALUES (?)', [`v${i}`]));
    expect(s.lastSeq).toBe(22);
    const snaps = filesMatching(dir, /^snapshot-\d+\.json$/);
    const journals = filesMatching(dir, /^journal-/);
    // rotation: 3 snapshots of today are kept, and journals from the oldest kept one
    expect(snaps).toEqual(['snapshot-000000000010.json', 'snapshot-000000000015.json', 'snapshot-000000000020.json']);
    expect(journals).toEqual(['journal-000000000011.log', 'journal-000000000016.log', 'journal-000000000021.log']);
    expect(filesMatching(dir, /\.sqlite$/)).toHaveLength(3);
    const r = await openT();
    expect(r.report.snapshotSeq).toBe(20);
    expect(r.report.replayedRecords).toBe(2);
    expect(count(r)).toBe(21);
  });

  it('takes a snapshot when the journal passes snapshotJournalBytes', async () => {
    const s = await openT({ snapshotJournalBytes: 4096 });
    const big = 'x'.repeat(1500);
    for (let i = 0; i < 3; i++) s.write((tx) => tx.run('INSERT INTO t (v) VALUES (?)', [big]));
    expect(filesMatching(dir, /^snapshot-\d+\.json$/)).toContain('snapshot-000000000004.json');
    expect(filesMatching(dir, /^journal-/)).toContain('journal-000000000005.log');
  });

  it('foreign_keys stays ON after a snapshot (export)', async () => {
    const s = await openStore({
      dir,
      onWarning: () => {},
      migrations: [
        {
          version: 1,
          name: 'fk',
          up: (tx) =>
            void tx.run('CREATE TABLE p (id INTEGER PRIMARY KEY); CREATE TABLE c (id INTEGER PRIMARY KEY, p INTEGER NOT NULL REFERENCES p (id))'),
        },
      ],
    });
    open.push(s);
    s.write((tx) => tx.run('INSERT INTO p (id) VALUES (1)'));
    s.snapshot();
    expect(s.get('PRAGMA foreign_keys')).toEqual({ foreign_keys: 1 });
    expect(() => s.write((tx) => tx.run('INSERT INTO c (p) VALUES (?)', [42]))).toThrow(/FOREIGN KEY/);
    s.write((tx) => tx.run('INSERT INTO c (p) VALUES (?)', [1]));
    // statements cached before the export still work after it
    s.snapshot();
    s.write((tx) => tx.run('INSERT INTO c (p) VALUES (?)', [1]));
    expect(s.get<{ n: number }>('SELECT count(*) AS n FROM c')?.n).toBe(2);
  });

  it('snapshot() with nothing new is a no-op', async () => {
    const s = await openT();
    s.snapshot();
    const before = listDir(dir);
    s.snapshot();
    expect(listDir(dir)).toEqual(before);
  });
});

describe('migrations', () => {
  function tracked(log: string[], versions: number[]): Migration[] {
    return versions.map((v) => ({
      version: v,
      name: `m${v}`,
      up: (tx) => {
        log.push(`m${v}`);
        tx.run(`CREATE TABLE m${v} (x INTEGER)`);
      },
    }));
  }

  it('applies each migration once, in order, even when listed out of order', async () => {
    const log: string[] = [];
    const s = await openStore({ dir, migrations: tracked(log, [2, 1]), onWarning: () => {} });
    expect(log).toEqual(['m1', 'm2']);
    expect(s.report.migrationsApplied).toEqual([1, 2]);
    expect(s.schemaVersion).toBe(2);
    s.close({ snapshot: false }); // migrations must survive through the journal alone
    const s2 = await openStore({ dir, migrations: tracked(log, [1, 2, 3]), onWarning: () => {} });
    expect(log).toEqual(['m1', 'm2', 'm3']);
    expect(s2.report.migrationsApplied).toEqual([3]);
    expect(s2.schemaVersion).toBe(3);
    s2.close();
    const s3 = await openStore({ dir, migrations: tracked(log, [1, 2, 3]), onWarning: () => {} });
    expect(s3.report.migrationsApplied).toEqual([]);
    expect(log).toHaveLength(3);
    s3.close();
  });

  it('refuses a gap or a duplicate in versions before touching the folder', async () => {
    for (const versions of [[1, 3], [2], [1, 1, 2]]) {
      const err = await openStore({ dir, migrations: tracked([], versions) }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StoreOpenError);
      expect((err as StoreOpenError).code).toBe('MIGRATIONS_INVALID');
    }
    expect(listDir(dir)).toEqual([]);
  });

  it('a failing migration stops the open and leaves the previous version', async () => {
    const ok = tracked([], [1]);
    const failing: Migration = {
      version: 2,
      name: 'rusak',
      up: (tx) => {
        tx.run('CREATE TABLE m2 (x INTEGER)');
        throw new Error('sengaja');
      },
    };
    const err = await openStore({ dir, migrations: [...ok, failing], onWarning: () => {} }).catch((e: unknown) => e);
    expect((err as StoreOpenError).code).toBe('MIGRATION_FAILED');
    expect((err as Error).message).toMatch(/versi 2 \(rusak\) gagal: sengaja/);
    const s = await openStore({ dir, migrations: ok, onWarning: () => {} });
    expect(s.schemaVersion).toBe(1);
    expect(s.all("SELECT name FROM sqlite_master WHERE name = 'm2'")).toEqual([]);
    s.close();
  });

  it('refuses a database newer than the app', async () => {
    const s = await openStore({ dir, migrations: tracked([], [1, 2]), onWarning: () => {} });
    s.close();
    const err = await openStore({ dir, migrations: tracked([], [1]), onWarning: () => {} }).catch((e: unknown) => e);
    expect((err as StoreOpenError).code).toBe('SCHEMA_TOO_NEW');
  });
});

describe('file-system failures', () => {
  function faultyFs(overrides: Partial<StoreFs>): StoreFs {
    return { ...realFs, ...overrides } as StoreFs;
  }

  it('a failed journal fsync fails the write, keeps nothing and the store goes on', async () => {
    let failNext = false;
    const fs = faultyFs({
      fdatasyncSync: (fd: number) => {
        if (failNext) {
          failNext = false;
          throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
        }
        realFs.fdatasyncSync(fd);
      },
    });
    const s = await openT({ fs });
    s.write((tx) => tx.run('INSERT INTO t (v) VALUES (?)', ['a']));
    const journal = join(dir, 'journal-000000000001.log');
    const size = statSync(journal).size;
    failNext = true;
    const err = errorOf(() => s.write((tx) => tx.run('INSERT INTO t (v) VALUES (?)', ['b'])));
    expect(err.code).toBe('JOURNAL_WRITE_FAILED');
    expect(err.message).toMatch(/tidak tersimpan/);
    expect(count(s)).toBe(1);
    expect(statSync(journal).size).toBe(size);
    s.write((tx) => tx.run('INSERT INTO t (v) VALUES (?)', ['c']));
    const r = await openT();
    expect(r.all('SELECT v FROM t ORDER BY id')).toEqual([{ v: 'a' }, { v: 'c' }]);
  });

  it('poisons the store when the journal cannot be cut back either', async () => {
    let broken = false;
    const fs = faultyFs({
      writeSync: ((fd: number, buf: Uint8Array, off?: number, len?: number, pos?: number) => {
        if (broken) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        return realFs.writeSync(fd, buf, off, len, pos);
      }) as StoreFs['writeSync'],
      ftruncateSync: (fd: number, len?: number) => {
        if (broken) throw Object.assign(new Error('EIO'), { code: 'EIO' });
        realFs.ftruncateSync(fd, len);
      },
    });
    const s = await openT({ fs });
    broken = true;
    expect(errorOf(() => s.write((tx) => tx.run('INSERT INTO t (v) VALUES (?)', ['x']))).code).toBe('JOURNAL_WRITE_FAILED');
    const err = errorOf(() => s.get('SELECT 1'));
    expect(err.code).toBe('POISONED');
    expect(err.message).toMatch(/Penyimpanan dihentikan/);
    expect(errorOf(() => s.write(() => 1)).code).toBe('POISONED');
    broken = false;
    s.close();
    const r = await openT();
    expect(count(r)).toBe(0);
  });

  it('an automatic snapshot that fails does not fail the commit that triggered it', async () => {
    let failSnapshots = false;
    const warnings: string[] = [];
    const fs = faultyFs({
      openSync: ((p: realFs.PathLike, flags?: realFs.OpenMode, mode?: realFs.Mode) => {
        if (failSnapshots && String(p).endsWith('.sqlite.tmp')) throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
        return realFs.openSync(p, flags ?? "r", mode);
      }) as StoreFs['openSync'],
    });
    const s = await openT({ fs, snapshotJournalRecords: 3, onWarning: (m) => warnings.push(m) });
    failSnapshots = true;
    for (let i = 0; i < 5; i++) s.write((tx) => tx.run('INSERT INTO t (v) VALUES (?)', [`v${i}`]));
    expect(count(s)).toBe(5);
    expect(warnings.some((w) => /snapshot otomatis gagal/.test(w))).toBe(true);
    expect(filesMatching(dir, /\.tmp$/)).toEqual([]);
    failSnapshots = false;
    s.snapshot();
    expect(filesMatching(dir, /^snapshot-\d+\.json$/)).toContain(`snapshot-${String(s.lastSeq).padStart(12, '0')}.json`);
  });

  it('on Windows retries a rename refused by a scanner and skips the folder fsync', async () => {
    let refusals = 0;
    const dirOpens: string[] = [];
    const fs = faultyFs({
      renameSync: (from: realFs.PathLike, to: realFs.PathLike) => {
        if (String(to).endsWith('.sqlite') && refusals < 2) {
          refusals++;
          throw Object.assign(new Error('EPERM: operation not permitted'), { code: 'EPERM' });
        }
        realFs.renameSync(from, to);
      },
      openSync: ((p: realFs.PathLike, flags?: realFs.OpenMode, mode?: realFs.Mode) => {
        if (String(p) === dir) dirOpens.push(String(p));
        return realFs.openSync(p, flags ?? "r", mode);
      }) as StoreFs['openSync'],
    });
    const s = await openT({ fs, platform: 'win32' });
    expect(refusals).toBe(2);
    s.write((tx) => tx.run('INSERT INTO t (v) VALUES (?)', ['x']));
    s.close();
    expect(dirOpens).toEqual([]);
    expect(filesMatching(dir, /^snapshot-000000000002\.sqlite$/)).toHaveLength(1);
  });

  it('on Linux the same EPERM is not retried, and folders are fsynced', async () => {
    let dirOpens = 0;
    const fs = faultyFs({
      renameSync: (from: realFs.PathLike, to: realFs.PathLike) => {
        if (String(to).endsWith('.sqlite')) throw Object.assign(new Error('EPERM'), { code: 'EPERM' });
        realFs.renameSync(from, to);
      },
      openSync: ((p: realFs.PathLike, flags?: realFs.OpenMode, mode?: realFs.Mode) => {
        if (String(p) === dir) dirOpens++;
        return realFs.openSync(p, flags ?? "r", mode);
      }) as StoreFs['openSync'],
    });
    await expect(openStore({ dir, migrations: simpleMigrations, fs, platform: 'linux' })).rejects.toThrow(/EPERM/);
    expect(filesMatching(dir, /\.tmp$/)).toEqual([]);
    const s = await openT({ platform: 'linux', fs: faultyFs({ openSync: fs.openSync }) });
    expect(s.report.isNew).toBe(true);
    expect(dirOpens).toBeGreaterThan(0);
  });
});

describe('lock', () => {
  it('refuses a folder held by another live process, takes over a dead one', async () => {
    const lock = join(dir, 'store.lock');
    const booted = Math.round((Date.now() - uptime() * 1000) / 1000) * 1000;
    writeFileSync(lock, JSON.stringify({ pid: process.ppid, host: hostname(), bootedAt: booted, since: 'tadi' }));
    const err = await openStore({ dir, migrations: simpleMigrations }).catch((e: unknown) => e);
    expect((err as StoreOpenError).code).toBe('LOCKED');
    expect((err as Error).message).toMatch(/sedang dipakai oleh proses lain/);
    expect(listDir(dir)).toEqual(['store.lock']);
    // a pid that does not exist any more (pid_max is far below this)
    writeFileSync(lock, JSON.stringify({ pid: 2 ** 30, host: hostname(), bootedAt: booted, since: 'kemarin' }));
    const s = await openT();
    expect(s.report.isNew).toBe(true);
    expect(JSON.parse(readFileSync(lock, 'utf8')).pid).toBe(process.pid);
    s.close();
    expect(existsSync(lock)).toBe(false);
  });

  it('a lock written before the last reboot is stale', async () => {
    writeFileSync(join(dir, 'store.lock'), JSON.stringify({ pid: process.ppid, host: hostname(), bootedAt: 0, since: 'dulu' }));
    const s = await openT();
    expect(s.report.isNew).toBe(true);
  });
});
