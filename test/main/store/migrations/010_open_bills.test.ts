// Migration 10: open_bills, the trigger-kept index of the open bills keyed by IDPEL. Filled from
// the facts already there; after every kind of event (a bill issued, paid, paid twice, voided, a
// transfer waiting then rejected or accepted, a gateway reversal, a cancellation, a write-off)
// it holds exactly the bills the facts call open — checked after each of 400 random events too —
// and the journal replays it the same.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../../main/store/store';
import { migrations } from '../../../../main/store/migrations';
import type { ReadApi, Store, WriteTx } from '../../../../main/store/types';
import { billState, openBillCondition, openBillOfIdpelCondition } from '../../../../main/billing/status';
import { openBillRowsOfIdpel } from '../../../../main/billing/due';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'loket-mig10-'));
  dirs.push(d);
  return d;
}

const T = '2026-12-04T03:00:00.000Z';
const IDPELS = ['41201010010000019', '41201010010000027', '41201010010000035'];

function base(tx: WriteTx): void {
  tx.run("INSERT INTO users (id, username, full_name, role, password_hash, created_at) VALUES ('U', 'kepala', 'Kepala', 'kepala', 'x', ?)", [T]);
  tx.run(
    "INSERT INTO levies (id, kode, name, owner_agency, kind, interest_rate_bp, interest_cap_months, interest_rounding, due_day, updated_at) VALUES ('L', '4120101001', 'Uji Air', 'Dinkes', 'air', 200, 24, 'floor', 10, ?)",
    [T],
  );
  tx.run("INSERT INTO payers (id, kind, nik, name, phone, address, created_at) VALUES ('P', 'orang', NULL, 'Siti', NULL, NULL, ?)", [T]);
}
function bill(tx: WriteTx, id: string, idpel: string, period: string, principal = 100_000): void {
  tx.run(
    `INSERT INTO bills (id, skrd_no, levy_id, payer_id, idpel, object_type, object_id, period, issue_date, due_date, principal, run_id, created_at, created_by)
     VALUES (?, ?, 'L', 'P', ?, 'lab_order', ?, ?, ?, ?, ?, NULL, ?, NULL)`,
    [id, `SKRD-${id}`, idpel, `O-${idpel}`, period, `${period}-01`, `${period}-10`, principal, T],
  );
}
function pay(tx: WriteTx, id: string, billIds: readonly string[], channel: 'tunai' | 'transfer' | 'gateway' = 'tunai'): void {
  tx.run(
    `INSERT INTO payments (id, receipt_no, terminal_code, business_date, paid_at, channel, payer_id, total, tendered, change_given, clerk_id, shift_id, ntb, created_at)
     VALUES (?, ?, 'LKT01', '2026-12-04', ?, ?, 'P', 1000, NULL, NULL, 'U', NULL, NULL, ?)`,
    [id, `R-${id}`, T, channel, T],
  );
  for (const b of billIds) tx.run('INSERT INTO payment_items (id, payment_id, bill_id, principal, fine, amount) VALUES (?, ?, ?, 100000, 0, 100000)', [`${id}-${b}`, id, b]);
}
const voidPayment = (tx: WriteTx, id: string) =>
  tx.run("INSERT INTO payment_voids (id, payment_id, reason, requested_by, approved_by, voided_at) VALUES (?, ?, 'salah', 'U', 'U', ?)", [`void-${id}`, id, T]);
const decide = (tx: WriteTx, id: string, decision: 'terima' | 'tolak') =>
  tx.run("INSERT INTO transfer_verifications (payment_id, decision, decided_by, decided_at, note) VALUES (?, ?, 'U', ?, 'cek')", [id, decision, T]);
const reverse = (tx: WriteTx, id: string) => tx.run("INSERT INTO payment_reversals (id, payment_id, reversed_at, reason) VALUES (?, ?, ?, 'dibalik bank')", [`rev-${id}`, id, T]);
const cancel = (tx: WriteTx, billId: string) => tx.run("INSERT INTO bill_cancellations (id, bill_id, reason, by_user, at) VALUES (?, ?, 'salah tagih', 'U', ?)", [`c-${billId}`, billId, T]);
const writeOff = (tx: WriteTx, billId: string) =>
  tx.run("INSERT INTO bill_writeoffs (id, bill_id, decision_no, reason, requested_by, approved_by, at) VALUES (?, ?, 'SK/1', 'pemutihan', 'U', 'U', ?)", [`w-${billId}`, billId, T]);

