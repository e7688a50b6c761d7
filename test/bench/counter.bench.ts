// Benchmark of a counter payment (npm run bench:counter).
//
// 1. The real operation: `payment.cash` through the router of an in-process backend
//    (openBackend via test/helpers/backend.ts, profile 'production', app_meta.office_name set so
//    nothing is seeded) — session and role check, zod input validation, idempotency lookup, open
//    shift check, then inside one write transaction the IDPEL lookup, the open bills priced by the
//    shared amount-due function (1 month of fine: every bill paid is overdue since 2026-11-10),
//    the receipt number counter, the payment, item, request id, Ed25519-signed verification row,
//    outbox rows and the hash-chained audit row, one fsync'd journal record; then the receipt
//    rebuilt from the stored rows. The clerk logs in with auth.login (scrypt) and opens a shift
//    with shift.open first. Latency is wall time around `await backend.call(…)`.
// 2. The reference: the bare durable store commit of the same rows on a second copy of the same
//    database opened with openStore(): store.write() running the same INSERTs (receipt counter
//    upsert with its value known, payment, item, payment_requests, payment_signatures, audit_log,
//    and the two outbox rows when the schema has main/sync's outbox) with every value computed
//    beforehand (amount due, receipt number, ids, signature, audit JSON, outbox seq); the only read
//    is the audit head, whose hash goes into the new row. After the run the tables the real call
//    inserted into (seen by the timers of step 3) are compared with the reference's.
// Both at 100 000 and 1 000 000 historic payments (test/bench/counter-fixtures.ts: real schema,
// levies, tariffs, payers, rusunawa contracts and stall permits, bills with lines, payments with
// items, shifts, request ids, signature rows and the full audit chain). 100 payments of warm-up,
// then 1 000 measured per target; the four targets (2 sizes × real/reference) take turns in
// blocks of 5, the order of real and reference alternating every round, so noise on this shared
// machine falls on all of them alike. The floor (append 3 KiB + fdatasync) is measured in the same
// rounds.
// 3. Where the time goes, at 1M, not part of the latency figures: 200 more payments with timers
//    around every store read and statement (by SQL and by phase: before / in / after the write),
//    the store's commit (BEGIN … journal append + fdatasync … COMMIT), the signature and the rest
//    (router, zod, handler JavaScript); then 300 more under the V8 sampling profiler (what
//    --cpu-prof records), summarised by function.
// After the run: payment counts, the whole audit chain (verifyAudit) and that no snapshot was
// taken during the run are checked on every store. Stores are closed without a snapshot.
//
// The 1M database is about 3.6 GB: the store's own writeSnapshot() cannot write it (one
// fs.writeSync of more than 2 GiB, see counter-fixtures.ts), so snapshot 0 is written through it
// with an fs whose writeSync writes 1 GiB at a time. Needs about 10 GB of RAM.
//
// Ends with one JSON line:
// {"bench":"counter","rows":[100000,1000000],"p95_ms":[…],"ref_p95_ms":[…],"ratio_p95":x}
// ratio_p95 = p95 ÷ reference p95 at 1M (target ≤ 2).
import { execFileSync } from 'node:child_process';
import { closeSync, copyFileSync, fdatasyncSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, statSync, writeSync } from 'node:fs';
import { Session } from 'node:inspector';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { v7 as uuidv7 } from 'uuid';
import { verifyAudit } from '../../main/audit/audit';
import { hashPassword } from '../../main/auth/password';
import { loadOrCreateSigner, verificationString, type Signer } from '../../main/counter/signing';
import { migrations } from '../../main/store/migrations';
import { openStore } from '../../main/store/store';
import type { Row, SqlParams, Store, WriteTx } from '../../main/store/types';
import type { Receipt } from '../../shared/contract/counter';
import { amountDue } from '../../shared/fines';
import { makeTestBackend, testClock, type TestBackend } from '../helpers/backend';
import { RULE, auditHash, buildCounterDb, emptySchemaDatabase, snapshotFolder, type BenchUser, type CounterDb, type OpenBill } from './counter-fixtures';

// BENCH_COUNTER_SIZES=60000,100000 for a quick trial run (at least ~55 000: the open bills' payers
// have 34 months of history each); the benchmark proper is 100k and 1M
const SIZES = (process.env.BENCH_COUNTER_SIZES ?? '100000,1000000').split(',').map(Number);
const WARMUP = 100;
const MEASURED = 1000;
const PROFILED = 200; // with timers around the store
const CPU_PROFILED = 300; // under the V8 sampling profiler
const BLOCK = 5;
const PASSWORD = 'Loket-Bench-2026';
const CLOCK_START = '2026-12-04T01:00:00.000Z'; // 08:00 WIB
const STEP_MS = 12_000; // the clock moves 12 s per payment
const TODAY = '2026-12-04';
const TERMINAL = 'LKT01';

const now = (): number => performance.now();

function pct(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))] ?? Number.NaN;
}

