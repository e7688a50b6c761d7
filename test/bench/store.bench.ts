// Benchmark of the durable store (npm run bench:store).
//
// 1. Commit latency of a payment-sized transaction (1 payment + 2 items + 1 hash-chained audit
//    row, the previous hash read inside the transaction: test/helpers/store-workload.ts) with
//    10k, 100k and 1M payments already in the database, through openStore() → write(), each
//    commit fsync'd before write() returns; 2000 commits per size after 50 warm-up.
//    Reference in the same run: better-sqlite3 12 on the same data, WAL + synchronous=FULL.
//    All six (3 sizes × 2 engines) are open together and measured round-robin, one commit each
//    in turn, so outside noise on this shared machine (other processes using the disk and the
//    2 CPUs) falls on all of them alike; 2000 samples keep the p95 stable under that noise.
//    The floor — append 1 KiB + fdatasync — is measured in the same rounds.
// 2. Cold start of the 1M database: openStore() = read + crc32 verify + load + replay of the
//    journal left by step 1 (2050 records), against plain fs.readFileSync of the same files.
//    Both are measured page-cache hot (the files are read once before timing); the sql.js wasm
//    module is already loaded in this process (compiling it adds ~40 ms once per process).
//
// The base databases are built natively (better-sqlite3, one transaction, no journal) and
// copied at 10k/100k/1M; each copy becomes snapshot 0 of a store folder, written with the store's
// own writeSnapshot() (size + crc32 manifest), so openStore() loads it as it would any snapshot.
// The reference database is a copy of the very same file.
//
// Ends with one JSON line:
// {"bench":"store","rows":[…],"p95_ms":[…],"ref_p95_ms":[…],"ratio_p95_at_max":x,"growth_p95":y,"start_ms":s,"read_files_ms":r}
import Database from 'better-sqlite3';
import { closeSync, copyFileSync, fdatasyncSync, fsyncSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, statSync, writeSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { join } from 'node:path';
import { openStore } from '../../main/store/store';
import type { Store } from '../../main/store/types';
import { writeSnapshot } from '../../main/store/snapshot';
import { defaultFs } from '../../main/store/fsutil';
import {
  INSERT_AUDIT,
  INSERT_ITEM,
  INSERT_PAYMENT,
  LAST_AUDIT_HASH,
  PAYMENT_SCHEMA,
  commitPayment,
  paymentMigrations,
  paymentRows,
  prng,
} from '../helpers/store-workload';

const SIZES = [10_000, 100_000, 1_000_000];
const WARMUP = 50;
const COMMITS = 2000;
const BLOCK = 1;
const START_RUNS = 5;

/** Flushes a file we wrote with copyFileSync or without sync, so its write-back does not land in the middle of a latency measurement. */
function flush(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function copyFlushed(src: string, dst: string): void {
  copyFileSync(src, dst);
  flush(dst);
}

/**
 * Full GC before each timed cold start: the app starts in a fresh process, so garbage left by the
 * previous run here (a closed 600 MB database) must not be collected inside the next timing.
 */
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function ms(fromNs: bigint): number {
  return Number(process.hrtime.bigint() - fromNs) / 1e6;
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))] ?? Number.NaN;
}

