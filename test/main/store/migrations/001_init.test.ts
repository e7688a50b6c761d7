// Migration 1 on its own: the schema it creates, and the append-only rule of financial tables.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../../main/store/store';
import { migration001 } from '../../../../main/store/migrations/001_init';
import { migrations } from '../../../../main/store/migrations';
import type { Store } from '../../../../main/store/types';

let dir: string;
let store: Store;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'loket-mig1-'));
  store = await openStore({ dir, migrations: [migration001] });
});
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('migration 001: skema awal', () => {
  it('is the first of the list, version 1', () => {
    expect(migrations[0]).toBe(migration001);
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(store.schemaVersion).toBe(1);
  });

  it('creates the tables of people, audit, levies, master data, bills and payments', () => {
    const tables = store.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").map((r) => r.name);
    for (const t of ['users', 'audit_log', 'levies', 'tariffs', 'payers', 'rusun_blocks', 'rusun_units', 'rusun_contracts', 'rusun_exits', 'markets', 'stalls', 'stall_permits', 'lab_parameters', 'lab_packages', 'lab_orders', 'bills', 'bill_lines', 'payments', 'payment_items', 'payment_voids']) {
      expect(tables).toContain(t);
    }
  });

  it('refuses to edit or delete financial records', () => {
    store.write((tx) => {
      tx.run("INSERT INTO levies (id, kode, name, owner_agency, kind, updated_at) VALUES ('l1', '0320910001', 'Sewa', 'Dinas', 'rusunawa', '2026-01-01T00:00:00Z')");
      tx.run("INSERT INTO tariffs (id, levy_id, code, description, amount, unit, effective_from, legal_basis, created_at) VALUES ('t1', 'l1', 'SEWA', 'Sewa', 300000, 'bulan', '2026-01-01', 'Perbup', '2026-01-01T00:00:00Z')");
    });
    expect(() => store.write((tx) => tx.run("UPDATE tariffs SET amount = 1 WHERE id = 't1'"))).toThrow(/tidak boleh diubah/);
    expect(() => store.write((tx) => tx.run("DELETE FROM tariffs WHERE id = 't1'"))).toThrow(/tidak boleh dihapus/);
    expect(store.get<{ amount: number }>("SELECT amount FROM tariffs WHERE id = 't1'")?.amount).toBe(300000);
  });

  it('checks kode retribusi length, money sign and one bill per object and period', () => {
    expect(() => store.write((tx) => tx.run("INSERT INTO levies (id, kode, name, owner_agency, kind, updated_at) VALUES ('l2', '12345', 'X', 'Y', 'pasar', 'z')"))).toThrow();
    expect(() =>
      store.write((tx) =>
        tx.run("INSERT INTO tariffs (id, levy_id, code, description, amount, unit, effective_from, legal_basis, created_at) VALUES ('t2', 'l1', 'X', 'X', -5, 'bulan', '2026-01-01', 'P', 'z')"),
      ),
    ).toThrow();
    store.write((tx) => {
      tx.run("INSERT INTO payers (id, kind, name, created_at) VALUES ('p1', 'orang', 'Budi', 'z')");
      tx.run("INSERT INTO bills (id, skrd_no, levy_id, payer_id, idpel, object_type, object_id, period, issue_date, due_date, principal, created_at) VALUES ('b1', 'S1', 'l1', 'p1', 'x', 'rusun_contract', 'c1', '2026-12', '2026-12-01', '2026-12-10', 360000, 'z')");
    });
    expect(() =>
      store.write((tx) =>
        tx.run("INSERT INTO bills (id, skrd_no, levy_id, payer_id, idpel, object_type, object_id, period, issue_date, due_date, principal, created_at) VALUES ('b2', 'S2', 'l1', 'p1', 'x', 'rusun_contract', 'c1', '2026-12', '2026-12-01', '2026-12-10', 360000, 'z')"),
      ),
    ).toThrow(/UNIQUE/);
  });

  it('enforces foreign keys', () => {
    expect(() => store.write((tx) => tx.run("INSERT INTO rusun_units (id, block_id, floor, number, created_at) VALUES ('u1', 'no-block', 1, 'A-101', 'z')"))).toThrow(/FOREIGN KEY/);
  });
});
