// Damaged files on open: what is detected, what is recovered, and when the store refuses.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, statSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '../../../main/store/store';
import { type Store, type StoreOptions, StoreOpenError } from '../../../main/store/types';
import { RECORD_HEADER_BYTES, encodeRecord, encodeStatement, scanJournal } from '../../../main/store/journal';
import { appendFileSync } from 'node:fs';
import { filesMatching, flipByte, listDir, makeTempDir, removeDir, simpleMigrations } from '../../helpers/store-fixtures';

let dir: string;
const opened: Store[] = [];

async function openT(extra: Partial<StoreOptions> = {}): Promise<Store> {
  const s = await openStore({ dir, migrations: simpleMigrations, onWarning: () => {}, ...extra });
  opened.push(s);
  return s;
}

async function openError(extra: Partial<StoreOptions> = {}): Promise<StoreOpenError> {
  const err = await openStore({ dir, migrations: simpleMigrations, onWarning: () => {}, ...extra }).catch((e: unknown) => e);
  if (!(err instanceof StoreOpenError)) throw new Error(`expected StoreOpenError, got ${String(err)}`);
  return err;
}

function insert(s: Store, v: string): void {
  s.write((tx) => tx.run('INSERT INTO t (v) VALUES (?)', [v]));
}

function values(s: Store): string[] {
  return s.all<{ v: string }>('SELECT v FROM t ORDER BY id').map((r) => r.v);
}

function lastJournal(): string {
  return join(dir, filesMatching(dir, /^journal-\d+\.log$/).at(-1) as string);
}

function recordsOf(file: string): { seq: number; offset: number; bytes: number }[] {
  return scanJournal(readFileSync(file)).records;
}

const snap = (seq: number): string => join(dir, `snapshot-${String(seq).padStart(12, '0')}.sqlite`);

beforeEach(() => {
  dir = makeTempDir('store-corrupt-');
});
afterEach(() => {
  for (const s of opened.splice(0)) {
    try {
      s.close({ snapshot: false });
    } catch {
      // ignore
    }
  }
  removeDir(dir);
});

describe('journal tail', () => {
  it('a flipped byte in the last record is detected, cut off and reported; earlier commits stay', async () => {
    const s = await openT();
    for (const v of ['a', 'b', 'c']) insert(s, v);
    s.close({ snapshot: false });
    const file = lastJournal();
    const recs = recordsOf(file);
    const last = recs.at(-1) as { offset: number; bytes: number };
    flipByte(file, last.offset + RECORD_HEADER_BYTES + 5); // inside the payload
    const r = await openT();
    expect(r.report.discardedTail).toMatchObject({
      file: 'journal-000000000001.log',
      offset: last.offset,
      bytes: last.bytes,
    });
    expect(r.report.discardedTail?.reason).toMatch(/crc32/);
    expect(values(r)).toEqual(['a', 'b']);
    expect(statSync(file).size).toBe(last.offset);
    // the store goes on normally and the next open is clean
    insert(r, 'd');
    r.close({ snapshot: false });
    const r2 = await openT();
    expect(r2.report.discardedTail).toBeNull();
    expect(values(r2)).toEqual(['a', 'b', 'd']);
  });

  it('a journal cut in the middle of a record header is a torn tail', async () => {
    const s = await openT();
    for (const v of ['a', 'b']) insert(s, v);
    s.close({ snapshot: false });
    const file = lastJournal();
    const last = recordsOf(file).at(-1) as { offset: number };
    truncateSync(file, last.offset + 7);
    const r = await openT();
    expect(r.report.discardedTail).toMatchObject({ offset: last.offset, bytes: 7 });
    expect(r.report.discardedTail?.reason).toMatch(/kepala rekaman terpotong/);
    expect(values(r)).toEqual(['a']);
  });

  it('a journal cut in the middle of a payload is a torn tail', async () => {
    const s = await openT();
    for (const v of ['a', 'b']) insert(s, v);
    s.close({ snapshot: false });
    const file = lastJournal();
    truncateSync(file, statSync(file).size - 3);
    const r = await openT();
    expect(r.report.discardedTail?.reason).toMatch(/rekaman terpotong/);
    expect(values(r)).toEqual(['a']);
  });

  it('damage with intact records after it is not a tail: refused, or accepted as data loss', async () => {
    const s = await openT();
    for (const v of ['a', 'b', 'c', 'd']) insert(s, v);
    s.close({ snapshot: false });
    const file = lastJournal();
    const recs = recordsOf(file);
    const victim = recs[2] as { offset: number }; // the record of 'b'
    flipByte(file, victim.offset + RECORD_HEADER_BYTES + 3);
    const before = readFileSync(file);
    const err = await openError();
    expect(err.code).toBe('JOURNAL_CORRUPT');
    expect(err.message).toMatch(/sesudahnya masih ada rekaman utuh/);
    expect(err.message).toMatch(/allowDataLossRecovery/);
    expect(readFileSync(file).equals(before)).toBe(true); // nothing was changed by the refusal

    const r = await openT({ allowDataLossRecovery: true });
    expect(values(r)).toEqual(['a']);
    expect(r.report.dataLoss?.recoveredToSeq).toBe(2);
    const q = r.report.dataLoss?.quarantineDir as string;
    expect(readFileSync(join(q, 'journal-000000000001.log.asli')).equals(before)).toBe(true);
  });
});

