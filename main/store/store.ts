// The durable store: sql.js in memory, made durable by a journal of committed transactions and
// periodic snapshots. See ARCHITECTURE.md "Storage" and types.ts for the contract.
//
// Files in options.dir:
//   snapshot-<seq>.sqlite + snapshot-<seq>.json   database as of record <seq>; manifest = commit point
//   journal-<startSeq>.log                        records startSeq, startSeq+1, … (append-only)
//   store.lock                                    one process per folder
//   karantina-<time>/                             damaged or discarded files, moved aside, never deleted
//
// Invariants the recovery relies on:
//   - a record is fdatasync'd before write() returns, and it is the only thing written at that moment,
//     so a damaged record at the very end of the last journal was never acknowledged;
//   - a journal file is created only after the snapshot it follows is committed (manifest renamed
//     and the folder fsync'd), so records in journal-<S+1> always extend snapshot S;
//   - records are contiguous across files; snapshots only ever hold a prefix of the journal.
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { SqlJsStatic } from 'sql.js';
import {
  type Migration,
  type OpenReport,
  type Row,
  type RunResult,
  type SqlParams,
  type SqlValue,
  type Store,
  type StoreOptions,
  type WriteTx,
  StoreError,
  StoreOpenError,
} from './types';
import { type StoreFs, defaultFs, errCode, fsyncDir, renameWithRetry, writeAll } from './fsutil';
import {
  type JournalRecord,
  type JournalWriter,
  decodePayload,
  encodeRecord,
  encodeStatement,
  hasIntactRecordAfter,
  journalFileName,
  openJournalWriter,
  parseJournalFileName,
  scanJournal,
} from './journal';
import {
  errorText,
  manifestFileName,
  parseManifest,
  parseManifestFileName,
  parseSnapshotFileName,
  readVerifiedSnapshot,
  snapshotFileName,
  writeSnapshot,
} from './snapshot';
import { planRotation } from './backups';
import { acquireLock } from './lock';
import { type Connection, loadSqlJs, openConnection } from './sqljs';
import type { SqlAnalysis } from './sqlcheck';

export const DEFAULT_SNAPSHOT_JOURNAL_BYTES = 32 * 1024 * 1024;
export const DEFAULT_SNAPSHOT_JOURNAL_RECORDS = 20_000;

interface Ctx {
  fs: StoreFs;
  dir: string;
  platform: NodeJS.Platform;
  now: () => Date;
  warn: (message: string, error?: unknown) => void;
  SQL: SqlJsStatic;
  allowDataLoss: boolean;
}

interface JournalFile {
  start: number;
  name: string;
}

/** State after loading a snapshot and replaying the journal, before migrations. */
interface Loaded {
  conn: Connection;
  isNew: boolean;
  snapshotSeq: number;
  lastSeq: number;
  skippedSnapshots: OpenReport['skippedSnapshots'];
  replayedRecords: number;
  /** journal bytes/records after the loaded snapshot (they count towards the next automatic snapshot) */
  journalBytes: number;
  journalRecords: number;
  discardedTail: OpenReport['discardedTail'];
  dataLoss: OpenReport['dataLoss'];
  quarantineDir: string | null;
  journal: JournalWriter;
  /** something was repaired: take a fresh snapshot right after opening */
  needsSnapshot: boolean;
  /** the state at snapshotSeq has no intact snapshot file (rebuilt from the empty database) */
  snapshotMissing: boolean;
}

export async function openStore(options: StoreOptions): Promise<Store> {
  const started = performance.now();
  const migrations = checkMigrations(options.migrations);
  const SQL = await loadSqlJs();
  const ctx: Ctx = {
    fs: options.fs ?? defaultFs,
    dir: resolve(options.dir),
    platform: options.platform ?? process.platform,
    now: options.now ?? (() => new Date()),
    warn: options.onWarning ?? ((m, e) => console.warn(`[store] ${m}`, e ?? '')),
    SQL,
    allowDataLoss: options.allowDataLossRecovery === true,
  };
  ctx.fs.mkdirSync(ctx.dir, { recursive: true });
  const releaseLock = acquireLock(ctx.fs, ctx.dir, ctx.now);
  let loaded: Loaded;
  try {
    loaded = load(ctx);
  } catch (err) {
    releaseLock();
    throw err;
  }
  return finishOpen(ctx, loaded, migrations, options, releaseLock, started);
}

// ---------------------------------------------------------------------------------------------
// Loading

