// Benchmark of the sync client against the central API simulator (npm run bench:sync).
//
// A terminal (openBackend through test/helpers/backend.ts, profile 'production', data in a temp
// folder) and the simulator (startCentral on 127.0.0.1, port 0, its own durable store) in one
// process, both on the same test clock (2026-12-04: 07:00 WIB for the setup, 12:00 WIB from the
// payments on). The terminal enrols through the sync.enrol op (admin session), as the back office
// does; the background run that starts is awaited. Every client below is createCentralClient with
// the token sync.enrol stored (readCredential), as the sync service builds it.
//
// Data: master data from test/bench/fixtures/master.ts (10 000 rusunawa units, each with a payer and
// a contract with AIR and SAMPAH) written through the store — the master triggers queue each row
// for the centre — then three monthly runs (billing.run 2026-10, -11, -12: 30 000 bills). All of
// that (≈ 60 000 outbox rows: master records, bills, audit) is pushed with pushOutbox before any
// timing, so the centre knows the bills the payments point at.
//
// 1. push_10k_ms: 10 000 cash payments of the October bills, one bill each, written in bulk by
//    test/bench/fixtures/sync.ts insertCashPayments with the payment.cash op's columns (receipt
//    numbers, fine from the one amount-due function, Ed25519-signed verification string, payment
//    request, `payment` outbox row through enqueue; the op's audit row is left out, so only the
//    10 000 payment records are queued). Timed: one pushOutbox(services, client) call with the
//    client from createCentralClient (axios) — 20 batches of 500, payloads built by
//    main/sync/payloads.ts, each batch's acks written in one durable write — from the first
//    outbox query to the last ack committed. Every record must come back `accepted`.
// 2. pull_10k_ms: the simulator's bank pays the December bill of each of the 10 000 IDPELs
//    (central.bank.pay, untimed). Timed: pullGateway(services, client) with the engine's default
//    options (pages of 100, at most 50 pages a call) called again while it applies something — as
//    successive sync runs would — until all 10 000 are applied; then every December bill must be
//    closed (no open bill left, checked with the app's own open-bill condition and through
//    inquiry.idpel for a sample) and no event deferred.
// 3. raw_ms: the same 10 000 payment records, JSON built before timing, posted with node:http to
//    /v1/push. The endpoint takes at most 500 records per batch (shared/central-api/types.ts
//    maxPushRecords; the document refuses more), so it is the same 20 bodies of 500, sequentially
//    over ONE keep-alive connection (checked: 19 of 20 requests reuse the socket), each answer
//    parsed and its acks counted. The server work is the same: the reference goes to a twin of
//    the simulator — its folder copied after it was closed cleanly right before the timed push,
//    reopened on its own port — so the payments are fresh there and accepted, not duplicates.
//    It runs twice, on twin A before the timed push and on twin B after it (JIT warmth differs);
//    raw_ms is the smaller (the stricter reference).
// 4. ratio = push_10k_ms / raw_ms (target ≤ 5).
// 5. Where the time goes: 10 000 more payments (the November bills) pushed the same way with
//    timers around every store read (outbox query vs payload queries), every write (tx.run,
//    fdatasync), every HTTP call, and the server's own time per request (node:http diagnostics
//    channels: request headers parsed → response finished). JSON.stringify of the same bodies is
//    timed on its own. The timers add some overhead: its total is printed next to the clean run.
//    SYNC_BENCH_CPUPROF_DIR=/some/dir also writes V8 CPU profiles of this push and of the pull
//    (the profiler then slows the timed pull: do not quote pull_10k_ms from such a run).
//
// Automatic snapshots are kept out of the timed parts: the terminal snapshots before each, the
// simulator is closed and reopened (close snapshots) before each push and the pull. Whether one fell inside
// anyway is printed. Temp folders are under os.tmpdir() and removed at the end.
//
// Ends with one JSON line:
// {"bench":"sync","push_10k_ms":a,"pull_10k_ms":b,"raw_ms":c,"ratio":x}
import fs from 'node:fs';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PerformanceObserver, performance, type PerformanceEntry } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { makeTestBackend, testClock, type TestBackend } from '../helpers/backend';
import { hashPassword } from '../../main/auth/password';
import { insertUser } from '../../main/auth/users';
import { startCentral, type RunningCentral } from '../../main/central/server';
import { createCentralClient, type CentralClient } from '../../main/sync/http';
import { pullGateway, pushOutbox, readCredential, type PullResult, type PushResult } from '../../main/sync/engine';
import { buildPushRecord } from '../../main/sync/payloads';
import { openBillCondition } from '../../main/billing/status';
import { CENTRAL, type PushRecord } from '../../shared/central-api/types';
import type { RunResult } from '../../shared/contract/billing';
import type { Row, SqlParams, Store, WriteTx } from '../../main/store/types';
import { insertFixtures, leviesAndTariffs, prng, rusunawa, type BuildCtx, type Fixture } from './fixtures/master';
import { copyCentralDir, insertCashPayments, rawPush, serverTimer, type RawPushResult, type ServerTimer } from './fixtures/sync';

