// Databases for the counter benchmark (test/bench/counter.bench.ts): the app's real schema (every
// migration in main/store/migrations, run by the store itself on an empty folder) filled natively
// with better-sqlite3 in one transaction, as test/bench/store.bench.ts builds its databases; the
// file then becomes snapshot 0 of a store folder through the store's own writeSnapshot().
//
// What one database holds, for `payments` historic payments:
// - the rusunawa and pasar levies with their tariffs (test/bench/fixtures/master.ts), 4 users
//   (2 petugas, admin, kepala; one real scrypt hash, shared), app_meta with office_name so the
//   backend does not seed;
// - billed objects, alternately rusunawa contracts (blocks of 5 floors × 40 units) and monthly
//   stall permits (markets of 250 kios/los), each with its own payer and IDPEL, started 2024-01;
// - one bill (SKRD) per object for each of the 35 periods 2024-01 … 2026-11, with lines (rusun:
//   rent + water + waste, 3 lines; pasar: 1 line) and a bill_runs row per run; the number of
//   objects grows with `payments` (≈ 31 payments per object), so the history per IDPEL is the same
//   at every size;
// - `payments` payments of those bills, oldest first per object, 1 bill (88 %) or 2 bills at once,
//   20 % of them late (the fine frozen in the item as amountDue computes it), until 2026-12-03:
//   85 % cash at the counters LKT01/LKT02 (shift, request id, signature row, audit row), 15 %
//   bank gateway (NTB, no shift, no signature, no audit row);
// - one shift per clerk and day with its closing and the shift.open / shift.close audit rows;
// - the audit log as the app writes it (same columns, same JSON, same sha256 chain as
//   main/audit/audit.ts, from the genesis hash), so verifyAudit passes over the whole history;
// - counters as the app leaves them (receipt numbers per terminal and day, SKRD numbers per year);
// - `benchObjects` objects (the first ones, half rusun, half pasar) whose 2026-11 bill is still
//   open: overdue since 2026-11-10, so a payment on 2026-12-04 carries 1 month of fine.
//   A few other objects (4 %) are in arrears for 1–3 months; the rest is fully paid.
// The outbox (main/sync) holds only what the schema's own triggers put there (master data); the
// app's enqueue() calls for historic bills, payments and audit rows are not replayed: those 2.8M
// rows (≈ 270 bytes each with their indexes, measured) would make the 1M database ≈ 4.1 GB, and
// the store loads a snapshot into one typed array of size + 512 MiB headroom, at most 4 GiB on
// Node 20 — it could not be opened at all.
// Historic signature rows have the real shape and key id, but the signature part is a sha512 of
// the payload (same length as an Ed25519 signature), not a real signature: signing 850 000
// receipts would add half a minute to the build and nothing reads them in the benchmark.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GENESIS_HASH } from '../../main/audit/audit';
import { defaultFs, type StoreFs } from '../../main/store/fsutil';
import { migrations } from '../../main/store/migrations';
import { writeSnapshot } from '../../main/store/snapshot';
import { openStore } from '../../main/store/store';
import { DENOMINATIONS } from '../../shared/contract/counter';
import { amountDue, type InterestRule } from '../../shared/fines';
import { makeIdpel } from '../../shared/idpel';
import { FEE_PER_M2, PASAR_KODE, RENT_NEW, RENT_OLD, RUSUN_KODE, leviesAndTariffs, makePerson, pick, prng, type BuildCtx } from './fixtures/master';

export { prng };

/** the levies of leviesAndTariffs(): 1 % a month, at most 24 months, rounded down */
export const RULE: InterestRule = { rateBp: 100, capMonths: 24, rounding: 'floor' };
export const FIRST_PERIOD = '2024-01';
export const PERIODS = 35; // 2024-01 … 2026-11
export const OPEN_PERIOD = '2026-11';
export const HISTORY_END = '2026-12-03';
export const TERMINALS = ['LKT01', 'LKT02'] as const;
const OPENING_CASH = 200_000;
const WIB_MS = 7 * 3600_000;
const DAY_MS = 86_400_000;