function load(ctx: Ctx): Loaded {
  const { fs, dir } = ctx;
  const names = fs.readdirSync(dir);
  const manifests = names.map(parseManifestFileName).filter(isNum).sort((a, b) => b - a);
  const snapshots = names.map(parseSnapshotFileName).filter(isNum);
  const journals: JournalFile[] = names
    .map((name) => ({ name, start: parseJournalFileName(name) }))
    .filter((j): j is JournalFile => j.start !== null)
    .sort((a, b) => a.start - b.start);

  // An interrupted first open leaves at most snapshot-0 files without a manifest (the first
  // journal is created after the manifest); snapshot 0 is always the empty database, so starting
  // again loses nothing. Anything else means data existed: never start empty silently.
  if (manifests.length === 0 && journals.length === 0 && snapshots.every((s) => s === 0)) {
    removeLeftovers(ctx, names, new Set());
    return createNew(ctx);
  }
  return recover(ctx, names, manifests, journals);
}

function createNew(ctx: Ctx): Loaded {
  const conn = openConnection(ctx.SQL, null);
  try {
    const bytes = conn.exportBytes();
    writeSnapshot(ctx.fs, ctx.dir, 0, bytes, 0, ctx.now(), ctx.platform);
    const journal = openJournalWriter(ctx.fs, ctx.dir, 1, null, ctx.platform);
    return {
      conn,
      isNew: true,
      snapshotSeq: 0,
      lastSeq: 0,
      skippedSnapshots: [],
      replayedRecords: 0,
      journalBytes: 0,
      journalRecords: 0,
      discardedTail: null,
      dataLoss: null,
      quarantineDir: null,
      journal,
      needsSnapshot: false,
      snapshotMissing: false,
    };
  } catch (err) {
    conn.close();
    throw err;
  }
}

function recover(ctx: Ctx, names: string[], manifests: number[], journals: JournalFile[]): Loaded {
  const { fs, dir } = ctx;
  const skipped: OpenReport['skippedSnapshots'] = [];
  let conn: Connection | null = null;
  let baseSeq = 0;
  for (const seq of manifests) {
    const r = readVerifiedSnapshot(fs, dir, seq);
    if (!r.ok) {
      skipped.push({ file: snapshotFileName(seq), reason: r.reason });
      continue;
    }
    let c: Connection | null = null;
    try {
      c = openConnection(ctx.SQL, r.bytes);
      // the crc proves these are the bytes we wrote; this only catches a file that was never a database
      c.get('SELECT count(*) AS n FROM sqlite_master', []);
      conn = c;
      baseSeq = seq;
      break;
    } catch (err) {
      c?.close();
      skipped.push({ file: snapshotFileName(seq), reason: `bukan basis data SQLite yang sah: ${errorText(err)}` });
    }
  }
  // Snapshot 0 is by construction the empty database: with the journal from record 1 we can
  // rebuild everything even when every snapshot file is damaged.
  let emptyBase = false;
  if (!conn && journals[0]?.start === 1) {
    conn = openConnection(ctx.SQL, null);
    baseSeq = 0;
    emptyBase = true;
  }
  if (!conn) throw noUsableSnapshot(ctx, manifests, journals, skipped);

  try {
    return replayAndRepair(ctx, conn, baseSeq, emptyBase, manifests, journals, skipped, names);
  } catch (err) {
    conn.close();
    throw err;
  }
}

