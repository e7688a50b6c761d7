// Migration 6: the bill-coverage question is answered from an index.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../../main/store/store';
import { migrations } from '../../../../main/store/migrations';
import { coveredCondition } from '../../../../main/billing/status';

const dir = mkdtempSync(join(tmpdir(), 'loket-mig6-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('migration 006: indeks penutup tagihan', () => {
  it('adds the covering index, and the coverage check uses it', async () => {
    const v5 = await openStore({ dir, migrations: migrations.slice(0, 5) });
    v5.close();
    const v6 = await openStore({ dir, migrations: migrations.slice(0, 6) });
    expect(v6.schemaVersion).toBe(6);
    expect(v6.get<{ n: number }>("SELECT count(*) AS n FROM sqlite_master WHERE type = 'index' AND name = 'payment_items_bill_payment'")?.n).toBe(1);
    const plan = v6.all<{ detail: string }>(`EXPLAIN QUERY PLAN SELECT b.id FROM bills b WHERE ${coveredCondition('b')}`).map((r) => r.detail).join(' | ');
    expect(plan).toMatch(/COVERING INDEX payment_items_bill_payment/);
    v6.close();
  });
});
