import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestBackend, type TestBackend } from '../../helpers/backend';
import { gatewayInquire, objectOfIdpel } from '../../../main/billing/inquiry';
import { makeIdpel } from '../../../shared/idpel';

let b: TestBackend;
let admin: string;
let clerk: string;
beforeAll(async () => {
  b = await makeTestBackend();
  admin = await b.login('admin');
  clerk = await b.login('loket1');
});
afterAll(() => b.dispose());

const db = () => b.services.store;

describe('rusunawa bill run', () => {
  it('previews, runs once, and a second run makes nothing new', async () => {
    const occupied = (await b.ok('office.overview', {}, admin)).blocks.reduce((s, k) => s + k.occupied, 0);
    const preview = await b.ok('billing.preview', { kind: 'rusunawa', period: '2027-01' }, admin);
    expect(preview.toCreate).toBe(occupied);
    expect(preview.existing).toBe(0);
    expect(preview.skipped.filter((s) => s.reason === 'unit_kosong').length).toBe(80 - occupied);
    expect(preview.sample.length).toBe(5);
    for (const x of preview.sample) expect(x.principal).toBe(x.lines.reduce((s, l) => s + l.amount, 0));
    const seqBefore = db().lastSeq;
    const run = await b.ok('billing.run', { kind: 'rusunawa', period: '2027-01' }, admin);
    expect(run).toMatchObject({ created: occupied, existing: 0, total: preview.total });
    expect(db().lastSeq).toBe(seqBefore + 1); // one durable transaction
    const again = await b.ok('billing.run', { kind: 'rusunawa', period: '2027-01' }, admin);
    expect(again).toMatchObject({ created: 0, existing: occupied, total: 0 });
    const count = db().get<{ n: number }>("SELECT count(*) AS n FROM bills WHERE period = '2027-01' AND object_type = 'rusun_contract'");
    expect(count?.n).toBe(occupied);
    const lines = db().all<{ kind: string }>(
      "SELECT l.kind FROM bill_lines l JOIN bills b ON b.id = l.bill_id WHERE b.period = '2027-01' AND b.object_type = 'rusun_contract'",
    );
    expect(new Set(lines.map((l) => l.kind))).toEqual(new Set(['sewa', 'air', 'sampah']));
    const runs = await b.ok('billing.runs', {}, admin);
    expect(runs.runs.length).toBe(2);
  });

  it('the preview total is the sum of the bills it would make', async () => {
    const preview = await b.ok('billing.preview', { kind: 'rusunawa', period: '2027-03' }, admin);
    const run = await b.ok('billing.run', { kind: 'rusunawa', period: '2027-03' }, admin);
    const sum = db().get<{ s: number }>("SELECT sum(principal) AS s FROM bills WHERE period = '2027-03' AND object_type = 'rusun_contract'");
    expect(run.total).toBe(preview.total);
    expect(sum?.s).toBe(preview.total);
  });

  it('prices each period with the tariff in force; a new tariff never reprices an issued bill', async () => {
    const levy = db().get<{ id: string }>("SELECT id FROM levies WHERE kind = 'rusunawa'");
    const before = db().all<{ principal: number }>("SELECT principal FROM bills WHERE period = '2027-01' ORDER BY id");
    b.services.store.write((tx) =>
      tx.run("INSERT INTO tariffs (id, levy_id, code, description, amount, unit, effective_from, legal_basis, created_at) VALUES ('t-new', ?, 'SEWA_LT1', 'Sewa lantai 1', 400000, 'bulan', '2027-02-01', 'Perbup 1/2027', 'z')", [levy?.id ?? '']),
    );
    await b.ok('billing.run', { kind: 'rusunawa', period: '2027-02' }, admin);
    const rent = db().all<{ period: string; unit_price: number }>(
      `SELECT b.period, l.unit_price FROM bill_lines l JOIN bills b ON b.id = l.bill_id JOIN rusun_contracts c ON c.id = b.object_id
         JOIN rusun_units u ON u.id = c.unit_id WHERE l.kind = 'sewa' AND u.floor = 1 AND b.period IN ('2027-01', '2027-02')`,
    );
    expect(new Set(rent.filter((r) => r.period === '2027-01').map((r) => r.unit_price))).toEqual(new Set([365000]));
    expect(new Set(rent.filter((r) => r.period === '2027-02').map((r) => r.unit_price))).toEqual(new Set([400000]));
    expect(db().all<{ principal: number }>("SELECT principal FROM bills WHERE period = '2027-01' ORDER BY id")).toEqual(before);
  });

  it('skips a tenant after a confirmed exit, bills a fixed fine once as its own line', async () => {
    const c = db().get<{ id: string; idpel: string }>('SELECT id, idpel FROM rusun_contracts ORDER BY contract_no LIMIT 1');
    const other = db().get<{ id: string }>('SELECT id FROM rusun_contracts ORDER BY contract_no LIMIT 1 OFFSET 1');
    b.services.store.write((tx) => {
      tx.run("INSERT INTO rusun_exits (id, contract_id, exit_date, reason, requested_by, requested_at, confirmed_by, confirmed_at) VALUES ('x1', ?, '2027-04-15', 'Pindah kerja', 'u', 'z', 'u', 'z')", [c?.id ?? '']);
      tx.run("INSERT INTO rusun_fine_events (id, contract_id, tariff_code, event_date, note, recorded_by, recorded_at) VALUES ('f1', ?, 'DENDA_SAMPAH', '2027-04-03', 'Sampah di tangga', 'u', 'z')", [other?.id ?? '']);
    });
    await b.ok('billing.run', { kind: 'rusunawa', period: '2027-04' }, admin);
    const may = await b.ok('billing.preview', { kind: 'rusunawa', period: '2027-05' }, admin);
    expect(may.skipped.some((s) => s.reason === 'penghuni_keluar')).toBe(true);
    await b.ok('billing.run', { kind: 'rusunawa', period: '2027-05' }, admin);
    const aprilExited = db().get<{ n: number }>("SELECT count(*) AS n FROM bills WHERE object_id = ? AND period = '2027-04'", [c?.id ?? '']);
    const mayExited = db().get<{ n: number }>("SELECT count(*) AS n FROM bills WHERE object_id = ? AND period = '2027-05'", [c?.id ?? '']);
    expect(aprilExited?.n).toBe(1);
    expect(mayExited?.n).toBe(0);
    const fineLines = db().all<{ period: string; amount: number; description: string }>(
      "SELECT b.period, l.amount, l.description FROM bill_lines l JOIN bills b ON b.id = l.bill_id WHERE l.kind = 'denda_tetap' AND b.object_id = ? AND b.period >= '2027-01'",
      [other?.id ?? ''],
    );
    expect(fineLines).toEqual([{ period: '2027-04', amount: 25000, description: 'Denda sampah 2027-04-03: Sampah di tangga' }]);
  });

  it('refuses a malformed period in Indonesian', async () => {
    const err = await b.err('billing.preview', { kind: 'rusunawa', period: '2027-13' }, admin);
    expect(err.code).toBe('INVALID_INPUT');
    expect((await b.err('billing.run', { kind: 'pasar_harian', period: '2027-02-30' }, admin)).code).toBe('INVALID_INPUT');
  });
});

