// The central simulator's own schema (its own database, not the terminal's). Pushed records are
// kept verbatim in `records` (what the office pull serves back) and projected into small typed
// tables the centre reasons with: bills, counter payments, voids, closures, the audit chain.
// Gateway payments, reversals and their pull events are the centre's own append-only records.
import { makeAppendOnly } from '../store/migrations/append-only';
import type { Migration } from '../store/types';

const statements = [
  `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
  `CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL)`,

  `CREATE TABLE enrolment_codes (
    code TEXT PRIMARY KEY,
    office_code TEXT,
    max_uses INTEGER NOT NULL CHECK (max_uses >= 1),
    uses INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
  )`,
  `CREATE TABLE terminals (
    id TEXT PRIMARY KEY,
    office_code TEXT NOT NULL,
    terminal_code TEXT NOT NULL,
    key_id TEXT NOT NULL UNIQUE,
    public_key_pem TEXT NOT NULL,
    enrolment_code TEXT NOT NULL,
    enrolled_at TEXT NOT NULL,
    last_push_at TEXT,
    UNIQUE (office_code, terminal_code)
  )`,
  // only the sha256 of a token is kept
  `CREATE TABLE terminal_tokens (
    token_hash TEXT PRIMARY KEY,
    terminal_id TEXT NOT NULL REFERENCES terminals(id),
    issued_at TEXT NOT NULL,
    revoked_at TEXT
  )`,
  `CREATE INDEX terminal_tokens_terminal ON terminal_tokens(terminal_id)`,

  // master data, last-writer-wins by version; seq is the pull cursor (a change takes a new seq)
  `CREATE TABLE master_records (
    entity TEXT NOT NULL,
    id TEXT NOT NULL,
    version INTEGER NOT NULL CHECK (version >= 1),
    scope TEXT NOT NULL,
    deleted INTEGER NOT NULL CHECK (deleted IN (0, 1)),
    data_json TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    seq INTEGER NOT NULL UNIQUE,
    PRIMARY KEY (entity, id)
  )`,
  `CREATE INDEX master_records_scope ON master_records(scope, seq)`,

  // every pushed record (but master), verbatim; seq is the office pull cursor
  `CREATE TABLE records (
    kind TEXT NOT NULL,
    id TEXT NOT NULL,
    seq INTEGER NOT NULL UNIQUE,
    terminal_id TEXT NOT NULL REFERENCES terminals(id),
    office_code TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    data_json TEXT NOT NULL,
    received_at TEXT NOT NULL,
    PRIMARY KEY (kind, id)
  )`,
  `CREATE INDEX records_office ON records(office_code, seq)`,

  `CREATE TABLE bills (
    id TEXT PRIMARY KEY,
    office_code TEXT NOT NULL,
    terminal_id TEXT NOT NULL,
    idpel TEXT NOT NULL,
    levy_id TEXT NOT NULL,
    payer_id TEXT NOT NULL,
    payer_name TEXT,
    skrd_no TEXT NOT NULL,
    object_type TEXT NOT NULL,
    object_id TEXT NOT NULL,
    period TEXT NOT NULL,
    due_date TEXT NOT NULL,
    principal INTEGER NOT NULL CHECK (principal >= 0),
    UNIQUE (office_code, object_type, object_id, period)
  )`,
  `CREATE INDEX bills_idpel ON bills(idpel, due_date, period)`,
  `CREATE TABLE payments (
    id TEXT PRIMARY KEY,
    office_code TEXT NOT NULL,
    terminal_id TEXT NOT NULL,
    terminal_code TEXT NOT NULL,
    receipt_no TEXT NOT NULL,
    channel TEXT NOT NULL,
    ntb TEXT,
    total INTEGER NOT NULL,
    paid_at TEXT NOT NULL,
    business_date TEXT NOT NULL
  )`,
  `CREATE INDEX payments_receipt ON payments(terminal_id, receipt_no)`,
  `CREATE TABLE payment_items (
    id TEXT PRIMARY KEY,
    payment_id TEXT NOT NULL,
    bill_id TEXT NOT NULL,
    principal INTEGER NOT NULL,
    fine INTEGER NOT NULL,
    amount INTEGER NOT NULL
  )`,
  `CREATE INDEX payment_items_bill ON payment_items(bill_id)`,
  `CREATE INDEX payment_items_payment ON payment_items(payment_id)`,
  `CREATE TABLE payment_voids (id TEXT PRIMARY KEY, payment_id TEXT NOT NULL UNIQUE, voided_at TEXT NOT NULL)`,
  `CREATE TABLE transfer_verifications (id TEXT PRIMARY KEY, payment_id TEXT NOT NULL UNIQUE, decision TEXT NOT NULL CHECK (decision IN ('terima','tolak')))`,
  // cancellations (batal) and write-offs (dihapuskan) close a bill
  `CREATE TABLE bill_closures (
    id TEXT PRIMARY KEY,
    bill_id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('batal','dihapuskan')),
    at TEXT NOT NULL
  )`,
  `CREATE TABLE audit_chain (
    terminal_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    id TEXT NOT NULL UNIQUE,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    PRIMARY KEY (terminal_id, seq)
  )`,

  `CREATE TABLE gateway_payments (
    id TEXT PRIMARY KEY,
    ntb TEXT NOT NULL UNIQUE,
    ntpd TEXT NOT NULL UNIQUE,
    channel TEXT NOT NULL CHECK (channel IN ('bank','qris')),
    idpel TEXT NOT NULL,
    payer_name TEXT NOT NULL,
    office_code TEXT NOT NULL,
    principal INTEGER NOT NULL,
    fine INTEGER NOT NULL,
    amount INTEGER NOT NULL,
    paid_at TEXT NOT NULL,
    business_date TEXT NOT NULL,
    qris_id TEXT
  )`,
  `CREATE INDEX gateway_payments_day ON gateway_payments(business_date)`,
  `CREATE TABLE gateway_items (
    payment_id TEXT NOT NULL REFERENCES gateway_payments(id),
    bill_id TEXT NOT NULL,
    skrd_no TEXT NOT NULL,
    period TEXT NOT NULL,
    principal INTEGER NOT NULL,
    fine INTEGER NOT NULL,
    fine_months INTEGER NOT NULL,
    amount INTEGER NOT NULL,
    PRIMARY KEY (payment_id, bill_id)
  )`,
  `CREATE INDEX gateway_items_bill ON gateway_items(bill_id)`,
  `CREATE TABLE gateway_reversals (
    id TEXT PRIMARY KEY,
    payment_id TEXT NOT NULL UNIQUE REFERENCES gateway_payments(id),
    reversed_at TEXT NOT NULL,
    business_date TEXT NOT NULL,
    reason TEXT NOT NULL
  )`,
  // what terminals pull: one immutable event per gateway payment or reversal
  `CREATE TABLE gateway_events (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    office_code TEXT NOT NULL,
    body_json TEXT NOT NULL,
    created_at TEXT NOT NULL
  )`,
  `CREATE INDEX gateway_events_office ON gateway_events(office_code, seq)`,

  `CREATE TABLE qris (
    id TEXT PRIMARY KEY,
    bill_id TEXT NOT NULL,
    idpel TEXT NOT NULL,
    office_code TEXT NOT NULL,
    terminal_id TEXT NOT NULL,
    principal INTEGER NOT NULL,
    fine INTEGER NOT NULL,
    fine_months INTEGER NOT NULL,
    amount INTEGER NOT NULL,
    payload TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    payment_id TEXT REFERENCES gateway_payments(id)
  )`,
  `CREATE INDEX qris_bill ON qris(bill_id, created_at)`,

  `CREATE TABLE overpayments (
    id TEXT PRIMARY KEY,
    bill_id TEXT NOT NULL,
    payment_id TEXT NOT NULL,
    other_kind TEXT NOT NULL CHECK (other_kind IN ('gateway','counter')),
    other_ref TEXT NOT NULL,
    amount INTEGER NOT NULL,
    detected_at TEXT NOT NULL,
    office_code TEXT NOT NULL,
    UNIQUE (bill_id, payment_id)
  )`,
];

const appendOnly = [
  'records', 'payments', 'payment_items', 'payment_voids', 'transfer_verifications', 'bill_closures', 'audit_chain',
  'gateway_payments', 'gateway_items', 'gateway_reversals', 'gateway_events', 'overpayments', 'bills',
];

export const centralMigration001: Migration = {
  version: 1,
  name: 'pusat: skema awal',
  up(tx) {
    for (const sql of statements) tx.run(sql);
    makeAppendOnly(tx, appendOnly);
  },
};

export const centralMigrations: readonly Migration[] = [centralMigration001];
