import { makeAppendOnly } from './append-only';
import type { Migration } from '../types';

// Sync: the outbox of records the centre must receive, written in the same transaction as the
// change it reports; pull cursors; gateway payments applied from the centre; overpayments
// (kelebihan bayar) when a bill was paid both here and through the gateway.
const statements = [
  // one row per record to push; the id is the idempotency key the centre acknowledges
  `CREATE TABLE outbox (
    id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT,
    last_error TEXT,
    acked_at TEXT,
    dead_at TEXT,
    dead_reason TEXT
  )`,
  `CREATE INDEX outbox_pending ON outbox(acked_at, dead_at, seq)`,
  `CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
  // a bill paid twice (here and at the bank) keeps both payments; the surplus becomes this record
  `CREATE TABLE overpayments (
    id TEXT PRIMARY KEY,
    bill_id TEXT NOT NULL REFERENCES bills(id),
    kept_payment_id TEXT NOT NULL REFERENCES payments(id),
    extra_payment_id TEXT NOT NULL UNIQUE REFERENCES payments(id),
    amount INTEGER NOT NULL CHECK (amount > 0),
    detected_at TEXT NOT NULL
  )`,
  `CREATE TABLE overpayment_decisions (
    overpayment_id TEXT PRIMARY KEY REFERENCES overpayments(id),
    decision TEXT NOT NULL CHECK (decision IN ('refund','credit')),
    note TEXT NOT NULL,
    decided_by TEXT NOT NULL REFERENCES users(id),
    decided_at TEXT NOT NULL
  )`,
  // events pulled from the centre that cannot be applied yet (their bill has not reached this
  // terminal): kept and retried on every sync, never dropped
  `CREATE TABLE sync_deferred (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    payload_json TEXT NOT NULL,
    reason TEXT NOT NULL,
    first_seen_at TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 1,
    applied_at TEXT
  )`,
  // gateway reversals pulled from the centre: like a void, a new record that reopens the bills
  `CREATE TABLE payment_reversals (
    id TEXT PRIMARY KEY,
    payment_id TEXT NOT NULL UNIQUE REFERENCES payments(id),
    reversed_at TEXT NOT NULL,
    reason TEXT NOT NULL
  )`,
];

const appendOnly = ['overpayments', 'overpayment_decisions', 'payment_reversals'];

export const migration004: Migration = {
  version: 4,
  name: 'sinkronisasi',
  up(tx) {
    for (const sql of statements) tx.run(sql);
    makeAppendOnly(tx, appendOnly);
  },
};