function replayAndRepair(
  ctx: Ctx,
  conn: Connection,
  baseSeq: number,
  emptyBase: boolean,
  manifests: number[],
  journals: JournalFile[],
  skipped: OpenReport['skippedSnapshots'],
  names: string[],
): Loaded {
  const { fs, dir } = ctx;
  // the highest sequence number some committed snapshot proves was acknowledged
  const knownCommitted = manifests[0] ?? 0;
  let next = baseSeq + 1;
  let replayed = 0;
  let bytes = 0;
  let discardedTail: OpenReport['discardedTail'] = null;
  let loss: null | { code: string; reason: string } = null;
  /** index in journals of the file new records go to, and its intact end */
  let append: null | { index: number; end: number } = null;
  /** a damaged journal we cut because data loss was accepted: keep a copy of the original */
  let damagedCopy: null | { name: string; data: Buffer } = null;

  let first = -1;
  journals.forEach((j, i) => {
    if (j.start <= next) first = i;
  });
  if (first < 0 && journals.length > 0) {
    const j = journals[0] as JournalFile;
    loss = { code: 'JOURNAL_GAP', reason: `jurnal untuk transaksi #${next}–#${j.start - 1} tidak ada (berkas jurnal pertama: ${j.name})` };
  }

  for (let i = Math.max(first, 0); first >= 0 && i < journals.length; i++) {
    const j = journals[i] as JournalFile;
    const isLast = i === journals.length - 1;
    if (j.start > next) {
      loss = { code: 'JOURNAL_GAP', reason: `jurnal untuk transaksi #${next}–#${j.start - 1} tidak ada (sebelum ${j.name})` };
      break;
    }
    const buf = fs.readFileSync(join(dir, j.name));
    const scan = scanJournal(buf);
    let records = scan.records;
    let bad = scan.bad;
    if (records[0] && records[0].seq !== j.start) {
      bad = { offset: 0, reason: `rekaman pertama bernomor #${records[0].seq}, tidak sesuai nama berkas` };
      records = [];
    }
    const unapplied = records.filter((r) => r.seq >= next);
    const res = applyRecords(conn, unapplied);
    for (let k = 0; k < res.applied; k++) bytes += (unapplied[k] as JournalRecord).bytes;
    next += res.applied;
    replayed += res.applied;
    const lastIntactSeq = records[records.length - 1]?.seq ?? j.start - 1;

    if (res.failed) {
      const rec = unapplied[res.failed.index] as JournalRecord;
      const isFinalRecord = isLast && res.failed.index === unapplied.length - 1 && !hasIntactRecordAfter(buf, rec.offset, rec.seq);
      const why = `rekaman #${rec.seq} gagal diterapkan: ${errorText(res.failed.error)}`;
      if (isFinalRecord) {
        // A transaction whose COMMIT failed after its record was written: write() threw for it
        // and removed the record; a crash in that instant leaves it here. It was never acknowledged.
        discardedTail = { file: j.name, offset: rec.offset, bytes: buf.length - rec.offset, reason: why };
      } else {
        loss = { code: 'REPLAY_FAILED', reason: `${j.name}: ${why}` };
        damagedCopy = { name: j.name, data: buf };
      }
      append = { index: i, end: rec.offset };
      break;
    }
    if (bad) {
      const laterIntact = hasIntactRecordAfter(buf, bad.offset, lastIntactSeq);
      if (isLast && !laterIntact) {
        // torn or damaged tail: the record being written when the process or machine stopped
        discardedTail = { file: j.name, offset: bad.offset, bytes: buf.length - bad.offset, reason: bad.reason };
      } else {
        loss = {
          code: 'JOURNAL_CORRUPT',
          reason:
            `jurnal ${j.name} rusak di byte ${bad.offset} (${bad.reason}), padahal ` +
            [laterIntact ? 'sesudahnya masih ada rekaman utuh' : '', isLast ? '' : 'masih ada berkas jurnal sesudahnya']
              .filter(Boolean)
              .join(' dan '),
        };
        damagedCopy = { name: j.name, data: buf };
      }
      append = { index: i, end: bad.offset };
      break;
    }
    append = { index: i, end: scan.end };
  }

  const lastSeq = next - 1;
  if (!loss && lastSeq < knownCommitted) {
    loss = {
      code: 'DATA_LOSS',
      reason: `snapshot #${knownCommitted} pernah selesai ditulis tetapi rusak, dan jurnal hanya dapat memulihkan sampai #${lastSeq}`,
    };
  }
  if (loss && !ctx.allowDataLoss) throw dataLossError(ctx, loss, baseSeq, lastSeq, knownCommitted, skipped);

  // ---- from here on the open will succeed: repair the folder ----
  const toQuarantine: string[] = [];
  const skippedSeqs = new Set<number>();
  for (const s of skipped) {
    const seq = parseSnapshotFileName(s.file);
    if (seq === null) continue;
    skippedSeqs.add(seq);
    for (const f of [manifestFileName(seq), snapshotFileName(seq)]) if (names.includes(f)) toQuarantine.push(f);
  }
  if (loss) {
    // journals past the point we recovered to would collide with the sequence numbers we reuse
    const keepUntil = append ? append.index : Math.max(first, -1);
    journals.forEach((j, i) => {
      if (i > keepUntil) toQuarantine.push(j.name);
    });
  }
  const quarantineDir = quarantine(ctx, toQuarantine, damagedCopy);
  removeLeftovers(ctx, names, skippedSeqs);

  let journal: JournalWriter;
  const target = append ? journals[append.index] : undefined;
  if (append && target) {
    journal = openJournalWriter(fs, dir, target.start, append.end, ctx.platform);
  } else {
    journal = openJournalWriter(fs, dir, lastSeq + 1, null, ctx.platform);
  }

  const dataLoss: OpenReport['dataLoss'] = loss
    ? { reason: loss.reason, recoveredToSeq: lastSeq, knownCommittedSeq: Math.max(knownCommitted, lastSeq), quarantineDir }
    : null;
  if (skipped.length) ctx.warn(`snapshot dilewati: ${skipped.map((s) => `${s.file} (${s.reason})`).join('; ')}`);
  if (discardedTail) ctx.warn(`ekor jurnal yang tidak pernah dikonfirmasi dibuang: ${discardedTail.file} @${discardedTail.offset}, ${discardedTail.bytes} byte (${discardedTail.reason})`);
  if (dataLoss) ctx.warn(`PEMULIHAN DENGAN KEHILANGAN DATA: ${dataLoss.reason}`);
  return {
    conn,
    isNew: false,
    snapshotSeq: baseSeq,
    lastSeq,
    skippedSnapshots: skipped,
    replayedRecords: replayed,
    journalBytes: bytes,
    journalRecords: replayed,
    discardedTail,
    dataLoss,
    quarantineDir,
    journal,
    needsSnapshot: skipped.length > 0 || loss !== null || emptyBase,
    snapshotMissing: emptyBase,
  };
}