function r3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

function count(db: Pick<Store, 'get'>, sql: string): number {
  return db.get<{ n: number }>(sql)?.n ?? -1;
}

async function callOk<T>(b: TestBackend, op: string, input: unknown, session: string | null): Promise<T> {
  const res = await b.call({ op, input, session } as Parameters<TestBackend['call']>[0], 'test');
  if (!res.ok) throw new Error(`${op} failed: ${res.error.code} ${res.error.message}`);
  return res.value as T;
}

// ---------------------------------------------------------------------------------------------
// the payments

interface Planned {
  bill: OpenBill;
  total: number;
  fine: number;
  fineMonths: number;
  tendered: number;
}

function plan(bill: OpenBill): Planned {
  const due = amountDue({ principal: bill.principal, dueDate: bill.dueDate }, TODAY, RULE);
  return { bill, total: due.total, fine: due.fine, fineMonths: due.months, tendered: Math.ceil(due.total / 50_000) * 50_000 };
}

/** every value of the reference commit, computed before it is timed */
interface RefRows {
  counter: [string, number];
  payment: (string | number | null)[];
  item: (string | number)[];
  request: [string, string];
  signature: [string, string, string, string];
  audit: { id: string; at: string; actorId: string; actorName: string; entityId: string; after: string };
  /** outbox rows (main/sync/outbox.ts enqueue) when the schema has the outbox: the payment's, then the audit row's */
  outbox: [string, number, string, string, string][];
}

function refRows(p: Planned, k: number, signer: Signer, clerkId: string, clerkName: string, shiftId: string, outboxSeq0: number | null): RefRows {
  const at = new Date(new Date(CLOCK_START).getTime() + (k + 1) * STEP_MS).toISOString();
  const paymentId = uuidv7();
  const receiptNo = `${TERMINAL}-${TODAY.replaceAll('-', '')}-${String(k + 1).padStart(4, '0')}`;
  const change = p.tendered - p.total;
  const items = [{ billId: p.bill.billId, principal: p.bill.principal, fine: p.fine, fineMonths: p.fineMonths, total: p.total }];
  const verification = verificationString(signer, { r: receiptNo, t: TERMINAL, d: at, a: p.total, i: p.bill.idpel });
  const auditId = uuidv7();
  return {
    counter: [`receipt:${TERMINAL}:${TODAY}`, k + 1],
    payment: [paymentId, receiptNo, TERMINAL, TODAY, at, 'tunai', p.bill.payerId, p.total, p.tendered, change, clerkId, shiftId, at],
    item: [uuidv7(), paymentId, p.bill.billId, p.bill.principal, p.fine, p.total, p.fineMonths],
    request: [uuidv7(), paymentId], // a request id as the counter desk makes it (renderer/counter/deskStore.ts)
    signature: [paymentId, verification.split('.').slice(0, 2).join('.'), verification, signer.keyId],
    audit: {
      id: auditId,
      at,
      actorId: clerkId,
      actorName: clerkName,
      entityId: paymentId,
      after: JSON.stringify({ receiptNo, idpel: p.bill.idpel, total: p.total, tendered: p.tendered, change, items }),
    },
    outbox:
      outboxSeq0 === null
        ? []
        : [
            [`payment:${paymentId}`, outboxSeq0 + 2 * k + 1, 'payment', paymentId, at],
            [`audit:${auditId}`, outboxSeq0 + 2 * k + 2, 'audit', auditId, at],
          ],
  };
}

const REF_SQL = {
  counter: 'INSERT INTO counters (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value',
  payment: `INSERT INTO payments (id, receipt_no, terminal_code, business_date, paid_at, channel, payer_id, total, tendered, change_given, clerk_id, shift_id, ntb, created_at)
     VALUES (?,?,?,?,?,?,?,?,?,?,?,?,NULL,?)`,
  item: 'INSERT INTO payment_items (id, payment_id, bill_id, principal, fine, amount, fine_months) VALUES (?,?,?,?,?,?,?)',
  request: 'INSERT INTO payment_requests (request_id, payment_id) VALUES (?, ?)',
  signature: 'INSERT INTO payment_signatures (payment_id, payload, signature, key_id) VALUES (?,?,?,?)',
  head: 'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1',
  audit: `INSERT INTO audit_log (seq, id, at, actor_id, actor_name, action, entity, entity_id, before_json, after_json, prev_hash, hash)
     VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`,
  outbox: 'INSERT INTO outbox (id, seq, kind, record_id, created_at) VALUES (?,?,?,?,?) ON CONFLICT(id) DO NOTHING',
} as const;

/** the outbox's next seq when the schema has main/sync's outbox (id, seq, kind, record_id, created_at), else null */
function outboxStart(store: Store): number | null {
  const cols = new Set(store.all<{ name: string }>("SELECT name FROM pragma_table_info('outbox')").map((r) => r.name));
  if (!['id', 'seq', 'kind', 'record_id', 'created_at'].every((c) => cols.has(c))) return null;
  return store.get<{ s: number | null }>('SELECT max(seq) AS s FROM outbox')?.s ?? 0;
}

