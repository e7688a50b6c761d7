// The demo office a newcomer sees on first start: one rusunawa with twin blocks, two markets,
// the water lab, and a few months of bills and payments (with some arrears) up to today.
// Deterministic: the same clock gives the same office (a seeded PRNG, no Math.random).
import { makeIdpel } from '../../shared/idpel';
import { amountDue, type InterestRule } from '../../shared/fines';
import { addDaysCivil, addPeriod, businessDate, businessMonth, dayOfPeriod, wibInstant } from '../../shared/time';
import { appendAudit } from '../audit/audit';
import { nextNumber, skrdNumber } from '../billing/runs';
import { enqueue } from '../sync/outbox';
import { verificationString } from '../counter/signing';
import type { Services } from '../api/context';
import { hashPassword } from '../auth/password';
import { insertUser } from '../auth/users';
import type { WriteTx } from '../store/types';
import type { Role } from '../../shared/roles';

export const DEMO_PASSWORD = 'Retribusi2026';
export const DEMO_USERS: { username: string; fullName: string; role: Role }[] = [
  { username: 'admin', fullName: 'Sri Wahyuningsih', role: 'admin' },
  { username: 'kepala', fullName: 'Drs. Bambang Sutrisno', role: 'kepala' },
  { username: 'loket1', fullName: 'Dewi Lestari', role: 'petugas' },
  { username: 'loket2', fullName: 'Agus Prasetyo', role: 'petugas' },
  { username: 'kios1', fullName: 'Kios Pasar Induk', role: 'kiosk' },
];

const OFFICE = {
  name: 'UPTD Pengelolaan Retribusi Daerah Kabupaten Sukamakmur',
  address: 'Jl. Pemuda No. 17, Sukamakmur, Jawa Tengah 59411',
};

const LEGAL = 'Peraturan Bupati Sukamakmur Nomor 12 Tahun 2023';
const LEGAL_2026 = 'Peraturan Bupati Sukamakmur Nomor 8 Tahun 2026';

/** mulberry32: a small seeded PRNG so the demo is reproducible */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = {
  m: ['Budi', 'Slamet', 'Joko', 'Agus', 'Heru', 'Wahyu', 'Eko', 'Bambang', 'Sugeng', 'Teguh', 'Rudi', 'Hendra', 'Yusuf', 'Imam', 'Fajar', 'Rizky', 'Dimas', 'Arif', 'Bayu', 'Ahmad'],
  f: ['Siti', 'Sri', 'Dewi', 'Rina', 'Endang', 'Wati', 'Yuni', 'Lestari', 'Ratna', 'Ani', 'Nur', 'Tri', 'Fitri', 'Indah', 'Putri', 'Ayu', 'Wulan', 'Rahayu', 'Kartini', 'Sumiati'],
};
const LAST = ['Santoso', 'Wibowo', 'Hidayat', 'Saputra', 'Susanto', 'Nugroho', 'Setiawan', 'Purnomo', 'Rahmawati', 'Handayani', 'Kurniawan', 'Pratama', 'Suryani', 'Hartono', 'Utami', 'Maulana', 'Wijaya', 'Suharto', 'Puspita', 'Firmansyah'];
const STREETS = ['Jl. Diponegoro', 'Jl. Sudirman', 'Jl. Kartini', 'Jl. Pahlawan', 'Jl. Merdeka', 'Jl. Veteran', 'Jl. Gatot Subroto', 'Jl. Ahmad Yani', 'Jl. Pattimura', 'Jl. Gajah Mada'];
const DISTRICTS = ['Sukamakmur', 'Mekarsari', 'Karangrejo', 'Sidomulyo', 'Tanjungsari'];

interface Person {
  name: string;
  nik: string;
  phone: string;
  address: string;
}

