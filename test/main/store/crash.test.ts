// Crash test: a child process commits payments in a loop and is SIGKILLed at random moments,
// hundreds of times, on the same data folder. After every restart every acknowledged payment must
// be there, complete (2 items + 1 audit row each), with PRAGMA integrity_check = ok.
//
// Snapshots are forced every few commits (snapshotJournalRecords) so kills also land while a
// snapshot is being written, while old files are rotated away, and during open/replay.
//
// Repeat a run: STORE_CRASH_SEED=<seed printed below>; more cycles: STORE_CRASH_CYCLES=1000.
// The child is bundled with esbuild once (node starts it in ~60 ms; through tsx it takes ~300 ms
// per start, which over 200+ cycles is most of the test). STORE_CRASH_CHILD=tsx runs it via tsx.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { openStore } from '../../../main/store/store';
import { paymentMigrations, paymentState, prng } from '../../helpers/store-workload';
import { makeTempDir, removeDir } from '../../helpers/store-fixtures';

const CYCLES = Number(process.env.STORE_CRASH_CYCLES ?? 220);
const SEED = Number(process.env.STORE_CRASH_SEED ?? Date.now() % 2 ** 31);
const SNAPSHOT_EVERY = 20;
const ROOT = resolve(__dirname, '../../..');
const CHILD_TS = join(ROOT, 'test/main/store/crash-child.ts');

let work: string;
let childArgs: string[];

beforeAll(async () => {
  work = makeTempDir('store-crash-');
  if (process.env.STORE_CRASH_CHILD === 'tsx') {
    childArgs = ['--import', 'tsx', CHILD_TS];
  } else {
    const out = join(work, 'crash-child.cjs');
    await build({
      entryPoints: [CHILD_TS],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['sql.js'], // resolved from the repo's node_modules through NODE_PATH
      outfile: out,
      logLevel: 'warning',
    });
    childArgs = [out];
  }
});

afterAll(() => {
  if (work) removeDir(work);
});

interface Ready {
  ready: true;
  integrity: string;
  payments: number;
  maxNo: number;
  items: number;
  audits: number;
  foreignKeys: number;
  lastSeq: number;
  replayed: number;
  discardedTail: null | { reason: string };
  skipped: number;
  isNew: boolean;
  openMs: number;
  uptimeMs: number;
}

interface Cycle {
  ready: Ready | null;
  acks: number[];
  error: string | null;
  signal: NodeJS.Signals | null;
  code: number | null;
  spawnToReadyMs: number;
}

function runCycle(dataDir: string, childSeed: number, killFromSpawn: boolean, delayMs: number): Promise<Cycle> {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [...childArgs, dataDir, String(childSeed), String(SNAPSHOT_EVERY)], {
      cwd: ROOT,
      env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const cycle: Cycle = { ready: null, acks: [], error: null, signal: null, code: null, spawnToReadyMs: -1 };
    let pending = '';
    let stderr = '';
    const kill = (): void => {
      child.kill('SIGKILL');
    };
    const safety = setTimeout(() => {
      cycle.error = `child did not finish in time (stderr: ${stderr.slice(0, 500)})`;
      kill();
    }, 30_000);
    if (killFromSpawn) setTimeout(kill, delayMs);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      pending += chunk;
      let nl = pending.indexOf('\n');
      while (nl >= 0) {
        const line = pending.slice(0, nl);
        pending = pending.slice(nl + 1);
        nl = pending.indexOf('\n');
        if (line.startsWith('ack ')) {
          cycle.acks.push(Number(line.slice(4)));
        } else if (line.startsWith('{')) {
          const msg = JSON.parse(line) as Ready | { error: string };
          if ('error' in msg) {
            cycle.error = msg.error;
          } else {
            cycle.ready = msg;
            cycle.spawnToReadyMs = performance.now() - started;
            if (!killFromSpawn) setTimeout(kill, delayMs);
          }
        }
      }
      // a partial last line ("ack 12" cut as "ack 1") is ignored: only complete lines count
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(safety);
      cycle.code = code;
      cycle.signal = signal;
      if (!cycle.error && signal !== 'SIGKILL') cycle.error = `child exited by itself (code ${code}); stderr: ${stderr.slice(0, 2000)}`;
      resolvePromise(cycle);
    });
  });
}