describe('market runs', () => {
  it('bills daily lapak and monthly kios/los, skipping stalls without a permit', async () => {
    const daily = await b.ok('billing.preview', { kind: 'pasar_harian', period: '2026-12-05' }, admin);
    expect(daily.toCreate).toBeGreaterThan(10);
    expect(daily.skipped.some((s) => s.reason === 'tanpa_izin')).toBe(true);
    const run = await b.ok('billing.run', { kind: 'pasar_harian', period: '2026-12-05' }, admin);
    expect(run.created).toBe(daily.toCreate);
    expect((await b.ok('billing.run', { kind: 'pasar_harian', period: '2026-12-05' }, admin)).created).toBe(0);
    const monthly = await b.ok('billing.preview', { kind: 'pasar_bulanan', period: '2026-12' }, admin);
    expect(monthly.toCreate).toBe(0); // the demo already billed December
    expect(monthly.existing).toBeGreaterThan(30);
  });
});

describe('inquiry', () => {
  it('shows every open bill of an overdue tenant with the fine as its own figure', async () => {
    const row = db().get<{ idpel: string }>(
      "SELECT b.idpel FROM bills b WHERE b.object_type = 'rusun_contract' AND b.period = '2026-10' AND NOT EXISTS (SELECT 1 FROM payment_items i WHERE i.bill_id = b.id) LIMIT 1",
    );
    const res = await b.ok('inquiry.idpel', { idpel: row?.idpel ?? '' }, clerk);
    const oct = res.bills.find((x) => x.period === '2026-10');
    expect(oct).toBeDefined();
    expect(oct?.isOverdue).toBe(true);
    expect(oct?.fineMonths).toBe(2); // due 10 Oct, asked 4 Dec: one month and part of another
    expect(oct?.fine).toBe(Math.floor((oct?.principal ?? 0) * (oct?.fineMonths ?? 0) / 100));
    expect(res.total).toBe(res.principal + res.fine);
    expect(res.bills.map((x) => x.dueDate)).toEqual([...res.bills.map((x) => x.dueDate)].sort());
  });

  it('reports a mistyped IDPEL by its check digit before any lookup, and an unknown one', async () => {
    const good = makeIdpel('0320910001', 1);
    const typo = good.slice(0, 12) + String((Number(good[12]) + 1) % 10) + good.slice(13);
    const err = await b.err('inquiry.idpel', { idpel: typo }, clerk);
    expect(err).toMatchObject({ code: 'IDPEL_INVALID' });
    expect(err.message).toMatch(/Digit pemeriksa IDPEL salah/);
    expect((await b.err('inquiry.idpel', { idpel: '123' }, clerk)).message).toMatch(/17 digit/);
    expect((await b.err('inquiry.idpel', { idpel: makeIdpel('0320910009', 5) }, clerk)).code).toBe('IDPEL_NOT_REGISTERED');
  });

  it("finds the billed object of each levy from its IDPEL, also after the levy's kode has changed", () => {
    const sample = db().all<{ idpel: string; object_type: string; object_id: string; levy_id: string }>(
      'SELECT idpel, object_type, object_id, levy_id FROM bills GROUP BY object_type',
    );
    expect(sample.map((s) => s.object_type).sort()).toEqual(['lab_order', 'rusun_contract', 'stall_permit']);
    const find = () => sample.map((s) => objectOfIdpel(db(), s.idpel));
    const before = find();
    expect(before.map((o) => [o?.objectType, o?.idpel])).toEqual(sample.map((s) => [s.object_type, s.idpel]));
    const kodes = db().all<{ id: string; kode: string }>('SELECT id, kode FROM levies');
    try {
      // kodes no levy has any more
      db().write((tx) => kodes.forEach((l, i) => tx.run('UPDATE levies SET kode = ? WHERE id = ?', [String(9_000_000_000 + i), l.id])));
      expect(find()).toEqual(before);
      // and each kode now another levy's: the IDPEL's own levy table is not the first one asked
      db().write((tx) => kodes.forEach((l, i) => tx.run('UPDATE levies SET kode = ? WHERE id = ?', [kodes[(i + 1) % kodes.length]?.kode ?? '', l.id])));
      expect(find()).toEqual(before);
      db().write((tx) => kodes.forEach((l, i) => tx.run('UPDATE levies SET kode = ? WHERE id = ?', [String(9_000_000_000 + i), l.id])));
    } finally {
      db().write((tx) => kodes.forEach((l) => tx.run('UPDATE levies SET kode = ? WHERE id = ?', [l.kode, l.id])));
    }
  });

  it('answers the gateway with 00, 10 and 13', () => {
    const open = db().get<{ idpel: string }>("SELECT b.idpel FROM bills b WHERE NOT EXISTS (SELECT 1 FROM payment_items i WHERE i.bill_id = b.id) LIMIT 1");
    expect(gatewayInquire(db(), open?.idpel ?? '', '2026-12-04')).toMatchObject({ code: '00' });
    expect(gatewayInquire(db(), makeIdpel('0320910009', 5), '2026-12-04')).toMatchObject({ code: '10' });
    expect(gatewayInquire(db(), 'garbage', '2026-12-04')).toMatchObject({ code: '10' });
    const paidUp = db().get<{ idpel: string }>(
      `SELECT o.idpel FROM lab_orders o WHERE EXISTS (SELECT 1 FROM bills b JOIN payment_items i ON i.bill_id = b.id WHERE b.object_id = o.id) LIMIT 1`,
    );
    expect(gatewayInquire(db(), paidUp?.idpel ?? '', '2026-12-04')).toMatchObject({ code: '13' });
  });
});

