// Benchmark of bill runs and payer search (npm run bench:billing).
//
// A real backend (openBackend through test/helpers/backend.ts, profile 'production': no demo
// data) in a temp folder. Master data from test/bench/fixtures/master.ts is written through the
// store (multi-row INSERTs, a few write transactions) with an admin user; then the backend is
// closed and opened again, as the app starts: the database comes from its snapshot (with the
// store's headroom), the journal is empty, and the admin logs in through auth.login.
//
// 1. run_10k_ms: the monthly rusunawa run (billing.run through the router) for 10 000 occupied
//    units (5 floors, each contract with AIR and SAMPAH): plan + one write transaction with
//    10 000 bills and 30 000 lines + journal record + fdatasync, wall time around the router call
//    (CPU time and GC time of the same call printed beside it). No automatic snapshot falls inside
//    it (checked); what one costs is printed separately.
// 2. run_floor_ms: the same rows (read back from the store: same ids, numbers, texts, amounts)
//    inserted by a bare sql.js prepared-statement loop inside one BEGIN…COMMIT on a fresh
//    in-memory database with the app's schema (every migration's up() run on the raw database),
//    default connection settings (no journal, no fsync, foreign keys off). Median of 3.
//    Also shown, to separate sqlite's share from the store's: the same loop with the store's
//    connection PRAGMAs (foreign_keys = ON, 64 MiB cache) and the parent rows present, and the
//    same loop on the store's own pre-run database file opened as the store opens it.
// 3. market_5k_ms: the daily market run (pasar_harian) for 5 000 lapak with harian permits.
// 4. Where the time goes: a second rusunawa run (next period) with timers around the store's
//    write(), every tx.run, the sql.js statement methods and the journal's writeSync/fdatasync,
//    plus GC entries; the JSON encoding of the same statements is also timed on its own.
// 5. search_p95_ms: 100 000 payers (each with a contract or permit; 45 000 contracts and 40 000
//    monthly permits added after the runs, so the runs see only their 10 000 / 5 000), 200
//    inquiry.search calls through the router, half IDPEL prefixes (12–15 digits of a real IDPEL),
//    half name fragments (3–5 letters from inside a word of a real name). The first call builds
//    the in-memory index: it is made once before the 200, printed on its own, not in the p95.
//
// The table is printed after the backend is closed and ends with one JSON line:
// {"bench":"billing","run_10k_ms":a,"run_floor_ms":b,"run_ratio":x,"market_5k_ms":m,"search_p95_ms":s}
import fs from 'node:fs';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PerformanceObserver, performance, type PerformanceEntry } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Database, Statement } from 'sql.js';
import { makeTestBackend, testClock, type TestBackend } from '../helpers/backend';
import { hashPassword } from '../../main/auth/password';
import { insertUser } from '../../main/auth/users';
import { planRun, insertPlannedBills } from '../../main/billing/runs';
import { encodeRecord, encodeStatement } from '../../main/store/journal';
import { migrations } from '../../main/store/migrations';
import { CONNECTION_PRAGMAS, loadSqlJs, openConnection } from '../../main/store/sqljs';
import { readVerifiedSnapshot } from '../../main/store/snapshot';
import { defaultFs } from '../../main/store/fsutil';
import type { Row, SqlParams, SqlValue, Store, WriteTx } from '../../main/store/types';
import type { RunResult } from '../../shared/contract/billing';
import { insertFixtures, leviesAndTariffs, markets, prng, rusunawa, type BuildCtx, type Fixture } from './fixtures/master';

const RUSUN_UNITS = 10_000;
const MARKET_STALLS = 5_000;
const SEARCH_PAYERS = 100_000;
const SEARCH_QUERIES = 200;
const FLOOR_REPEATS = 3;
const PERIOD = '2026-12';
const PROFILE_PERIOD = '2027-01';
const MARKET_DAY = '2026-12-04';
const ADMIN_PASSWORD = 'Bangku-Loket-2026';

const INSERT_BILL = `INSERT INTO bills (id, skrd_no, levy_id, payer_id, idpel, object_type, object_id, period, issue_date, due_date, principal, run_id, created_at, created_by)
       VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)`;