it(`every acknowledged payment survives ${CYCLES} SIGKILLs (seed ${SEED})`, async () => {
  console.log(`[crash] seed=${SEED} cycles=${CYCLES} snapshotJournalRecords=${SNAPSHOT_EVERY} child=${childArgs.length > 1 ? 'tsx' : 'esbuild bundle'}`);
  const rnd = prng(SEED);
  const dataDir = join(work, 'data');
  let maxAcked = 0;
  /** highest payment number known to be committed (acknowledged, or seen in the database) */
  let known = 0;
  const stats = { early: 0, readyKills: 0, tornTails: 0, replayed: 0, leftoverTmp: 0, orphanSnapshots: 0, acks: 0, startMs: [] as number[], openMs: [] as number[] };
  const t0 = performance.now();

  for (let c = 0; c < CYCLES; c++) {
    // 1 in 8 kills is timed from spawn, so some land during open, replay, migration or the first snapshot
    const early = rnd() < 0.125;
    const delay = early ? rnd() * 150 : 2 + rnd() * 70;
    const cyc = await runCycle(dataDir, Math.floor(rnd() * 2 ** 31), early, delay);
    const where = `cycle ${c}, seed ${SEED}`;
    expect(cyc.error, where).toBeNull();
    if (cyc.ready) {
      const r = cyc.ready;
      expect(r.integrity, `integrity_check, ${where}`).toBe('ok');
      expect(r.foreignKeys, where).toBe(1);
      expect(r.payments, `payments have no holes, ${where}`).toBe(r.maxNo);
      expect(r.items, `2 items per payment, ${where}`).toBe(2 * r.payments);
      expect(r.audits, `1 audit row per payment, ${where}`).toBe(r.payments);
      expect(r.maxNo, `every acknowledged payment is present, ${where}`).toBeGreaterThanOrEqual(maxAcked);
      // at most the one commit that was durable but not yet acknowledged when the kill came
      expect(r.maxNo, `no payment from nowhere, ${where}`).toBeLessThanOrEqual(known + 1);
      known = Math.max(known, r.maxNo);
      if (r.discardedTail) stats.tornTails++;
      stats.replayed += r.replayed;
      stats.startMs.push(cyc.spawnToReadyMs);
      stats.openMs.push(r.openMs);
      // acknowledged numbers continue the database without gaps
      cyc.acks.forEach((a, i) => expect(a, where).toBe(r.maxNo + 1 + i));
      if (early) stats.early++;
      else stats.readyKills++;
    } else {
      expect(early, `only kills timed from spawn may come before ready, ${where}`).toBe(true);
      expect(cyc.acks, where).toEqual([]);
      stats.early++;
    }
    if (cyc.acks.length) {
      maxAcked = cyc.acks[cyc.acks.length - 1] as number;
      known = Math.max(known, maxAcked);
      stats.acks += cyc.acks.length;
    }
    // a kill timed from spawn can come before the store has even made its folder
    const files = existsSync(dataDir) ? readdirSync(dataDir) : [];
    if (files.some((f) => f.endsWith('.tmp'))) stats.leftoverTmp++;
    const manifests = new Set(files.filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)));
    if (files.some((f) => f.endsWith('.sqlite') && !manifests.has(f.slice(0, -7)))) stats.orphanSnapshots++;
  }

  // final check in this process, through the same API the app uses
  const store = await openStore({ dir: dataDir, migrations: paymentMigrations, onWarning: () => {} });
  const s = paymentState(store);
  store.close();
  expect(s.integrity).toBe('ok');
  expect(s.payments).toBe(s.maxNo);
  expect(s.items).toBe(2 * s.payments);
  expect(s.audits).toBe(s.payments);
  expect(s.maxNo).toBeGreaterThanOrEqual(maxAcked);
  expect(s.maxNo).toBeLessThanOrEqual(known + 1);

  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  console.log(
    `[crash] ${CYCLES} kills in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${stats.readyKills} while committing, ${stats.early} timed from spawn; ` +
      `${stats.acks} acknowledged payments, ${s.payments} in the database; torn tails cut ${stats.tornTails}; ` +
      `kills mid-snapshot (stray .tmp ${stats.leftoverTmp}, snapshot without manifest ${stats.orphanSnapshots}); ` +
      `records replayed ${stats.replayed}; child spawn→ready median ${median(stats.startMs).toFixed(0)} ms (open ${median(stats.openMs)} ms)`,
  );
  // the run must actually have exercised the interesting windows
  expect(stats.acks).toBeGreaterThan(CYCLES);
  if (CYCLES >= 100) expect(stats.leftoverTmp + stats.orphanSnapshots).toBeGreaterThan(0);
}, 180_000);