/** the open bills by the index and by the facts (openBillCondition over payment_items), by id */
function openBoth(s: ReadApi): { index: string[]; facts: string[] } {
  return {
    index: s.all<{ id: string }>('SELECT bill_id AS id FROM open_bills ORDER BY bill_id').map((r) => r.id),
    facts: s.all<{ id: string }>(`SELECT b.id FROM bills b WHERE ${openBillCondition('b')} ORDER BY b.id`).map((r) => r.id),
  };
}
function expectAgree(s: ReadApi): string[] {
  const { index, facts } = openBoth(s);
  expect(index).toEqual(facts);
  return index;
}
const indexRows = (s: ReadApi) => s.all('SELECT * FROM open_bills ORDER BY idpel, due_date, period, bill_id');

describe('migration 010: indeks tagihan terbuka per IDPEL', () => {
  it('is filled from the facts, then follows every kind of event; the journal replays it the same', async () => {
    const dir = tempDir();
    const v9 = await openStore({ dir, migrations: migrations.slice(0, 9) });
    v9.write((tx) => {
      base(tx);
      const [a, b] = IDPELS as [string, string, string];
      for (const [id, p] of [['B1', '2026-08'], ['B2', '2026-09'], ['B3', '2026-10'], ['B4', '2026-11']] as const) bill(tx, id, a, p);
      bill(tx, 'X1', b, '2026-09');
      bill(tx, 'X2', b, '2026-10');
      pay(tx, 'A', ['B1', 'B2']);
      pay(tx, 'V', ['B3']);
      voidPayment(tx, 'V');
      pay(tx, 'T', ['X1'], 'transfer'); // waiting for verification: nobody may take it
      cancel(tx, 'X2');
    });
    v9.close();

    const s = await openStore({ dir, migrations });
    expect(s.schemaVersion).toBe(10);
    expect(s.get("SELECT 1 AS x FROM sqlite_master WHERE name = 'bill_coverage'")).toBeUndefined();
    expect(expectAgree(s)).toEqual(['B3', 'B4']);
    // the copies of the bill's own fields are the bill's
    expect(s.all("SELECT bill_id, skrd_no, levy_id, payer_id, object_type, object_id, principal, period, due_date FROM open_bills WHERE bill_id = 'B4'")).toEqual([
      { bill_id: 'B4', skrd_no: 'SKRD-B4', levy_id: 'L', payer_id: 'P', object_type: 'lab_order', object_id: `O-${IDPELS[0]}`, principal: 100_000, period: '2026-11', due_date: '2026-11-10' },
    ]);

    const step = (fn: (tx: WriteTx) => void): string[] => {
      s.write(fn);
      return expectAgree(s);
    };
    expect(step((tx) => bill(tx, 'B5', IDPELS[0] as string, '2026-12'))).toEqual(['B3', 'B4', 'B5']); // issued: open
    expect(step((tx) => pay(tx, 'C', ['B3', 'B4']))).toEqual(['B5']); // paid
    expect(step((tx) => pay(tx, 'D', ['B4']))).toEqual(['B5']); // paid twice (two terminals, then synced)
    expect(step((tx) => voidPayment(tx, 'C'))).toEqual(['B3', 'B5']); // B4 still paid by D
    expect(step((tx) => reverse(tx, 'D'))).toEqual(['B3', 'B4', 'B5']); // gateway reversal
    expect(step((tx) => decide(tx, 'T', 'tolak'))).toEqual(['B3', 'B4', 'B5', 'X1']); // rejected transfer
    expect(step((tx) => pay(tx, 'T2', ['X1'], 'transfer'))).toEqual(['B3', 'B4', 'B5']);
    expect(step((tx) => decide(tx, 'T2', 'terima'))).toEqual(['B3', 'B4', 'B5']); // accepted: stays paid
    expect(step((tx) => writeOff(tx, 'B3'))).toEqual(['B4', 'B5']); // written off
    expect(step((tx) => cancel(tx, 'B5'))).toEqual(['B4']);
    // a cancelled bill stays out when the payment that covered it ends
    expect(step((tx) => pay(tx, 'E', ['B4']))).toEqual([]);
    expect(step((tx) => cancel(tx, 'B4'))).toEqual([]);
    expect(step((tx) => voidPayment(tx, 'E'))).toEqual([]);
    expect(billState(s, 'B4')).toBe('batal');

    // an item whose bill is missing is refused even with the foreign keys deferred
    expect(() =>
      s.write((tx) => {
        tx.run('PRAGMA defer_foreign_keys = ON');
        pay(tx, 'Z', ['NOPE']);
      }),
    ).toThrow(/tagihan untuk rincian pembayaran tidak ada/);

    // the counter's question is one range of the index's key, and the one-bill condition its whole key
    const plan = (sql: string, params: string[]) =>
      s.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, params).map((r) => r.detail).join(' | ');
    expect(plan('SELECT o.bill_id FROM open_bills o JOIN levies l ON l.id = o.levy_id WHERE o.idpel = ?', ['x'])).toMatch(/SEARCH o USING PRIMARY KEY \(idpel=\?\)/);
    expect(plan(`SELECT 1 FROM bills b WHERE b.id = ? AND ${openBillOfIdpelCondition('b')}`, ['x'])).toMatch(
      /SEARCH ob_ EXISTS USING PRIMARY KEY \(idpel=\? AND due_date=\? AND period=\? AND bill_id=\?\)/,
    );
    const rows = indexRows(s);
    s.close();

    const again = await openStore({ dir, migrations });
    expect(indexRows(again)).toEqual(rows);
    expectAgree(again);
    again.close();
  });

  it('agrees with the facts after each of 400 random events', async () => {
    const s: Store = await openStore({ dir: tempDir(), migrations });
    let seed = 20261204;
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const pick = <T>(xs: readonly T[]): T | undefined => xs[rnd(xs.length)];
    s.write(base);
    const bills: string[] = [];
    const live: { id: string; transfer: boolean }[] = [];
    let n = 0;
    for (let event = 0; event < 400; event++) {
      const kind = rnd(10);
      s.write((tx) => {
        const id = `e${n++}`;
        if (kind <= 2 || bills.length < 3) {
          const idpel = pick(IDPELS) as string;
          bill(tx, id, idpel, `20${20 + rnd(7)}-${String(1 + rnd(12)).padStart(2, '0')}-${id}`, 1000 * (1 + rnd(90)));
          bills.push(id);
        } else if (kind <= 5) {
          // pays one or two bills, open or not (a double payment is possible between terminals)
          const chosen = [...new Set([pick(bills), pick(bills)].slice(0, 1 + rnd(2)))] as string[];
          const transfer = rnd(4) === 0;
          pay(tx, id, chosen, transfer ? 'transfer' : 'tunai');
          live.push({ id, transfer });
        } else if (kind <= 7 && live.length > 0) {
          const [p] = live.splice(rnd(live.length), 1) as [{ id: string; transfer: boolean }];
          if (p.transfer) decide(tx, p.id, rnd(2) ? 'tolak' : 'terima');
          else if (rnd(2)) voidPayment(tx, p.id);
          else reverse(tx, p.id);
        } else {
          const b = pick(bills) as string;
          if (!tx.get('SELECT 1 AS x FROM bill_cancellations WHERE bill_id = ? UNION ALL SELECT 1 FROM bill_writeoffs WHERE bill_id = ?', [b, b])) {
            if (rnd(2)) cancel(tx, b);
            else writeOff(tx, b);
          }
        }
      });
      expectAgree(s);
    }
    // and the counter's reading of it comes in bill order, with the bill's own fields
    for (const idpel of IDPELS) {
      const rows = openBillRowsOfIdpel(s, idpel);
      const facts = s.all<{ id: string; principal: number }>(
        `SELECT b.id, b.principal FROM bills b WHERE b.idpel = ? AND ${openBillCondition('b')} ORDER BY b.due_date, b.period, b.id`,
        [idpel],
      );
      expect(rows.map((r) => ({ id: r.id, principal: r.principal }))).toEqual(facts);
    }
    expect(openBoth(s).index.length).toBeGreaterThan(10);
    s.close();
  });
});
