// Migration 3 on a database at schema 2.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../../main/store/store';
import { migration001 } from '../../../../main/store/migrations/001_init';
import { migration002 } from '../../../../main/store/migrations/002_billing';
import { migration003 } from '../../../../main/store/migrations/003_counter';

const dir = mkdtempSync(join(tmpdir(), 'loket-mig3-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('migration 003: loket', () => {
  it('upgrades a schema-2 database with the counter-day tables and settings', async () => {
    const v2 = await openStore({ dir, migrations: [migration001, migration002] });
    v2.write((tx) => tx.run("INSERT INTO users (id, username, full_name, role, password_hash, created_at) VALUES ('u1', 'loket1', 'Dewi', 'petugas', 'x', 'z')"));
    v2.close();
    const v3 = await openStore({ dir, migrations: [migration001, migration002, migration003] });
    expect(v3.schemaVersion).toBe(3);
    expect(v3.report.migrationsApplied).toEqual([3]);
    for (const t of ['shifts', 'shift_closings', 'payment_requests', 'receipt_prints', 'payment_signatures', 'void_requests', 'void_decisions', 'transfer_proofs', 'transfer_verifications', 'deposits', 'deposit_shifts']) {
      expect(v3.get<{ n: number }>("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = ?", [t])?.n).toBe(1);
    }
    expect(v3.get<{ value: string }>("SELECT value FROM app_meta WHERE key = 'shift_difference_limit'")?.value).toBe('10000');
    v3.write((tx) => tx.run("INSERT INTO shifts (id, terminal_code, clerk_id, business_date, opened_at, opening_cash) VALUES ('s1', 'LKT01', 'u1', '2026-12-04', 'z', 200000)"));
    expect(() => v3.write((tx) => tx.run("UPDATE shifts SET opening_cash = 0 WHERE id = 's1'"))).toThrow(/tidak boleh diubah/);
    expect(() => v3.write((tx) => tx.run("INSERT INTO shifts (id, terminal_code, clerk_id, business_date, opened_at, opening_cash) VALUES ('s2', 'LKT01', 'u1', '2026-12-04', 'z', -1)"))).toThrow();
    v3.close();
  });
});