// ---------------------------------------------------------------------------------------------
// small pure helpers

/** a UUIDv7 for the instant `ms` with random bits from `rnd` (time-ordered like the app's ids) */
export function uuid7(ms: number, rnd: () => number): string {
  const t = Math.floor(ms).toString(16).padStart(12, '0');
  const r = (digits: number): string => {
    let s = '';
    for (let i = 0; i < digits; i++) s += Math.floor(rnd() * 16).toString(16);
    return s;
  };
  const variant = (8 + Math.floor(rnd() * 4)).toString(16);
  return `${t.slice(0, 8)}-${t.slice(8, 12)}-7${r(3)}-${variant}${r(3)}-${r(12)}`;
}

/** a UUIDv4 from `rnd` (the renderer's request ids are crypto.randomUUID()) */
export function uuid4(rnd: () => number): string {
  const r = (digits: number): string => {
    let s = '';
    for (let i = 0; i < digits; i++) s += Math.floor(rnd() * 16).toString(16);
    return s;
  };
  return `${r(8)}-${r(4)}-4${r(3)}-${(8 + Math.floor(rnd() * 4)).toString(16)}${r(3)}-${r(12)}`;
}

function dayNo(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function periodAt(index: number): string {
  const y = Number(FIRST_PERIOD.slice(0, 4));
  const m0 = Number(FIRST_PERIOD.slice(5, 7)) - 1 + index;
  return `${y + Math.floor(m0 / 12)}-${String((m0 % 12) + 1).padStart(2, '0')}`;
}

/** the UTC instant of a WIB wall-clock minute on a civil date (WIB has no DST: UTC+7) */
function wibMs(date: string, minuteOfDay: number): number {
  return dayNo(date) * DAY_MS + minuteOfDay * 60_000 - WIB_MS;
}

function wibDate(ms: number): string {
  return new Date(ms + WIB_MS).toISOString().slice(0, 10);
}

/** the audit hash exactly as main/audit/audit.ts computes it (hashOf is not exported) */
export function auditHash(row: readonly (string | number | null)[]): string {
  return createHash('sha256').update(JSON.stringify(row)).digest('hex');
}

/** the payload part of a receipt verification string (main/counter/signing.ts verificationString) */
export function verificationPayload(claim: { r: string; t: string; d: string; a: number; i: string }, keyId: string): string {
  return `ERL1.${Buffer.from(JSON.stringify({ ...claim, k: keyId })).toString('base64url')}`;
}

function denominations(amount: number): { value: number; count: number; amount: number }[] {
  let rest = amount;
  return DENOMINATIONS.map((value) => {
    const count = Math.floor(rest / value);
    rest -= count * value;
    return { value, count, amount: value * count };
  });
}

// ---------------------------------------------------------------------------------------------
// files

/** The bytes of an empty database with the app's schema, made by the store itself (openStore runs every migration). */
export async function emptySchemaDatabase(dir: string): Promise<{ bytes: Buffer; schemaVersion: number }> {
  const store = await openStore({ dir, migrations, onWarning: () => undefined });
  const schemaVersion = store.schemaVersion;
  store.close();
  const newest = readdirSync(dir)
    .filter((f) => /^snapshot-\d+\.sqlite$/.test(f))
    .sort()
    .pop();
  if (!newest) throw new Error(`no snapshot in ${dir}`);
  const bytes = readWhole(join(dir, newest));
  rmSync(dir, { recursive: true, force: true });
  return { bytes, schemaVersion };
}

/** reads a file of any size (readFileSync stops at 2 GiB) */
export function readWhole(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const buf = Buffer.allocUnsafe(size);
    let done = 0;
    while (done < size) {
      const n = readSync(fd, buf, done, Math.min(size - done, 64 * 1024 * 1024), done);
      if (n <= 0) throw new Error(`short read of ${path}`);
      done += n;
    }
    return buf;
  } finally {
    closeSync(fd);
  }
}