const UNITS = 10_000;
const OFFICE = 'UPTD-SUKAMAKMUR';
const ENROLMENT_CODE = 'BENCH-SYNC-2026';
const PASSWORD = 'Bangku-Loket-2026';
const PERIODS = { timed: '2026-10', profiled: '2026-11', bank: '2026-12' } as const;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const now = (): number => performance.now();
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
/** garbage collections (entries arrive asynchronously), to tell how much of a wall time is GC */
const gcEntries: PerformanceEntry[] = [];
new PerformanceObserver((list) => {
  gcEntries.push(...list.getEntries());
}).observe({ entryTypes: ['gc'] });
async function gcBetween(from: number, to: number): Promise<number> {
  await new Promise((r) => setTimeout(r, 20));
  return gcEntries.filter((e) => e.startTime >= from && e.startTime < to).reduce((s, e) => s + e.duration, 0);
}
const r1 = (x: number): number => Math.round(x * 10) / 10;
const r2 = (x: number): number => Math.round(x * 100) / 100;

function count(db: { get: Store['get'] }, sql: string, params: SqlParams = []): number {
  return db.get<{ n: number }>(sql, params)?.n ?? -1;
}

async function callOk<T>(b: TestBackend, op: string, input: unknown, session: string): Promise<T> {
  const res = await b.call({ op, input, session } as Parameters<TestBackend['call']>[0], 'test');
  if (!res.ok) throw new Error(`${op} failed: ${res.error.code} ${res.error.message}`);
  return res.value as T;
}

function snapshotCount(dir: string): number {
  return readdirSync(dir).filter((f) => /^snapshot-\d+\.sqlite$/.test(f)).length;
}

const pendingCount = (store: Store): number => count(store, 'SELECT count(*) AS n FROM outbox WHERE acked_at IS NULL AND dead_at IS NULL');

/** pushes until nothing is pending (untimed setup); throws on a failure or a rejected record */
async function pushAll(b: TestBackend, client: CentralClient): Promise<{ sent: number; ms: number }> {
  const t0 = now();
  let sent = 0;
  for (;;) {
    const r = await pushOutbox(b.services, client);
    if (r.failed || r.rejected) throw new Error(`setup push: ${r.error ?? ''} rejected ${r.rejected}`);
    sent += r.sent;
    if (r.sent === 0) break;
  }
  const left = pendingCount(b.services.store);
  if (left !== 0) throw new Error(`${left} outbox rows still pending after the setup push`);
  return { sent, ms: now() - t0 };
}

// ---------------------------------------------------------------------------------------------
// probes

interface CallTimes {
  calls: number;
  ms: number;
}

/** a client whose push/pullGateway calls are timed (the real client does the work) */
function timedClient(inner: CentralClient, push: CallTimes, pull: CallTimes): CentralClient {
  return {
    ...inner,
    push: async (records, batchId) => {
      const s = now();
      try {
        return await inner.push(records, batchId);
      } finally {
        push.ms += now() - s;
        push.calls++;
      }
    },
    pullGateway: async (cursor, limit) => {
      const s = now();
      try {
        return await inner.pullGateway(cursor, limit);
      } finally {
        pull.ms += now() - s;
        pull.calls++;
      }
    },
  };
}

interface StoreProbe {
  outboxQueryMs: number;
  outboxQueries: number;
  payloadReadMs: number;
  payloadReads: number;
  otherReadMs: number;
  writes: number;
  writeMs: number;
  writeFnMs: number;
  txRunMs: number;
  txRuns: number;
  fsyncMs: number;
  /** wall time from the end of the outbox query to the HTTP call of the same batch */
  buildWallMs: number;
}