const BILL_COLUMNS = ['id', 'skrd_no', 'levy_id', 'payer_id', 'idpel', 'object_type', 'object_id', 'period', 'issue_date', 'due_date', 'principal', 'run_id', 'created_at', 'created_by'];
const INSERT_LINE = 'INSERT INTO bill_lines (id, bill_id, line_no, kind, description, tariff_id, quantity, unit_price, amount) VALUES (?,?,?,?,?,?,?,?,?)';
const LINE_COLUMNS = ['id', 'bill_id', 'line_no', 'kind', 'description', 'tariff_id', 'quantity', 'unit_price', 'amount'];

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const now = (): number => performance.now();
/** CPU time of this process (all threads) in ms: a cross-check of wall times on a busy machine */
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** garbage collections, to tell how much of a wall time is GC (entries arrive asynchronously) */
const gcEntries: PerformanceEntry[] = [];
new PerformanceObserver((list) => {
  gcEntries.push(...list.getEntries());
}).observe({ entryTypes: ['gc'] });

async function gcBetween(from: number, to: number): Promise<{ ms: number; count: number }> {
  await new Promise((r) => setImmediate(r));
  await new Promise((r) => setTimeout(r, 20));
  const xs = gcEntries.filter((e) => e.startTime >= from && e.startTime < to);
  return { ms: xs.reduce((s, e) => s + e.duration, 0), count: xs.length };
}

function pct(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))] ?? Number.NaN;
}

function median(xs: readonly number[]): number {
  return pct(xs, 0.5);
}

function r1(x: number): number {
  return Math.round(x * 10) / 10;
}