/**
 * writeAll() in main/store/fsutil.ts hands the whole buffer to one fs.writeSync, which Node refuses
 * above 2 GiB (ERR_OUT_OF_RANGE) — so the store cannot write a snapshot of the 1M database. The
 * benchmark writes snapshot 0 with the store's own writeSnapshot through an fs whose writeSync
 * writes at most 1 GiB per call (a short write, which writeAll handles by looping).
 */
const chunkedFs: StoreFs = {
  ...defaultFs,
  writeSync: ((fd: number, buffer: Uint8Array, offset: number, length: number, position: number | null) =>
    defaultFs.writeSync(fd, buffer, offset, Math.min(length, 1 << 30), position)) as StoreFs['writeSync'],
};

/** makes `src` snapshot 0 of a new store folder `dir` (size + crc32 manifest), as store.bench does */
export function snapshotFolder(src: string, dir: string, schemaVersion: number): number {
  mkdirSync(dir, { recursive: true });
  const bytes = readWhole(src);
  writeSnapshot(chunkedFs, dir, 0, bytes, schemaVersion, new Date(), process.platform);
  return bytes.length;
}

// ---------------------------------------------------------------------------------------------
// the database

export interface BenchUser {
  id: string;
  username: string;
  fullName: string;
}

/** an object whose 2026-11 bill is open, for one benchmark payment */
export interface OpenBill {
  idpel: string;
  payerId: string;
  billId: string;
  skrdNo: string;
  principal: number;
  dueDate: string;
  objectType: 'rusun_contract' | 'stall_permit';
}

export interface CounterDbSpec {
  /** historic payments */
  payments: number;
  /** objects with exactly one open (overdue) bill, one per benchmark payment */
  benchObjects: number;
  /** key id of the terminal key, for the signature rows */
  keyId: string;
  /** one scrypt hash (main/auth/password hashPassword) used for every user */
  passwordHash: string;
  seed: number;
}

export interface CounterDb {
  clerk: BenchUser;
  open: OpenBill[];
  counts: Record<string, number>;
  buildMs: number;
}

interface Obj {
  kind: 'rusun' | 'pasar';
  objectId: string;
  payerId: string;
  idpel: string;
  /** rusun: floor; pasar: per-day fee, stall type and market class */
  floor: number;
  perDay: number;
  tariffCode: string;
  unitLabel: string;
}

interface PayEvent {
  obj: number;
  first: number;
  n: number;
  at: number;
  /** -1 gateway, else the clerk (0/1) */
  clerk: number;
  tendered: number;
}

const INSERT = {
  appMeta: 'INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  user: 'INSERT INTO users (id, username, full_name, role, password_hash, created_at) VALUES (?,?,?,?,?,?)',
  levy: 'INSERT INTO levies (id, kode, name, owner_agency, kind, interest_rate_bp, interest_cap_months, interest_rounding, due_day, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)',
  tariff: 'INSERT INTO tariffs (id, levy_id, code, description, amount, unit, effective_from, legal_basis, created_at) VALUES (?,?,?,?,?,?,?,?,?)',
  payer: 'INSERT INTO payers (id, kind, nik, name, phone, address, created_at) VALUES (?,?,?,?,?,?,?)',
  block: 'INSERT INTO rusun_blocks (id, levy_id, name, floors, address, created_at) VALUES (?,?,?,?,?,?)',
  unit: 'INSERT INTO rusun_units (id, block_id, floor, number, created_at) VALUES (?,?,?,?,?)',
  contract: 'INSERT INTO rusun_contracts (id, unit_id, payer_id, idpel, contract_no, start_date, end_date, charges_json, created_at) VALUES (?,?,?,?,?,?,?,?,?)',
  market: 'INSERT INTO markets (id, levy_id, name, market_class, address, created_at) VALUES (?,?,?,?,?,?)',
  stall: 'INSERT INTO stalls (id, market_id, code, type, area_m2x100, created_at) VALUES (?,?,?,?,?,?)',
  permit: 'INSERT INTO stall_permits (id, stall_id, payer_id, idpel, permit_no, billing, start_date, end_date, created_at) VALUES (?,?,?,?,?,?,?,?,?)',
  run: 'INSERT INTO bill_runs (id, kind, period, created, total, existing, skipped, at, by_user) VALUES (?,?,?,?,?,?,?,?,?)',
  bill: `INSERT INTO bills (id, skrd_no, levy_id, payer_id, idpel, object_type, object_id, period, issue_date, due_date, principal, run_id, created_at, created_by)
         VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
  line: 'INSERT INTO bill_lines (id, bill_id, line_no, kind, description, tariff_id, quantity, unit_price, amount) VALUES (?,?,?,?,?,?,?,?,?)',
  shift: 'INSERT INTO shifts (id, terminal_code, clerk_id, business_date, opened_at, opening_cash) VALUES (?,?,?,?,?,?)',
  closing: 'INSERT INTO shift_closings (shift_id, closed_at, denominations_json, counted_cash, expected_cash, difference, note, approved_by) VALUES (?,?,?,?,?,?,?,?)',
  payment: `INSERT INTO payments (id, receipt_no, terminal_code, business_date, paid_at, channel, payer_id, total, tendered, change_given, clerk_id, shift_id, ntb, created_at)
            VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
  item: 'INSERT INTO payment_items (id, payment_id, bill_id, principal, fine, amount, fine_months) VALUES (?,?,?,?,?,?,?)',
  request: 'INSERT INTO payment_requests (request_id, payment_id) VALUES (?, ?)',
  signature: 'INSERT INTO payment_signatures (payment_id, payload, signature, key_id) VALUES (?,?,?,?)',
  audit: `INSERT INTO audit_log (seq, id, at, actor_id, actor_name, action, entity, entity_id, before_json, after_json, prev_hash, hash)
          VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`,
  counter: 'INSERT INTO counters (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value',
} as const;

