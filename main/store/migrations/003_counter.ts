import { makeAppendOnly } from './append-only';
import type { Migration } from '../types';

// The counter day: shifts (opened with a float, closed with counted cash per denomination),
// the request id that makes a payment call safe to retry, receipt prints (reprints are marked
// SALINAN), void requests and their decisions, transfer proofs and their verification, and
// deposits (STS) of collected cash to the treasury. All append-only but the shift row, whose
// closing is a record of its own.
const statements = [
  `CREATE TABLE shifts (
    id TEXT PRIMARY KEY,
    terminal_code TEXT NOT NULL,
    clerk_id TEXT NOT NULL REFERENCES users(id),
    business_date TEXT NOT NULL,
    opened_at TEXT NOT NULL,
    opening_cash INTEGER NOT NULL CHECK (opening_cash >= 0)
  )`,
  `CREATE INDEX shifts_clerk ON shifts(clerk_id, opened_at)`,
  `CREATE TABLE shift_closings (
    shift_id TEXT PRIMARY KEY REFERENCES shifts(id),
    closed_at TEXT NOT NULL,
    denominations_json TEXT NOT NULL,
    counted_cash INTEGER NOT NULL CHECK (counted_cash >= 0),
    expected_cash INTEGER NOT NULL,
    difference INTEGER NOT NULL,
    note TEXT,
    approved_by TEXT REFERENCES users(id)
  )`,
  `CREATE TABLE payment_requests (
    request_id TEXT PRIMARY KEY,
    payment_id TEXT NOT NULL UNIQUE REFERENCES payments(id)
  )`,
  `CREATE TABLE receipt_prints (
    id TEXT PRIMARY KEY,
    payment_id TEXT NOT NULL REFERENCES payments(id),
    copy_no INTEGER NOT NULL,
    paper TEXT NOT NULL,
    printed_by TEXT NOT NULL,
    printed_at TEXT NOT NULL,
    UNIQUE (payment_id, copy_no)
  )`,
  `CREATE TABLE payment_signatures (
    payment_id TEXT PRIMARY KEY REFERENCES payments(id),
    payload TEXT NOT NULL,
    signature TEXT NOT NULL,
    key_id TEXT NOT NULL
  )`,
  `CREATE TABLE void_requests (
    id TEXT PRIMARY KEY,
    payment_id TEXT NOT NULL REFERENCES payments(id),
    reason TEXT NOT NULL,
    requested_by TEXT NOT NULL REFERENCES users(id),
    requested_at TEXT NOT NULL
  )`,
  `CREATE TABLE void_decisions (
    request_id TEXT PRIMARY KEY REFERENCES void_requests(id),
    decision TEXT NOT NULL CHECK (decision IN ('setuju','tolak')),
    decided_by TEXT NOT NULL REFERENCES users(id),
    decided_at TEXT NOT NULL,
    note TEXT
  )`,
  `CREATE TABLE transfer_proofs (
    payment_id TEXT PRIMARY KEY REFERENCES payments(id),
    file_name TEXT NOT NULL,
    mime TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    data BLOB NOT NULL,
    bank_reference TEXT NOT NULL
  )`,
  `CREATE TABLE transfer_verifications (
    payment_id TEXT PRIMARY KEY REFERENCES payments(id),
    decision TEXT NOT NULL CHECK (decision IN ('terima','tolak')),
    decided_by TEXT NOT NULL REFERENCES users(id),
    decided_at TEXT NOT NULL,
    note TEXT
  )`,
  // STS: cash of closed shifts taken to the treasury account at the bank
  `CREATE TABLE deposits (
    id TEXT PRIMARY KEY,
    sts_no TEXT NOT NULL UNIQUE,
    terminal_code TEXT NOT NULL,
    business_date TEXT NOT NULL,
    amount INTEGER NOT NULL CHECK (amount > 0),
    bank_reference TEXT NOT NULL,
    deposited_at TEXT NOT NULL,
    by_user TEXT NOT NULL REFERENCES users(id)
  )`,
  `CREATE TABLE deposit_shifts (
    deposit_id TEXT NOT NULL REFERENCES deposits(id),
    shift_id TEXT NOT NULL UNIQUE REFERENCES shifts(id),
    amount INTEGER NOT NULL,
    PRIMARY KEY (deposit_id, shift_id)
  )`,
  `CREATE INDEX payments_shift ON payments(shift_id)`,
  // the months of lateness the fine was computed for, frozen with it
  `ALTER TABLE payment_items ADD COLUMN fine_months INTEGER NOT NULL DEFAULT 0`,
  `CREATE INDEX void_requests_payment ON void_requests(payment_id)`,
  `INSERT INTO app_meta (key, value) VALUES ('shift_difference_limit', '10000') ON CONFLICT(key) DO NOTHING`,
  `INSERT INTO app_meta (key, value) VALUES ('allow_skip_older_bills', '0') ON CONFLICT(key) DO NOTHING`,
  `INSERT INTO app_meta (key, value) VALUES ('transfer_max_bytes', '5242880') ON CONFLICT(key) DO NOTHING`,
];

const appendOnly = [
  'shifts', 'shift_closings', 'payment_requests', 'receipt_prints', 'payment_signatures', 'void_requests', 'void_decisions',
  'transfer_proofs', 'transfer_verifications', 'deposits', 'deposit_shifts',
];

export const migration003: Migration = {
  version: 3,
  name: 'loket',
  up(tx) {
    for (const sql of statements) tx.run(sql);
    makeAppendOnly(tx, appendOnly);
  },
};