function makePeople(rand: () => number, count: number): Person[] {
  const people: Person[] = [];
  const used = new Set<string>();
  let serial = 1;
  while (people.length < count) {
    const female = rand() < 0.5;
    const first = female ? FIRST.f : FIRST.m;
    const name = `${first[Math.floor(rand() * first.length)]} ${LAST[Math.floor(rand() * LAST.length)]}`;
    if (used.has(name)) continue;
    used.add(name);
    const day = 1 + Math.floor(rand() * 28);
    const month = 1 + Math.floor(rand() * 12);
    const year = 60 + Math.floor(rand() * 40);
    // 33 Jawa Tengah · 20 regency · 01–05 district · DDMMYY (+40 for women) · serial
    const nik = `3320${String(1 + Math.floor(rand() * 5)).padStart(2, '0')}${String(day + (female ? 40 : 0)).padStart(2, '0')}${String(month).padStart(2, '0')}${String(year).padStart(2, '0')}${String(serial++).padStart(4, '0')}`;
    const phone = `08${['12', '13', '21', '52', '57', '77', '81', '95'][Math.floor(rand() * 8)]}${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`;
    const address = `${STREETS[Math.floor(rand() * STREETS.length)]} No. ${1 + Math.floor(rand() * 120)}, ${DISTRICTS[Math.floor(rand() * DISTRICTS.length)]}`;
    people.push({ name, nik, phone, address });
  }
  return people;
}

interface Ctx {
  tx: WriteTx;
  services: Services;
  createdAt: string;
}

function insertPayer(c: Ctx, p: Person & { kind?: 'orang' | 'badan' }): string {
  const id = c.services.newId();
  c.tx.run('INSERT INTO payers (id, kind, nik, name, phone, address, created_at) VALUES (?,?,?,?,?,?,?)', [
    id,
    p.kind ?? 'orang',
    p.nik || null,
    p.name,
    p.phone,
    p.address,
    c.createdAt,
  ]);
  return id;
}

function insertTariff(c: Ctx, levyId: string, code: string, description: string, amount: number, unit: string, from: string, basis: string): string {
  const id = c.services.newId();
  c.tx.run(
    'INSERT INTO tariffs (id, levy_id, code, description, amount, unit, effective_from, legal_basis, created_at) VALUES (?,?,?,?,?,?,?,?,?)',
    [id, levyId, code, description, amount, unit, from, basis, c.createdAt],
  );
  return id;
}

interface Line {
  kind: string;
  description: string;
  tariffId: string | null;
  quantity: number;
  unitPrice: number;
}

interface BillSpec {
  levyId: string;
  payerId: string;
  idpel: string;
  objectType: 'rusun_contract' | 'stall_permit' | 'lab_order';
  objectId: string;
  period: string;
  issueDate: string;
  dueDate: string;
  lines: Line[];
}

function insertBill(c: Ctx, spec: BillSpec): { id: string; principal: number; dueDate: string } {
  const id = c.services.newId();
  const principal = spec.lines.reduce((s, l) => s + l.quantity * l.unitPrice, 0);
  const year = spec.issueDate.slice(0, 4);
  // numbered from the same counters as real bill runs, so later runs continue the sequence
  const skrdNo = skrdNumber(c.services.config.terminalCode, year, nextNumber(c.tx, `skrd:${c.services.config.terminalCode}:${year}`));
  c.tx.run(
    `INSERT INTO bills (id, skrd_no, levy_id, payer_id, idpel, object_type, object_id, period, issue_date, due_date, principal, run_id, created_at, created_by)
     VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
    [id, skrdNo, spec.levyId, spec.payerId, spec.idpel, spec.objectType, spec.objectId, spec.period, spec.issueDate, spec.dueDate, principal, 'seed-demo', c.createdAt, null],
  );
  enqueue(c.tx, 'bill', id, c.createdAt);
  spec.lines.forEach((l, i) => {
    c.tx.run(
      'INSERT INTO bill_lines (id, bill_id, line_no, kind, description, tariff_id, quantity, unit_price, amount) VALUES (?,?,?,?,?,?,?,?,?)',
      [c.services.newId(), id, i + 1, l.kind, l.description, l.tariffId, l.quantity, l.unitPrice, l.quantity * l.unitPrice],
    );
  });
  return { id, principal, dueDate: spec.dueDate };
}

function receiptNo(tx: WriteTx, prefix: string, day: string): string {
  const n = nextNumber(tx, `receipt:${prefix}:${day}`);
  return `${prefix}-${day.replaceAll('-', '')}-${String(n).padStart(4, '0')}`;
}

interface PaySpec {
  bills: { id: string; principal: number; dueDate: string }[];
  payerId: string;
  at: Date;
  channel: 'tunai' | 'transfer' | 'gateway' | 'qris';
  clerkId: string | null;
  terminal: string;
  rule: InterestRule;
  rand: () => number;
}

function insertPayment(c: Ctx, p: PaySpec): number {
  const day = businessDate(p.at);
  const items = p.bills.map((b) => ({ bill: b, due: amountDue(b, day, p.rule) }));
  const total = items.reduce((s, i) => s + i.due.total, 0);
  const id = c.services.newId();
  const isCash = p.channel === 'tunai';
  const tendered = isCash ? Math.ceil(total / 50_000) * 50_000 : null;
  const isGateway = p.channel === 'gateway' || p.channel === 'qris';
  const no = receiptNo(c.tx, isGateway ? 'GW' : p.terminal, day);
  const ntb = isGateway ? `NTB${day.replaceAll('-', '')}${String(Math.floor(p.rand() * 1e8)).padStart(8, '0')}` : null;
  c.tx.run(
    `INSERT INTO payments (id, receipt_no, terminal_code, business_date, paid_at, channel, payer_id, total, tendered, change_given, clerk_id, shift_id, ntb, created_at)
     VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
    [id, no, p.terminal, day, p.at.toISOString(), p.channel, p.payerId, total, tendered, tendered === null ? null : tendered - total, p.clerkId, null, ntb, p.at.toISOString()],
  );
  for (const i of items) {
    c.tx.run('INSERT INTO payment_items (id, payment_id, bill_id, principal, fine, amount, fine_months) VALUES (?,?,?,?,?,?,?)', [
      c.services.newId(),
      id,
      i.bill.id,
      i.due.principal,
      i.due.fine,
      i.due.total,
      i.due.months,
    ]);
  }
  enqueue(c.tx, 'payment', id, p.at.toISOString());
  if (!isGateway) {
    const idpel = c.tx.get<{ idpel: string }>('SELECT idpel FROM bills WHERE id = ?', [p.bills[0]?.id ?? ''])?.idpel ?? '';
    const verification = verificationString(c.services.signer, { r: no, t: p.terminal, d: p.at.toISOString(), a: total, i: idpel });
    c.tx.run('INSERT INTO payment_signatures (payment_id, payload, signature, key_id) VALUES (?,?,?,?)', [id, verification.split('.').slice(0, 2).join('.'), verification, c.services.signer.keyId]);
  }
  return total;
}

