import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkIdpel } from '../../../shared/idpel';
import { objectOfIdpel } from '../../../main/billing/inquiry';
import { makeTestBackend, type TestBackend } from '../../helpers/backend';

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
const auditCount = (action: string) => db().get<{ n: number }>('SELECT count(*) AS n FROM audit_log WHERE action = ?', [action])?.n ?? 0;

describe('levies and tariffs', () => {
  it('edits a levy with its version, refusing a stale copy', async () => {
    const [levy] = await b.ok('levy.list', {}, admin);
    if (!levy) throw new Error('no levy');
    const saved = await b.ok('levy.save', { ...levy, interestRateBp: 200 }, admin);
    expect(saved).toMatchObject({ interestRateBp: 200, version: levy.version + 1 });
    const stale = await b.err('levy.save', { ...levy, name: 'Nama lama' }, admin);
    expect(stale.code).toBe('VERSION_CONFLICT');
    expect((await b.err('levy.save', { ...saved, kode: '123' }, admin)).fields?.kode).toMatch(/10 digit/);
    const other = (await b.ok('levy.list', {}, admin))[1];
    expect((await b.err('levy.save', { ...saved, kode: other?.kode ?? '' }, admin)).code).toBe('DUPLICATE');
    await b.ok('levy.save', { ...saved, interestRateBp: 100 }, admin);
    expect(auditCount('levy.update')).toBe(2);
  });

  it('adds a tariff from a date; the old row stays and is still in force until then', async () => {
    const levy = (await b.ok('levy.list', {}, admin)).find((l) => l.kind === 'rusunawa');
    const before = await b.ok('tariff.list', { levyId: levy?.id ?? '' }, admin);
    const lt2 = before.filter((t) => t.code === 'SEWA_LT2');
    expect(lt2.filter((t) => t.inForce).map((t) => t.amount)).toEqual([340000]);
    await b.ok('tariff.create', { levyId: levy?.id ?? '', code: 'SEWA_LT2', description: 'Sewa unit lantai 2', amount: 355000, unit: 'bulan', effectiveFrom: '2027-07-01', legalBasis: 'Perbup Sukamakmur No. 3 Tahun 2027' }, admin);
    const after = await b.ok('tariff.list', { levyId: levy?.id ?? '' }, admin);
    expect(after.filter((t) => t.code === 'SEWA_LT2').map((t) => [t.amount, t.inForce])).toEqual([[355000, false], [340000, true], [325000, false]]);
    expect((await b.err('tariff.create', { levyId: levy?.id ?? '', code: 'SEWA_LT2', description: 'x', amount: 1.5, unit: 'bulan', effectiveFrom: '2027-07-01', legalBasis: 'Perbup' }, admin)).code).toBe('INVALID_INPUT');
    expect((await b.err('tariff.create', { levyId: levy?.id ?? '', code: 'SEWA_LT2', description: 'Sewa lagi', amount: 1, unit: 'bulan', effectiveFrom: '2027-07-01', legalBasis: 'Perbup 2027' }, admin)).code).toBe('DUPLICATE');
    expect((await b.err('tariff.create', { levyId: levy?.id ?? '', code: 'SEWA_LT2', description: 'Sewa lagi', amount: 1, unit: 'bulan', effectiveFrom: '2027-07-01', legalBasis: 'Perbup 2027' }, clerk)).code).toBe('FORBIDDEN');
  });
});

describe('payers', () => {
  it('validates the NIK and refuses a duplicate', async () => {
    const bad = await b.err('payer.save', { kind: 'orang', nik: '12345', name: 'Rahmat Hidayat' }, clerk);
    expect(bad.fields?.nik).toMatch(/16 digit/);
    const badDate = await b.err('payer.save', { kind: 'orang', nik: '3320019913900001', name: 'Rahmat Hidayat' }, clerk);
    expect(badDate.message).toMatch(/Tanggal lahir pada NIK/);
    const p = await b.ok('payer.save', { kind: 'orang', nik: '3320011503900777', name: 'Rahmat Hidayat', phone: '081234567890' }, clerk);
    expect(p.version).toBe(1);
    expect((await b.err('payer.save', { kind: 'orang', nik: '3320011503900777', name: 'Orang Lain' }, clerk)).code).toBe('DUPLICATE');
    const edited = await b.ok('payer.save', { ...p, nik: p.nik ?? undefined, phone: '081299998888', address: 'Jl. Melati 3', version: 1 }, clerk);
    expect(edited.version).toBe(2);
    expect((await b.ok('payer.search', { query: 'Rahmat Hid' }, clerk)).map((x) => x.id)).toContain(p.id);
  });
});

