// Migration 2 on a database at schema 1 that already holds data.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../../main/store/store';
import { migration001 } from '../../../../main/store/migrations/001_init';
import { migration002 } from '../../../../main/store/migrations/002_billing';

const dir = mkdtempSync(join(tmpdir(), 'loket-mig2-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('migration 002: penagihan', () => {
  it('upgrades a schema-1 database and keeps its data', async () => {
    const v1 = await openStore({ dir, migrations: [migration001] });
    v1.write((tx) => {
      tx.run("INSERT INTO app_meta (key, value) VALUES ('office_name', 'UPTD Uji')");
      tx.run("INSERT INTO levies (id, kode, name, owner_agency, kind, updated_at) VALUES ('l1', '0320910001', 'Sewa', 'Dinas', 'rusunawa', 'z')");
    });
    expect(v1.schemaVersion).toBe(1);
    v1.close();

    const v2 = await openStore({ dir, migrations: [migration001, migration002] });
    expect(v2.schemaVersion).toBe(2);
    expect(v2.report.migrationsApplied).toEqual([2]);
    expect(v2.get<{ value: string }>("SELECT value FROM app_meta WHERE key = 'office_name'")?.value).toBe('UPTD Uji');
    expect(v2.get<{ value: string }>("SELECT value FROM app_meta WHERE key = 'blocklist_months'")?.value).toBe('3');
    for (const t of ['counters', 'bill_runs', 'rusun_fine_events', 'bill_line_sources', 'bill_cancellations', 'bill_writeoffs', 'blocklist_overrides']) {
      expect(v2.get<{ n: number }>("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = ?", [t])?.n).toBe(1);
    }
    v2.write((tx) => tx.run("INSERT INTO bill_runs (id, kind, period, created, total, existing, skipped, at, by_user) VALUES ('r1', 'rusunawa', '2026-12', 1, 1, 0, 0, 'z', 'u')"));
    expect(() => v2.write((tx) => tx.run("UPDATE bill_runs SET created = 2 WHERE id = 'r1'"))).toThrow(/tidak boleh diubah/);
    v2.close();

    const again = await openStore({ dir, migrations: [migration001, migration002] });
    expect(again.report.migrationsApplied).toEqual([]);
    again.close();
  });
});
