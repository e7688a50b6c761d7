// Migration 9: bill_coverage, payment_items keyed by the bill's IDPEL and due date, filled from
// the items already there and kept by a trigger; an open-bill condition asked of it agrees with
// the payment_items one. (Migration 10 replaces it with open_bills: this test stays at version 9.)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../../main/store/store';
import { migrations } from '../../../../main/store/migrations';
import type { ReadApi, WriteTx } from '../../../../main/store/types';
import { openBillCondition } from '../../../../main/billing/status';

const dir = mkdtempSync(join(tmpdir(), 'loket-mig9-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const T = '2026-12-04T03:00:00.000Z';
const IDPEL = '41201010010000019';
const OTHER = '41201010010000027';

function bill(tx: WriteTx, id: string, idpel: string, period: string): void {
  tx.run(
    `INSERT INTO bills (id, skrd_no, levy_id, payer_id, idpel, object_type, object_id, period, issue_date, due_date, principal, run_id, created_at, created_by)
     VALUES (?, ?, 'L', 'P', ?, 'lab_order', ?, ?, ?, ?, 100000, NULL, ?, NULL)`,
    [id, `SKRD-${id}`, idpel, `O-${idpel}`, period, `${period}-01`, `${period}-10`, T],
  );
}
function pay(tx: WriteTx, id: string, billIds: string[], channel: 'tunai' | 'transfer' = 'tunai'): void {
  tx.run(
    `INSERT INTO payments (id, receipt_no, terminal_code, business_date, paid_at, channel, payer_id, total, tendered, change_given, clerk_id, shift_id, ntb, created_at)
     VALUES (?, ?, 'LKT01', '2026-12-04', ?, ?, 'P', 1000, NULL, NULL, 'U', NULL, NULL, ?)`,
    [id, `R-${id}`, T, channel, T],
  );
  for (const b of billIds) {
    tx.run('INSERT INTO payment_items (id, payment_id, bill_id, principal, fine, amount) VALUES (?, ?, ?, 100000, 0, 100000)', [`${id}-${b}`, id, b]);
  }
}
const coverage = (s: ReadApi) => s.all<{ bill_id: string; payment_id: string }>('SELECT bill_id, payment_id FROM bill_coverage ORDER BY bill_id, payment_id');
const ids = (s: ReadApi, sql: string, params: string[] = []) => s.all<{ id: string }>(sql, params).map((r) => r.id);

/** the open-bill condition as version 9 asked it of bill_coverage (main/billing/status.ts until migration 10) */
function openBillOfIdpelCondition(b: string): string {
  return `NOT EXISTS (SELECT 1 FROM bill_coverage bcv_ WHERE bcv_.idpel = ${b}.idpel AND bcv_.due_date = ${b}.due_date AND bcv_.period = ${b}.period
    AND bcv_.bill_id = ${b}.id AND NOT EXISTS (SELECT 1 FROM payment_ends pe_ WHERE pe_.payment_id = bcv_.payment_id))
    AND NOT EXISTS (SELECT 1 FROM bill_cancellations bc_ WHERE bc_.bill_id = ${b}.id)
    AND NOT EXISTS (SELECT 1 FROM bill_writeoffs bw_ WHERE bw_.bill_id = ${b}.id)`;
}

/** the open bills of each IDPEL by the payment_items conditions and by the bill_coverage ones: they must agree */
function openBoth(s: ReadApi, idpel: string): { items: string[]; coverage: string[] } {
  return {
    items: ids(s, `SELECT b.id FROM bills b WHERE b.idpel = ? AND ${openBillCondition('b')} ORDER BY b.id`, [idpel]),
    coverage: ids(s, `SELECT b.id FROM bills b WHERE b.idpel = ? AND ${openBillOfIdpelCondition('b')} ORDER BY b.id`, [idpel]),
  };
}

describe('migration 009: indeks pembayaran tagihan per IDPEL', () => {
  it('copies the items already recorded, then every new one; refuses edits and an item without its bill', async () => {
    const v8 = await openStore({ dir, migrations: migrations.slice(0, 8) });
    v8.write((tx) => {
      tx.run("INSERT INTO users (id, username, full_name, role, password_hash, created_at) VALUES ('U', 'kepala', 'Kepala', 'kepala', 'x', ?)", [T]);
      tx.run("INSERT INTO levies (id, kode, name, owner_agency, kind, interest_rate_bp, interest_cap_months, interest_rounding, due_day, updated_at) VALUES ('L', '4120101001', 'Uji Air', 'Dinkes', 'air', 200, 24, 'floor', 10, ?)", [T]);
      tx.run("INSERT INTO payers (id, kind, nik, name, phone, address, created_at) VALUES ('P', 'orang', NULL, 'Siti', NULL, NULL, ?)", [T]);
      for (const [id, p] of [['B1', '2026-08'], ['B2', '2026-09'], ['B3', '2026-10'], ['B4', '2026-11']] as const) bill(tx, id, IDPEL, p);
      bill(tx, 'X1', OTHER, '2026-09');
      pay(tx, 'A', ['B1', 'B2']);
      pay(tx, 'V', ['B3']);
      tx.run("INSERT INTO payment_voids (id, payment_id, reason, requested_by, approved_by, voided_at) VALUES ('v1', 'V', 'salah', 'U', 'U', ?)", [T]);
    });
    v8.close();

    const v9 = await openStore({ dir, migrations: migrations.slice(0, 9) });
    expect(v9.schemaVersion).toBe(9);
    expect(coverage(v9)).toEqual([
      { bill_id: 'B1', payment_id: 'A' },
      { bill_id: 'B2', payment_id: 'A' },
      { bill_id: 'B3', payment_id: 'V' },
    ]);
    // the voided payment's bill is open again, by both conditions
    expect(openBoth(v9, IDPEL)).toEqual({ items: ['B3', 'B4'], coverage: ['B3', 'B4'] });

    // new items land in it in the same statement: B3 paid again, X1 by a transfer waiting for
    // verification (covered: nobody may take it), then that transfer rejected (open again)
    v9.write((tx) => {
      pay(tx, 'C', ['B3']);
      pay(tx, 'T', ['X1'], 'transfer');
    });
    expect(coverage(v9).map((c) => `${c.bill_id}/${c.payment_id}`)).toEqual(['B1/A', 'B2/A', 'B3/C', 'B3/V', 'X1/T']);
    expect(openBoth(v9, IDPEL)).toEqual({ items: ['B4'], coverage: ['B4'] });
    expect(openBoth(v9, OTHER)).toEqual({ items: [], coverage: [] });
    v9.write((tx) => {
      tx.run("INSERT INTO transfer_verifications (payment_id, decision, decided_by, decided_at, note) VALUES ('T', 'tolak', 'U', ?, 'tidak sesuai')", [T]);
      tx.run("INSERT INTO bill_cancellations (id, bill_id, reason, by_user, at) VALUES ('c1', 'B4', 'salah tagih', 'U', ?)", [T]);
    });
    expect(openBoth(v9, OTHER)).toEqual({ items: ['X1'], coverage: ['X1'] });
    expect(openBoth(v9, IDPEL)).toEqual({ items: [], coverage: [] });

    expect(() => v9.write((tx) => tx.run("DELETE FROM bill_coverage WHERE bill_id = 'B1'"))).toThrow(/tidak boleh dihapus/);
    expect(() => v9.write((tx) => tx.run("UPDATE bill_coverage SET payment_id = 'C' WHERE bill_id = 'B1'"))).toThrow(/tidak boleh diubah/);
    // an item whose bill is missing is refused even with the foreign keys deferred
    expect(() =>
      v9.write((tx) => {
        tx.run('PRAGMA defer_foreign_keys = ON');
        pay(tx, 'Z', ['NOPE']);
      }),
    ).toThrow(/tagihan untuk rincian pembayaran tidak ada/);
    expect(coverage(v9)).toHaveLength(5);

    // the oldest-first question asks the new table, by its whole key, and not payment_items
    const plan = v9
      .all<{ detail: string }>(
        `EXPLAIN QUERY PLAN SELECT 1 FROM bills b WHERE b.idpel = ? AND (b.due_date, b.period, b.id) < (?, ?, ?) AND ${openBillOfIdpelCondition('b')}`,
        [IDPEL, 'd', 'p', 'i'],
      )
      .map((r) => r.detail)
      .join(' | ');
    expect(plan).toMatch(/SEARCH bcv_ USING PRIMARY KEY \(idpel=\? AND due_date=\? AND period=\? AND bill_id=\?\)/);
    expect(plan).not.toMatch(/payment_items/);
    v9.close();

    // and the journal replays the same
    const again = await openStore({ dir, migrations: migrations.slice(0, 9) });
    expect(coverage(again)).toHaveLength(5);
    expect(openBoth(again, OTHER).coverage).toEqual(['X1']);
    again.close();
  });
});