describe('records that fail on replay', () => {
  function appendRecord(file: string, seq: number, sql: string, params: (string | number)[]): void {
    appendFileSync(file, encodeRecord(seq, [encodeStatement(sql, params)]));
  }

  it('a last record that fails to apply (its COMMIT failed before a crash) is discarded as the tail', async () => {
    const s = await openT();
    insert(s, 'a');
    s.close({ snapshot: false });
    const file = lastJournal();
    const size = statSync(file).size;
    appendRecord(file, 3, 'INSERT INTO tidak_ada (x) VALUES (?)', [1]);
    const r = await openT();
    expect(r.report.discardedTail).toMatchObject({ offset: size });
    expect(r.report.discardedTail?.reason).toMatch(/gagal diterapkan: no such table/);
    expect(values(r)).toEqual(['a']);
    expect(r.lastSeq).toBe(2);
  });

  it('a record that fails to apply in the middle of the journal is refused', async () => {
    const s = await openT();
    insert(s, 'a');
    s.close({ snapshot: false });
    const file = lastJournal();
    appendRecord(file, 3, 'INSERT INTO tidak_ada (x) VALUES (?)', [1]);
    appendRecord(file, 4, 'INSERT INTO t (v) VALUES (?)', ['b']);
    const err = await openError();
    expect(err.code).toBe('REPLAY_FAILED');
    expect(err.message).toMatch(/#3 gagal diterapkan/);
  });
});

describe('snapshots', () => {
  /** snapshot at seq 3 (a, b), journal 4.., snapshot at 5 (c, d), journal 6.. with e */
  async function twoSnapshots(): Promise<void> {
    const s = await openT();
    insert(s, 'a');
    insert(s, 'b');
    s.snapshot();
    insert(s, 'c');
    insert(s, 'd');
    s.snapshot();
    insert(s, 'e');
    s.close({ snapshot: false });
    expect(filesMatching(dir, /^snapshot-\d+\.json$/)).toEqual([
      'snapshot-000000000000.json',
      'snapshot-000000000003.json',
      'snapshot-000000000005.json',
    ]);
  }

  it('a flipped byte in the newest snapshot: skipped, recovered from the older one + journals', async () => {
    await twoSnapshots();
    flipByte(snap(5), 3000);
    const r = await openT();
    expect(r.report.skippedSnapshots).toHaveLength(1);
    expect(r.report.skippedSnapshots[0]?.file).toBe('snapshot-000000000005.sqlite');
    expect(r.report.skippedSnapshots[0]?.reason).toMatch(/crc32/);
    expect(r.report.snapshotSeq).toBe(3);
    expect(r.report.replayedRecords).toBe(3);
    expect(values(r)).toEqual(['a', 'b', 'c', 'd', 'e']);
    // the damaged files were moved aside and a fresh snapshot taken
    const q = r.report.quarantineDir as string;
    expect(readdirSync(q).sort()).toEqual(['snapshot-000000000005.json', 'snapshot-000000000005.sqlite']);
    expect(filesMatching(dir, /^snapshot-\d+\.json$/)).toContain('snapshot-000000000006.json');
    r.close({ snapshot: false });
    const r2 = await openT();
    expect(r2.report.skippedSnapshots).toEqual([]);
    expect(r2.report.snapshotSeq).toBe(6);
    expect(values(r2)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('a snapshot whose size does not match its manifest is skipped', async () => {
    await twoSnapshots();
    truncateSync(snap(5), 4096);
    const r = await openT();
    expect(r.report.skippedSnapshots[0]?.reason).toMatch(/ukuran/);
    expect(values(r)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('every snapshot damaged but the journal from record 1 kept: rebuilt from the empty database', async () => {
    await twoSnapshots();
    for (const seq of [0, 3, 5]) flipByte(snap(seq), -1);
    const r = await openT();
    expect(r.report.skippedSnapshots.map((x) => x.file)).toEqual([
      'snapshot-000000000005.sqlite',
      'snapshot-000000000003.sqlite',
      'snapshot-000000000000.sqlite',
    ]);
    expect(r.report.snapshotSeq).toBe(0);
    expect(values(r)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('an empty store whose only snapshot is damaged is rebuilt and gets a new snapshot 0', async () => {
    const s = await openStore({ dir, migrations: [] });
    s.close();
    flipByte(snap(0), 10);
    const r = await openStore({ dir, migrations: [], onWarning: () => {} });
    expect(r.report.skippedSnapshots).toHaveLength(1);
    expect(r.lastSeq).toBe(0);
    r.close({ snapshot: false });
    const r2 = await openStore({ dir, migrations: [] });
    expect(r2.report.skippedSnapshots).toEqual([]);
    expect(r2.report.snapshotSeq).toBe(0);
    r2.close();
  });

  it('every snapshot damaged and no journal from the start: clear error, no new files', async () => {
    await twoSnapshots();
    for (const seq of [0, 3, 5]) flipByte(snap(seq), 100);
    unlinkSync(join(dir, 'journal-000000000001.log'));
    const before = listDir(dir);
    const err = await openError();
    expect(err.code).toBe('NO_USABLE_SNAPSHOT');
    expect(err.message).toContain(dir);
    expect(err.message).toMatch(/TIDAK membuat basis data kosong/);
    expect(err.message).toMatch(/cadangan/);
    expect(err.details.skippedSnapshots).toHaveLength(3);
    expect(listDir(dir)).toEqual(before);
  });

  it('store files without any manifest are never mistaken for a new folder', async () => {
    await twoSnapshots();
    for (const f of filesMatching(dir, /\.json$/)) unlinkSync(join(dir, f));
    unlinkSync(join(dir, 'journal-000000000001.log'));
    const before = listDir(dir);
    const err = await openError();
    expect(err.code).toBe('NO_USABLE_SNAPSHOT');
    expect(listDir(dir)).toEqual(before);
  });

  it('a fallback snapshot whose journals are gone: refused unless data loss is accepted', async () => {
    await twoSnapshots();
    flipByte(snap(5), 200);
    unlinkSync(join(dir, 'journal-000000000004.log')); // records 4 and 5 (c, d)
    unlinkSync(join(dir, 'journal-000000000001.log'));
    const err = await openError();
    expect(err.code).toBe('JOURNAL_GAP');
    expect(err.message).toMatch(/#4–#5/);
    expect(existsSync(snap(5))).toBe(true);

    const r = await openT({ allowDataLossRecovery: true });
    expect(r.report.dataLoss).toMatchObject({ recoveredToSeq: 3, knownCommittedSeq: 5 });
    expect(values(r)).toEqual(['a', 'b']);
    // the journal beyond the gap was moved aside, new commits continue from seq 4
    const q = r.report.quarantineDir as string;
    expect(readdirSync(q)).toContain('journal-000000000006.log');
    insert(r, 'baru');
    r.close({ snapshot: false });
    const r2 = await openT();
    expect(r2.report.dataLoss).toBeNull();
    expect(values(r2)).toEqual(['a', 'b', 'baru']);
  });

  it('a damaged record in a journal that is followed by more journal files is refused', async () => {
    await twoSnapshots();
    flipByte(snap(5), 200);
    const mid = join(dir, 'journal-000000000004.log');
    const rec = recordsOf(mid).at(-1) as { offset: number }; // its last record: nothing intact after it in this file
    flipByte(mid, rec.offset + RECORD_HEADER_BYTES + 2);
    const err = await openError();
    expect(err.code).toBe('JOURNAL_CORRUPT');
    expect(err.message).toMatch(/masih ada berkas jurnal sesudahnya/);
  });

  it('a newest snapshot that is damaged and not covered by journals is refused (data loss)', async () => {
    const s = await openT();
    insert(s, 'a');
    s.snapshot(); // seq 2
    insert(s, 'b');
    s.close(); // seq 3, journal-4 empty
    flipByte(snap(3), 50);
    // journal 3 lost its only record and journal 4 is gone: nothing proves a gap, but the
    // manifest of snapshot 3 proves that record 3 was committed
    truncateSync(join(dir, 'journal-000000000003.log'), 0);
    unlinkSync(join(dir, 'journal-000000000004.log'));
    const err = await openError();
    expect(err.code).toBe('DATA_LOSS');
    expect(err.message).toMatch(/#3/);
  });

  it('an interrupted first open (snapshot 0 without manifest) starts fresh', async () => {
    writeFileSync(join(dir, 'snapshot-000000000000.sqlite.tmp'), 'setengah');
    writeFileSync(join(dir, 'snapshot-000000000000.sqlite'), '');
    const r = await openT();
    expect(r.report.isNew).toBe(true);
    expect(filesMatching(dir, /\.tmp$/)).toEqual([]);
  });

  it('leftovers of an interrupted snapshot are removed on open', async () => {
    const s = await openT();
    insert(s, 'a');
    s.close({ snapshot: false });
    writeFileSync(join(dir, 'snapshot-000000000002.sqlite'), 'tidak pernah selesai');
    writeFileSync(join(dir, 'snapshot-000000000002.json.tmp'), '{');
    const r = await openT();
    expect(values(r)).toEqual(['a']);
    expect(existsSync(snap(2))).toBe(false);
    expect(filesMatching(dir, /\.tmp$/)).toEqual([]);
  });
});
