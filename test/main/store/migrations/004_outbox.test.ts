// Migration 4 on a database at schema 3.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../../main/store/store';
import { migrations } from '../../../../main/store/migrations';
import { migration004 } from '../../../../main/store/migrations/004_outbox';

const dir = mkdtempSync(join(tmpdir(), 'loket-mig4-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('migration 004: sinkronisasi', () => {
  it('upgrades a schema-3 database with the outbox, sync state, overpayments and reversals', async () => {
    expect(migrations[3]).toBe(migration004);
    const v3 = await openStore({ dir, migrations: migrations.slice(0, 3) });
    expect(v3.schemaVersion).toBe(3);
    v3.close();
    const v4 = await openStore({ dir, migrations: migrations.slice(0, 4) });
    expect(v4.schemaVersion).toBe(4);
    expect(v4.report.migrationsApplied).toEqual([4]);
    v4.write((tx) => tx.run("INSERT INTO outbox (id, seq, kind, record_id, created_at) VALUES ('payment:p1', 1, 'payment', 'p1', 'z')"));
    // the queue itself is bookkeeping: attempts and acks are updated in place
    v4.write((tx) => tx.run("UPDATE outbox SET attempts = 1, acked_at = 'z' WHERE id = 'payment:p1'"));
    expect(() => v4.write((tx) => tx.run("INSERT INTO outbox (id, seq, kind, record_id, created_at) VALUES ('payment:p2', 1, 'payment', 'p2', 'z')"))).toThrow(/UNIQUE/);
    for (const t of ['sync_state', 'overpayments', 'overpayment_decisions', 'payment_reversals']) {
      expect(v4.get<{ n: number }>("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = ?", [t])?.n).toBe(1);
    }
    v4.close();
  });
});
