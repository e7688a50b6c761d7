// The demo office: realistic, consistent, and with the arrears the screens need to show.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkIdpel } from '../../../shared/idpel';
import { checkNik } from '../../../shared/nik';
import { makeTestBackend, type TestBackend } from '../../helpers/backend';

let b: TestBackend;
let clerk: string;
beforeAll(async () => {
  b = await makeTestBackend();
  clerk = await b.login('loket1');
});
afterAll(() => b.dispose());

describe('demo office', () => {
  it('has the three levies with 10-digit kode retribusi', async () => {
    const overview = await b.ok('office.overview', {}, clerk);
    expect(overview.levies.map((l) => l.kind).sort()).toEqual(['air', 'pasar', 'rusunawa']);
    for (const l of overview.levies) expect(l.kode).toMatch(/^\d{10}$/);
    expect(overview.blocks.map((k) => k.name)).toEqual(['Blok A', 'Blok B']);
    for (const k of overview.blocks) {
      expect(k.units).toBe(40);
      expect(k.occupied).toBeGreaterThan(25);
      expect(k.occupied).toBeLessThan(40);
    }
    expect(overview.markets.length).toBe(2);
    expect(overview.lab.parameters).toBeGreaterThanOrEqual(10);
  });

  it('every IDPEL passes its check digit and every NIK its format check', () => {
    const idpels = b.services.store.all<{ idpel: string }>('SELECT idpel FROM rusun_contracts UNION ALL SELECT idpel FROM stall_permits UNION ALL SELECT idpel FROM lab_orders');
    expect(idpels.length).toBeGreaterThan(100);
    for (const { idpel } of idpels) expect(checkIdpel(idpel).ok).toBe(true);
    const niks = b.services.store.all<{ nik: string }>('SELECT nik FROM payers WHERE nik IS NOT NULL');
    for (const { nik } of niks) expect(checkNik(nik)).toEqual({ ok: true, nik });
    const phones = b.services.store.all<{ phone: string }>('SELECT phone FROM payers');
    for (const { phone } of phones) expect(phone).toMatch(/^0\d{8,12}$/);
  });

  it('bill totals are the sum of their lines, in integer rupiah', () => {
    const bad = b.services.store.get<{ n: number }>(
      'SELECT count(*) AS n FROM bills b WHERE principal <> (SELECT sum(amount) FROM bill_lines l WHERE l.bill_id = b.id)',
    );
    expect(bad?.n).toBe(0);
    const paidMismatch = b.services.store.get<{ n: number }>(
      'SELECT count(*) AS n FROM payments p WHERE total <> (SELECT sum(amount) FROM payment_items i WHERE i.payment_id = p.id)',
    );
    expect(paidMismatch?.n).toBe(0);
  });

  it('has history with arrears of 1, 2 and 3+ months, late payments with a fine, and today\'s receipts', async () => {
    const arrears = b.services.store.all<{ months: number }>(
      `SELECT count(*) AS months FROM bills b WHERE b.object_type = 'rusun_contract' AND b.due_date < '2026-12-04'
         AND NOT EXISTS (SELECT 1 FROM payment_items i WHERE i.bill_id = b.id) GROUP BY b.object_id`,
    );
    const months = new Set(arrears.map((a) => Math.min(a.months, 3)));
    expect(months).toEqual(new Set([1, 2, 3]));
    const fined = b.services.store.get<{ n: number }>('SELECT count(*) AS n FROM payment_items WHERE fine > 0');
    expect(fined?.n).toBeGreaterThan(0);
    const today = await b.ok('dashboard.counterToday', {}, clerk);
    expect(today.businessDate).toBe('2026-12-04');
    expect(today.receiptCount).toBeGreaterThan(0);
    expect(today.total).toBe(today.byLevy.reduce((s, l) => s + l.total, 0));
    expect(today.total).toBe(today.byChannel.reduce((s, c) => s + c.total, 0));
    expect(today.overdueBills).toBeGreaterThan(0);
    expect(today.recent.length).toBeGreaterThan(0);
  });

  it('lab packages cost less than the sum of their parameters', async () => {
    const catalog = await b.ok('office.labCatalog', {}, clerk);
    expect(catalog.packages.length).toBe(3);
    for (const p of catalog.packages) expect(p.tariff).toBeLessThan(p.sumOfParameters);
  });

  it('lists units and stalls with search and paging', async () => {
    const all = await b.ok('office.units', { limit: 10 }, clerk);
    expect(all.total).toBe(80);
    expect(all.rows.length).toBe(10);
    const blockB = await b.ok('office.units', { search: 'B-3', limit: 100 }, clerk);
    expect(blockB.rows.every((r) => r.number.startsWith('B-3'))).toBe(true);
    const stalls = await b.ok('office.stalls', { search: 'Mekarsari', limit: 100 }, clerk);
    expect(stalls.total).toBe(25);
    expect(stalls.rows.every((r) => r.marketName === 'Pasar Desa Mekarsari')).toBe(true);
    const odd = await b.ok('office.units', { search: "%' OR 1=1 --", limit: 10 }, clerk);
    expect(odd.total).toBe(0);
  });
});