function r2(x: number): number {
  return Math.round(x * 100) / 100;
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function count(store: Store, sql: string, params: SqlParams = []): number {
  return store.get<{ n: number }>(sql, params)?.n ?? -1;
}

function journalBytes(dir: string): { files: number; bytes: number; newest: number } {
  const names = readdirSync(dir).filter((f) => /^journal-\d+\.log$/.test(f)).sort();
  const sizes = names.map((f) => statSync(join(dir, f)).size);
  return { files: names.length, bytes: sizes.reduce((s, x) => s + x, 0), newest: sizes[sizes.length - 1] ?? 0 };
}

async function callOk<T>(b: TestBackend, op: string, input: unknown, session: string): Promise<T> {
  const res = await b.call({ op, input, session } as Parameters<TestBackend['call']>[0], 'test');
  if (!res.ok) throw new Error(`${op} failed: ${res.error.code} ${res.error.message}`);
  return res.value as T;
}

// ---------------------------------------------------------------------------------------------
// the floor: bare sql.js

/** runs every migration's up() on a raw sql.js database */
function applySchema(db: Database): void {
  const rows = (sql: string, params?: SqlParams): Row[] => {
    const st = db.prepare(sql);
    try {
      if (params && params.length) st.bind(params as SqlValue[]);
      const out: Row[] = [];
      while (st.step()) out.push(st.getAsObject() as Row);
      return out;
    } finally {
      st.free();
    }
  };
  const tx: WriteTx = {
    run(sql, params) {
      if (params && params.length) db.run(sql, params as SqlValue[]);
      else db.run(sql);
      return { changes: db.getRowsModified() };
    },
    get<T extends object = Row>(sql: string, params?: SqlParams): T | undefined {
      return rows(sql, params)[0] as T | undefined;
    },
    all<T extends object = Row>(sql: string, params?: SqlParams): T[] {
      return rows(sql, params) as T[];
    },
  };
  for (const m of migrations) {
    db.run('BEGIN');
    m.up(tx);
    db.run(`PRAGMA user_version = ${m.version}`);
    db.run('COMMIT');
  }
}

interface FloorRows {
  bills: SqlValue[][];
  lines: SqlValue[][][];
  parents: { table: string; columns: string[]; rows: SqlValue[][] }[];
}

function readRunRows(store: Store, runId: string): FloorRows {
  const bills = store.all<Row>(`SELECT ${BILL_COLUMNS.join(', ')} FROM bills WHERE run_id = ? ORDER BY rowid`, [runId]);
  const lines = store.all<Row>(
    `SELECT ${LINE_COLUMNS.map((c) => `l.${c}`).join(', ')} FROM bill_lines l JOIN bills b ON b.id = l.bill_id WHERE b.run_id = ? ORDER BY l.rowid`,
    [runId],
  );
  const byBill = new Map<string, SqlValue[][]>();
  for (const l of lines) {
    const list = byBill.get(l.bill_id as string) ?? [];
    list.push(LINE_COLUMNS.map((c) => l[c] as SqlValue));
    byBill.set(l.bill_id as string, list);
  }
  const parentTable = (table: string, sql: string) => {
    const rs = store.all<Row>(sql, [runId]);
    const columns = Object.keys(rs[0] ?? {});
    return { table, columns, rows: rs.map((r) => columns.map((c) => r[c] as SqlValue)) };
  };
  return {
    bills: bills.map((b) => BILL_COLUMNS.map((c) => b[c] as SqlValue)),
    lines: bills.map((b) => byBill.get(b.id as string) ?? []),
    parents: [
      parentTable('levies', 'SELECT * FROM levies WHERE id IN (SELECT levy_id FROM bills WHERE run_id = ?)'),
      parentTable('tariffs', 'SELECT * FROM tariffs WHERE levy_id IN (SELECT levy_id FROM bills WHERE run_id = ?)'),
      parentTable('payers', 'SELECT * FROM payers WHERE id IN (SELECT payer_id FROM bills WHERE run_id = ?)'),
    ],
  };
}

type FloorMode = { kind: 'fresh' } | { kind: 'fresh-fk' } | { kind: 'store-db'; bytes: () => Uint8Array };

/** inserts the rows in one transaction with two prepared statements; ms in total and in COMMIT */
async function floorInsert(rows: FloorRows, mode: FloorMode): Promise<{ ms: number; commitMs: number; cpuMs: number; gcMs: number }> {
  const SQL = await loadSqlJs();
  let db: Database;
  let close: () => void;
  if (mode.kind === 'store-db') {
    // the store's own database file as it was before the run, opened as the store opens it
    const conn = openConnection(SQL, mode.bytes());
    db = conn.db;
    close = () => conn.close();
  } else {
    db = new SQL.Database();
    close = () => db.close();
    applySchema(db);
    if (mode.kind === 'fresh-fk') {
      for (const p of CONNECTION_PRAGMAS) db.exec(p);
      db.run('BEGIN');
      for (const t of rows.parents) {
        const st = db.prepare(`INSERT INTO ${t.table} (${t.columns.join(', ')}) VALUES (${t.columns.map(() => '?').join(',')})`);
        for (const r of t.rows) st.run(r);
        st.free();
      }
      db.run('COMMIT');
    }
  }
  try {
    const before = Number(db.exec('SELECT count(*) FROM bills')[0]?.values[0]?.[0] ?? 0);
    gc();
    const c0 = cpu();
    const t0 = now();
    db.run('BEGIN');
    const sb = db.prepare(INSERT_BILL);
    const sl = db.prepare(INSERT_LINE);
    for (let i = 0; i < rows.bills.length; i++) {
      sb.run(rows.bills[i] as SqlValue[]);
      for (const l of rows.lines[i] ?? []) sl.run(l);
    }
    sb.free();
    sl.free();
    const t1 = now();
    db.run('COMMIT');
    const t2 = now();
    const cpuMs = cpu() - c0;
    const gcMs = (await gcBetween(t0, t2)).ms;
    const nb = Number(db.exec('SELECT count(*) FROM bills')[0]?.values[0]?.[0] ?? 0) - before;
    if (nb !== rows.bills.length) throw new Error(`floor inserted ${nb} bills, expected ${rows.bills.length}`);
    return { ms: t2 - t0, commitMs: t2 - t1, cpuMs, gcMs };
  } finally {
    close();
  }
}

// ---------------------------------------------------------------------------------------------
// the profiled run

interface Profile {
  gcMs: number;
  gcPlanMs: number;
  gcFnMs: number;
  gcCommitMs: number;
  totalMs: number;
  planMs: number;
  planSqlMs: number;
  fnMs: number;
  txRunMs: number;
  txRuns: number;
  fnSqlMs: number;
  commitMs: number;
  commitSqlMs: number;
  writeSyncMs: number;
  fsyncMs: number;
  afterMs: number;
  encodeMs: number;
  encodeBytes: number;
  statements: number;
  created: number;
}

type Fn = (...args: unknown[]) => unknown;

/** wraps methods of obj so the time spent in them is added to acc.ms; returns the undo */
function timeMethods(obj: Record<string, unknown>, names: readonly string[], acc: { ms: number }): () => void {
  const saved = names.map((n) => [n, obj[n]] as const);
  for (const [n, orig] of saved) {
    if (typeof orig !== 'function') throw new Error(`no method ${n}`);
    obj[n] = function (this: unknown, ...args: unknown[]): unknown {
      const s = performance.now();
      try {
        return (orig as Fn).apply(this, args);
      } finally {
        acc.ms += performance.now() - s;
      }
    };
  }
  return () => {
    for (const [n, orig] of saved) obj[n] = orig;
  };
}

async function profiledRun(b: TestBackend, session: string, period: string): Promise<Profile> {
  const services = b.services;
  const inner = services.store;

  // JSON journal serialization of exactly the statements the run records, measured on its own
  // (in a function of its own so none of it is alive during the profiled call)
  const { encodeMs, encodeBytes, statements } = ((): { encodeMs: number; encodeBytes: number; statements: number } => {
    const plan = planRun(inner, 'rusunawa', period);
    const captured: { sql: string; params: SqlValue[] }[] = [];
    const fake: WriteTx = {
      run(sql, params) {
        captured.push({ sql, params: [...(params ?? [])] });
        return { changes: 1 };
      },
      get<T extends object = Row>(): T | undefined {
        return undefined;
      },
      all<T extends object = Row>(): T[] {
        return [];
      },
    };
    insertPlannedBills(fake, plan.bills, { runId: 'x', terminal: services.config.terminalCode, createdAt: services.now().toISOString(), createdBy: 'x', newId: services.newId });
    gc();
    const e0 = now();
    const encoded = captured.map((st) => encodeStatement(st.sql, st.params));
    const record = encodeRecord(1, encoded);
    return { encodeMs: now() - e0, encodeBytes: record.length, statements: captured.length };
  })();

  // timers around the store's write(), every tx.run, sql.js statements and the journal's file calls
  const sql = { ms: 0 };
  const writes = { ms: 0 };
  const syncs = { ms: 0 };
  const SQL = await loadSqlJs();
  const probe = new SQL.Database();
  const st: Statement = probe.prepare('SELECT 1');
  const stProto = Object.getPrototypeOf(st) as Record<string, unknown>;
  st.free();
  probe.close();
  const t = { enter: 0, fnEnd: 0, writeEnd: 0, sqlAtEnter: 0, sqlAtFnEnd: 0, sqlAtWriteEnd: 0, txRunMs: 0, txRuns: 0 };
  const wrapped: Store = {
    write<T>(fn: (tx: WriteTx) => T): T {
      t.enter = now();
      t.sqlAtEnter = sql.ms;
      const out = inner.write((tx) => {
        const wtx: WriteTx = {
          run(s, p) {
            const s0 = performance.now();
            try {
              return tx.run(s, p);
            } finally {
              t.txRunMs += performance.now() - s0;
              t.txRuns++;
            }
          },
          get: <R extends object = Row>(s: string, p?: SqlParams) => tx.get<R>(s, p),
          all: <R extends object = Row>(s: string, p?: SqlParams) => tx.all<R>(s, p),
        };
        const r = fn(wtx);
        t.fnEnd = now();
        t.sqlAtFnEnd = sql.ms;
        return r;
      });
      t.writeEnd = now();
      t.sqlAtWriteEnd = sql.ms;
      return out;
    },
    snapshot: () => inner.snapshot(),
    close: (o) => inner.close(o),
    get: <R extends object = Row>(s: string, p?: SqlParams) => inner.get<R>(s, p),
    all: <R extends object = Row>(s: string, p?: SqlParams) => inner.all<R>(s, p),
    get report() {
      return inner.report;
    },
    get schemaVersion() {
      return inner.schemaVersion;
    },
    get lastSeq() {
      return inner.lastSeq;
    },
  };
  const undo = [
    timeMethods(stProto, ['bind', 'step', 'reset', 'get', 'getAsObject', 'getColumnNames'], sql),
    timeMethods(fs as unknown as Record<string, unknown>, ['writeSync'], writes),
    timeMethods(fs as unknown as Record<string, unknown>, ['fdatasyncSync'], syncs),
  ];
  services.store = wrapped;
  let result: RunResult;
  gc();
  const c0 = now();
  try {
    result = await callOk<RunResult>(b, 'billing.run', { kind: 'rusunawa', period }, session);
  } finally {
    services.store = inner;
    for (const u of undo) u();
  }
  const c1 = now();
  const gcTotal = await gcBetween(c0, c1);
  const gcPlan = await gcBetween(c0, t.enter);
  const gcFn = await gcBetween(t.enter, t.fnEnd);
  const gcCommit = await gcBetween(t.fnEnd, t.writeEnd);
  return {
    gcMs: gcTotal.ms,
    gcPlanMs: gcPlan.ms,
    gcFnMs: gcFn.ms,
    gcCommitMs: gcCommit.ms,
    totalMs: c1 - c0,
    planMs: t.enter - c0,
    planSqlMs: t.sqlAtEnter,
    fnMs: t.fnEnd - t.enter,
    txRunMs: t.txRunMs,
    txRuns: t.txRuns,
    fnSqlMs: t.sqlAtFnEnd - t.sqlAtEnter,
    commitMs: t.writeEnd - t.fnEnd,
    commitSqlMs: t.sqlAtWriteEnd - t.sqlAtFnEnd,
    writeSyncMs: writes.ms,
    fsyncMs: syncs.ms,
    afterMs: c1 - t.writeEnd,
    encodeMs,
    encodeBytes,
    statements,
    created: result.created,
  };
}

// ---------------------------------------------------------------------------------------------
// search queries

interface Query {
  kind: 'idpel' | 'name';
  query: string;
}

function makeQueries(payers: readonly { idpel: string; name: string }[], n: number, seed: number): Query[] {
  const rand = prng(seed);
  const any = () => payers[Math.floor(rand() * payers.length)] as { idpel: string; name: string };
  const out: Query[] = [];
  while (out.length < n) {
    if (out.length % 2 === 0) {
      const len = 12 + Math.floor(rand() * 4); // 12–15 digits
      out.push({ kind: 'idpel', query: any().idpel.slice(0, len) });
    } else {
      const len = 3 + Math.floor(rand() * 3); // 3–5 letters
      // from inside a word of the name: not its first letter
      const words = any().name.split(' ').filter((w) => w.length >= len + 1);
      const w = words[Math.floor(rand() * words.length)];
      if (!w) continue;
      const start = 1 + Math.floor(rand() * (w.length - len));
      out.push({ kind: 'name', query: w.slice(start, start + len).toLowerCase() });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'billing-bench-'));
  try {
    await run(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function newestSnapshotSeq(dir: string): number {
  const seqs = readdirSync(dir)
    .map((f) => /^snapshot-(\d+)\.json$/.exec(f)?.[1])
    .filter((x): x is string => x !== undefined)
    .map(Number);
  return Math.max(...seqs);
}

/** drops the generated rows once written (the app would not hold them; a big heap makes every GC slower) */
function release(...fixtures: Fixture[]): void {
  for (const f of fixtures) for (const t of f.tables) t.rows = [];
}

async function run(root: string): Promise<void> {
  const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');
  console.log(`billing benchmark in ${root} (node ${process.version}, ${process.platform}, ${cpus().length} cpus, load ${load()})`);
  const clock = testClock('2026-12-04T03:00:00.000Z');
  const dir = join(root, 'backend');
  const open = () => makeTestBackend({ profile: 'production', dir, clock });

  // ---- master data, written through the store, then closed and reopened as the app starts:
  //      the database comes from its snapshot (with the store's headroom) and the journal is empty
  const tBuild = now();
  const first = await open();
  const c: BuildCtx = { newId: first.services.newId, createdAt: clock.now().toISOString(), rand: prng(20261204) };
  const lev = leviesAndTariffs(c);
  const rus = rusunawa(c, { levyId: lev.rusunLevyId, units: RUSUN_UNITS, firstSerial: 1, firstBlock: 1 });
  const lapak = markets(c, { levyId: lev.pasarLevyId, stalls: MARKET_STALLS, type: 'lapak', billing: 'harian', stallsPerMarket: 500, firstSerial: 1, firstMarket: 1 });
  const passwordHash = await hashPassword(ADMIN_PASSWORD);
  first.services.store.write((tx) =>
    insertUser(tx, { id: first.services.newId(), username: 'admin', fullName: 'Admin Benchmark', role: 'admin', passwordHash, createdAt: clock.now() }),
  );
  const loaded = insertFixtures(first.services.store, [lev, rus, lapak]);
  release(lev, rus, lapak);
  await first.dispose();
  const b = await open();
  const { store } = b.services;
  let report = (): void => undefined;
  try {
    const session = await b.login('admin', ADMIN_PASSWORD);
    const preRunSeq = newestSnapshotSeq(dir);
    console.log(`master data: ${loaded.rows} rows in ${loaded.writes} write transactions, reopened from snapshot ${preRunSeq}, ${((now() - tBuild) / 1000).toFixed(1)} s (untimed)`);

    // ---- 1. the rusunawa run ----
    const snapBefore = newestSnapshotSeq(dir);
    gc();
    const c1 = cpu();
    const t1 = now();
    const rr = await callOk<RunResult>(b, 'billing.run', { kind: 'rusunawa', period: PERIOD }, session);
    const run10k = now() - t1;
    const run10kCpu = cpu() - c1;
    const run10kGc = await gcBetween(t1, t1 + run10k);
    const billsMade = count(store, 'SELECT count(*) AS n FROM bills WHERE run_id = ?', [rr.runId]);
    const linesMade = count(store, 'SELECT count(*) AS n FROM bill_lines l JOIN bills b ON b.id = l.bill_id WHERE b.run_id = ?', [rr.runId]);
    if (rr.created !== RUSUN_UNITS || billsMade !== RUSUN_UNITS || linesMade !== 3 * RUSUN_UNITS) {
      throw new Error(`rusunawa run made ${rr.created} (${billsMade} bills, ${linesMade} lines), expected ${RUSUN_UNITS} / ${3 * RUSUN_UNITS}`);
    }
    const rusunJournal = journalBytes(dir).newest;
    const autoSnapshotInRun = newestSnapshotSeq(dir) !== snapBefore;

    // ---- 2. the floor ----
    const floorRows = readRunRows(store, rr.runId);
    const floorOf = async (mode: FloorMode) => {
      const xs: { ms: number; commitMs: number; cpuMs: number; gcMs: number }[] = [];
      for (let i = 0; i < FLOOR_REPEATS; i++) xs.push(await floorInsert(floorRows, mode));
      const m = (f: (x: (typeof xs)[number]) => number) => median(xs.map(f));
      return { ms: m((x) => x.ms), commitMs: m((x) => x.commitMs), cpuMs: m((x) => x.cpuMs), gcMs: m((x) => x.gcMs), all: xs.map((x) => x.ms) };
    };
    const floorFresh = await floorOf({ kind: 'fresh' });
    const floorFk = await floorOf({ kind: 'fresh-fk' });
    const floorStoreDb = await floorOf({
      kind: 'store-db',
      bytes: () => {
        const r = readVerifiedSnapshot(defaultFs, dir, preRunSeq);
        if (!r.ok) throw new Error(`snapshot ${preRunSeq}: ${r.reason}`);
        return r.bytes;
      },
    });
    const runFloor = floorFresh.ms;

    // ---- 3. the daily market run ----
    gc();
    const journalBeforeMarket = journalBytes(dir).newest;
    const snapBeforeMarket = newestSnapshotSeq(dir);
    const c3 = cpu();
    const t3 = now();
    const mr = await callOk<RunResult>(b, 'billing.run', { kind: 'pasar_harian', period: MARKET_DAY }, session);
    const market5k = now() - t3;
    const market5kCpu = cpu() - c3;
    const market5kGc = await gcBetween(t3, t3 + market5k);
    const marketBills = count(store, 'SELECT count(*) AS n FROM bills WHERE run_id = ?', [mr.runId]);
    const marketLines = count(store, 'SELECT count(*) AS n FROM bill_lines l JOIN bills b ON b.id = l.bill_id WHERE b.run_id = ?', [mr.runId]);
    if (mr.created !== MARKET_STALLS || marketBills !== MARKET_STALLS || marketLines !== MARKET_STALLS) {
      throw new Error(`market run made ${mr.created} (${marketBills} bills, ${marketLines} lines), expected ${MARKET_STALLS}`);
    }
    const marketSnapshot = newestSnapshotSeq(dir) !== snapBeforeMarket;
    const marketJournal = marketSnapshot ? Number.NaN : journalBytes(dir).newest - journalBeforeMarket;

    // ---- what an automatic snapshot costs (it falls inside a write once the journal passes 32 MiB / 20 000 records) ----
    gc();
    const ts = now();
    store.snapshot();
    const snapshotMs = now() - ts;
    const dbBytes = statSync(join(dir, `snapshot-${String(newestSnapshotSeq(dir)).padStart(12, '0')}.sqlite`)).size;

    // ---- 4. where the time goes: a profiled run of the next period ----
    const prof = await profiledRun(b, session, PROFILE_PERIOD);
    if (prof.created !== RUSUN_UNITS) throw new Error(`profiled run made ${prof.created}`);

    // ---- 5. search among 100 000 payers ----
    const tExtra = now();
    const moreRusun = 45_000;
    const moreStalls = SEARCH_PAYERS - RUSUN_UNITS - MARKET_STALLS - moreRusun;
    const rus2 = rusunawa(c, { levyId: lev.rusunLevyId, units: moreRusun, firstSerial: rus.nextSerial, firstBlock: rus.nextBlock });
    const kios = markets(c, { levyId: lev.pasarLevyId, stalls: Math.floor(moreStalls / 2), type: 'kios', billing: 'bulanan', stallsPerMarket: 1000, firstSerial: lapak.nextSerial, firstMarket: lapak.nextMarket });
    const los = markets(c, { levyId: lev.pasarLevyId, stalls: moreStalls - Math.floor(moreStalls / 2), type: 'los', billing: 'bulanan', stallsPerMarket: 1000, firstSerial: kios.nextSerial, firstMarket: kios.nextMarket });
    insertFixtures(store, [rus2, kios, los]);
    release(rus2, kios, los);
    store.snapshot();
    const payerCount = count(store, 'SELECT count(*) AS n FROM payers');
    if (payerCount !== SEARCH_PAYERS) throw new Error(`${payerCount} payers, expected ${SEARCH_PAYERS}`);
    console.log(`search data: +${moreRusun} contracts, +${moreStalls} permits, ${((now() - tExtra) / 1000).toFixed(1)} s (untimed)`);
    const allPayers = [...rus.payers, ...lapak.payers, ...rus2.payers, ...kios.payers, ...los.payers];
    const queries = makeQueries(allPayers, SEARCH_QUERIES + 1, 424242);
    const firstQ = queries[0] as Query;
    gc();
    const tf = now();
    const firstHits = (await callOk<{ hits: unknown[] }>(b, 'inquiry.search', { query: firstQ.query }, session)).hits.length;
    const firstMs = now() - tf;
    const lat: number[] = [];
    const latIdpel: number[] = [];
    const latName: number[] = [];
    const hits: number[] = [];
    for (const q of queries.slice(1)) {
      const t = now();
      const res = await callOk<{ hits: unknown[] }>(b, 'inquiry.search', { query: q.query }, session);
      const el = now() - t;
      lat.push(el);
      (q.kind === 'idpel' ? latIdpel : latName).push(el);
      hits.push(res.hits.length);
      if (res.hits.length === 0) throw new Error(`no hit for "${q.query}" (taken from a real payer)`);
    }
    const searchP95 = pct(lat, 0.95);

    // ---- report (printed after the backend is closed, so the JSON line is the last output) ----
    report = () => {
      const pad = (s: string | number, w: number): string => String(s).padStart(w);
      const line = (label: string, value: string, note = ''): void => console.log(`  ${label.padEnd(50)}${pad(value, 12)}  ${note}`);
      const ratio = run10k / runFloor;
      console.log('');
      console.log('bill runs through the router (billing.run), durable commit included');
      line(`rusunawa ${PERIOD}: ${RUSUN_UNITS} bills / ${linesMade} lines`, `${run10k.toFixed(0)} ms`, `cpu ${run10kCpu.toFixed(0)} ms, GC ${run10kGc.ms.toFixed(0)} ms (${run10kGc.count}); journal record ${mb(rusunJournal)}${autoSnapshotInRun ? ', an automatic snapshot fell inside' : ''}`);
      line('floor: bare sql.js, same rows, one transaction', `${runFloor.toFixed(0)} ms`, `median of ${FLOOR_REPEATS} (${floorFresh.all.map((x) => x.toFixed(0)).join(', ')}); cpu ${floorFresh.cpuMs.toFixed(0)} ms, GC ${floorFresh.gcMs.toFixed(0)} ms; fresh db, default PRAGMAs (FK off); COMMIT ${floorFresh.commitMs.toFixed(0)} ms`);
      line('  same, store PRAGMAs (FK on, 64 MiB cache)', `${floorFk.ms.toFixed(0)} ms`, `parents present; COMMIT ${floorFk.commitMs.toFixed(0)} ms`);
      line('  same, on the store\'s pre-run database file', `${floorStoreDb.ms.toFixed(0)} ms`, `snapshot ${preRunSeq} opened like the store does; COMMIT ${floorStoreDb.commitMs.toFixed(0)} ms`);
      line('run_ratio = run_10k / floor', ratio.toFixed(2), `target ≤ 3 ${ratio <= 3 ? 'ok' : 'MISSED'}; by cpu time ${(run10kCpu / floorFresh.cpuMs).toFixed(2)}`);
      line(`pasar harian ${MARKET_DAY}: ${MARKET_STALLS} bills`, `${market5k.toFixed(0)} ms`, `cpu ${market5kCpu.toFixed(0)} ms, GC ${market5kGc.ms.toFixed(0)} ms (${market5kGc.count}); ${marketSnapshot ? 'an automatic snapshot fell inside' : `journal record ${mb(marketJournal)}`}`);
      line(`store.snapshot() of this database (${mb(dbBytes)})`, `${snapshotMs.toFixed(0)} ms`, 'paid inside the write that crosses 32 MiB / 20 000 records');
      console.log('');
      console.log(`where the time goes: profiled rusunawa run ${PROFILE_PERIOD} (${prof.created} bills, ${prof.txRuns} tx.run, timers add a little)`);
      const share = (x: number) => `${((100 * x) / prof.totalMs).toFixed(0)} %`;
      line('total (router call)', `${prof.totalMs.toFixed(0)} ms`, `GC ${prof.gcMs.toFixed(0)} ms in all (plan ${prof.gcPlanMs.toFixed(0)}, write fn ${prof.gcFnMs.toFixed(0)}, commit ${prof.gcCommitMs.toFixed(0)})`);
      line('plan: router + planRun (4 bulk reads + JS)', `${prof.planMs.toFixed(0)} ms`, `${share(prof.planMs)}; sql.js statements ${prof.planSqlMs.toFixed(0)} ms`);
      line('write fn: insertPlannedBills + bill_runs + audit', `${prof.fnMs.toFixed(0)} ms`, share(prof.fnMs));
      line('  in tx.run (checks + sqlite + encodeStatement)', `${prof.txRunMs.toFixed(0)} ms`, `${share(prof.txRunMs)}; of which sql.js bind/step/reset ${prof.fnSqlMs.toFixed(0)} ms`);
      line('  tx.run minus sql.js (store recording overhead)', `${(prof.txRunMs - prof.fnSqlMs).toFixed(0)} ms`, share(prof.txRunMs - prof.fnSqlMs));
      line('  outside tx.run (building rows, ids, numbers)', `${(prof.fnMs - prof.txRunMs).toFixed(0)} ms`, share(prof.fnMs - prof.txRunMs));
      line('commit: encodeRecord + write + fdatasync + COMMIT', `${prof.commitMs.toFixed(0)} ms`, share(prof.commitMs));
      line('  writeSync of the journal record', `${prof.writeSyncMs.toFixed(0)} ms`, mb(prof.encodeBytes));
      line('  fdatasync', `${prof.fsyncMs.toFixed(0)} ms`);
      line('  rest (record assembly, crc32, sqlite COMMIT)', `${(prof.commitMs - prof.writeSyncMs - prof.fsyncMs).toFixed(0)} ms`, `sqlite statements ${prof.commitSqlMs.toFixed(0)} ms`);
      line('after write (router response)', `${prof.afterMs.toFixed(1)} ms`);
      line('standalone: JSON encoding of the same statements', `${prof.encodeMs.toFixed(0)} ms`, `${prof.statements} × encodeStatement + encodeRecord (part of tx.run + commit above)`);
      console.log('');
      console.log(`inquiry.search through the router, ${payerCount} payers, ${SEARCH_QUERIES} queries (half IDPEL prefixes, half name fragments), limit 25`);
      line(`first call (builds the index) "${firstQ.query}"`, `${firstMs.toFixed(0)} ms`, `${firstHits} hits; not in the p95`);
      line('p50 / p95 / max', `${median(lat).toFixed(1)} / ${searchP95.toFixed(1)}`, `max ${Math.max(...lat).toFixed(1)} ms; target p95 ≤ 30 ${searchP95 <= 30 ? 'ok' : 'MISSED'}`);
      line('  IDPEL prefixes p50 / p95', `${median(latIdpel).toFixed(1)} / ${pct(latIdpel, 0.95).toFixed(1)}`, 'ms');
      line('  name fragments p50 / p95', `${median(latName).toFixed(1)} / ${pct(latName, 0.95).toFixed(1)}`, 'ms');
      line('hits per query (mean)', (hits.reduce((s, x) => s + x, 0) / hits.length).toFixed(1), `${hits.filter((h) => h >= 25).length} queries hit the limit`);
      console.log(`(load average ${load()} at the end; wall times on a busy machine vary, cpu times less)`);
      console.log('');
      console.log(
        JSON.stringify({
          bench: 'billing',
          run_10k_ms: r1(run10k),
          run_floor_ms: r1(runFloor),
          run_ratio: r2(ratio),
          market_5k_ms: r1(market5k),
          search_p95_ms: r2(searchP95),
        }),
      );
    };
  } finally {
    await b.dispose();
  }
  report();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