describe('search', () => {
  it('finds payers by name fragment, part of a NIK, IDPEL prefix and unit', async () => {
    const p = db().get<{ name: string; nik: string; idpel: string }>('SELECT p.name, p.nik, c.idpel FROM rusun_contracts c JOIN payers p ON p.id = c.payer_id LIMIT 1');
    const frag = (p?.name ?? '').split(' ')[1]?.slice(1, 5) ?? '';
    const byName = await b.ok('inquiry.search', { query: frag }, clerk);
    expect(byName.hits.some((h) => h.payerName === p?.name)).toBe(true);
    const byNik = await b.ok('inquiry.search', { query: (p?.nik ?? '').slice(6, 12) }, clerk);
    expect(byNik.hits.some((h) => h.payerName === p?.name)).toBe(true);
    const byIdpel = await b.ok('inquiry.search', { query: (p?.idpel ?? '').slice(0, 15) }, clerk);
    expect(byIdpel.hits[0]?.idpel.startsWith((p?.idpel ?? '').slice(0, 15))).toBe(true);
    const byUnit = await b.ok('inquiry.search', { query: 'blok a a-1' }, clerk);
    expect(byUnit.hits.length).toBeGreaterThan(0);
    expect(byUnit.hits.every((h) => h.objectLabel.startsWith('Blok A A-1'))).toBe(true);
  });

  it('sees a new payer after master data changes', async () => {
    const before = await b.ok('inquiry.search', { query: 'Zulkarnaen' }, clerk);
    expect(before.hits.length).toBe(0);
    b.services.store.write((tx) => {
      tx.run("UPDATE payers SET name = 'Zulkarnaen Hasibuan' WHERE id = (SELECT payer_id FROM stall_permits LIMIT 1)");
    });
    const after = await b.ok('inquiry.search', { query: 'zulkar' }, clerk);
    expect(after.hits.length).toBe(1);
  });
});