function refTables(r: RefRows): string[] {
  return ['counters', 'payments', 'payment_items', 'payment_requests', 'payment_signatures', 'audit_log', ...(r.outbox.length ? ['outbox'] : [])];
}

function refCommit(store: Store, r: RefRows): void {
  store.write((tx) => {
    tx.run(REF_SQL.counter, r.counter);
    tx.run(REF_SQL.payment, r.payment);
    tx.run(REF_SQL.item, r.item);
    tx.run(REF_SQL.request, r.request);
    tx.run(REF_SQL.signature, r.signature);
    const [ob1, ob2] = r.outbox;
    if (ob1) tx.run(REF_SQL.outbox, ob1);
    const last = tx.get<{ seq: number; hash: string }>(REF_SQL.head);
    if (!last) throw new Error('audit log is empty');
    const a = r.audit;
    const row = [last.seq + 1, a.id, a.at, a.actorId, a.actorName, 'payment.cash', 'payment', a.entityId, null, a.after, last.hash] as const;
    tx.run(REF_SQL.audit, [...row, auditHash(row)]);
    if (ob2) tx.run(REF_SQL.outbox, ob2);
  });
}

// ---------------------------------------------------------------------------------------------
// targets

interface Target {
  n: number;
  dbBytes: number;
  fixture: CounterDb;
  backend: TestBackend;
  token: string;
  ref: Store;
  refDir: string;
  realDir: string;
  plans: Planned[];
  refs: RefRows[];
  next: number;
  refNext: number;
  lat: number[];
  /** start of each recorded call (performance.now()), for matching with GC pauses */
  starts: number[];
  refLat: number[];
  receipts: Receipt[];
}

async function realPayment(t: Target, record: boolean): Promise<number> {
  const p = t.plans[t.next++];
  if (!p) throw new Error('out of open bills');
  t.backend.clock.advance(STEP_MS);
  // the request id as the counter desk makes it: a UUIDv7 (renderer/counter/deskStore.ts)
  const input = { requestId: uuidv7(), idpel: p.bill.idpel, billIds: [p.bill.billId], tendered: p.tendered };
  const t0 = now();
  const res = await t.backend.call({ op: 'payment.cash', input, session: t.token }, 'test');
  const ms = now() - t0;
  if (!res.ok) throw new Error(`payment.cash failed: ${res.error.code} ${res.error.message}`);
  const receipt = res.value as Receipt;
  if (receipt.total !== p.total || receipt.fine !== p.fine || receipt.fine <= 0) {
    throw new Error(`receipt ${receipt.receiptNo}: total ${receipt.total} fine ${receipt.fine}, expected ${p.total} / ${p.fine}`);
  }
  if (record) {
    t.lat.push(ms);
    t.starts.push(t0);
    t.receipts.push(receipt);
  }
  return ms;
}

function refPayment(t: Target, record: boolean): void {
  const r = t.refs[t.refNext++];
  if (!r) throw new Error('out of reference rows');
  const t0 = now();
  refCommit(t.ref, r);
  const ms = now() - t0;
  if (record) t.refLat.push(ms);
}

// ---------------------------------------------------------------------------------------------
// where the time goes: timers around the store, by SQL, and around the signature

interface Profile {
  payments: number;
  totalMs: number;
  byKey: Map<string, { n: number; ms: number }>;
  /** per instrumented call: its wall time and the ms of each kind of piece (read, run, commit, sign) */
  calls: { ms: number; pieces: Record<string, number> }[];
}

function label(sql: string): string {
  const s = sql.replace(/\s+/g, ' ').trim();
  return s.length > 96 ? `${s.slice(0, 93)}…` : s;
}

