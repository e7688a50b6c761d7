// Migration 6: the bill-coverage question is answered from an index.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../../main/store/store';
import { migrations } from '../../../../main/store/migrations';

const dir = mkdtempSync(join(tmpdir(), 'loket-mig6-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('migration 006: indeks penutup tagihan', () => {
  it('adds the covering index, and the coverage check uses it', async () => {
    const v5 = await openStore({ dir, migrations: migrations.slice(0, 5) });
    v5.close();
    const v6 = await openStore({ dir, migrations: migrations.slice(0, 6) });
    expect(v6.schemaVersion).toBe(6);
    expect(v6.get<{ n: number }>("SELECT count(*) AS n FROM sqlite_master WHERE type = 'index' AND name = 'payment_items_bill_payment'")?.n).toBe(1);
    // the coverage question as schema 6 asks it (status.ts asks it of payment_ends since migration 8)
    const plan = v6.all<{ detail: string }>('EXPLAIN QUERY PLAN SELECT b.id FROM bills b WHERE EXISTS (SELECT 1 FROM payment_items pi_ WHERE pi_.bill_id = b.id AND NOT EXISTS (SELECT 1 FROM payment_voids pv_ WHERE pv_.payment_id = pi_.payment_id))').map((r) => r.detail).join(' | ');
    expect(plan).toMatch(/COVERING INDEX payment_items_bill_payment/);
    v6.close();
  });
});
