// Migration 8: payment_ends, the index of payments that no longer stand, filled from the voids,
// reversals and rejected transfers already there and kept by triggers afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../../main/store/store';
import { migrations } from '../../../../main/store/migrations';
import type { WriteTx } from '../../../../main/store/types';

const dir = mkdtempSync(join(tmpdir(), 'loket-mig8-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const T = '2026-12-04T03:00:00.000Z';
function payment(tx: WriteTx, id: string, channel: 'tunai' | 'transfer' | 'gateway'): void {
  tx.run(
    `INSERT INTO payments (id, receipt_no, terminal_code, business_date, paid_at, channel, payer_id, total, tendered, change_given, clerk_id, shift_id, ntb, created_at)
     VALUES (?, ?, 'LKT01', '2026-12-04', ?, ?, 'P', 1000, NULL, NULL, 'U', NULL, NULL, ?)`,
    [id, `R-${id}`, T, channel, T],
  );
}
const ends = (s: { all: WriteTx['all'] }) => s.all<{ payment_id: string; cause: string }>('SELECT payment_id, cause FROM payment_ends ORDER BY payment_id');

describe('migration 008: indeks pembayaran yang tidak berlaku', () => {
  it('indexes the voids, reversals and rejections already recorded, then every new one; refuses edits', async () => {
    const v7 = await openStore({ dir, migrations: migrations.slice(0, 7) });
    v7.write((tx) => {
      tx.run("INSERT INTO users (id, username, full_name, role, password_hash, created_at) VALUES ('U', 'kepala', 'Kepala', 'kepala', 'x', ?)", [T]);
      tx.run("INSERT INTO payers (id, kind, nik, name, phone, address, created_at) VALUES ('P', 'orang', NULL, 'Siti', NULL, NULL, ?)", [T]);
      for (const [id, ch] of [['A', 'tunai'], ['B', 'gateway'], ['C', 'transfer'], ['D', 'transfer'], ['E', 'tunai']] as const) payment(tx, id, ch);
      tx.run("INSERT INTO payment_voids (id, payment_id, reason, requested_by, approved_by, voided_at) VALUES ('v1', 'A', 'salah', 'U', 'U', ?)", [T]);
      tx.run("INSERT INTO payment_reversals (id, payment_id, reversed_at, reason) VALUES ('r1', 'B', ?, 'dibatalkan bank')", [T]);
      tx.run("INSERT INTO transfer_verifications (payment_id, decision, decided_by, decided_at, note) VALUES ('C', 'tolak', 'U', ?, 'tidak sesuai')", [T]);
      tx.run("INSERT INTO transfer_verifications (payment_id, decision, decided_by, decided_at, note) VALUES ('D', 'terima', 'U', ?, NULL)", [T]);
    });
    v7.close();
    const v8 = await openStore({ dir, migrations: migrations.slice(0, 8) });
    expect(v8.schemaVersion).toBe(8);
    expect(ends(v8)).toEqual([
      { payment_id: 'A', cause: 'batal' },
      { payment_id: 'B', cause: 'dibalik' },
      { payment_id: 'C', cause: 'ditolak' },
    ]);
    // a new void goes into the index in the same statement; an accepted transfer does not
    v8.write((tx) => {
      payment(tx, 'F', 'transfer');
      tx.run("INSERT INTO transfer_verifications (payment_id, decision, decided_by, decided_at, note) VALUES ('F', 'terima', 'U', ?, NULL)", [T]);
      tx.run("INSERT INTO payment_voids (id, payment_id, reason, requested_by, approved_by, voided_at) VALUES ('v2', 'E', 'dobel', 'U', 'U', ?)", [T]);
    });
    expect(ends(v8).map((e) => e.payment_id)).toEqual(['A', 'B', 'C', 'E']);
    expect(() => v8.write((tx) => tx.run("DELETE FROM payment_ends WHERE payment_id = 'A'"))).toThrow(/tidak boleh dihapus/);
    expect(() => v8.write((tx) => tx.run("UPDATE payment_ends SET cause = 'batal' WHERE payment_id = 'B'"))).toThrow(/tidak boleh diubah/);
    v8.close();
    // and the journal replays the same: reopened from the journal, the index is the same
    const again = await openStore({ dir, migrations });
    expect(ends(again).map((e) => e.payment_id)).toEqual(['A', 'B', 'C', 'E']);
    again.close();
  });
});
