import type { Migration } from '../types';
import { MASTER_TABLES } from '../../sync/tables';

// Master data replicates through the centre: every insert or update of a master row queues (or
// re-queues) its `master` outbox entry in the same transaction, by trigger — so no code path
// can change master data without the centre hearing of it. A re-queued entry gets a new seq, and
// an acknowledgement only counts for the seq it was sent with.
const statements = [
  // the version of each master record as last agreed with the centre (pushed and acked, or pulled)
  `CREATE TABLE master_versions (
    entity TEXT NOT NULL,
    id TEXT NOT NULL,
    version INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    PRIMARY KEY (entity, id)
  )`,
  `CREATE TABLE sync_flags (key TEXT PRIMARY KEY, value INTEGER NOT NULL)`,
  // set while pulled master records are applied, so the triggers do not send them back
  `INSERT INTO sync_flags (key, value) VALUES ('applying_pull', 0)`,
];

function keyExpr(key: readonly string[]): string {
  return key.map((k) => `NEW.${k}`).join(" || ':' || ");
}

export const migration005: Migration = {
  version: 5,
  name: 'sinkronisasi data induk',
  up(tx) {
    for (const sql of statements) tx.run(sql);
    for (const t of MASTER_TABLES) {
      for (const event of ['INSERT', 'UPDATE']) {
        tx.run(
          `CREATE TRIGGER ${t.table}_master_${event.toLowerCase()} AFTER ${event} ON ${t.table}
           WHEN (SELECT value FROM sync_flags WHERE key = 'applying_pull') = 0
           BEGIN
             INSERT INTO outbox (id, seq, kind, record_id, created_at)
             VALUES ('master:${t.table}:' || ${keyExpr(t.key)}, (SELECT coalesce(max(seq), 0) + 1 FROM outbox), 'master', '${t.table}:' || ${keyExpr(t.key)}, '')
             ON CONFLICT(id) DO UPDATE SET seq = excluded.seq, acked_at = NULL, dead_at = NULL, dead_reason = NULL, attempts = 0, next_attempt_at = NULL, last_error = NULL;
           END`,
        );
      }
    }
  },
};