/**
 * Applies journal records. Fast path: one transaction with a savepoint per record (replaying
 * thousands of records one COMMIT at a time would slow the start). If that final COMMIT fails
 * (deferred foreign keys are only checked there) the records are redone one transaction each to
 * find the one that fails.
 */
function applyRecords(conn: Connection, records: readonly JournalRecord[]): { applied: number; failed: null | { index: number; error: unknown } } {
  if (records.length === 0) return { applied: 0, failed: null };
  conn.exec('BEGIN');
  let failed: null | { index: number; error: unknown } = null;
  let i = 0;
  for (; i < records.length; i++) {
    const rec = records[i] as JournalRecord;
    conn.exec('SAVEPOINT store_replay');
    try {
      for (const s of decodePayload(rec.payload)) conn.run(s.sql, s.params);
      conn.exec('RELEASE store_replay');
    } catch (error) {
      conn.exec('ROLLBACK TO store_replay');
      conn.exec('RELEASE store_replay');
      failed = { index: i, error };
      break;
    }
  }
  try {
    conn.exec('COMMIT');
  } catch {
    conn.exec('ROLLBACK');
    return applyEach(conn, records);
  }
  return { applied: i, failed };
}

function applyEach(conn: Connection, records: readonly JournalRecord[]): { applied: number; failed: null | { index: number; error: unknown } } {
  for (let i = 0; i < records.length; i++) {
    conn.exec('BEGIN');
    try {
      for (const s of decodePayload((records[i] as JournalRecord).payload)) conn.run(s.sql, s.params);
      conn.exec('COMMIT');
    } catch (error) {
      try {
        conn.exec('ROLLBACK');
      } catch {
        // a failed COMMIT may already have ended the transaction
      }
      return { applied: i, failed: { index: i, error } };
    }
  }
  return { applied: records.length, failed: null };
}