function instrument(store: Store, signer: Signer): { profile: Profile; startCall: () => void; endCall: (ms: number) => void; restore: () => void } {
  const profile: Profile = { payments: 0, totalMs: 0, byKey: new Map(), calls: [] };
  let pieces: Record<string, number> = {};
  const add = (key: string, ms: number): void => {
    const e = profile.byKey.get(key) ?? { n: 0, ms: 0 };
    e.n++;
    e.ms += ms;
    profile.byKey.set(key, e);
    const kind = key.startsWith('commit') ? 'commit' : key.includes('(whole') ? 'body' : key.includes('Ed25519') ? 'sign' : key.includes('| run |') ? 'run' : 'read';
    pieces[kind] = (pieces[kind] ?? 0) + ms;
  };
  let phase: 'before write' | 'in write' | 'after write' = 'before write';
  const mutable = store as { -readonly [K in keyof Store]: Store[K] };
  const orig = { get: store.get, all: store.all, write: store.write, sign: signer.sign };
  const timed = <R>(key: string, f: () => R): R => {
    const t0 = now();
    try {
      return f();
    } finally {
      add(key, now() - t0);
    }
  };
  mutable.get = <T extends object = Row>(sql: string, params?: SqlParams): T | undefined => timed(`${phase} | read | ${label(sql)}`, () => orig.get<T>(sql, params));
  mutable.all = <T extends object = Row>(sql: string, params?: SqlParams): T[] => timed(`${phase} | read | ${label(sql)}`, () => orig.all<T>(sql, params));
  const wrapTx = (tx: WriteTx): WriteTx => ({
    run: (sql, params) => timed(`in write | run | ${label(sql)}`, () => tx.run(sql, params)),
    get: <T extends object = Row>(sql: string, params?: SqlParams): T | undefined => timed(`in write | read | ${label(sql)}`, () => tx.get<T>(sql, params)),
    all: <T extends object = Row>(sql: string, params?: SqlParams): T[] => timed(`in write | read | ${label(sql)}`, () => tx.all<T>(sql, params)),
  });
  mutable.write = <T>(fn: (tx: WriteTx) => T): T => {
    const t0 = now();
    let fnMs = 0;
    try {
      return orig.write<T>((tx) => {
        phase = 'in write';
        const t1 = now();
        try {
          return fn(wrapTx(tx));
        } finally {
          fnMs = now() - t1;
          add('in write | (whole transaction body)', fnMs);
        }
      });
    } finally {
      add('commit | BEGIN, encode record, append + fdatasync, COMMIT', now() - t0 - fnMs);
      phase = 'after write';
    }
  };
  signer.sign = (payload) => timed('in write | js | Ed25519 sign', () => orig.sign(payload));
  return {
    profile,
    startCall: () => {
      phase = 'before write';
      pieces = {};
    },
    endCall: (ms: number) => {
      profile.payments++;
      profile.totalMs += ms;
      profile.calls.push({ ms, pieces });
    },
    restore: () => {
      mutable.get = orig.get;
      mutable.all = orig.all;
      mutable.write = orig.write;
      signer.sign = orig.sign;
    },
  };
}

function printProfile(p: Profile, n: number): void {
  const per = (ms: number): string => (ms / p.payments).toFixed(4).padStart(8);
  const entries = [...p.byKey.entries()].filter(([k]) => !k.includes('(whole'));
  const signMs = p.byKey.get('in write | js | Ed25519 sign')?.ms ?? 0;
  const storeMs = entries.filter(([k]) => !k.includes('Ed25519')).reduce((s, [, e]) => s + e.ms, 0);
  const bodyMs = p.byKey.get('in write | (whole transaction body)')?.ms ?? 0;
  const txMs = entries.filter(([k]) => k.startsWith('in write |')).reduce((s, [, e]) => s + e.ms, 0); // tx reads, runs and the signature
  const jsInWrite = bodyMs - txMs;
  const outside = p.totalMs - storeMs - signMs - jsInWrite;
  console.log('');
  console.log(`where the time of one payment.cash goes at ${n} payments (${p.payments} instrumented calls after the measured ones, in blocks of ${BLOCK} after ${BLOCK} on the other database; ms per payment, calls per payment)`);
  console.log(`${'ms'.padStart(8)} ${'calls'.padStart(5)}  piece`);
  for (const [k, e] of entries.sort((a, b) => b[1].ms - a[1].ms)) console.log(`${per(e.ms)} ${(e.n / p.payments).toFixed(1).padStart(5)}  ${k}`);
  console.log(`${per(jsInWrite)}        in write | js | the rest of the transaction body (amountDue, dates, JSON, audit hash, ids)`);
  console.log(`${per(outside)}        outside the store | router (session, role, zod), handler and receipt JavaScript`);
  console.log(`${per(p.totalMs)}        total (router call, wall time, instrumented)`);
  console.log(
    `summary: store reads ${per(entries.filter(([k]) => k.includes('| read |')).reduce((s, [, e]) => s + e.ms, 0)).trim()} · statements ${per(entries.filter(([k]) => k.includes('| run |')).reduce((s, [, e]) => s + e.ms, 0)).trim()} · ` +
      `commit ${per(p.byKey.get('commit | BEGIN, encode record, append + fdatasync, COMMIT')?.ms ?? 0).trim()} · sign ${per(signMs).trim()} · other JS ${per(jsInWrite + outside).trim()} ms`,
  );
  // the tail: what the slowest tenth of the calls spend more on than the middle half
  const sorted = [...p.calls].sort((a, b) => a.ms - b.ms);
  const mean = (xs: typeof sorted): Record<string, number> => {
    const out: Record<string, number> = { total: 0, read: 0, run: 0, commit: 0, sign: 0, js: 0 };
    for (const c of xs) {
      const known = ['read', 'run', 'commit', 'sign'].reduce((s2, k) => s2 + (c.pieces[k] ?? 0), 0);
      out.total = (out.total ?? 0) + c.ms / xs.length;
      for (const k of ['read', 'run', 'commit', 'sign']) out[k] = (out[k] ?? 0) + (c.pieces[k] ?? 0) / xs.length;
      out.js = (out.js ?? 0) + (c.ms - known) / xs.length;
    }
    return out;
  };
  const middle = mean(sorted.slice(Math.floor(sorted.length * 0.25), Math.ceil(sorted.length * 0.75)));
  const slow = mean(sorted.slice(Math.floor(sorted.length * 0.9)));
  const show = (m: Record<string, number>): string => ['total', 'read', 'run', 'commit', 'sign', 'js'].map((k) => `${k} ${(m[k] ?? 0).toFixed(3)}`).join(' · ');
  console.log(`  middle half of the calls: ${show(middle)} ms`);
  console.log(`  slowest tenth:            ${show(slow)} ms`);
  console.log(`  first of each block:      ${show(mean(p.calls.filter((_, i) => i % BLOCK === 0)))} ms`);
  console.log(`  the other four:           ${show(mean(p.calls.filter((_, i) => i % BLOCK !== 0)))} ms`);
}

