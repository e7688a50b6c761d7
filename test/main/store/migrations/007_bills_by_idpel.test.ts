// Migration 7: an IDPEL's bills come out of one index in the counter's order (oldest first).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../../main/store/store';
import { migrations } from '../../../../main/store/migrations';

const dir = mkdtempSync(join(tmpdir(), 'loket-mig7-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('migration 007: indeks tagihan per IDPEL menurut jatuh tempo', () => {
  // an open-bill condition of schema 7's tables (status.ts asks payment_ends since migration 8)
  const unpaid = 'NOT EXISTS (SELECT 1 FROM payment_items i WHERE i.bill_id = b.id)';
  it('replaces the (idpel, period) index; the open bills and the oldest-first check read it in order, bills kept', async () => {
    const v6 = await openStore({ dir, migrations: migrations.slice(0, 6) });
    v6.write((tx) => {
      tx.run("INSERT INTO levies (id, kode, name, owner_agency, kind, interest_rate_bp, interest_cap_months, interest_rounding, due_day, updated_at) VALUES ('L', '4120101001', 'Sewa Rusunawa', 'Disperkim', 'rusunawa', 200, 24, 'floor', 10, '2026-01-01T00:00:00Z')");
      tx.run("INSERT INTO payers (id, kind, nik, name, phone, address, created_at) VALUES ('P', 'orang', NULL, 'Siti', NULL, NULL, '2026-01-01T00:00:00Z')");
      for (const [id, period, due] of [['B2', '2026-10', '2026-10-10'], ['B1', '2026-09', '2026-09-10']] as const) {
        tx.run(
          `INSERT INTO bills (id, skrd_no, levy_id, payer_id, idpel, object_type, object_id, period, issue_date, due_date, principal, run_id, created_at, created_by)
           VALUES (?, ?, 'L', 'P', '41201010010000019', 'lab_order', 'O', ?, ?, ?, 100000, NULL, '2026-01-01T00:00:00Z', NULL)`,
          [id, `SKRD-${id}`, period, `${period}-01`, due],
        );
      }
    });
    v6.close();
    const v7 = await openStore({ dir, migrations: migrations.slice(0, 7) });
    expect(v7.schemaVersion).toBe(7);
    const indexes = v7.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'bills' ORDER BY name").map((r) => r.name);
    expect(indexes).toContain('bills_idpel_due');
    expect(indexes).not.toContain('bills_idpel');
    const open = `SELECT b.id FROM bills b WHERE b.idpel = '41201010010000019' AND ${unpaid} ORDER BY b.due_date, b.period, b.id`;
    expect(v7.all<{ id: string }>(open).map((r) => r.id)).toEqual(['B1', 'B2']);
    const plan = (sql: string, params: string[] = []) => v7.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, params).map((r) => r.detail).join(' | ');
    expect(plan(open)).toMatch(/USING COVERING INDEX bills_idpel_due \(idpel=\?\)/);
    expect(plan(open)).not.toMatch(/TEMP B-TREE/);
    const older = `SELECT b.period FROM bills b WHERE b.idpel = ? AND (b.due_date, b.period, b.id) < (?, ?, ?) AND ${unpaid} ORDER BY b.due_date, b.period, b.id LIMIT 1`;
    expect(plan(older, ['x', 'd', 'p', 'i'])).toMatch(/INDEX bills_idpel_due \(idpel=\? AND \(due_date,period,id\)<\(\?,\?,\?\)\)/);
    v7.close();
  });
});