/** Moves files into karantina-<time>/ (never deleted by rotation); returns that folder or null. */
function quarantine(ctx: Ctx, files: readonly string[], copy: null | { name: string; data: Buffer }): string | null {
  if (files.length === 0 && !copy) return null;
  const { fs, dir, platform } = ctx;
  const qdir = join(dir, `karantina-${ctx.now().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}`);
  fs.mkdirSync(qdir, { recursive: true });
  if (copy) {
    const fd = fs.openSync(join(qdir, `${copy.name}.asli`), 'w');
    try {
      writeAll(fs, fd, copy.data, 0);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  }
  for (const f of files) {
    try {
      renameWithRetry(fs, join(dir, f), join(qdir, f), platform);
    } catch (err) {
      ctx.warn(`gagal memindahkan ${f} ke karantina`, err);
    }
  }
  fsyncDir(fs, qdir, platform);
  fsyncDir(fs, dir, platform);
  return qdir;
}

/** Deletes *.tmp files and snapshot files whose manifest never got written (never committed). */
function removeLeftovers(ctx: Ctx, names: readonly string[], keep: ReadonlySet<number>): void {
  const manifestSeqs = new Set(names.map(parseManifestFileName).filter(isNum));
  for (const name of names) {
    const seq = parseSnapshotFileName(name);
    const orphan = seq !== null && !manifestSeqs.has(seq) && !keep.has(seq);
    const tmp = /^(snapshot|journal)-\d{12}\.(sqlite|json|log)\.tmp$/.test(name);
    if (!orphan && !tmp) continue;
    try {
      ctx.fs.unlinkSync(join(ctx.dir, name));
    } catch (err) {
      if (errCode(err) !== 'ENOENT') ctx.warn(`gagal menghapus berkas sisa ${name}`, err);
    }
  }
}

function noUsableSnapshot(ctx: Ctx, manifests: number[], journals: JournalFile[], skipped: OpenReport['skippedSnapshots']): StoreOpenError {
  const found =
    skipped.length > 0
      ? `${skipped.length} snapshot ditemukan tetapi semuanya rusak (${skipped.map((s) => `${s.file}: ${s.reason}`).join('; ')})`
      : 'tidak ada snapshot yang lengkap (berkas manifest snapshot-….json tidak ada)';
  return new StoreOpenError(
    'NO_USABLE_SNAPSHOT',
    `Basis data di folder "${ctx.dir}" tidak dapat dibuka: ${found}; ada ${journals.length} berkas jurnal, ` +
      `tetapi jurnal dari transaksi pertama tidak ada sehingga data tidak bisa disusun ulang. ` +
      'Aplikasi TIDAK membuat basis data kosong agar data tidak hilang tanpa disadari. Pilihan pemulihan: ' +
      '(1) pulihkan folder ini dari cadangan (salinan folder data, mis. di flashdisk atau server kantor) lalu buka lagi; ' +
      '(2) kirim folder ini apa adanya kepada dukungan teknis; ' +
      '(3) bila memang ingin memulai dengan basis data baru, pindahkan seluruh isi folder ke tempat lain terlebih dahulu.',
    { dir: ctx.dir, manifests, journals: journals.map((j) => j.name), skippedSnapshots: skipped },
  );
}

function dataLossError(
  ctx: Ctx,
  loss: { code: string; reason: string },
  baseSeq: number,
  lastSeq: number,
  knownCommitted: number,
  skipped: OpenReport['skippedSnapshots'],
): StoreOpenError {
  return new StoreOpenError(
    loss.code,
    `Basis data di folder "${ctx.dir}" tidak dapat dipulihkan utuh: ${loss.reason}. ` +
      `Yang dapat dipulihkan: snapshot #${baseSeq} ditambah jurnal sampai transaksi #${lastSeq}` +
      (knownCommitted > lastSeq ? ` (paling sedikit sampai #${knownCommitted} pernah tersimpan)` : '') +
      '. Pilihan: (1) pulihkan folder dari cadangan bila ada; (2) kirim folder ini kepada dukungan teknis; ' +
      '(3) bila kehilangan transaksi sesudah titik itu dapat diterima, buka dengan opsi allowDataLossRecovery ' +
      '(terima kehilangan data) — berkas yang rusak dipindahkan ke folder karantina, tidak dihapus.',
    { dir: ctx.dir, baseSeq, lastSeq, knownCommitted, skippedSnapshots: skipped },
  );
}

// ---------------------------------------------------------------------------------------------
// Migrations

function checkMigrations(list: readonly Migration[]): Migration[] {
  const sorted = [...list].sort((a, b) => a.version - b.version);
  sorted.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new StoreOpenError(
        'MIGRATIONS_INVALID',
        `Daftar migrasi tidak berurutan: diharapkan versi ${i + 1}, ditemukan versi ${m.version} (${m.name}). ` +
          'Versi migrasi harus 1, 2, 3, … tanpa celah dan tanpa duplikat.',
        { versions: sorted.map((x) => x.version) },
      );
    }
  });
  return sorted;
}

// ---------------------------------------------------------------------------------------------
// The open store