// ---------------------------------------------------------------------------------------------
// where the time goes, by function: the V8 sampling profiler (what --cpu-prof records) around
// CPU_PROFILED more payments, summarised by inclusive time of the app's own functions and by
// self time of everything (sql.js wasm, GC, node internals)

interface CpuNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface CpuProfile {
  nodes: CpuNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

async function cpuProfile(body: () => Promise<void>): Promise<CpuProfile> {
  const session = new Session();
  session.connect();
  const post = (method: string, params: object = {}): Promise<unknown> =>
    new Promise((resolve, reject) => session.post(method, params, (err, res) => (err ? reject(err) : resolve(res))));
  try {
    await post('Profiler.enable');
    await post('Profiler.setSamplingInterval', { interval: 100 });
    await post('Profiler.start');
    await body();
    const { profile } = (await post('Profiler.stop')) as { profile: CpuProfile };
    return profile;
  } finally {
    session.disconnect();
  }
}

function printCpuProfile(p: CpuProfile, payments: number, n: number): void {
  const byId = new Map(p.nodes.map((x) => [x.id, x]));
  // self time per node from the sample timeline (µs)
  const self = new Map<number, number>();
  const samples = p.samples ?? [];
  const deltas = p.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const id = samples[i] as number;
    self.set(id, (self.get(id) ?? 0) + (deltas[i + 1] ?? deltas[i] ?? 0));
  }
  const root = process.cwd();
  const keyOf = (x: CpuNode): string => {
    const f = x.callFrame;
    const url = f.url.replace(/^file:\/\//, '').replace(`${root}/`, '');
    // tsx compiles on the fly, so line numbers would be those of the compiled code: file names only
    return `${f.functionName || '(anonymous)'} ${url.startsWith('wasm://') ? '(sql.js wasm)' : url}`.trim();
  };
  const selfBy = new Map<string, number>();
  for (const x of p.nodes) selfBy.set(keyOf(x), (selfBy.get(keyOf(x)) ?? 0) + (self.get(x.id) ?? 0));
  // inclusive time of app functions (main/, shared/), counted once per call stack
  const incl = new Map<string, number>();
  const walk = (id: number, onStack: Set<string>): number => {
    const x = byId.get(id);
    if (!x) return 0;
    let total = self.get(id) ?? 0;
    const key = keyOf(x);
    const isApp = /^(main|shared)\//.test(x.callFrame.url.replace(/^file:\/\//, '').replace(`${root}/`, ''));
    const fresh = isApp && !onStack.has(key);
    if (fresh) onStack.add(key);
    for (const c of x.children ?? []) total += walk(c, onStack);
    if (fresh) {
      onStack.delete(key);
      incl.set(key, (incl.get(key) ?? 0) + total);
    }
    return total;
  };
  const rootNode = p.nodes[0];
  const all = rootNode ? walk(rootNode.id, new Set()) : 0;
  const idle = [...selfBy.entries()].filter(([k]) => k.startsWith('(idle)')).reduce((s, [, v]) => s + v, 0);
  const busy = all - idle;
  const share = (us: number): string => `${((100 * us) / busy).toFixed(1).padStart(5)} %`;
  console.log('');
  console.log(
    `CPU profile of ${payments} more payments at ${n} (V8 sampler every 100 µs; the sampler slows the calls to ${(busy / 1000 / payments).toFixed(2)} ms, so shares, not ms):`,
  );
  console.log('  inclusive share of the app\'s functions:');
  for (const [k, v] of [...incl.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`  ${share(v)}  ${k}`);
  console.log('  self share, everything (sql.js wasm, GC, node internals):');
  const grouped = new Map<string, number>();
  for (const [k, v] of selfBy) if (!k.startsWith('(idle)')) grouped.set(k.includes('(sql.js wasm)') ? 'sqlite (sql.js wasm, all functions)' : k, (grouped.get(k.includes('(sql.js wasm)') ? 'sqlite (sql.js wasm, all functions)' : k) ?? 0) + v);
  for (const [k, v] of [...grouped.entries()].sort((a, b) => b[1] - a[1]).slice(0, 16)) console.log(`  ${share(v)}  ${k}`);
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'counter-bench-'));
  try {
    await run(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

async function run(root: string): Promise<void> {
  let tree = 'unknown';
  try {
    tree = execFileSync('git', ['describe', '--always', '--dirty'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // not a git checkout
  }
  console.log(`counter benchmark in ${root} (node ${process.version}, ${process.platform}, ${availableParallelism()} CPUs, tree ${tree})`);
  const keyDir = join(root, 'key');
  const signer = loadOrCreateSigner(keyDir);
  const keyFile = join(keyDir, 'keys', 'terminal-ed25519.json');
  const passwordHash = await hashPassword(PASSWORD);
  const schema = await emptySchemaDatabase(join(root, 'schema'));
  const open = WARMUP + MEASURED + PROFILED + CPU_PROFILED;

  // ---- build every database, then open every target
  const built: { n: number; fixture: CounterDb; dbBytes: number; realDir: string; refDir: string }[] = [];
  for (const n of SIZES) {
    const base = join(root, `base-${n}.sqlite`);
    const fixture = buildCounterDb(base, schema.bytes, { payments: n, benchObjects: open, keyId: signer.keyId, passwordHash, seed: 20261204 + n });
    const realDir = join(root, `real-${n}`);
    const refDir = join(root, `ref-${n}`);
    const dbBytes = snapshotFolder(base, realDir, schema.schemaVersion);
    snapshotFolder(base, refDir, schema.schemaVersion);
    rmSync(base, { force: true });
    mkdirSync(join(realDir, 'keys'), { recursive: true });
    copyFileSync(keyFile, join(realDir, 'keys', 'terminal-ed25519.json'));
    const c = fixture.counts;
    console.log(
      `built ${n}: ${mb(dbBytes)}, ${(fixture.buildMs / 1000).toFixed(1)} s — ${c.objects} payers/objects, ${c.bills} bills, ${c.bill_lines} lines, ` +
        `${c.payments} payments (${c.cash_payments} cash), ${c.payment_items} items, ${c.shifts} shifts, ${c.audit_rows} audit rows, ${open} open overdue bills`,
    );
    built.push({ n, fixture, dbBytes, realDir, refDir });
  }
  schema.bytes.fill(0);

  const targets: Target[] = [];
  for (const b of built) {
    const t0 = now();
    const backend = await makeTestBackend({ profile: 'production', dir: b.realDir, clock: testClock(CLOCK_START) });
    if (backend.seeded) throw new Error('the backend seeded the database: app_meta.office_name missing?');
    if (backend.services.signer.keyId !== signer.keyId) throw new Error('the backend made its own terminal key');
    const login = await callOk<{ token: string }>(backend, 'auth.login', { username: b.fixture.clerk.username, password: PASSWORD }, null);
    const shift = await callOk<{ id: string }>(backend, 'shift.open', { openingCash: 200_000 }, login.token);
    const openMs = now() - t0;
    const ref = await openStore({ dir: b.refDir, migrations });
    const plans = b.fixture.open.map(plan);
    const clerk: BenchUser = b.fixture.clerk;
    // the reference pays the same bills, with the same shift id, receipt numbers and times
    const outboxSeq0 = outboxStart(ref);
    const refs = plans.slice(0, WARMUP + MEASURED).map((p, k) => refRows(p, k, signer, clerk.id, clerk.fullName, shift.id, outboxSeq0));
    console.log(`opened ${b.n}: backend + login + shift.open ${(openMs / 1000).toFixed(1)} s (snapshot load ${backend.report.openMs.toFixed(0)} ms), reference store ${ref.report.openMs.toFixed(0)} ms`);
    targets.push({
      n: b.n, dbBytes: b.dbBytes, fixture: b.fixture, backend, token: login.token, ref, refDir: b.refDir, realDir: b.realDir,
      plans, refs, next: 0, refNext: 0, lat: [], starts: [], refLat: [], receipts: [],
    });
  }
  await new Promise((r) => setTimeout(r, 2000)); // let the disk settle after writing the snapshots

  // the floor: append 3 KiB (about one payment's journal record) + fdatasync, in the same rounds
  const floorFd = openSync(join(root, 'floor.log'), 'w');
  const floorBuf = Buffer.alloc(3 * 1024, 1);
  let floorPos = 0;
  const floorLat: number[] = [];
  const floor = (): void => {
    const t0 = now();
    writeSync(floorFd, floorBuf, 0, floorBuf.length, floorPos);
    floorPos += floorBuf.length;
    fdatasyncSync(floorFd);
    floorLat.push(now() - t0);
  };

  const rounds = async (payments: number, record: boolean): Promise<void> => {
    for (let round = 0; round < payments / BLOCK; round++) {
      if (record) floor();
      for (const t of targets) {
        const realFirst = round % 2 === 0;
        if (!realFirst) for (let i = 0; i < BLOCK; i++) refPayment(t, record);
        for (let i = 0; i < BLOCK; i++) await realPayment(t, record);
        if (realFirst) for (let i = 0; i < BLOCK; i++) refPayment(t, record);
      }
    }
  };
  await rounds(WARMUP, false);
  const load0 = loadavg()[0] ?? 0;
  const gcs: { start: number; ms: number; kind: number }[] = [];
  const gcObserver = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcs.push({ start: e.startTime, ms: e.duration, kind: ((e as { detail?: { kind?: number } }).detail)?.kind ?? 0 });
  });
  gcObserver.observe({ entryTypes: ['gc'] });
  const tRun = now();
  await rounds(MEASURED, true);
  await new Promise((r) => setTimeout(r, 50)); // GC entries arrive on a later turn of the event loop
  gcObserver.disconnect();
  const runS = (now() - tRun) / 1000;
  const load1 = loadavg()[0] ?? 0;
  closeSync(floorFd);

  // ---- where the time goes (1M, after the measured rounds)
  const big = targets[targets.length - 1] as Target;
  const inst = instrument(big.backend.services.store, big.backend.services.signer);
  // as in the measured rounds, each block of 5 follows 5 payments on the other database (the
  // smaller one has 500 open bills to spare), so these calls meet the same cold caches
  const other = targets.length > 1 ? (targets[0] as Target) : null;
  for (let i = 0; i < PROFILED; i++) {
    if (other && i % BLOCK === 0) for (let j = 0; j < BLOCK; j++) await realPayment(other, false);
    inst.startCall();
    const ms = await realPayment(big, false);
    inst.endCall(ms);
  }
  inst.restore();
  const realTables = [...new Set([...inst.profile.byKey.keys()].map((k) => /\| run \| INSERT INTO (\w+)/.exec(k)?.[1]).filter((x): x is string => !!x))].sort();
  const refTableList = refTables(big.refs[0] as RefRows).sort();
  const sameTables = realTables.join() === refTableList.join();
  const cpu = await cpuProfile(async () => {
    for (let i = 0; i < CPU_PROFILED; i++) await realPayment(big, false);
  });
  console.log(`tables written: payment.cash ${realTables.join(', ')}; reference ${refTableList.join(', ')} — ${sameTables ? 'the same' : 'DIFFERENT: the reference is not the same rows'}`);

  // ---- checks, then close without snapshotting (the journal holds everything)
  const results = targets.map((t) => {
    const store = t.backend.services.store;
    const realPaid = WARMUP + MEASURED + (t === big ? PROFILED + CPU_PROFILED : t === targets[0] && targets.length > 1 ? PROFILED : 0);
    const have = count(store, 'SELECT count(*) AS n FROM payments');
    const refHave = count(t.ref, 'SELECT count(*) AS n FROM payments');
    if (have !== t.n + realPaid) throw new Error(`${t.n}: backend has ${have} payments, expected ${t.n + realPaid}`);
    if (refHave !== t.n + WARMUP + MEASURED) throw new Error(`${t.n}: reference has ${refHave} payments, expected ${t.n + WARMUP + MEASURED}`);
    const open = count(store, `SELECT count(*) AS n FROM bills b WHERE b.period = '2026-11' AND NOT EXISTS (SELECT 1 FROM payment_items i WHERE i.bill_id = b.id)`);
    const tv = now();
    const chain = verifyAudit(store);
    const refChain = verifyAudit(t.ref);
    const verifyS = (now() - tv) / 1000;
    if (!chain.ok || !refChain.ok) throw new Error(`${t.n}: audit chain broken at ${chain.firstBadSeq ?? refChain.firstBadSeq}`);
    if (chain.checked !== (t.fixture.counts.audit_rows ?? 0) + 1 + realPaid) throw new Error(`${t.n}: audit has ${chain.checked} rows`);
    for (const dir of [t.realDir, t.refDir]) {
      const snaps = readdirSync(dir).filter((f) => /^snapshot-\d+\.json$/.test(f));
      if (snaps.length !== 1) throw new Error(`${dir}: a snapshot was taken during the run (${snaps.join(', ')})`);
    }
    const journal = readdirSync(t.realDir).filter((f) => f.startsWith('journal-')).reduce((s, f) => s + statSync(join(t.realDir, f)).size, 0);
    console.log(
      `checked ${t.n}: ${have} / ${refHave} payments, audit chain intact (${chain.checked} / ${refChain.checked} rows, ${verifyS.toFixed(1)} s), ` +
        `${open} bills of 2026-11 still open, no snapshot during the run, journal ${mb(journal)}; last receipt ${t.receipts[t.receipts.length - 1]?.receiptNo}`,
    );
    store.close({ snapshot: false });
    t.ref.close({ snapshot: false });
    return { n: t.n, size: t.dbBytes, lat: t.lat, refLat: t.refLat };
  });

  // ---- report
  const pad = (s: string, w: number): string => s.padStart(w);
  const f = (x: number): string => x.toFixed(3);
  console.log('');
  console.log(`one counter payment, ${MEASURED} per target after ${WARMUP} warm-up, blocks of ${BLOCK} interleaved over sizes and real/reference, ms`);
  console.log(
    `${pad('payments', 10)}${pad('db size', 9)} | ${pad('payment.cash p50', 17)}${pad('p95', 8)}${pad('p99', 8)}${pad('max', 8)} | ${pad('store.write p50', 16)}${pad('p95', 8)}${pad('p99', 8)}${pad('max', 8)} | ${pad('p95 ratio', 10)}`,
  );
  for (const r of results) {
    console.log(
      `${pad(String(r.n), 10)}${pad(mb(r.size), 9)} | ${pad(f(pct(r.lat, 0.5)), 17)}${pad(f(pct(r.lat, 0.95)), 8)}${pad(f(pct(r.lat, 0.99)), 8)}${pad(Math.max(...r.lat).toFixed(2), 8)} | ` +
        `${pad(f(pct(r.refLat, 0.5)), 16)}${pad(f(pct(r.refLat, 0.95)), 8)}${pad(f(pct(r.refLat, 0.99)), 8)}${pad(Math.max(...r.refLat).toFixed(2), 8)} | ${pad((pct(r.lat, 0.95) / pct(r.refLat, 0.95)).toFixed(2), 10)}`,
    );
  }
  console.log('(payment.cash = the router call on the in-process backend; store.write = the same rows committed bare on a copy of the same database)');
  console.log(
    `floor (append 3 KiB + fdatasync, same rounds): p50 ${f(pct(floorLat, 0.5))} p95 ${f(pct(floorLat, 0.95))} ms; ` +
      `load average ${load0.toFixed(2)} → ${load1.toFixed(2)} on ${availableParallelism()} CPUs over the ${runS.toFixed(1)} s of measured rounds`,
  );
  {
    // each block of 5 starts after another database had the machine: its first call meets cold
    // CPU caches; the other four run warm
    const t = targets[targets.length - 1] as Target;
    const split = (xs: readonly number[]) => [xs.filter((_, i) => i % BLOCK === 0), xs.filter((_, i) => i % BLOCK !== 0)] as const;
    const [realFirst, realRest] = split(t.lat);
    const [refFirst, refRest] = split(t.refLat);
    console.log(
      `at ${t.n}: first call of a block p50 ${f(pct(realFirst, 0.5))} p95 ${f(pct(realFirst, 0.95))}, the other four p50 ${f(pct(realRest, 0.5))} p95 ${f(pct(realRest, 0.95))} ms; ` +
        `reference first p50 ${f(pct(refFirst, 0.5))} p95 ${f(pct(refFirst, 0.95))}, other four p50 ${f(pct(refRest, 0.5))} p95 ${f(pct(refRest, 0.95))} ms`,
    );
  }
  {
    // garbage collection during the measured rounds, and how much of the 1M tail it explains
    const t = big;
    const minor = gcs.filter((g) => g.kind === 1);
    const overlaps = (i: number): boolean => {
      const s0 = t.starts[i] as number;
      const s1 = s0 + (t.lat[i] as number);
      return gcs.some((g) => g.start < s1 && g.start + g.ms > s0);
    };
    const p95 = pct(t.lat, 0.95);
    const tail = t.lat.map((ms, i) => [ms, i] as const).filter(([ms]) => ms >= p95);
    const clean = t.lat.filter((_, i) => !overlaps(i));
    console.log(
      `GC during the measured rounds: ${gcs.length} pauses (${minor.length} scavenges), ${gcs.reduce((s2, g) => s2 + g.ms, 0).toFixed(1)} ms in all; ` +
        `at ${t.n}: ${tail.filter(([, i]) => overlaps(i)).length} of the ${tail.length} calls at or above p95 overlapped a pause; p95 of the ${clean.length} calls without one ${f(pct(clean, 0.95))} ms`,
    );
  }
  printProfile(inst.profile, big.n);
  printCpuProfile(cpu, CPU_PROFILED, big.n);
  const last = results[results.length - 1] as (typeof results)[number];
  const ratio = pct(last.lat, 0.95) / pct(last.refLat, 0.95);
  console.log('');
  console.log(`target: ratio_p95 ${ratio.toFixed(2)} ≤ 2 ${ratio <= 2 ? 'ok' : 'MISSED'}`);
  console.log(
    JSON.stringify({
      bench: 'counter',
      rows: results.map((r) => r.n),
      p95_ms: results.map((r) => r3(pct(r.lat, 0.95))),
      ref_p95_ms: results.map((r) => r3(pct(r.refLat, 0.95))),
      ratio_p95: r3(ratio),
    }),
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