describe('rusunawa contracts', () => {
  it('creates a contract on a vacant unit with a valid IDPEL and bills it in the next run', async () => {
    const vacant = db().get<{ id: string }>('SELECT u.id FROM rusun_units u WHERE NOT EXISTS (SELECT 1 FROM rusun_contracts c WHERE c.unit_id = u.id) LIMIT 1');
    const payer = await b.ok('payer.save', { kind: 'orang', nik: '3320024408920003', name: 'Sulastri Wulandari', phone: '085712345678' }, admin);
    const contract = await b.ok('rusun.contract.create', { unitId: vacant?.id ?? '', payerId: payer.id, startDate: '2026-12-15', endDate: '2028-12-14', charges: ['AIR', 'SAMPAH'] }, admin);
    expect(checkIdpel(contract.idpel).ok).toBe(true);
    expect(contract.status).toBe('belum_mulai');
    const clash = await b.err('rusun.contract.create', { unitId: vacant?.id ?? '', payerId: payer.id, startDate: '2027-01-01', endDate: '2027-12-31', charges: [] }, admin);
    expect(clash.code).toBe('CONFLICT');
    const run = await b.ok('billing.run', { kind: 'rusunawa', period: '2027-01' }, admin);
    expect(run.created).toBeGreaterThan(0);
    const inquiry = await b.ok('inquiry.idpel', { idpel: contract.idpel }, clerk);
    expect(inquiry.bills.map((x) => x.period)).toEqual(['2027-01']);
  });

  it('an exit is requested, then confirmed by an admin; no bill after the exit date', async () => {
    const c = (await b.ok('rusun.contracts', { status: 'aktif' }, admin)).find((r) => !r.blocked && !r.exit);
    if (!c) throw new Error('no contract');
    const requested = await b.ok('rusun.exit.request', { contractId: c.id, exitDate: '2027-01-20', reason: 'Pindah ke luar kota' }, clerk);
    expect(requested.exit).toMatchObject({ confirmed: false });
    expect((await b.err('rusun.exit.confirm', { exitId: requested.exit?.id ?? '' }, clerk)).code).toBe('FORBIDDEN');
    const confirmed = await b.ok('rusun.exit.confirm', { exitId: requested.exit?.id ?? '' }, admin);
    expect(confirmed.exit?.confirmed).toBe(true);
    const feb = await b.ok('billing.preview', { kind: 'rusunawa', period: '2027-02' }, admin);
    expect(feb.skipped.find((s) => s.reason === 'penghuni_keluar' && s.detail.includes(c.payerName))).toBeDefined();
  });

  it('refuses to renew a blocked tenant with the reason, and renews after the admin lifts it', async () => {
    const blocked = (await b.ok('rusun.contracts', {}, admin)).find((r) => r.blocked);
    if (!blocked) throw new Error('the demo has no blocked tenant');
    const refused = await b.err('rusun.contract.renew', { contractId: blocked.id, endDate: '2030-12-31' }, admin);
    expect(refused.code).toBe('RENEWAL_BLOCKED');
    expect(refused.message).toMatch(/^Perpanjangan ditolak: Tunggakan \d bulan/);
    await b.ok('blocklist.lift', { contractId: blocked.id, reason: 'Keterlambatan karena gangguan bank, sudah diverifikasi' }, admin);
    const renewed = await b.ok('rusun.contract.renew', { contractId: blocked.id, endDate: '2030-12-31' }, admin);
    expect(renewed.idpel).toBe(blocked.idpel);
    expect(renewed.startDate > blocked.endDate).toBe(true);
    // the IDPEL now stands for the new contract (the latest of the two under it)
    expect(objectOfIdpel(b.services.store, blocked.idpel)).toMatchObject({ objectType: 'rusun_contract', objectId: renewed.id });
  });

  it('a fixed fine appears on the next bill as its own line', async () => {
    const c = (await b.ok('rusun.contracts', { status: 'aktif' }, admin)).find((r) => !r.exit);
    await b.ok('rusun.fine.record', { contractId: c?.id ?? '', tariffCode: 'DENDA_SAMPAH', date: '2027-02-05', note: 'Membuang sampah di lorong' }, admin);
    await b.ok('billing.run', { kind: 'rusunawa', period: '2027-02' }, admin);
    const inquiry = await b.ok('inquiry.idpel', { idpel: c?.idpel ?? '' }, clerk);
    const feb = inquiry.bills.find((x) => x.period === '2027-02');
    expect(feb?.lines.find((l) => l.kind === 'denda_tetap')).toMatchObject({ amount: 25000 });
  });
});