/** a moment during office hours (WIB) on a date, never after `limit` */
function officeMoment(rand: () => number, date: string, limit: Date): Date | null {
  const minutes = 7 * 60 + 30 + Math.floor(rand() * (8 * 60));
  const at = wibInstant(date, Math.floor(minutes / 60), minutes % 60);
  if (at.getTime() <= limit.getTime()) return at;
  const start = wibInstant(date, 7, 30);
  if (start.getTime() > limit.getTime()) return null;
  return new Date(start.getTime() + Math.floor(rand() * (limit.getTime() - start.getTime())));
}

export async function seedDemoOffice(services: Services): Promise<{ bills: number; payments: number }> {
  const now = services.now();
  const today = businessDate(now);
  const month = businessMonth(now);
  const rand = prng(20261204);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  let billCount = 0;
  let paymentCount = 0;

  services.store.write((tx) => {
    const c: Ctx = { tx, services, createdAt: now.toISOString() };
    tx.run("INSERT INTO app_meta (key, value) VALUES ('office_name', ?), ('office_address', ?), ('profile', 'demo')", [OFFICE.name, OFFICE.address]);

    const userIds = new Map<string, string>();
    for (const u of DEMO_USERS) {
      const id = services.newId();
      userIds.set(u.username, id);
      insertUser(tx, { id, username: u.username, fullName: u.fullName, role: u.role, passwordHash, createdAt: now });
    }
    // the history is this terminal's own: it is what it pushes to the centre on its first sync
    const clerks = [
      { id: userIds.get('loket1') ?? null, terminal: services.config.terminalCode },
      { id: userIds.get('loket2') ?? null, terminal: services.config.terminalCode },
    ];

    // the three levies with their kode retribusi (10 digits: levy + owner agency)
    const levy = (kode: string, name: string, agency: string, kind: string) => {
      const id = services.newId();
      tx.run('INSERT INTO levies (id, kode, name, owner_agency, kind, interest_rate_bp, interest_cap_months, interest_rounding, due_day, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)', [
        id, kode, name, agency, kind, 100, 24, 'floor', 10, c.createdAt,
      ]);
      return id;
    };
    const rusunLevy = levy('0320910001', 'Retribusi Sewa Rusunawa', 'Dinas Perumahan Rakyat dan Kawasan Permukiman', 'rusunawa');
    const pasarLevy = levy('0320910002', 'Retribusi Pelayanan Pasar', 'Dinas Perdagangan, Koperasi dan UKM', 'pasar');
    const airLevy = levy('0320910003', 'Retribusi Pengujian Kualitas Air', 'Dinas Kesehatan — UPT Laboratorium Kesehatan Daerah', 'air');
    const rule: InterestRule = { rateBp: 100, capMonths: 24, rounding: 'floor' };

    // ---- rusunawa: twin blocks, 5 floors, 8 units a floor; rent cheaper on higher floors
    const rentOld = [0, 350_000, 325_000, 300_000, 275_000, 250_000];
    const rentNew = [0, 365_000, 340_000, 315_000, 290_000, 265_000];
    const rentTariff: string[] = [];
    for (let floor = 1; floor <= 5; floor++) {
      insertTariff(c, rusunLevy, `SEWA_LT${floor}`, `Sewa unit lantai ${floor}`, rentOld[floor] ?? 0, 'bulan', '2024-01-01', LEGAL);
      rentTariff[floor] = insertTariff(c, rusunLevy, `SEWA_LT${floor}`, `Sewa unit lantai ${floor}`, rentNew[floor] ?? 0, 'bulan', '2026-07-01', LEGAL_2026);
    }
    const waterTariff = insertTariff(c, rusunLevy, 'AIR', 'Air bersih', 45_000, 'bulan', '2024-01-01', LEGAL);
    const wasteTariff = insertTariff(c, rusunLevy, 'SAMPAH', 'Kebersihan dan sampah', 15_000, 'bulan', '2024-01-01', LEGAL);
    const wasteFineTariff = insertTariff(c, rusunLevy, 'DENDA_SAMPAH', 'Denda pembuangan sampah tidak pada tempatnya', 25_000, 'kejadian', '2024-01-01', LEGAL);

    const tenants = makePeople(rand, 80);
    let rusunSerial = 0;
    const periods = [addPeriod(month, -3), addPeriod(month, -2), addPeriod(month, -1), month];
    for (const blockName of ['Blok A', 'Blok B']) {
      const blockId = services.newId();
      tx.run('INSERT INTO rusun_blocks (id, levy_id, name, floors, address, created_at) VALUES (?,?,?,?,?,?)', [
        blockId, rusunLevy, blockName, 5, 'Rusunawa Kalijaga, Jl. Kalijaga Raya No. 5, Sukamakmur', c.createdAt,
      ]);
      for (let floor = 1; floor <= 5; floor++) {
        for (let n = 1; n <= 8; n++) {
          const unitId = services.newId();
          const number = `${blockName.slice(-1)}-${floor}${String(n).padStart(2, '0')}`;
          tx.run('INSERT INTO rusun_units (id, block_id, floor, number, created_at) VALUES (?,?,?,?,?)', [unitId, blockId, floor, number, c.createdAt]);
          if (rand() < 0.12) continue; // vacant unit
          const person = tenants[rusunSerial % tenants.length];
          if (!person) continue;
          rusunSerial++;
          const payerId = insertPayer(c, person);
          const idpel = makeIdpel('0320910001', rusunSerial);
          const contractId = services.newId();
          const start = `${2024 + Math.floor(rand() * 2)}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-01`;
          tx.run(
            'INSERT INTO rusun_contracts (id, unit_id, payer_id, idpel, contract_no, start_date, end_date, charges_json, created_at) VALUES (?,?,?,?,?,?,?,?,?)',
            [contractId, unitId, payerId, idpel, `PKS/RSW/${start.slice(0, 4)}/${String(rusunSerial).padStart(4, '0')}`, start, addDaysCivil(`${Number(start.slice(0, 4)) + 3}${start.slice(4)}`, -1), JSON.stringify(['AIR', 'SAMPAH']), c.createdAt],
          );
          // behaviour: most pay on time; some late; some in arrears for 1, 2 or 3+ months
          const r = rand();
          const arrears = r < 0.06 ? 3 : r < 0.11 ? 2 : r < 0.18 ? 1 : 0;
          const isLate = !arrears && rand() < 0.15;
          const bills = periods.map((period) => {
            const lines: Line[] = [
              { kind: 'sewa', description: `Sewa unit ${number} (lantai ${floor}) ${period}`, tariffId: rentTariff[floor] ?? null, quantity: 1, unitPrice: rentNew[floor] ?? 0 },
              { kind: 'air', description: `Air bersih ${period}`, tariffId: waterTariff, quantity: 1, unitPrice: 45_000 },
              { kind: 'sampah', description: `Kebersihan dan sampah ${period}`, tariffId: wasteTariff, quantity: 1, unitPrice: 15_000 },
            ];
            if (rand() < 0.04) lines.push({ kind: 'denda_tetap', description: 'Denda pembuangan sampah tidak pada tempatnya', tariffId: wasteFineTariff, quantity: 1, unitPrice: 25_000 });
            billCount++;
            return insertBill(c, {
              levyId: rusunLevy, payerId, idpel, objectType: 'rusun_contract', objectId: contractId, period,
              issueDate: `${period}-01`, dueDate: dayOfPeriod(period, 10), lines,
            });
          });
          // pay the months this tenant has paid, oldest first
          const paidMonths = periods.length - 1 - arrears; // the current month is handled below
          for (let i = 0; i < paidMonths; i++) {
            const bill = bills[i];
            const period = periods[i];
            if (!bill || !period) continue;
            const payDay = isLate && i === paidMonths - 1 ? addDaysCivil(dayOfPeriod(addPeriod(period, 1), 10), Math.floor(rand() * 15)) : dayOfPeriod(period, 1 + Math.floor(rand() * 10));
            const at = payDay <= today ? officeMoment(rand, payDay, now) : null;
            if (!at) continue;
            const clerk = clerks[Math.floor(rand() * clerks.length)] ?? clerks[0];
            const channel = rand() < 0.25 ? 'gateway' : 'tunai';
            insertPayment(c, { bills: [bill], payerId, at, channel, clerkId: channel === 'tunai' ? (clerk?.id ?? null) : null, terminal: clerk?.terminal ?? 'LKT01', rule, rand });
            paymentCount++;
          }
          // the current month: a third have paid already (up to today)
          const current = bills[bills.length - 1];
          if (!arrears && current && rand() < 0.35) {
            const lastDay = today.slice(8, 10);
            const day = `${month}-${String(1 + Math.floor(rand() * Number(lastDay))).padStart(2, '0')}`;
            const at = officeMoment(rand, day, now);
            if (at) {
              const clerk = clerks[Math.floor(rand() * clerks.length)] ?? clerks[0];
              insertPayment(c, { bills: [current], payerId, at, channel: 'tunai', clerkId: clerk?.id ?? null, terminal: clerk?.terminal ?? 'LKT01', rule, rand });
              paymentCount++;
            }
          }
        }
      }
    }

    // ---- pasar: two markets, kios / los / lapak; fee per m² per day by stall type and market class
    const feePerM2: Record<string, Record<string, number>> = {
      kios: { I: 2_000, II: 1_500, III: 1_000 },
      los: { I: 1_500, II: 1_000, III: 750 },
      lapak: { I: 1_000, II: 750, III: 500 },
    };
    const feeTariff = new Map<string, string>();
    for (const [type, byClass] of Object.entries(feePerM2)) {
      for (const [cls, amount] of Object.entries(byClass)) {
        feeTariff.set(`${type}_${cls}`, insertTariff(c, pasarLevy, `PASAR_${type.toUpperCase()}_${cls}`, `Retribusi ${type} pasar kelas ${cls} per m² per hari`, amount, 'm2_hari', '2024-01-01', LEGAL));
      }
    }
    const traders = makePeople(rand, 110);
    let traderIdx = 0;
    let pasarSerial = 0;
    const markets = [
      { name: 'Pasar Induk Sukamakmur', cls: 'I', address: 'Jl. Pasar Baru No. 1, Sukamakmur', stalls: { kios: 20, los: 30, lapak: 20 } },
      { name: 'Pasar Desa Mekarsari', cls: 'III', address: 'Jl. Raya Mekarsari, Mekarsari', stalls: { kios: 0, los: 10, lapak: 15 } },
    ];
    const areas: Record<string, number[]> = { kios: [900, 1200, 1600], los: [400, 600], lapak: [200, 300, 400] };
    const dailyDays = Array.from({ length: 14 }, (_, i) => addDaysCivil(today, i - 13));
    for (const m of markets) {
      const marketId = services.newId();
      tx.run('INSERT INTO markets (id, levy_id, name, market_class, address, created_at) VALUES (?,?,?,?,?,?)', [marketId, pasarLevy, m.name, m.cls, m.address, c.createdAt]);
      for (const type of ['kios', 'los', 'lapak'] as const) {
        for (let n = 1; n <= m.stalls[type]; n++) {
          const stallId = services.newId();
          const code = `${type === 'kios' ? 'K' : type === 'los' ? 'L' : 'P'}-${String(n).padStart(3, '0')}`;
          const choices = areas[type] ?? [400];
          const area = choices[Math.floor(rand() * choices.length)] ?? 400;
          tx.run('INSERT INTO stalls (id, market_id, code, type, area_m2x100, created_at) VALUES (?,?,?,?,?,?)', [stallId, marketId, code, type, area, c.createdAt]);
          if (rand() < 0.15) continue; // no permit: not billed
          const person = traders[traderIdx++ % traders.length];
          if (!person) continue;
          pasarSerial++;
          const payerId = insertPayer(c, person);
          const idpel = makeIdpel('0320910002', pasarSerial);
          const permitId = services.newId();
          const billing = type === 'lapak' ? 'harian' : 'bulanan';
          tx.run(
            'INSERT INTO stall_permits (id, stall_id, payer_id, idpel, permit_no, billing, start_date, end_date, created_at) VALUES (?,?,?,?,?,?,?,?,?)',
            [permitId, stallId, payerId, idpel, `SIP/${m.cls}/${String(pasarSerial).padStart(4, '0')}`, billing, '2025-01-01', '2027-12-31', c.createdAt],
          );
          const rate = feePerM2[type]?.[m.cls] ?? 0;
          const perDay = Math.floor((rate * area) / 100);
          const tariffId = feeTariff.get(`${type}_${m.cls}`) ?? null;
          const areaText = (area / 100).toFixed(2).replace('.', ',');
          const slow = rand() < 0.12;
          if (billing === 'bulanan') {
            periods.forEach((period, i) => {
              const bill = insertBill(c, {
                levyId: pasarLevy, payerId, idpel, objectType: 'stall_permit', objectId: permitId, period,
                issueDate: `${period}-01`, dueDate: dayOfPeriod(period, 10),
                lines: [{ kind: 'retribusi_pasar', description: `Retribusi ${type} ${code} ${areaText} m² × 30 hari, ${period}`, tariffId, quantity: 30, unitPrice: perDay }],
              });
              billCount++;
              const isCurrent = i === periods.length - 1;
              if ((slow && i >= 1) || (isCurrent && rand() < 0.6)) return;
              const payDay = isCurrent ? `${month}-${String(1 + Math.floor(rand() * Number(today.slice(8, 10)))).padStart(2, '0')}` : dayOfPeriod(period, 1 + Math.floor(rand() * 12));
              const at = officeMoment(rand, payDay, now);
              if (!at) return;
              const clerk = clerks[Math.floor(rand() * clerks.length)] ?? clerks[0];
              insertPayment(c, { bills: [bill], payerId, at, channel: rand() < 0.2 ? 'qris' : 'tunai', clerkId: clerk?.id ?? null, terminal: clerk?.terminal ?? 'LKT01', rule, rand });
              paymentCount++;
            });
          } else {
            for (const day of dailyDays) {
              const bill = insertBill(c, {
                levyId: pasarLevy, payerId, idpel, objectType: 'stall_permit', objectId: permitId, period: day,
                issueDate: day, dueDate: day,
                lines: [{ kind: 'retribusi_pasar', description: `Retribusi lapak ${code} ${areaText} m², ${day}`, tariffId, quantity: 1, unitPrice: perDay }],
              });
              billCount++;
              if (slow && day > addDaysCivil(today, -5)) continue;
              if (day === today && rand() < 0.5) continue;
              const at = officeMoment(rand, day, now);
              if (!at) continue;
              const clerk = clerks[Math.floor(rand() * clerks.length)] ?? clerks[0];
              insertPayment(c, { bills: [bill], payerId, at, channel: rand() < 0.3 ? 'qris' : 'tunai', clerkId: clerk?.id ?? null, terminal: clerk?.terminal ?? 'LKT01', rule, rand });
              paymentCount++;
            }
          }
        }
      }
    }

    // ---- the water lab: parameters with tariffs, packages priced below the sum of their parameters
    const params: [string, string, string, string, number][] = [
      ['PH', 'pH', '-', 'SNI 06-6989.11-2004', 25_000],
      ['KEKERUHAN', 'Kekeruhan', 'NTU', 'SNI 06-6989.25-2005', 35_000],
      ['TDS', 'Zat padat terlarut (TDS)', 'mg/L', 'SNI 06-6989.27-2005', 30_000],
      ['WARNA', 'Warna', 'TCU', 'SNI 6989.80:2011', 20_000],
      ['BAU', 'Bau dan rasa', '-', 'Organoleptik', 15_000],
      ['SUHU', 'Suhu', '°C', 'SNI 06-6989.23-2005', 10_000],
      ['FE', 'Besi (Fe)', 'mg/L', 'SNI 6989.4:2009', 60_000],
      ['MN', 'Mangan (Mn)', 'mg/L', 'SNI 6989.5:2009', 60_000],
      ['NO3', 'Nitrat (NO₃)', 'mg/L', 'SNI 6989.79:2011', 55_000],
      ['NO2', 'Nitrit (NO₂)', 'mg/L', 'SNI 06-6989.9-2004', 50_000],
      ['KESADAHAN', 'Kesadahan (CaCO₃)', 'mg/L', 'SNI 06-6989.12-2004', 40_000],
      ['KLORIDA', 'Klorida', 'mg/L', 'SNI 6989.19:2009', 40_000],
      ['SISA_KLOR', 'Sisa klor', 'mg/L', 'Kolorimetri', 30_000],
      ['ECOLI', 'E. coli', 'CFU/100 mL', 'SNI 01-2332.1-2006', 85_000],
      ['COLIFORM', 'Total coliform', 'CFU/100 mL', 'SNI 01-2332.1-2006', 85_000],
    ];
    const paramIds = new Map<string, { id: string; tariffId: string; amount: number; name: string }>();
    for (const [code, name, unit, method, amount] of params) {
      const id = services.newId();
      tx.run('INSERT INTO lab_parameters (id, levy_id, code, name, unit, method, created_at) VALUES (?,?,?,?,?,?,?)', [id, airLevy, code, name, unit, method, c.createdAt]);
      paramIds.set(code, { id, tariffId: insertTariff(c, airLevy, `AIR_PARAM_${code}`, `Uji ${name}`, amount, 'parameter', '2024-01-01', LEGAL), amount, name });
    }
    const packages: [string, string, string[], number][] = [
      ['AIR_MINUM', 'Paket air minum', ['PH', 'KEKERUHAN', 'TDS', 'WARNA', 'BAU', 'SUHU', 'FE', 'MN', 'NO3', 'NO2', 'ECOLI', 'COLIFORM'], 450_000],
      ['AIR_BERSIH', 'Paket air bersih (higiene sanitasi)', ['PH', 'KEKERUHAN', 'TDS', 'FE', 'KESADAHAN', 'COLIFORM'], 230_000],
      ['MIKRO', 'Paket mikrobiologi', ['ECOLI', 'COLIFORM'], 150_000],
    ];
    const packageIds = new Map<string, { id: string; tariffId: string; amount: number; name: string }>();
    for (const [code, name, members, amount] of packages) {
      const id = services.newId();
      tx.run('INSERT INTO lab_packages (id, levy_id, code, name, created_at) VALUES (?,?,?,?,?)', [id, airLevy, code, name, c.createdAt]);
      for (const m of members) tx.run('INSERT INTO lab_package_items (package_id, parameter_id) VALUES (?,?)', [id, paramIds.get(m)?.id ?? '']);
      packageIds.set(code, { id, tariffId: insertTariff(c, airLevy, `AIR_PAKET_${code}`, name, amount, 'paket', '2024-01-01', LEGAL), amount, name });
    }
    const labCustomers: (Person & { kind: 'orang' | 'badan' })[] = [
      { name: 'PDAM Tirta Sukamakmur', nik: '', phone: '0291123456', address: 'Jl. Pemuda No. 40, Sukamakmur', kind: 'badan' },
      { name: 'RSUD dr. Soetomo Sukamakmur', nik: '', phone: '0291654321', address: 'Jl. Kartini No. 7, Sukamakmur', kind: 'badan' },
      { name: 'CV Air Murni Sejahtera (depot air minum)', nik: '', phone: '081325551234', address: 'Jl. Veteran No. 88, Karangrejo', kind: 'badan' },
      { name: 'Hotel Sukamakmur Indah', nik: '', phone: '0291777888', address: 'Jl. Sudirman No. 101, Sukamakmur', kind: 'badan' },
      ...makePeople(rand, 8).map((p) => ({ ...p, kind: 'orang' as const })),
    ];
    const labPayers = labCustomers.map((p) => insertPayer(c, p));
    const labUser = userIds.get('loket2') ?? '';
    let labSerial = 0;
    for (let d = 75; d >= 0; d -= 1 + Math.floor(rand() * 4)) {
      const day = addDaysCivil(today, -d);
      const receivedAt = officeMoment(rand, day, now);
      if (!receivedAt) continue;
      labSerial++;
      const payerIdx = Math.floor(rand() * labPayers.length);
      const payerId = labPayers[payerIdx] ?? labPayers[0] ?? '';
      const orderId = services.newId();
      const idpel = makeIdpel('0320910003', labSerial);
      tx.run('INSERT INTO lab_orders (id, levy_id, payer_id, idpel, order_no, received_at, created_by, created_at) VALUES (?,?,?,?,?,?,?,?)', [
        orderId, airLevy, payerId, idpel, `LAB/${day.slice(0, 4)}/${String(labSerial).padStart(4, '0')}`, receivedAt.toISOString(), labUser, receivedAt.toISOString(),
      ]);
      const lines: Line[] = [];
      const samples = 1 + Math.floor(rand() * 2);
      for (let s = 1; s <= samples; s++) {
        const sampleId = services.newId();
        const pkgCode = packages[Math.floor(rand() * packages.length)]?.[0] ?? 'MIKRO';
        const pkg = packageIds.get(pkgCode);
        tx.run('INSERT INTO lab_samples (id, order_id, sample_code, source, package_id) VALUES (?,?,?,?,?)', [
          sampleId, orderId, `S${String(labSerial).padStart(4, '0')}-${s}`, ['Sumur gali', 'Sumur bor', 'Air PDAM', 'Depot air minum', 'Mata air'][Math.floor(rand() * 5)] ?? 'Sumur', pkg?.id ?? null,
        ]);
        if (pkg) lines.push({ kind: 'paket', description: `Sampel ${s}: ${pkg.name}`, tariffId: pkg.tariffId, quantity: 1, unitPrice: pkg.amount });
        if (rand() < 0.3) {
          const extra = paramIds.get('SISA_KLOR');
          if (extra) {
            tx.run('INSERT INTO lab_sample_parameters (sample_id, parameter_id) VALUES (?,?)', [sampleId, extra.id]);
            lines.push({ kind: 'parameter', description: `Sampel ${s}: uji ${extra.name}`, tariffId: extra.tariffId, quantity: 1, unitPrice: extra.amount });
          }
        }
      }
      const bill = insertBill(c, { levyId: airLevy, payerId, idpel, objectType: 'lab_order', objectId: orderId, period: day, issueDate: day, dueDate: addDaysCivil(day, 14), lines });
      billCount++;
      if (d <= 2 && rand() < 0.5) continue; // recent orders not yet paid
      const payAt = new Date(receivedAt.getTime() + Math.floor(rand() * 3) * 86_400_000 + 30 * 60_000);
      if (payAt.getTime() > now.getTime()) continue;
      insertPayment(c, { bills: [bill], payerId, at: payAt, channel: rand() < 0.3 ? 'transfer' : 'tunai', clerkId: labUser, terminal: clerks[1]?.terminal ?? 'LKT02', rule, rand });
      paymentCount++;
    }

    appendAudit(tx, {
      id: services.newId(),
      at: now,
      actorId: null,
      actorName: 'sistem',
      action: 'seed.demo',
      entity: 'office',
      entityId: null,
      after: { office: OFFICE.name, users: DEMO_USERS.map((u) => u.username), bills: billCount, payments: paymentCount },
    });
  });
  return { bills: billCount, payments: paymentCount };
}

/** Outside the demo: only the office's identity; the first start then asks for the first admin. */
export function seedProductionDefaults(services: Services): void {
  const name = process.env.LOKET_OFFICE_NAME?.trim() || 'UPTD Retribusi Daerah';
  const address = process.env.LOKET_OFFICE_ADDRESS?.trim() || '';
  services.store.write((tx) => {
    tx.run("INSERT INTO app_meta (key, value) VALUES ('office_name', ?), ('office_address', ?), ('profile', 'production')", [name, address]);
  });
}
