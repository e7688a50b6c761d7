// Child process of crash.test.ts: opens the store, reports what it found, then commits payments
// in a tight loop and prints "ack <no>" after each write() returned, until the parent SIGKILLs it.
// Kept lean (no vitest, no tsx at run time: the test bundles this file with esbuild) because
// its start-up time is paid on every one of the kill cycles.
import { openStore } from '../../../main/store/store';
import { commitPayment, paymentMigrations, paymentState, prng } from '../../helpers/store-workload';

async function main(): Promise<void> {
  const dir = process.argv[2];
  const seed = Number(process.argv[3] ?? 1);
  const records = Number(process.argv[4] ?? 25);
  if (!dir) throw new Error('usage: crash-child <dir> <seed> <snapshotJournalRecords>');
  const t0 = performance.now();
  const store = await openStore({ dir, migrations: paymentMigrations, snapshotJournalRecords: records, onWarning: () => {} });
  const state = paymentState(store);
  const r = store.report;
  process.stdout.write(
    `${JSON.stringify({
      ready: true,
      ...state,
      lastSeq: store.lastSeq,
      snapshotSeq: r.snapshotSeq,
      replayed: r.replayedRecords,
      discardedTail: r.discardedTail,
      skipped: r.skippedSnapshots.length,
      isNew: r.isNew,
      openMs: Math.round(r.openMs),
      /** process start (node + bundle load) until the store was open and checked */
      uptimeMs: Math.round(performance.now()),
      checkMs: Math.round(performance.now() - t0),
    })}\n`,
  );
  const rnd = prng(seed);
  for (let no = state.maxNo + 1; ; no++) {
    commitPayment(store, no, rnd);
    process.stdout.write(`ack ${no}\n`);
  }
}

main().catch((err: unknown) => {
  process.stdout.write(`${JSON.stringify({ error: String(err instanceof Error ? err.stack : err) })}\n`);
  process.exit(1);
});