describe('arrears and the renewal blocklist', () => {
  it('ages late payers 1, 2 and 3+ months and flags a tenant at the threshold', async () => {
    b.clock.set('2026-12-04T03:00:00.000Z');
    const res = await b.ok('arrears.list', { levyKind: 'rusunawa' }, admin);
    expect(new Set(res.rows.map((r) => r.bucket))).toEqual(new Set(['1', '2', '3+']));
    const blocked = res.rows.filter((r) => r.blocked);
    expect(blocked.length).toBeGreaterThan(0);
    expect(blocked.every((r) => r.openBills >= 3)).toBe(true);
    expect(blocked[0]?.blocked?.reason).toMatch(/^Tunggakan 3 bulan/);
    const only3 = await b.ok('arrears.list', { levyKind: 'rusunawa', bucket: '3+' }, admin);
    expect(only3.rows.every((r) => r.bucket === '3+')).toBe(true);
    expect(res.totals.principal).toBe(res.rows.reduce((s, r) => s + r.principal, 0));
  });

  it('an admin lifts the flag with a written reason, audited', async () => {
    const res = await b.ok('arrears.list', { levyKind: 'rusunawa', bucket: '3+' }, admin);
    const row = res.rows.find((r) => r.blocked && r.contractId);
    expect(row).toBeDefined();
    const short = await b.err('blocklist.lift', { contractId: row?.contractId ?? '', reason: 'ok' }, admin);
    expect(short.code).toBe('INVALID_INPUT');
    expect((await b.err('blocklist.lift', { contractId: row?.contractId ?? '', reason: 'Sudah ada surat pernyataan' }, clerk)).code).toBe('FORBIDDEN');
    await b.ok('blocklist.lift', { contractId: row?.contractId ?? '', reason: 'Gangguan pembayaran bank bulan Oktober, surat pernyataan terlampir' }, admin);
    const after = await b.ok('arrears.list', { levyKind: 'rusunawa', bucket: '3+' }, admin);
    expect(after.rows.find((r) => r.contractId === row?.contractId)?.blocked).toBeNull();
    const audit = db().get<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE action = 'blocklist.lift'");
    expect(audit?.n).toBe(1);
  });
});