function newProbe(): StoreProbe {
  return { outboxQueryMs: 0, outboxQueries: 0, payloadReadMs: 0, payloadReads: 0, otherReadMs: 0, writes: 0, writeMs: 0, writeFnMs: 0, txRunMs: 0, txRuns: 0, fsyncMs: 0, buildWallMs: 0 };
}

/**
 * Wraps the terminal's store: reads are timed and told apart by their SQL (the outbox query of
 * pushOutbox vs the payload queries of payloads.ts), writes are timed with their tx.run calls and
 * the journal's fdatasync. `heavy: false` times only the writes (a handful of calls).
 */
function probeStore(inner: Store, p: StoreProbe, heavy: boolean): { store: Store; undo: () => void; markPush: () => void } {
  let inWrite = false;
  let lastOutboxEnd = -1;
  const read = <T,>(sql: string, run: () => T): T => {
    if (!heavy) return run();
    const s = now();
    try {
      return run();
    } finally {
      const e = now();
      if (sql.startsWith('SELECT id, seq, kind, record_id, attempts FROM outbox')) {
        p.outboxQueryMs += e - s;
        p.outboxQueries++;
        lastOutboxEnd = e;
      } else if (/FROM payments p WHERE p\.id = \?|FROM payment_items i JOIN bills b/.test(sql)) {
        p.payloadReadMs += e - s;
        p.payloadReads++;
      } else p.otherReadMs += e - s;
    }
  };
  const origFsync = fs.fdatasyncSync;
  if (heavy) {
    (fs as { fdatasyncSync: typeof fs.fdatasyncSync }).fdatasyncSync = (fd: number): void => {
      const s = now();
      try {
        origFsync(fd);
      } finally {
        if (inWrite) p.fsyncMs += now() - s;
      }
    };
  }
  const store: Store = {
    write<T>(fn: (tx: WriteTx) => T): T {
      const s = now();
      inWrite = true;
      try {
        return inner.write((tx) => {
          const f0 = now();
          const wtx: WriteTx = heavy
            ? {
                run(sql, params) {
                  const r0 = now();
                  try {
                    return tx.run(sql, params);
                  } finally {
                    p.txRunMs += now() - r0;
                    p.txRuns++;
                  }
                },
                get: <R extends object = Row>(sql: string, params?: SqlParams) => tx.get<R>(sql, params),
                all: <R extends object = Row>(sql: string, params?: SqlParams) => tx.all<R>(sql, params),
              }
            : tx;
          try {
            return fn(wtx);
          } finally {
            p.writeFnMs += now() - f0;
          }
        });
      } finally {
        inWrite = false;
        p.writeMs += now() - s;
        p.writes++;
      }
    },
    snapshot: () => inner.snapshot(),
    close: (o) => inner.close(o),
    get: <R extends object = Row>(sql: string, params?: SqlParams) => read(sql, () => inner.get<R>(sql, params)),
    all: <R extends object = Row>(sql: string, params?: SqlParams) => read(sql, () => inner.all<R>(sql, params)),
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
  return {
    store,
    undo: () => {
      (fs as { fdatasyncSync: typeof fs.fdatasyncSync }).fdatasyncSync = origFsync;
    },
    markPush: () => {
      if (lastOutboxEnd >= 0) p.buildWallMs += now() - lastOutboxEnd;
      lastOutboxEnd = -1;
    },
  };
}

interface PushRun {
  ms: number;
  cpuMs: number;
  gcMs: number;
  result: PushResult;
  http: CallTimes;
  server: { ms: number; bytes: number; requests: number; newSockets: number };
  probe: StoreProbe;
  terminalSnapshot: boolean;
  centralSnapshot: boolean;
}

async function timedPush(b: TestBackend, base: CentralClient, timer: ServerTimer, dirs: { terminal: string; central: string }, heavy: boolean): Promise<PushRun> {
  const probe = newProbe();
  const http: CallTimes = { calls: 0, ms: 0 };
  const inner = b.services.store;
  const probed = probeStore(inner, probe, heavy);
  const client0 = timedClient(base, http, { calls: 0, ms: 0 });
  const client: CentralClient = heavy
    ? {
        ...client0,
        push: (records, batchId) => {
          probed.markPush();
          return client0.push(records, batchId);
        },
      }
    : client0;
  const snapT = snapshotCount(dirs.terminal);
  const snapC = snapshotCount(join(dirs.central, 'db'));
  const from = timer.spans.length;
  b.services.store = probed.store;
  gc();
  let result: PushResult;
  const c0 = cpu();
  const t0 = now();
  try {
    result = await pushOutbox(b.services, client);
  } finally {
    b.services.store = inner;
    probed.undo();
  }
  const ms = now() - t0;
  const cpuMs = cpu() - c0;
  return {
    ms,
    cpuMs,
    gcMs: await gcBetween(t0, t0 + ms),
    result,
    http,
    server: timer.since(from),
    probe,
    terminalSnapshot: snapshotCount(dirs.terminal) !== snapT,
    centralSnapshot: snapshotCount(join(dirs.central, 'db')) !== snapC,
  };
}

/** SYNC_BENCH_CPUPROF_DIR=dir: V8 CPU profiles (client and simulator, one thread) of the profiled push and of the pull */
const cpuProfile = (() => {
  const dir = process.env.SYNC_BENCH_CPUPROF_DIR;
  let session: Session | null = null;
  return {
    async start(): Promise<void> {
      if (!dir) return;
      session = new Session();
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: 200 });
      await session.post('Profiler.start');
    },
    async stop(name: string): Promise<void> {
      if (!dir || !session) return;
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(join(dir, `sync-${name}.cpuprofile`), JSON.stringify(profile));
      session.disconnect();
      session = null;
    },
  };
})();

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'sync-bench-'));
  const closers: (() => Promise<void>)[] = [];
  try {
    await run(root, closers);
  } finally {
    for (const c of closers.reverse()) await c().catch(() => undefined);
    rmSync(root, { recursive: true, force: true });
  }
}