describe('markets and the lab', () => {
  it('adds a stall and a permit and bills it daily', async () => {
    const market = (await b.ok('pasar.markets', {}, admin)).find((m) => m.marketClass === 'I');
    const stall = await b.ok('pasar.stall.save', { marketId: market?.id ?? '', code: 'P-099', type: 'lapak', areaM2: 2.5 }, admin);
    expect((await b.err('pasar.stall.save', { marketId: market?.id ?? '', code: 'P-099', type: 'lapak', areaM2: 2.5 }, admin)).code).toBe('DUPLICATE');
    expect((await b.err('pasar.stall.save', { marketId: market?.id ?? '', code: 'P-100', type: 'lapak', areaM2: 2.555 }, admin)).code).toBe('INVALID_INPUT');
    const payer = await b.ok('payer.save', { kind: 'orang', nik: '3320034107850009', name: 'Tumini Sulistyowati' }, admin);
    const permit = await b.ok('pasar.permit.create', { stallId: stall.id, payerId: payer.id, billing: 'harian', startDate: '2026-12-01', endDate: '2027-11-30' }, admin);
    expect(checkIdpel(permit.idpel).ok).toBe(true);
    await b.ok('billing.run', { kind: 'pasar_harian', period: '2026-12-06' }, admin);
    const inquiry = await b.ok('inquiry.idpel', { idpel: permit.idpel }, clerk);
    // class I lapak: Rp 1.000/m²/day × 2,5 m²
    expect(inquiry.bills).toHaveLength(1);
    expect(inquiry.bills[0]?.principal).toBe(2500);
  });

  it('a lab order makes its bill at once, a package priced as a package plus extra parameters', async () => {
    const catalog = await b.ok('office.labCatalog', {}, clerk);
    const pkg = catalog.packages.find((p) => p.code === 'AIR_BERSIH');
    const extra = catalog.parameters.find((p) => p.code === 'SISA_KLOR');
    const payer = await b.ok('payer.save', { kind: 'badan', name: 'Depot Air Segar Barokah', phone: '081377778888' }, clerk);
    const { order, bill } = await b.ok('lab.order.create', { payerId: payer.id, samples: [{ source: 'Sumur bor', packageId: pkg?.id, parameterIds: [extra?.id ?? ''] }, { source: 'Tandon', parameterIds: [extra?.id ?? ''] }] }, clerk);
    expect(order.samples).toHaveLength(2);
    expect(bill.principal).toBe((pkg?.tariff ?? 0) + 2 * (extra?.tariff ?? 0));
    expect(bill.lines.map((l) => l.kind)).toEqual(['paket', 'parameter', 'parameter']);
    expect(bill.status).toBe('belum_bayar');
    expect(checkIdpel(bill.idpel).ok).toBe(true);
    const empty = await b.err('lab.order.create', { payerId: payer.id, samples: [{ source: 'Sumur', parameterIds: [] }] }, clerk);
    expect(empty.code).toBe('INVALID_INPUT');
  });
});
