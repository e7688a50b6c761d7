import { makeAppendOnly } from './append-only';
import type { Migration } from '../types';

// The first schema: people and roles, the audit chain, the three levies' master data,
// tariffs with effective dates, bills (SKRD) with lines, and payments with their items.
// Financial tables are append-only: triggers refuse UPDATE and DELETE on them, so a void,
// a reversal or a write-off is always a new row that points at what it changes.
const statements = [
  `CREATE TABLE app_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,

  `CREATE TABLE users (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    full_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('petugas','admin','kepala','kiosk')),
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    disabled_at TEXT,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT
  )`,

  // hash-chained: hash = sha256(prev_hash || canonical record); see main/audit
  `CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    at TEXT NOT NULL,
    actor_id TEXT,
    actor_name TEXT,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT,
    before_json TEXT,
    after_json TEXT,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
  )`,

  // jenis retribusi: the levy, its 10-digit kode retribusi and its late-interest settings
  `CREATE TABLE levies (
    id TEXT PRIMARY KEY,
    kode TEXT NOT NULL UNIQUE CHECK (length(kode) = 10),
    name TEXT NOT NULL,
    owner_agency TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('rusunawa','pasar','air')),
    interest_rate_bp INTEGER NOT NULL DEFAULT 100,
    interest_cap_months INTEGER NOT NULL DEFAULT 24,
    interest_rounding TEXT NOT NULL DEFAULT 'floor',
    due_day INTEGER NOT NULL DEFAULT 10,
    version INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL
  )`,

  // a tariff never changes: a new rate is a new row with a later effective_from
  `CREATE TABLE tariffs (
    id TEXT PRIMARY KEY,
    levy_id TEXT NOT NULL REFERENCES levies(id),
    code TEXT NOT NULL,
    description TEXT NOT NULL,
    amount INTEGER NOT NULL CHECK (amount >= 0),
    unit TEXT NOT NULL,
    effective_from TEXT NOT NULL,
    legal_basis TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (levy_id, code, effective_from)
  )`,

  // wajib retribusi: anyone who pays — penghuni (tenant), pedagang (trader) or lab customer
  `CREATE TABLE payers (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('orang','badan')),
    nik TEXT,
    name TEXT NOT NULL,
    phone TEXT,
    address TEXT,
    created_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
  )`,
  `CREATE INDEX payers_name ON payers(name COLLATE NOCASE)`,
  `CREATE INDEX payers_nik ON payers(nik)`,

  `CREATE TABLE rusun_blocks (
    id TEXT PRIMARY KEY,
    levy_id TEXT NOT NULL REFERENCES levies(id),
    name TEXT NOT NULL,
    floors INTEGER NOT NULL CHECK (floors BETWEEN 1 AND 20),
    address TEXT NOT NULL,
    created_at TEXT NOT NULL
  )`,
  `CREATE TABLE rusun_units (
    id TEXT PRIMARY KEY,
    block_id TEXT NOT NULL REFERENCES rusun_blocks(id),
    floor INTEGER NOT NULL,
    number TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (block_id, number)
  )`,
  `CREATE TABLE rusun_contracts (
    id TEXT PRIMARY KEY,
    unit_id TEXT NOT NULL REFERENCES rusun_units(id),
    payer_id TEXT NOT NULL REFERENCES payers(id),
    idpel TEXT NOT NULL,
    contract_no TEXT NOT NULL UNIQUE,
    start_date TEXT NOT NULL,
    end_date TEXT NOT NULL,
    charges_json TEXT NOT NULL,
    created_at TEXT NOT NULL,
    renews_contract_id TEXT REFERENCES rusun_contracts(id)
  )`,
  `CREATE INDEX rusun_contracts_unit ON rusun_contracts(unit_id)`,
  `CREATE INDEX rusun_contracts_idpel ON rusun_contracts(idpel)`,
  // pengeluaran penghuni: a request, confirmed by an admin; no bills after exit_date
  `CREATE TABLE rusun_exits (
    id TEXT PRIMARY KEY,
    contract_id TEXT NOT NULL REFERENCES rusun_contracts(id),
    exit_date TEXT NOT NULL,
    reason TEXT NOT NULL,
    requested_by TEXT NOT NULL,
    requested_at TEXT NOT NULL,
    confirmed_by TEXT,
    confirmed_at TEXT
  )`,

  `CREATE TABLE markets (
    id TEXT PRIMARY KEY,
    levy_id TEXT NOT NULL REFERENCES levies(id),
    name TEXT NOT NULL,
    market_class TEXT NOT NULL CHECK (market_class IN ('I','II','III')),
    address TEXT NOT NULL,
    created_at TEXT NOT NULL
  )`,
  // area in hundredths of a square metre, so fees stay integer arithmetic
  `CREATE TABLE stalls (
    id TEXT PRIMARY KEY,
    market_id TEXT NOT NULL REFERENCES markets(id),
    code TEXT NOT NULL,
    type TEXT NOT NULL CHECK (type IN ('kios','los','lapak')),
    area_m2x100 INTEGER NOT NULL CHECK (area_m2x100 > 0),
    created_at TEXT NOT NULL,
    UNIQUE (market_id, code)
  )`,
  `CREATE TABLE stall_permits (
    id TEXT PRIMARY KEY,
    stall_id TEXT NOT NULL REFERENCES stalls(id),
    payer_id TEXT NOT NULL REFERENCES payers(id),
    idpel TEXT NOT NULL,
    permit_no TEXT NOT NULL UNIQUE,
    billing TEXT NOT NULL CHECK (billing IN ('harian','bulanan')),
    start_date TEXT NOT NULL,
    end_date TEXT NOT NULL,
    created_at TEXT NOT NULL
  )`,
  `CREATE INDEX stall_permits_stall ON stall_permits(stall_id)`,
  `CREATE INDEX stall_permits_idpel ON stall_permits(idpel)`,

  `CREATE TABLE lab_parameters (
    id TEXT PRIMARY KEY,
    levy_id TEXT NOT NULL REFERENCES levies(id),
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    unit TEXT NOT NULL,
    method TEXT NOT NULL,
    created_at TEXT NOT NULL
  )`,
  `CREATE TABLE lab_packages (
    id TEXT PRIMARY KEY,
    levy_id TEXT NOT NULL REFERENCES levies(id),
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    created_at TEXT NOT NULL
  )`,
  `CREATE TABLE lab_package_items (
    package_id TEXT NOT NULL REFERENCES lab_packages(id),
    parameter_id TEXT NOT NULL REFERENCES lab_parameters(id),
    PRIMARY KEY (package_id, parameter_id)
  )`,
  `CREATE TABLE lab_orders (
    id TEXT PRIMARY KEY,
    levy_id TEXT NOT NULL REFERENCES levies(id),
    payer_id TEXT NOT NULL REFERENCES payers(id),
    idpel TEXT NOT NULL,
    order_no TEXT NOT NULL UNIQUE,
    received_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
  )`,
  `CREATE TABLE lab_samples (
    id TEXT PRIMARY KEY,
    order_id TEXT NOT NULL REFERENCES lab_orders(id),
    sample_code TEXT NOT NULL,
    source TEXT NOT NULL,
    package_id TEXT REFERENCES lab_packages(id)
  )`,
  `CREATE TABLE lab_sample_parameters (
    sample_id TEXT NOT NULL REFERENCES lab_samples(id),
    parameter_id TEXT NOT NULL REFERENCES lab_parameters(id),
    PRIMARY KEY (sample_id, parameter_id)
  )`,

  // SKRD: one bill per object and period (UNIQUE makes bill runs idempotent)
  `CREATE TABLE bills (
    id TEXT PRIMARY KEY,
    skrd_no TEXT NOT NULL UNIQUE,
    levy_id TEXT NOT NULL REFERENCES levies(id),
    payer_id TEXT NOT NULL REFERENCES payers(id),
    idpel TEXT NOT NULL,
    object_type TEXT NOT NULL CHECK (object_type IN ('rusun_contract','stall_permit','lab_order')),
    object_id TEXT NOT NULL,
    period TEXT NOT NULL,
    issue_date TEXT NOT NULL,
    due_date TEXT NOT NULL,
    principal INTEGER NOT NULL CHECK (principal >= 0),
    run_id TEXT,
    created_at TEXT NOT NULL,
    created_by TEXT,
    UNIQUE (object_type, object_id, period)
  )`,
  `CREATE INDEX bills_idpel ON bills(idpel, period)`,
  `CREATE INDEX bills_levy_due ON bills(levy_id, due_date)`,
  `CREATE TABLE bill_lines (
    id TEXT PRIMARY KEY,
    bill_id TEXT NOT NULL REFERENCES bills(id),
    line_no INTEGER NOT NULL,
    kind TEXT NOT NULL,
    description TEXT NOT NULL,
    tariff_id TEXT REFERENCES tariffs(id),
    quantity INTEGER NOT NULL,
    unit_price INTEGER NOT NULL,
    amount INTEGER NOT NULL CHECK (amount >= 0),
    UNIQUE (bill_id, line_no)
  )`,

  // a payment and what it paid; the fine charged is frozen here
  `CREATE TABLE payments (
    id TEXT PRIMARY KEY,
    receipt_no TEXT NOT NULL UNIQUE,
    terminal_code TEXT NOT NULL,
    business_date TEXT NOT NULL,
    paid_at TEXT NOT NULL,
    channel TEXT NOT NULL CHECK (channel IN ('tunai','transfer','gateway','qris')),
    payer_id TEXT NOT NULL REFERENCES payers(id),
    total INTEGER NOT NULL CHECK (total >= 0),
    tendered INTEGER,
    change_given INTEGER,
    clerk_id TEXT,
    shift_id TEXT,
    ntb TEXT UNIQUE,
    created_at TEXT NOT NULL
  )`,
  `CREATE INDEX payments_day ON payments(business_date)`,
  `CREATE TABLE payment_items (
    id TEXT PRIMARY KEY,
    payment_id TEXT NOT NULL REFERENCES payments(id),
    bill_id TEXT NOT NULL REFERENCES bills(id),
    principal INTEGER NOT NULL CHECK (principal >= 0),
    fine INTEGER NOT NULL CHECK (fine >= 0),
    amount INTEGER NOT NULL CHECK (amount >= 0)
  )`,
  `CREATE INDEX payment_items_bill ON payment_items(bill_id)`,
  `CREATE INDEX payment_items_payment ON payment_items(payment_id)`,
  // a void is a new record pointing at the payment; the payment row never changes
  `CREATE TABLE payment_voids (
    id TEXT PRIMARY KEY,
    payment_id TEXT NOT NULL UNIQUE REFERENCES payments(id),
    reason TEXT NOT NULL,
    requested_by TEXT NOT NULL,
    approved_by TEXT NOT NULL,
    voided_at TEXT NOT NULL
  )`,
];

const appendOnly = ['audit_log', 'tariffs', 'bills', 'bill_lines', 'payments', 'payment_items', 'payment_voids'];

export const migration001: Migration = {
  version: 1,
  name: 'skema awal',
  up(tx) {
    for (const sql of statements) tx.run(sql);
    makeAppendOnly(tx, appendOnly);
  },
};