function finishOpen(
  ctx: Ctx,
  loaded: Loaded,
  migrations: Migration[],
  options: StoreOptions,
  releaseLock: () => void,
  started: number,
): Store {
  const { fs, dir, platform } = ctx;
  const limitBytes = options.snapshotJournalBytes ?? DEFAULT_SNAPSHOT_JOURNAL_BYTES;
  const limitRecords = options.snapshotJournalRecords ?? DEFAULT_SNAPSHOT_JOURNAL_RECORDS;
  const conn = loaded.conn;
  let journal = loaded.journal;
  let lastSeq = loaded.lastSeq;
  let snapshotSeq = loaded.snapshotSeq;
  let journalBytes = loaded.journalBytes;
  let journalRecords = loaded.journalRecords;
  /** after a failed automatic snapshot, wait for this many records before trying again */
  let snapshotRetryAt = 0;
  let snapshotMissing = loaded.snapshotMissing;
  let inWrite = false;
  let closed = false;
  let poisoned: string | null = null;

  const assertUsable = (): void => {
    if (poisoned !== null) {
      throw new StoreError(
        'POISONED',
        `Penyimpanan dihentikan: ${poisoned}. Tutup lalu buka kembali aplikasi; transaksi yang sudah berhasil tetap aman di jurnal.`,
      );
    }
    if (closed) throw new StoreError('CLOSED', 'Penyimpanan sudah ditutup.');
  };

  const read = (sql: string, params: SqlParams | undefined): { a: SqlAnalysis; p: SqlValue[] } => {
    const a = conn.analysis(sql);
    if (a.notARead !== null) {
      throw new StoreError(
        'NOT_A_READ',
        `get()/all() hanya untuk membaca (SELECT); "${a.notARead}" harus lewat write(tx => tx.run(…)) agar tercatat di jurnal.`,
      );
    }
    return { a, p: checkParams(params, a, false) };
  };

  const storeGet = <T extends object = Row>(sql: string, params?: SqlParams): T | undefined => {
    assertUsable();
    const { p } = read(sql, params);
    return conn.get(sql, p) as T | undefined;
  };
  const storeAll = <T extends object = Row>(sql: string, params?: SqlParams): T[] => {
    assertUsable();
    const { p } = read(sql, params);
    return conn.all(sql, p) as T[];
  };

  /** Removes a record that must not count (its transaction is rolled back); poisons if even that fails. */
  const undoAppend = (size: number, cause: unknown): void => {
    try {
      journal.truncate(size);
    } catch (err) {
      poisoned = `jurnal ${journal.file} tidak dapat dikembalikan ke ${size} byte setelah gagal menulis (${errorText(cause)}; lalu ${errorText(err)})`;
    }
  };

  const rollback = (): void => {
    try {
      conn.exec('ROLLBACK');
    } catch {
      // sqlite may already have rolled back (e.g. after a failed COMMIT)
    }
  };

  const write = <T>(fn: (tx: WriteTx) => T): T => {
    assertUsable();
    if (inWrite) {
      throw new StoreError('NESTED_WRITE', 'write() tidak boleh dipanggil di dalam write() lain; gunakan objek tx yang sudah ada.');
    }
    inWrite = true;
    const recorded: string[] = [];
    let failure: unknown = null;
    let active = true;
    const assertActive = (): void => {
      if (!active) throw new StoreError('TX_FINISHED', 'Objek tx sudah tidak berlaku: transaksinya sudah selesai.');
    };
    const tx: WriteTx = {
      run(sql: string, params?: SqlParams): RunResult {
        assertActive();
        const a = conn.analysis(sql);
        if (a.statementCount === 0) throw new StoreError('EMPTY_SQL', 'Perintah SQL kosong.');
        if (a.forbiddenInWrite !== null) {
          throw new StoreError('FORBIDDEN_SQL', `Perintah ${a.forbiddenInWrite} tidak boleh dijalankan di dalam write(); transaksi diatur oleh penyimpanan.`);
        }
        if (a.nondeterministic !== null) throw nondeterministic(a.nondeterministic);
        const p = checkParams(params, a, true);
        if (a.statementCount > 1 && p.length > 0) {
          throw new StoreError('MULTI_STATEMENT_PARAMS', 'Perintah dengan parameter harus satu pernyataan SQL saja (tanpa ; di tengah).');
        }
        let changes: number;
        try {
          changes = conn.run(sql, p);
        } catch (err) {
          failure = err;
          throw err;
        }
        recorded.push(encodeStatement(sql, p));
        return { changes };
      },
      get<R extends object = Row>(sql: string, params?: SqlParams): R | undefined {
        assertActive();
        const { p } = read(sql, params);
        return conn.get(sql, p) as R | undefined;
      },
      all<R extends object = Row>(sql: string, params?: SqlParams): R[] {
        assertActive();
        const { p } = read(sql, params);
        return conn.all(sql, p) as R[];
      },
    };

    try {
      conn.exec('BEGIN');
    } catch (err) {
      inWrite = false;
      throw err;
    }
    let result: T;
    try {
      result = fn(tx);
      if (isThenable(result)) {
        throw new StoreError('ASYNC_WRITE', 'Fungsi di dalam write() harus sinkron (tanpa async/await): semua perintah harus selesai sebelum transaksi ditutup.');
      }
      if (failure !== null) {
        throw new StoreError(
          'STATEMENT_FAILED',
          `Transaksi dibatalkan karena ada perintah yang gagal di dalamnya: ${errorText(failure)}`,
          { cause: failure },
        );
      }
    } catch (err) {
      active = false;
      rollback();
      inWrite = false;
      throw err;
    }
    active = false;

    try {
      if (recorded.length === 0) {
        // only reads: nothing to make durable
        conn.exec('COMMIT');
        return result;
      }
      const seq = lastSeq + 1;
      const record = encodeRecord(seq, recorded);
      const before = journal.size;
      try {
        journal.append(record);
      } catch (err) {
        undoAppend(before, err);
        rollback();
        throw new StoreError(
          'JOURNAL_WRITE_FAILED',
          `Transaksi tidak tersimpan: jurnal tidak dapat ditulis ke disk (${errorText(err)}). Periksa ruang disk dan izin folder "${dir}".`,
          { cause: err },
        );
      }
      try {
        conn.exec('COMMIT');
      } catch (err) {
        undoAppend(before, err);
        rollback();
        throw new StoreError('COMMIT_FAILED', `Transaksi dibatalkan saat COMMIT: ${errorText(err)}`, { cause: err });
      }
      lastSeq = seq;
      journalBytes += record.length;
      journalRecords++;
    } finally {
      inWrite = false;
    }
    maybeAutoSnapshot();
    return result;
  };

  /** Runs after a commit returned to durability; its failure must not fail that commit. */
  const maybeAutoSnapshot = (): void => {
    if (journalBytes < limitBytes && journalRecords < limitRecords) return;
    if (journalRecords < snapshotRetryAt) return;
    try {
      snapshot();
    } catch (err) {
      snapshotRetryAt = journalRecords + Math.max(100, Math.ceil(limitRecords / 10));
      ctx.warn('snapshot otomatis gagal; transaksi tetap aman di jurnal, dicoba lagi nanti', err);
    }
  };

  const snapshot = (): void => {
    assertUsable();
    if (inWrite) throw new StoreError('SNAPSHOT_IN_WRITE', 'snapshot() tidak boleh dipanggil di dalam write().');
    if (lastSeq === snapshotSeq && !snapshotMissing) {
      rotate();
      return; // the newest snapshot already holds exactly this state
    }
    const seq = lastSeq;
    const bytes = conn.exportBytes();
    writeSnapshot(fs, dir, seq, bytes, schemaVersion(), ctx.now(), platform);
    snapshotSeq = seq;
    snapshotMissing = false;
    journalBytes = 0;
    journalRecords = 0;
    snapshotRetryAt = 0;
    if (journal.startSeq !== seq + 1) {
      try {
        const next = openJournalWriter(fs, dir, seq + 1, null, platform);
        journal.close();
        journal = next;
      } catch (err) {
        // Safe to keep appending to the old file: recovery reads records > seq from whichever
        // journal holds them, and rotation keeps that file while this snapshot is kept.
        ctx.warn(`jurnal baru ${journalFileName(seq + 1)} tidak dapat dibuat; jurnal lama tetap dipakai`, err);
      }
    }
    rotate();
  };

  /** Deletes snapshots and journals outside the retention policy (backups.ts). */
  const rotate = (): void => {
    try {
      const names = fs.readdirSync(dir);
      const entries: { seq: number; createdAt: Date }[] = [];
      for (const name of names) {
        const seq = parseManifestFileName(name);
        if (seq === null) continue;
        try {
          const m = parseManifest(fs.readFileSync(join(dir, name), 'utf8'), seq);
          entries.push({ seq, createdAt: new Date(m.createdAt) });
        } catch {
          // an unreadable manifest is left alone: the next open reports it
        }
      }
      const starts = names.map(parseJournalFileName).filter(isNum);
      const plan = planRotation(entries, starts, ctx.now());
      for (const seq of plan.deleteSnapshots) {
        if (seq === snapshotSeq) continue;
        // manifest first: without it the snapshot no longer counts, even if we stop halfway
        unlinkQuiet(manifestFileName(seq));
        unlinkQuiet(snapshotFileName(seq));
      }
      for (const start of plan.deleteJournals) {
        if (start === journal.startSeq) continue;
        unlinkQuiet(journalFileName(start));
      }
    } catch (err) {
      ctx.warn('rotasi cadangan gagal', err);
    }
  };

  const unlinkQuiet = (name: string): void => {
    try {
      fs.unlinkSync(join(dir, name));
    } catch (err) {
      if (errCode(err) !== 'ENOENT') ctx.warn(`gagal menghapus ${name}`, err);
    }
  };

  const schemaVersion = (): number => {
    const row = conn.get('PRAGMA user_version', []);
    return Number(row?.user_version ?? 0);
  };

  const shutdown = (): void => {
    closed = true;
    try {
      journal.close();
    } finally {
      try {
        conn.close();
      } finally {
        releaseLock();
      }
    }
  };

  const close = (opts?: { snapshot?: boolean }): void => {
    if (closed) return;
    if (inWrite) throw new StoreError('CLOSE_IN_WRITE', 'close() tidak boleh dipanggil di dalam write().');
    let error: unknown = null;
    if (opts?.snapshot !== false && poisoned === null && !inWrite) {
      try {
        snapshot();
      } catch (err) {
        error = err;
      }
    }
    shutdown();
    if (error !== null) {
      throw new StoreError('CLOSE_SNAPSHOT_FAILED', `Snapshot saat menutup gagal (data tetap aman di jurnal): ${errorText(error)}`, { cause: error });
    }
  };

  const report: OpenReport = {
    dir,
    isNew: loaded.isNew,
    snapshotSeq: loaded.snapshotSeq,
    skippedSnapshots: loaded.skippedSnapshots,
    replayedRecords: loaded.replayedRecords,
    lastSeq: loaded.lastSeq,
    discardedTail: loaded.discardedTail,
    migrationsApplied: [],
    openMs: 0,
    dataLoss: loaded.dataLoss,
    quarantineDir: loaded.quarantineDir,
  };

  const store: Store = {
    write,
    snapshot,
    close,
    get: storeGet,
    all: storeAll,
    report,
    get schemaVersion() {
      assertUsable();
      return schemaVersion();
    },
    get lastSeq() {
      return lastSeq;
    },
  };

  try {
    const current = schemaVersion();
    if (current > migrations.length) {
      throw new StoreOpenError(
        'SCHEMA_TOO_NEW',
        `Basis data di "${dir}" memakai skema versi ${current}, lebih baru dari aplikasi ini (versi ${migrations.length}). Perbarui aplikasi sebelum membuka data ini.`,
        { dir, schemaVersion: current, appVersion: migrations.length },
      );
    }
    for (const m of migrations) {
      if (m.version <= current) continue;
      try {
        write((tx) => {
          m.up(tx);
          tx.run(`PRAGMA user_version = ${m.version}`);
        });
      } catch (err) {
        throw new StoreOpenError(
          'MIGRATION_FAILED',
          `Migrasi skema versi ${m.version} (${m.name}) gagal: ${errorText(err)}. Basis data tetap pada versi ${m.version - 1}.`,
          { dir, version: m.version, name: m.name, cause: err },
        );
      }
      report.migrationsApplied.push(m.version);
    }
    report.lastSeq = lastSeq;
    if (loaded.needsSnapshot || journalBytes >= limitBytes || journalRecords >= limitRecords) {
      try {
        snapshot();
      } catch (err) {
        ctx.warn('snapshot sesudah pemulihan gagal; data tetap aman di jurnal', err);
      }
    }
  } catch (err) {
    shutdown();
    throw err;
  }
  report.openMs = performance.now() - started;
  return store;
}