function median(xs: number[]): number {
  return pct(xs, 0.5);
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

function r2(x: number): number {
  return Math.round(x * 1000) / 1000;
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'store-bench-'));
  try {
    await run(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

async function run(root: string): Promise<void> {
  console.log(`store benchmark in ${root} (node ${process.version}, ${process.platform})`);
  const rnd = prng(20250102);

  // ---- build the base databases natively and copy them at each size ----
  const basePath = join(root, 'base.sqlite');
  const base = new Database(basePath);
  base.pragma('journal_mode = OFF');
  base.pragma('synchronous = OFF');
  base.exec(PAYMENT_SCHEMA);
  base.pragma('user_version = 1');
  const insP = base.prepare(INSERT_PAYMENT);
  const insI = base.prepare(INSERT_ITEM);
  const insA = base.prepare(INSERT_AUDIT);
  let prevHash = '';
  let built = 0;
  const copies = new Map<number, string>();
  const tBuild = process.hrtime.bigint();
  const fill = base.transaction((upto: number) => {
    for (let no = built + 1; no <= upto; no++) {
      const rows = paymentRows(no, rnd);
      insP.run(rows.payment);
      for (const item of rows.items) insI.run(item);
      const audit = rows.audit(rows.payment[5] as string, prevHash);
      prevHash = audit[6] as string;
      insA.run(audit);
    }
    built = upto;
  });
  for (const n of SIZES) {
    while (built < n) fill(Math.min(n, built + 100_000));
    const copy = join(root, `base-${n}.sqlite`);
    copyFlushed(basePath, copy);
    copies.set(n, copy);
  }
  base.close();
  flush(basePath);
  console.log(`built ${SIZES.map((n) => `${n} (${mb(statSync(copies.get(n) as string).size)})`).join(', ')} in ${(ms(tBuild) / 1000).toFixed(1)} s`);

  // Warm the JITs first (sql.js's wasm starts in V8's baseline tier and is optimised in the
  // background): without this the first size measured pays for it.
  {
    const dir = join(root, 'warmup');
    const s = await openStore({ dir, migrations: paymentMigrations });
    const r = prng(1);
    for (let i = 1; i <= 3000; i++) commitPayment(s, i, r);
    s.close({ snapshot: false });
    rmSync(dir, { recursive: true, force: true });
  }

  // ---- set up every size, store and reference, before measuring anything ----
  interface Target {
    n: number;
    size: number;
    dir: string;
    refPath: string;
    store: Store;
    ref: Database.Database;
    storeCommit: () => void;
    refCommit: () => void;
    lat: number[];
    refLat: number[];
  }
  const targets: Target[] = [];
  for (const n of SIZES) {
    const src = copies.get(n) as string;
    const dir = join(root, `store-${n}`);
    mkdirSync(dir);
    const bytes = readFileSync(src);
    writeSnapshot(defaultFs, dir, 0, bytes, 1, new Date(), process.platform);
    const store = await openStore({ dir, migrations: paymentMigrations });
    let no = n;
    const rndStore = prng(n);

    const refPath = join(root, `ref-${n}.sqlite`);
    copyFlushed(src, refPath);
    rmSync(src, { force: true });
    const ref = new Database(refPath);
    ref.pragma('journal_mode = WAL');
    ref.pragma('synchronous = FULL');
    ref.pragma('foreign_keys = ON');
    const rp = ref.prepare(INSERT_PAYMENT);
    const ri = ref.prepare(INSERT_ITEM);
    const ra = ref.prepare(INSERT_AUDIT);
    const rl = ref.prepare(LAST_AUDIT_HASH);
    const refTx = ref.transaction((k: number, r: () => number) => {
      const rows = paymentRows(k, r);
      rp.run(rows.payment);
      for (const item of rows.items) ri.run(item);
      const prev = (rl.get() as { hash: string } | undefined)?.hash ?? '';
      ra.run(rows.audit(rows.payment[5] as string, prev));
    });
    let rno = n;
    const rndRef = prng(n);
    targets.push({
      n,
      size: bytes.length,
      dir,
      refPath,
      store,
      ref,
      storeCommit: () => commitPayment(store, ++no, rndStore),
      refCommit: () => refTx(++rno, rndRef),
      lat: [],
      refLat: [],
    });
  }
  await new Promise((r) => setTimeout(r, 2000)); // let the disk settle after writing ~1.3 GB

  // The floor: append 1 KiB to a file and fdatasync it, measured in the same rounds.
  const floorFd = openSync(join(root, 'floor.log'), 'w');
  const floorBuf = Buffer.alloc(1024, 1);
  let floorPos = 0;
  const floorLat: number[] = [];
  const floorCommit = (): void => {
    writeSync(floorFd, floorBuf, 0, floorBuf.length, floorPos);
    floorPos += floorBuf.length;
    fdatasyncSync(floorFd);
  };

  for (const t of targets) {
    for (let i = 0; i < WARMUP; i++) {
      t.storeCommit();
      t.refCommit();
    }
  }
  // Round-robin in blocks over every size and both engines, so noise from outside (other
  // processes using the disk or the CPUs) is spread over all of them alike.
  const load0 = loadavg()[0] ?? 0;
  for (let round = 0; round < COMMITS / BLOCK; round++) {
    for (let i = 0; i < BLOCK; i++) {
      const t0 = process.hrtime.bigint();
      floorCommit();
      floorLat.push(ms(t0));
    }
    for (const t of targets) {
      for (let i = 0; i < BLOCK; i++) {
        const t0 = process.hrtime.bigint();
        t.storeCommit();
        t.lat.push(ms(t0));
      }
      for (let i = 0; i < BLOCK; i++) {
        const t0 = process.hrtime.bigint();
        t.refCommit();
        t.refLat.push(ms(t0));
      }
    }
  }
  const load1 = loadavg()[0] ?? 0;
  closeSync(floorFd);
  const results = targets.map((t) => {
    const have = t.store.get<{ n: number }>('SELECT count(*) AS n FROM payment')?.n;
    if (have !== t.n + WARMUP + COMMITS) throw new Error(`store has ${have} payments, expected ${t.n + WARMUP + COMMITS}`);
    // leave the journal for the cold start: as after a crash, nothing is snapshotted
    t.store.close({ snapshot: false });
    t.ref.close();
    for (const f of [t.refPath, `${t.refPath}-wal`, `${t.refPath}-shm`]) rmSync(f, { force: true });
    return {
      n: t.n,
      size: t.size,
      p50: median(t.lat),
      p95: pct(t.lat, 0.95),
      max: Math.max(...t.lat),
      refP50: median(t.refLat),
      refP95: pct(t.refLat, 0.95),
      refMax: Math.max(...t.refLat),
    };
  });

  // ---- cold start of the largest database ----
  const big = targets[targets.length - 1] as Target;
  for (const t of targets) if (t !== big) rmSync(t.dir, { recursive: true, force: true });
  const files = readdirSync(big.dir)
    .filter((f) => /^(snapshot|journal)-/.test(f))
    .map((f) => join(big.dir, f));
  const readAll = (): number => files.reduce((sum, f) => sum + readFileSync(f).length, 0);
  readAll(); // warm the page cache
  const reads: number[] = [];
  const starts: number[] = [];
  let replayed = 0;
  // alternated, so both see the same conditions
  for (let i = 0; i < START_RUNS; i++) {
    gc();
    let t0 = process.hrtime.bigint();
    readAll();
    reads.push(ms(t0));
    gc();
    t0 = process.hrtime.bigint();
    const s = await openStore({ dir: big.dir, migrations: paymentMigrations });
    starts.push(ms(t0));
    replayed = s.report.replayedRecords;
    const have = s.get<{ n: number }>('SELECT count(*) AS n FROM payment')?.n;
    if (have !== big.n + WARMUP + COMMITS) throw new Error(`reopened store has ${have} payments`);
    s.close({ snapshot: false });
  }
  const startMs = median(starts);
  const readMs = median(reads);
  const totalBytes = files.reduce((sum, f) => sum + statSync(f).size, 0);
  const startDetail =
    `cold start of the ${big.n} database (${mb(totalBytes)} in ${files.length} files, ${replayed} journal records replayed), ` +
    `median of ${START_RUNS}, page cache hot, GC before each: openStore ${startMs.toFixed(0)} ms [${starts.map((x) => x.toFixed(0)).join(', ')}] ` +
    `vs readFileSync of the same files ${readMs.toFixed(0)} ms [${reads.map((x) => x.toFixed(0)).join(', ')}] ` +
    `(target ≤ 4 × ${readMs.toFixed(0)} + 500 = ${(4 * readMs + 500).toFixed(0)} ms)`;

  // ---- report ----
  const pad = (s: string, w: number): string => s.padStart(w);
  console.log('');
  console.log(`durable commit of one payment (payment + 2 items + audit, fsync before return), ${COMMITS} commits after ${WARMUP} warm-up, ms`);
  console.log(
    `${pad('payments', 10)}${pad('db size', 10)} | ${pad('store p50', 10)}${pad('p95', 8)}${pad('max', 8)} | ${pad('bsqlite3 p50', 13)}${pad('p95', 8)}${pad('max', 8)} | ${pad('p95 ratio', 10)}`,
  );
  for (const r of results) {
    console.log(
      `${pad(String(r.n), 10)}${pad(mb(r.size), 10)} | ${pad(r.p50.toFixed(3), 10)}${pad(r.p95.toFixed(3), 8)}${pad(r.max.toFixed(2), 8)} | ${pad(
        r.refP50.toFixed(3),
        13,
      )}${pad(r.refP95.toFixed(3), 8)}${pad(r.refMax.toFixed(2), 8)} | ${pad((r.p95 / r.refP95).toFixed(2), 10)}`,
    );
  }
  console.log('(bsqlite3 = better-sqlite3 12, journal_mode=WAL, synchronous=FULL, same data and transaction)');
  console.log(
    `floor (append 1 KiB + fdatasync, same rounds): p50 ${median(floorLat).toFixed(3)} p95 ${pct(floorLat, 0.95).toFixed(3)} ms; ` +
      `load average ${load0.toFixed(2)} → ${load1.toFixed(2)} on ${availableParallelism()} CPUs during the commits`,
  );
  console.log(startDetail);
  const first = results[0] as (typeof results)[number];
  const last = results[results.length - 1] as (typeof results)[number];
  const ratio = last.p95 / last.refP95;
  const growth = last.p95 / first.p95;
  console.log(
    `targets: ratio_p95_at_max ${ratio.toFixed(2)} ≤ 3 ${ratio <= 3 ? 'ok' : 'MISSED'}; growth_p95 ${growth.toFixed(2)} ≤ 1.5 ${growth <= 1.5 ? 'ok' : 'MISSED'}; ` +
      `start ${startMs.toFixed(0)} ≤ ${(4 * readMs + 500).toFixed(0)} ms ${startMs <= 4 * readMs + 500 ? 'ok' : 'MISSED'}`,
  );
  console.log(
    JSON.stringify({
      bench: 'store',
      rows: results.map((r) => r.n),
      p95_ms: results.map((r) => r2(r.p95)),
      ref_p95_ms: results.map((r) => r2(r.refP95)),
      ratio_p95_at_max: r2(ratio),
      growth_p95: r2(growth),
      start_ms: r2(startMs),
      read_files_ms: r2(readMs),
    }),
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