/**
 * Writes the database to `path` (a copy of `schema`, filled in place). Deterministic for a seed,
 * except the password hash's salt and the key id passed in.
 */
export function buildCounterDb(path: string, schema: Uint8Array, spec: CounterDbSpec): CounterDb {
  const t0 = performance.now();
  writeFileSync(path, schema);
  const db = new Database(path);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF'); // checked in full at the end (foreign_key_check)
  db.pragma('cache_size = -262144');
  const st = Object.fromEntries(Object.entries(INSERT).map(([k, sql]) => [k, db.prepare(sql)])) as Record<keyof typeof INSERT, Database.Statement>;
  const rnd = prng(spec.seed);
  const createdMs = Date.UTC(2023, 11, 1, 2, 0, 0);
  let idMs = createdMs;
  const c: BuildCtx = { newId: () => uuid7(idMs++, rnd), createdAt: new Date(createdMs).toISOString(), rand: rnd };

  const counts: Record<string, number> = {};
  const fill = db.transaction(() => {
    // ---- office, users, levies, tariffs
    st.appMeta.run('office_name', 'UPTD Pengelolaan Retribusi Daerah Kabupaten Sukamakmur');
    st.appMeta.run('office_address', 'Jl. Diponegoro No. 17, Sukamakmur');
    st.appMeta.run('profile', 'production');
    const users = [
      { username: 'loket1', fullName: 'Dewi Lestari', role: 'petugas' },
      { username: 'loket2', fullName: 'Agus Prasetyo', role: 'petugas' },
      { username: 'admin', fullName: 'Sri Wahyuningsih', role: 'admin' },
      { username: 'kepala', fullName: 'Drs. Bambang Sutrisno', role: 'kepala' },
    ].map((u) => ({ ...u, id: c.newId() }));
    for (const u of users) st.user.run(u.id, u.username, u.fullName, u.role, spec.passwordHash, c.createdAt);
    const clerks = users.slice(0, 2);
    const admin = users[2] as (typeof users)[number];
    const lv = leviesAndTariffs(c);
    for (const t of lv.tables) for (const r of t.rows) (t.table === 'levies' ? st.levy : st.tariff).run(r);
    const tariffId = new Map<string, string>(); // `${code}|${from}` → id
    for (const r of lv.tables[1]?.rows ?? []) tariffId.set(`${String(r[2])}|${String(r[6])}`, String(r[0]));
    const tid = (code: string, from = '2024-01-01'): string => {
      const id = tariffId.get(`${code}|${from}`);
      if (!id) throw new Error(`tariff ${code} ${from} missing`);
      return id;
    };

    // ---- objects and their payment events, bench objects first
    const objs: Obj[] = [];
    const events: PayEvent[] = [];
    let rusunSerial = 1;
    let pasarSerial = 1;
    let blockId = '';
    let blockNo = 0;
    let marketId = '';
    let marketNo = 0;
    let marketClass: 'I' | 'II' | 'III' = 'I';
    let inBlock = 200;
    let inMarket = 250;
    const addObject = (): number => {
      const kind = objs.length % 2 === 0 ? 'rusun' : 'pasar';
      const person = makePerson(c, kind === 'rusun' ? rusunSerial : 500_000 + pasarSerial);
      st.payer.run(person.id, 'orang', person.nik, person.name, person.phone, person.address, c.createdAt);
      let obj: Obj;
      if (kind === 'rusun') {
        if (inBlock === 200) {
          blockNo++;
          blockId = c.newId();
          st.block.run(blockId, lv.rusunLevyId, `Blok ${String(blockNo).padStart(3, '0')}`, 5, `Rusunawa Kalijaga, Jl. Kalijaga Raya No. ${blockNo}, Sukamakmur`, c.createdAt);
          inBlock = 0;
        }
        const floor = 1 + Math.floor(inBlock / 40);
        const number = `${String(blockNo).padStart(3, '0')}-${floor}${String((inBlock % 40) + 1).padStart(2, '0')}`;
        inBlock++;
        const unitId = c.newId();
        st.unit.run(unitId, blockId, floor, number, c.createdAt);
        const idpel = makeIdpel(RUSUN_KODE, rusunSerial);
        const id = c.newId();
        st.contract.run(id, unitId, person.id, idpel, `PKS/RSW/2024/${String(rusunSerial).padStart(6, '0')}`, '2024-01-01', '2026-12-31', JSON.stringify(['AIR', 'SAMPAH']), c.createdAt);
        rusunSerial++;
        obj = { kind, objectId: id, payerId: person.id, idpel, floor, perDay: 0, tariffCode: `SEWA_LT${floor}`, unitLabel: number };
      } else {
        if (inMarket === 250) {
          marketNo++;
          marketId = c.newId();
          marketClass = (['I', 'II', 'III'] as const)[marketNo % 3] ?? 'I';
          st.market.run(marketId, lv.pasarLevyId, `Pasar ${String(marketNo).padStart(3, '0')}`, marketClass, `Jl. Pasar No. ${marketNo}, Sukamakmur`, c.createdAt);
          inMarket = 0;
        }
        inMarket++;
        const type = rnd() < 0.5 ? 'kios' : 'los';
        const area = type === 'kios' ? pick(rnd, [900, 1200, 1600]) : pick(rnd, [400, 600]);
        const stallId = c.newId();
        const code = `${type === 'kios' ? 'K' : 'L'}-${String(inMarket).padStart(4, '0')}`;
        st.stall.run(stallId, marketId, code, type, area, c.createdAt);
        const idpel = makeIdpel(PASAR_KODE, pasarSerial);
        const id = c.newId();
        st.permit.run(id, stallId, person.id, idpel, `SIP/${marketClass}/${String(pasarSerial).padStart(6, '0')}`, 'bulanan', '2024-01-01', '2026-12-31', c.createdAt);
        pasarSerial++;
        obj = { kind, objectId: id, payerId: person.id, idpel, floor: 0, perDay: Math.floor((FEE_PER_M2[type][marketClass] * area) / 100), tariffCode: `PASAR_${type.toUpperCase()}_${marketClass}`, unitLabel: `${type} ${code} ${(area / 100).toFixed(2).replace('.', ',')} m²` };
      }
      objs.push(obj);
      return objs.length - 1;
    };

    const historyEnd = dayNo(HISTORY_END);
    const planPayments = (o: number, paidBills: number): void => {
      let lastAt = 0;
      for (let b = 0; b < paidBills; ) {
        const n = b + 1 < paidBills && rnd() < 0.12 ? 2 : 1;
        const period = periodAt(b + n - 1);
        let day = rnd() < 0.8 ? dayNo(`${period}-01`) + Math.floor(rnd() * 10) : dayNo(`${period}-10`) + 1 + Math.floor(rnd() * 45);
        if ((day + 4) % 7 === 0) day++; // 1970-01-01 was a Thursday: Sundays are closed
        day = Math.min(day, historyEnd);
        let at = wibMs(dateOf(day), 7 * 60 + 30 + Math.floor(rnd() * 8 * 60)) + Math.floor(rnd() * 60_000);
        if (at <= lastAt) at = lastAt + 60_000 + Math.floor(rnd() * 20 * 60_000); // oldest bills are paid first
        lastAt = at;
        events.push({ obj: o, first: b, n, at, clerk: rnd() < 0.15 ? -1 : rnd() < 0.5 ? 0 : 1, tendered: rnd() });
        b += n;
      }
    };
    for (let i = 0; i < spec.benchObjects; i++) planPayments(addObject(), PERIODS - 1);
    if (events.length > spec.payments) throw new Error(`${spec.payments} payments are fewer than the ${events.length} the ${spec.benchObjects} bench objects' history needs`);
    while (events.length < spec.payments) {
      const o = addObject();
      const r = rnd();
      const arrears = r < 0.015 ? 3 : r < 0.03 ? 2 : r < 0.04 ? 1 : 0;
      planPayments(o, PERIODS - arrears);
    }
    if (events.length > spec.payments) {
      // the last object pays fewer months: those bills stay open (arrears), oldest first still holds
      events.length = spec.payments;
    }
    counts.objects = objs.length;
    counts.payers = objs.length;

    // ---- bills, one run per levy and period
    const billIds: string[] = new Array<string>(objs.length * PERIODS);
    const skrdNos: string[] = new Array<string>(objs.length * PERIODS);
    const principals = new Int32Array(objs.length * PERIODS);
    const skrdByYear = new Map<string, number>();
    let bills = 0;
    let lines = 0;
    for (let p = 0; p < PERIODS; p++) {
      const period = periodAt(p);
      const year = period.slice(0, 4);
      const issue = `${period}-01`;
      const due = `${period}-10`;
      for (const kind of ['rusun', 'pasar'] as const) {
        idMs = wibMs(issue, 8 * 60) + (kind === 'pasar' ? 600_000 : 0);
        const at = new Date(idMs).toISOString();
        const runId = c.newId();
        const levyId = kind === 'rusun' ? lv.rusunLevyId : lv.pasarLevyId;
        const objectType = kind === 'rusun' ? 'rusun_contract' : 'stall_permit';
        let created = 0;
        let total = 0;
        const rows: number[] = [];
        for (let o = kind === 'rusun' ? 0 : 1; o < objs.length; o += 2) rows.push(o);
        for (const o of rows) {
          const obj = objs[o] as Obj;
          const id = c.newId();
          const k = o * PERIODS + p;
          const n = (skrdByYear.get(year) ?? 0) + 1;
          skrdByYear.set(year, n);
          const skrd = `SKRD/LKT01/${year}/${String(n).padStart(6, '0')}`;
          const lineRows: [string, string, string, number, number][] = [];
          if (obj.kind === 'rusun') {
            const from = period >= '2026-07' ? '2026-07-01' : '2024-01-01';
            const rent = (from === '2024-01-01' ? RENT_OLD : RENT_NEW)[obj.floor] ?? 0;
            lineRows.push(['sewa', `Sewa unit ${obj.unitLabel} (lantai ${obj.floor}) ${period}`, tid(obj.tariffCode, from), 1, rent]);
            lineRows.push(['air', `Air bersih ${period}`, tid('AIR'), 1, 45_000]);
            lineRows.push(['sampah', `Kebersihan dan sampah ${period}`, tid('SAMPAH'), 1, 15_000]);
          } else {
            lineRows.push(['retribusi_pasar', `Retribusi ${obj.unitLabel} × 30 hari, ${period}`, tid(obj.tariffCode), 30, obj.perDay]);
          }
          const principal = lineRows.reduce((s, l) => s + l[3] * l[4], 0);
          st.bill.run(id, skrd, levyId, obj.payerId, obj.idpel, objectType, obj.objectId, period, issue, due, principal, runId, at, admin.id);
          lineRows.forEach((l, i) => st.line.run(c.newId(), id, i + 1, l[0], l[1], l[2], l[3], l[4], l[3] * l[4]));
          billIds[k] = id;
          skrdNos[k] = skrd;
          principals[k] = principal;
          created++;
          total += principal;
          bills++;
          lines += lineRows.length;
        }
        st.run.run(runId, kind === 'rusun' ? 'rusunawa' : 'pasar_bulanan', period, created, total, 0, 0, at, admin.id);
      }
    }
    for (const [year, n] of skrdByYear) st.counter.run(`skrd:LKT01:${year}`, n);
    counts.bills = bills;
    counts.bill_lines = lines;

    // ---- payments in time order, with shifts and the audit chain
    events.sort((a, b) => a.at - b.at);
    let seq = 0;
    let prevHash = GENESIS_HASH;
    const audit = (id: string, at: string, actor: BenchUser | null, action: string, entity: string, entityId: string, before: unknown, after: unknown): void => {
      seq++;
      const row = [seq, id, at, actor?.id ?? null, actor?.fullName ?? null, action, entity, entityId,
        before === undefined ? null : JSON.stringify(before), after === undefined ? null : JSON.stringify(after), prevHash] as const;
      const hash = auditHash(row);
      st.audit.run(...row, hash);
      prevHash = hash;
    };
    const receiptNo = new Map<string, number>();
    const nextReceipt = (terminal: string, day: string): string => {
      const key = `receipt:${terminal}:${day}`;
      const n = (receiptNo.get(key) ?? 0) + 1;
      receiptNo.set(key, n);
      return `${terminal}-${day.replaceAll('-', '')}-${String(n).padStart(4, '0')}`;
    };
    // shifts of a day: both opened at 07:15 WIB when the clerk takes payments that day, closed
    // after the day's last payment (16:00 at the earliest)
    interface OpenShift { id: string; cash: number }
    const clerkDays = new Set<string>();
    for (const e of events) if (e.clerk >= 0) clerkDays.add(`${wibDate(e.at)}|${e.clerk}`);
    let day = '';
    let dayLastAt = 0;
    let shifts: (OpenShift | undefined)[] = [];
    const closeDay = (): void => {
      idMs = Math.max(wibMs(day, 16 * 60), dayLastAt + 5 * 60_000);
      shifts.forEach((s, clerkNo) => {
        if (!s) return;
        const clerk = clerks[clerkNo] as BenchUser;
        const at = new Date(idMs).toISOString();
        const expected = OPENING_CASH + s.cash;
        const denoms = denominations(expected);
        const counted = denoms.reduce((sum, d) => sum + d.amount, 0);
        st.closing.run(s.id, at, JSON.stringify(denoms), counted, expected, counted - expected, null, null);
        audit(c.newId(), at, clerk, 'shift.close', 'shift', s.id, { expectedCash: expected }, { countedCash: counted, difference: counted - expected, approvedBy: null });
      });
      shifts = [];
    };
    const openDay = (firstAt: number): void => {
      idMs = Math.min(wibMs(day, 7 * 60 + 15), firstAt - 60_000);
      TERMINALS.forEach((terminal, clerkNo) => {
        if (!clerkDays.has(`${day}|${clerkNo}`)) return;
        const clerk = clerks[clerkNo] as BenchUser;
        const openedAt = new Date(idMs).toISOString();
        const s: OpenShift = { id: c.newId(), cash: 0 };
        st.shift.run(s.id, terminal, clerk.id, day, openedAt, OPENING_CASH);
        audit(c.newId(), openedAt, clerk, 'shift.open', 'shift', s.id, undefined, { openingCash: OPENING_CASH, terminal });
        shifts[clerkNo] = s;
      });
    };
    let items = 0;
    let cash = 0;
    let ntbNo = 0;
    for (const e of events) {
      const d = wibDate(e.at);
      if (d !== day) {
        if (day) closeDay();
        day = d;
        openDay(e.at);
      }
      dayLastAt = e.at;
      const obj = objs[e.obj] as Obj;
      idMs = e.at;
      const paidAt = new Date(e.at).toISOString();
      const paymentId = c.newId();
      const its: { billId: string; principal: number; fine: number; fineMonths: number; total: number }[] = [];
      for (let b = e.first; b < e.first + e.n; b++) {
        const k = e.obj * PERIODS + b;
        const principal = principals[k] ?? 0;
        const due = amountDue({ principal, dueDate: `${periodAt(b)}-10` }, d, RULE);
        its.push({ billId: billIds[k] as string, principal, fine: due.fine, fineMonths: due.months, total: due.total });
      }
      const total = its.reduce((s, i) => s + i.total, 0);
      if (e.clerk < 0) {
        ntbNo++;
        const no = nextReceipt('GW', d);
        st.payment.run(paymentId, no, 'GATEWAY', d, paidAt, 'gateway', obj.payerId, total, null, null, null, null, `NTB${d.replaceAll('-', '')}${String(ntbNo).padStart(8, '0')}`, paidAt);
      } else {
        const clerk = clerks[e.clerk] as BenchUser;
        const terminal = TERMINALS[e.clerk] ?? 'LKT01';
        const shift = shifts[e.clerk];
        if (!shift) throw new Error(`no shift for clerk ${e.clerk} on ${d}`);
        const no = nextReceipt(terminal, d);
        const tendered = e.tendered < 0.4 ? total : Math.ceil(total / 50_000) * 50_000 + (e.tendered > 0.9 ? 50_000 : 0);
        const change = tendered - total;
        st.payment.run(paymentId, no, terminal, d, paidAt, 'tunai', obj.payerId, total, tendered, change, clerk.id, shift.id, null, paidAt);
        st.request.run(uuid4(rnd), paymentId);
        const payload = verificationPayload({ r: no, t: terminal, d: paidAt, a: total, i: obj.idpel }, spec.keyId);
        st.signature.run(paymentId, payload, `${payload}.${createHash('sha512').update(payload).digest('base64url')}`, spec.keyId);
        audit(c.newId(), paidAt, clerk, 'payment.cash', 'payment', paymentId, undefined, { receiptNo: no, idpel: obj.idpel, total, tendered, change, items: its });
        shift.cash += total;
        cash++;
      }
      for (const it of its) {
        st.item.run(c.newId(), paymentId, it.billId, it.principal, it.fine, it.total, it.fineMonths);
        items++;
      }
    }
    if (day) closeDay();
    for (const [name, n] of receiptNo) st.counter.run(name, n);
    counts.payments = events.length;
    counts.cash_payments = cash;
    counts.payment_items = items;
    counts.audit_rows = seq;

    // ---- the open bills of the bench objects (bill 2026-11 of objects 0 … benchObjects-1)
    const open: OpenBill[] = [];
    for (let o = 0; o < spec.benchObjects; o++) {
      const obj = objs[o] as Obj;
      const k = o * PERIODS + (PERIODS - 1);
      open.push({
        idpel: obj.idpel,
        payerId: obj.payerId,
        billId: billIds[k] as string,
        skrdNo: skrdNos[k] as string,
        principal: principals[k] ?? 0,
        dueDate: `${OPEN_PERIOD}-10`,
        objectType: obj.kind === 'rusun' ? 'rusun_contract' : 'stall_permit',
      });
    }
    return { clerk: clerks[0] as BenchUser, open };
  });
  const { clerk, open } = fill();

  const bad = db.prepare('PRAGMA foreign_key_check').all();
  if (bad.length > 0) throw new Error(`foreign_key_check: ${bad.length} rows, e.g. ${JSON.stringify(bad.slice(0, 3))}`);
  for (const table of ['shifts', 'payment_requests', 'payment_signatures']) {
    counts[table] = (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  }
  db.close();
  return { clerk, open, counts, buildMs: performance.now() - t0 };
}