// ---------------------------------------------------------------------------------------------
// helpers

function nondeterministic(what: string): StoreError {
  return new StoreError(
    'NONDETERMINISTIC_SQL',
    `Perintah SQL tidak boleh memakai ${what}: hasilnya akan berbeda saat jurnal diputar ulang. ` +
      'Ambil waktu, zona waktu dan nilai acak di kode lalu kirim sebagai parameter (mis. new Date().toISOString()).',
  );
}

const CLOCK_PARAM = /^\s*(now|localtime|utc)\s*$/i;

/** Validates bound values; returns the array to bind and record (-0 normalised to 0). */
function checkParams(params: SqlParams | undefined, a: SqlAnalysis, forWrite: boolean): SqlValue[] {
  if (params === undefined) params = [];
  if (!Array.isArray(params)) throw new StoreError('INVALID_PARAM', 'Parameter SQL harus berupa larik (array) nilai, satu untuk setiap tanda ?.');
  const out: SqlValue[] = new Array<SqlValue>(params.length);
  for (let i = 0; i < params.length; i++) {
    const v: unknown = params[i];
    if (v === null || typeof v === 'string') {
      if (forWrite && typeof v === 'string' && a.usesDateFunction && CLOCK_PARAM.test(v)) throw nondeterministic(`parameter '${v.trim()}' pada fungsi tanggal`);
      out[i] = v;
    } else if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new StoreError('INVALID_PARAM', `Parameter ke-${i + 1} bukan angka terhingga (${v}).`);
      if (Number.isInteger(v) && !Number.isSafeInteger(v)) {
        throw new StoreError('INVALID_PARAM', `Parameter ke-${i + 1} (${v}) di luar batas bilangan bulat yang aman (±${Number.MAX_SAFE_INTEGER}).`);
      }
      out[i] = v === 0 ? 0 : v;
    } else if (v instanceof Uint8Array) {
      out[i] = v;
    } else {
      const kind = v === undefined ? 'undefined' : typeof v === 'boolean' ? 'boolean (pakai 1/0)' : typeof v === 'bigint' ? 'bigint' : Array.isArray(v) ? 'larik' : typeof v;
      throw new StoreError('INVALID_PARAM', `Parameter ke-${i + 1} bertipe ${kind} tidak didukung; gunakan angka, teks, null atau Uint8Array.`);
    }
  }
  if (a.positionalParams >= 0 && out.length !== a.positionalParams) {
    throw new StoreError('INVALID_PARAM', `Jumlah parameter (${out.length}) tidak sama dengan jumlah tanda ? di perintah SQL (${a.positionalParams}).`);
  }
  return out;
}

function isThenable(v: unknown): boolean {
  return typeof v === 'object' && v !== null && typeof (v as { then?: unknown }).then === 'function';
}

function isNum(v: number | null): v is number {
  return v !== null;
}
