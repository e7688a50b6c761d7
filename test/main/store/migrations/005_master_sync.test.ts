// Migration 5: master rows queue themselves for the centre by trigger, except while a pull applies them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../../main/store/store';
import { migrations } from '../../../../main/store/migrations';

const dir = mkdtempSync(join(tmpdir(), 'loket-mig5-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('migration 005: sinkronisasi data induk', () => {
  it('queues inserts and updates of master rows, re-queues a changed row, and stays quiet while applying a pull', async () => {
    const v4 = await openStore({ dir, migrations: migrations.slice(0, 4) });
    v4.close();
    const v5 = await openStore({ dir, migrations: migrations.slice(0, 5) });
    expect(v5.schemaVersion).toBe(5);
    v5.write((tx) => tx.run("INSERT INTO payers (id, kind, name, created_at) VALUES ('p1', 'orang', 'Budi', 'z')"));
    const first = v5.get<{ seq: number; kind: string; record_id: string }>("SELECT seq, kind, record_id FROM outbox WHERE id = 'master:payers:p1'");
    expect(first).toMatchObject({ kind: 'master', record_id: 'payers:p1' });
    v5.write((tx) => tx.run("UPDATE outbox SET acked_at = 'z' WHERE id = 'master:payers:p1'"));
    v5.write((tx) => tx.run("UPDATE payers SET name = 'Budi Santoso' WHERE id = 'p1'"));
    const again = v5.get<{ seq: number; acked_at: string | null }>("SELECT seq, acked_at FROM outbox WHERE id = 'master:payers:p1'");
    expect(again?.acked_at).toBeNull();
    expect(again?.seq).toBeGreaterThan(first?.seq ?? 0);
    v5.write((tx) => {
      tx.run("UPDATE sync_flags SET value = 1 WHERE key = 'applying_pull'");
      tx.run("INSERT INTO payers (id, kind, name, created_at) VALUES ('p2', 'orang', 'Dari Pusat', 'z')");
      tx.run("UPDATE sync_flags SET value = 0 WHERE key = 'applying_pull'");
    });
    expect(v5.get<{ n: number }>("SELECT count(*) AS n FROM outbox WHERE id = 'master:payers:p2'")?.n).toBe(0);
    v5.close();
  });
});