async function run(root: string, closers: (() => Promise<void>)[]): Promise<void> {
  const load = (): string => loadavg().map((x) => x.toFixed(1)).join(' ');
  console.log(`sync benchmark in ${root} (node ${process.version}, ${process.platform}, ${cpus().length} cpus, load ${load()})`);
  const clock = testClock('2026-12-04T00:00:00.000Z'); // 07:00 WIB: setup, shift opened
  const timer = serverTimer();
  const dirs = { terminal: join(root, 'terminal'), central: join(root, 'central'), twinA: join(root, 'central-twin-a'), twinB: join(root, 'central-twin-b') };
  const startSim = async (dataDir: string, codes = false): Promise<RunningCentral> => {
    const c = await startCentral({
      port: 0,
      dataDir,
      now: clock.now,
      ...(codes ? { enrolmentCodes: [{ code: ENROLMENT_CODE, officeCode: OFFICE, maxUses: 5, validDays: 3650 }] } : {}),
      log: (line) => console.error(line),
    });
    closers.push(() => c.close());
    return c;
  };

  // ---- the terminal, its users, enrolment through the sync.enrol op ----
  const tSetup = now();
  let central = await startSim(dirs.central, true);
  const b = await makeTestBackend({ profile: 'production', dir: dirs.terminal, clock });
  closers.push(() => b.dispose());
  const { services } = b;
  const passwordHash = await hashPassword(PASSWORD);
  services.store.write((tx) => {
    insertUser(tx, { id: services.newId(), username: 'admin', fullName: 'Admin Benchmark', role: 'admin', passwordHash, createdAt: clock.now() });
    insertUser(tx, { id: services.newId(), username: 'loket1', fullName: 'Petugas Benchmark', role: 'petugas', passwordHash, createdAt: clock.now() });
  });
  const admin = await b.login('admin', PASSWORD);
  await callOk(b, 'sync.enrol', { centralUrl: central.url, enrolmentCode: ENROLMENT_CODE, officeCode: OFFICE }, admin);
  await services.sync.stop(); // the run the enrolment starts in the background
  const credential = readCredential(services.config.dataDir);
  if (!credential) throw new Error('no credential after sync.enrol');
  const clientFor = (c: RunningCentral): CentralClient => createCentralClient({ baseUrl: c.url, token: credential.token });
  let client = clientFor(central);

  // ---- master data and three monthly runs, all pushed before timing ----
  const c: BuildCtx = { newId: services.newId, createdAt: clock.now().toISOString(), rand: prng(20261204) };
  const lev = leviesAndTariffs(c);
  const rus = rusunawa(c, { levyId: lev.rusunLevyId, units: UNITS, firstSerial: 1, firstBlock: 1 });
  const loaded = insertFixtures(services.store, [lev, rus]);
  const idpels = rus.payers.map((p) => p.idpel);
  for (const f of [lev, rus] as Fixture[]) for (const t of f.tables) t.rows = [];
  const runs: Record<string, RunResult> = {};
  for (const period of Object.values(PERIODS)) {
    runs[period] = await callOk<RunResult>(b, 'billing.run', { kind: 'rusunawa', period }, admin);
    if (runs[period]?.created !== UNITS) throw new Error(`run ${period} made ${runs[period]?.created}`);
  }
  const clerk = await b.login('loket1', PASSWORD);
  const shift = await callOk<{ id: string }>(b, 'shift.open', { openingCash: 0 }, clerk);
  const clerkId = services.store.get<{ id: string }>("SELECT id FROM users WHERE username = 'loket1'")?.id ?? '';
  const pre = await pushAll(b, client);
  clock.set('2026-12-04T05:00:00.000Z'); // 12:00 WIB: the payments below were taken between 08:00 and 10:55
  console.log(
    `setup: ${loaded.rows} master rows, ${3 * UNITS} bills (${Object.keys(runs).join(', ')}), ${pre.sent} records pushed before timing in ${(pre.ms / 1000).toFixed(1)} s; ${((now() - tSetup) / 1000).toFixed(1)} s so far (untimed)`,
  );

  const billsOf = (period: string): string[] =>
    services.store.all<{ id: string }>('SELECT id FROM bills WHERE run_id = ? ORDER BY idpel', [runs[period]?.runId ?? '']).map((r) => r.id);
  const pay = (period: string, firstAt: string): string[] =>
    insertCashPayments(services, { billIds: billsOf(period), clerkId, shiftId: shift.id, firstAt: new Date(firstAt), stepMs: 500 });

  // ---- 10 000 queued payments; their push bodies built as pushOutbox will build them ----
  const tPay = now();
  const paymentsTimed = pay(PERIODS.timed, '2026-12-04T01:00:00.000Z');
  const payMs = now() - tPay;
  if (pendingCount(services.store) !== UNITS) throw new Error(`${pendingCount(services.store)} pending, expected ${UNITS}`);
  const queued = services.store.all<{ seq: number; record_id: string; kind: string }>('SELECT seq, record_id, kind FROM outbox WHERE acked_at IS NULL AND dead_at IS NULL ORDER BY seq');
  if (queued.some((q) => q.kind !== 'payment')) throw new Error('something other than payments is queued');
  const bodies: Buffer[] = [];
  const stringifyStart = now();
  const recordBatches: PushRecord[][] = [];
  for (let i = 0; i < queued.length; i += CENTRAL.maxPushRecords) {
    const chunk = queued.slice(i, i + CENTRAL.maxPushRecords);
    recordBatches.push(chunk.map((q) => buildPushRecord(services.store, q.kind, q.record_id) as PushRecord));
  }
  const buildStandaloneMs = now() - stringifyStart;
  const s0 = now();
  for (const [i, batch] of recordBatches.entries()) {
    const firstSeq = queued[i * CENTRAL.maxPushRecords]?.seq ?? 0;
    bodies.push(Buffer.from(JSON.stringify({ batchId: `${services.config.terminalCode}-${firstSeq}-${batch.length}`, records: batch })));
  }
  const stringifyMs = now() - s0;
  const p0 = now();
  for (const body of bodies) JSON.parse(body.toString('utf8'));
  const parseBodiesMs = now() - p0;
  const bodyBytes = bodies.reduce((s, x) => s + x.length, 0);
  console.log(`payments: ${paymentsTimed.length} written in bulk in ${(payMs / 1000).toFixed(1)} s; push bodies ${bodies.length} × ≤ ${CENTRAL.maxPushRecords}, ${(bodyBytes / 1024 / 1024).toFixed(1)} MB (untimed)`);

  // ---- the simulator closed cleanly (snapshot, new journal), copied twice, reopened ----
  await central.close();
  copyCentralDir(dirs.central, dirs.twinA);
  copyCentralDir(dirs.central, dirs.twinB);
  central = await startSim(dirs.central);
  client = clientFor(central);
  services.store.snapshot();

  const rawOn = async (dir: string): Promise<RawPushResult & { server: ReturnType<ServerTimer['since']>; cpuMs: number; gcMs: number }> => {
    const twin = await startSim(dir);
    try {
      gc();
      const from = timer.spans.length;
      const c0 = cpu();
      const t0 = now();
      const r = await rawPush(twin.url, CENTRAL.paths.push, credential.token, bodies);
      const cpuMs = cpu() - c0;
      const gcMs = await gcBetween(t0, t0 + r.ms);
      const server = timer.since(from);
      if (r.accepted !== UNITS || r.other !== 0) throw new Error(`raw push: ${r.accepted} accepted, ${r.other} other`);
      if (r.reused !== r.requests - 1 || server.newSockets !== 1) throw new Error(`raw push used ${server.newSockets} connections (${r.reused} of ${r.requests} requests reused one)`);
      const stored = count(twin.db, "SELECT count(*) AS n FROM records WHERE kind = 'payment'");
      if (stored !== UNITS) throw new Error(`twin stored ${stored} payments`);
      return { ...r, server, cpuMs, gcMs };
    } finally {
      await twin.close();
    }
  };

  // ---- 3a. raw reference on twin A (before) ----
  const rawA = await rawOn(dirs.twinA);

  // ---- 1. the timed push ----
  const push = await timedPush(b, client, timer, { terminal: dirs.terminal, central: dirs.central }, false);
  if (push.result.failed || push.result.accepted !== UNITS || push.result.rejected || push.result.duplicate) {
    throw new Error(`push: ${JSON.stringify(push.result)}`);
  }
  if (pendingCount(services.store) !== 0) throw new Error('payments still pending after the push');
  const centralPayments = count(central.db, "SELECT count(*) AS n FROM records WHERE kind = 'payment'");
  if (centralPayments !== UNITS) throw new Error(`centre has ${centralPayments} payment records`);
  if (push.server.bytes !== bodyBytes) console.log(`note: the client sent ${push.server.bytes} body bytes, the raw bodies are ${bodyBytes}`);

  // ---- 3b. raw reference on twin B (after) ----
  const rawB = await rawOn(dirs.twinB);
  const raw = rawA.ms <= rawB.ms ? rawA : rawB;
  const rawMs = raw.ms;

  // ---- 5. where the time goes: 10 000 more payments pushed with timers ----
  pay(PERIODS.profiled, '2026-12-04T02:30:00.000Z');
  await central.close();
  central = await startSim(dirs.central);
  client = clientFor(central);
  services.store.snapshot();
  await cpuProfile.start();
  const prof = await timedPush(b, client, timer, { terminal: dirs.terminal, central: dirs.central }, true);
  await cpuProfile.stop('push');
  if (prof.result.failed || prof.result.accepted !== UNITS) throw new Error(`profiled push: ${JSON.stringify(prof.result)}`);

  // ---- 2. the pull: the bank pays the December bill of every IDPEL ----
  const tBank = now();
  const decBills = new Set(billsOf(PERIODS.bank));
  for (const [i, idpel] of idpels.entries()) {
    // own NTBs: the simulator's default (clock + 3 random bytes) repeats within 10 000 at one instant
    const paid = central.bank.pay({ idpel, ntb: `BENCH20261204${String(i).padStart(8, '0')}` });
    if (paid.code !== '00') throw new Error(`bank pay ${idpel}: ${paid.code} ${paid.message}`);
  }
  const bankMs = now() - tBank;
  const events = count(central.db, 'SELECT count(*) AS n FROM gateway_events');
  const gwItems = central.db.all<{ bill_id: string }>('SELECT bill_id FROM gateway_items');
  if (gwItems.length !== UNITS || gwItems.some((i) => !decBills.has(i.bill_id))) throw new Error('bank payments do not cover exactly the December bills');
  await central.close();
  central = await startSim(dirs.central);
  client = clientFor(central);
  services.store.snapshot();
  const pullHttp: CallTimes = { calls: 0, ms: 0 };
  const pullProbe = newProbe();
  const pullStore = probeStore(services.store, pullProbe, false);
  const pullClient = timedClient(client, { calls: 0, ms: 0 }, pullHttp);
  const pulls: PullResult[] = [];
  const snapT = snapshotCount(dirs.terminal);
  const fromPull = timer.spans.length;
  const inner = services.store;
  services.store = pullStore.store;
  gc();
  await cpuProfile.start();
  const pc0 = cpu();
  const pt0 = now();
  try {
    let applied = 0;
    for (;;) {
      const r = await pullGateway(services, pullClient);
      pulls.push(r);
      if (r.failed) throw new Error(`pull: ${r.error ?? ''}`);
      applied += r.applied;
      if (r.applied === 0 || applied >= UNITS) break;
    }
  } finally {
    services.store = inner;
    pullStore.undo();
  }
  const pullMs = now() - pt0;
  const pullCpu = cpu() - pc0;
  const pullGc = await gcBetween(pt0, pt0 + pullMs);
  await cpuProfile.stop('pull');
  const pullServer = timer.since(fromPull);
  const pullSnapshot = snapshotCount(dirs.terminal) !== snapT;
  const applied = pulls.reduce((s, r) => s + r.applied, 0);
  const deferred = pulls.reduce((s, r) => s + r.deferred, 0);
  const stillOpen = count(
    services.store,
    `SELECT count(*) AS n FROM bills b WHERE b.run_id = ? AND ${openBillCondition('b')}`,
    [runs[PERIODS.bank]?.runId ?? ''],
  );
  const anyOpen = count(services.store, `SELECT count(*) AS n FROM bills b WHERE ${openBillCondition('b')}`);
  if (applied !== UNITS || deferred !== 0 || stillOpen !== 0 || anyOpen !== 0) throw new Error(`pull applied ${applied}, deferred ${deferred}, ${stillOpen} December bills open, ${anyOpen} open in all`);
  const sample = idpels.filter((_, i) => i % 500 === 0);
  const clerkAgain = await b.login('loket1', PASSWORD); // the clock moved past the idle limit
  for (const idpel of sample) {
    const inq = await callOk<{ bills: unknown[] }>(b, 'inquiry.idpel', { idpel }, clerkAgain);
    if (inq.bills.length !== 0) throw new Error(`inquiry.idpel ${idpel} still shows ${inq.bills.length} open bills`);
  }
  timer.stop();
  // everything closed before the report, so the JSON line is the last output
  for (const close of closers.splice(0).reverse()) await close();

  // ---- report ----
  const ratio = push.ms / rawMs;
  const pad = (s: string | number, w: number): string => String(s).padStart(w);
  const line = (label: string, value: string, note = ''): void => console.log(`  ${label.padEnd(54)}${pad(value, 11)}  ${note}`);
  const ms = (x: number): string => `${x.toFixed(0)} ms`;
  const share = (x: number, of: number): string => `${((100 * x) / of).toFixed(0)} %`;
  console.log('');
  console.log(`push: ${UNITS} payment records, pushOutbox → createCentralClient (axios) → simulator on 127.0.0.1`);
  line(`push_10k_ms (${push.result.sent} sent, ${push.http.calls} batches)`, ms(push.ms), `cpu ${push.cpuMs.toFixed(0)} ms, GC ${push.gcMs.toFixed(0)} ms; all ${push.result.accepted} accepted; ${push.server.requests} requests on ${push.server.newSockets} new connection(s)${push.terminalSnapshot || push.centralSnapshot ? '; AN AUTOMATIC SNAPSHOT FELL INSIDE' : ''}`);
  line('  server time (request parsed → response finished)', ms(push.server.ms), share(push.server.ms, push.ms));
  line('  client side (everything else)', ms(push.ms - push.server.ms), share(push.ms - push.server.ms, push.ms));
  line(`raw_ms: same ${bodies.length} bodies, node:http, 1 keep-alive socket`, ms(rawMs), `the smaller of: twin A before ${ms(rawA.ms)} (cpu ${rawA.cpuMs.toFixed(0)}, GC ${rawA.gcMs.toFixed(0)}), twin B after ${ms(rawB.ms)} (cpu ${rawB.cpuMs.toFixed(0)}, GC ${rawB.gcMs.toFixed(0)})`);
  line('  server time', ms(raw.server.ms), `${share(raw.server.ms, rawMs)}; ${raw.reused}/${raw.requests} requests reused the socket; ${raw.server.newSockets} connection(s)`);
  line('  client side (send, receive, parse acks)', ms(rawMs - raw.server.ms), share(rawMs - raw.server.ms, rawMs));
  line('ratio = push_10k_ms / raw_ms', ratio.toFixed(2), `target ≤ 5 ${ratio <= 5 ? 'ok' : 'MISSED'}; by cpu time ${(push.cpuMs / raw.cpuMs).toFixed(2)}`);
  line('client machinery = push − raw', ms(push.ms - rawMs), `${(((push.ms - rawMs) / UNITS) * 1000).toFixed(0)} µs per record (server time varies run to run)`);
  const sameServer = (raw.server.ms + (push.ms - push.server.ms)) / rawMs;
  line('ratio on equal server time', sameServer.toFixed(2), `(raw server + push client side) / raw_ms: client side ${ms(push.ms - push.server.ms)} vs ${ms(rawMs - raw.server.ms)}`);
  console.log('');
  const p = prof.probe;
  const profClient = prof.ms - prof.server.ms;
  const httpClient = prof.http.ms - prof.server.ms;
  const rest = prof.ms - p.outboxQueryMs - p.buildWallMs - prof.http.ms - p.writeMs;
  console.log(`where the time goes: ${UNITS} more payments (${PERIODS.profiled} bills) pushed with timers on every store call (${p.payloadReads + p.outboxQueries} reads, ${p.txRuns} tx.run)`);
  line('total pushOutbox', ms(prof.ms), `clean run above: ${ms(push.ms)} (timers and a bigger database add ${ms(prof.ms - push.ms)})`);
  line(`outbox query (${p.outboxQueries}×, ORDER BY seq LIMIT 500)`, ms(p.outboxQueryMs), share(p.outboxQueryMs, prof.ms));
  line(`payload building (payloads.ts, ${UNITS} records)`, ms(p.buildWallMs), share(p.buildWallMs, prof.ms));
  line(`  sql.js reads: ${p.payloadReads} queries (2 per payment)`, ms(p.payloadReadMs), `${((p.payloadReadMs / p.payloadReads) * 1000).toFixed(0)} µs per query`);
  line('  JS (objects, maps)', ms(p.buildWallMs - p.payloadReadMs));
  line(`HTTP calls (client.push, ${prof.http.calls}×)`, ms(prof.http.ms), share(prof.http.ms, prof.ms));
  line('  server: parse + validate + auth + pushBatch + commit', ms(prof.server.ms), share(prof.server.ms, prof.ms));
  line('  axios + transport (stringify, send, receive, parse)', ms(httpClient), `${share(httpClient, prof.ms)}; raw client side was ${ms(rawMs - raw.server.ms)}`);
  line(`ack writes (${p.writes} store.write, ${p.txRuns} tx.run)`, ms(p.writeMs), share(p.writeMs, prof.ms));
  line('  tx.run (UPDATE outbox … + state, recorded)', ms(p.txRunMs), `${((p.txRunMs / Math.max(1, p.txRuns)) * 1000).toFixed(0)} µs each`);
  line('  fdatasync of the journal', ms(p.fsyncMs), `${p.writes} commits`);
  line('  rest (BEGIN/COMMIT, journal encode + write)', ms(p.writeMs - p.txRunMs - p.fsyncMs));
  line('other (loop, dead-letter check, timers)', ms(rest));
  line('client side in all (total − server)', ms(profClient), share(profClient, prof.ms));
  line('standalone: buildPushRecord × 10 000 (same store)', ms(buildStandaloneMs), 'untimed setup, no probes');
  line(`standalone: JSON.stringify of the ${bodies.length} bodies`, ms(stringifyMs), `${(bodyBytes / 1024 / 1024).toFixed(1)} MB; JSON.parse of them ${ms(parseBodiesMs)}`);
  console.log('');
  console.log(`pull: ${UNITS} gateway payments (bank.pay by IDPEL before timing, ${(bankMs / 1000).toFixed(1)} s, ${events} events)`);
  line(`pull_10k_ms (${pulls.length} pullGateway calls, ${pullHttp.calls} pages)`, ms(pullMs), `cpu ${pullCpu.toFixed(0)} ms, GC ${pullGc.toFixed(0)} ms; applied ${applied}, deferred ${deferred}; every December bill closed${pullSnapshot ? '; AN AUTOMATIC SNAPSHOT FELL INSIDE' : ''}`);
  line('  HTTP calls (client.pullGateway)', ms(pullHttp.ms), `${share(pullHttp.ms, pullMs)}; server ${ms(pullServer.ms)}`);
  line(`  apply writes (${pullProbe.writes} store.write: payments, items, audit, cursor)`, ms(pullProbe.writeMs), `${share(pullProbe.writeMs, pullMs)}; inside the write fn ${ms(pullProbe.writeFnMs)}, commit ${ms(pullProbe.writeMs - pullProbe.writeFnMs)}`);
  line('  other', ms(pullMs - pullHttp.ms - pullProbe.writeMs));
  console.log(`(load average ${load()} at the end)`);
  console.log('');
  console.log(JSON.stringify({ bench: 'sync', push_10k_ms: r1(push.ms), pull_10k_ms: r1(pullMs), raw_ms: r1(rawMs), ratio: r2(ratio) }));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
