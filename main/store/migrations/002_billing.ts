import { makeAppendOnly } from './append-only';
import type { Migration } from '../types';

// Billing: the record of each bill run, counters for human numbers (SKRD, IDPEL serials),
// fixed fines waiting for the next bill, cancellations and write-offs (new records, never an
// edit of the bill), and overrides of the renewal blocklist.
const statements = [
  `CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL)`,
  `CREATE TABLE bill_runs (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('rusunawa','pasar_bulanan','pasar_harian','lab')),
    period TEXT NOT NULL,
    created INTEGER NOT NULL,
    total INTEGER NOT NULL,
    existing INTEGER NOT NULL,
    skipped INTEGER NOT NULL,
    at TEXT NOT NULL,
    by_user TEXT NOT NULL
  )`,
  // denda tetap: a fixed fine from the unit's own rules, billed as its own line on the next bill
  `CREATE TABLE rusun_fine_events (
    id TEXT PRIMARY KEY,
    contract_id TEXT NOT NULL REFERENCES rusun_contracts(id),
    tariff_code TEXT NOT NULL,
    event_date TEXT NOT NULL,
    note TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL
  )`,
  `CREATE TABLE bill_line_sources (
    bill_line_id TEXT PRIMARY KEY REFERENCES bill_lines(id),
    fine_event_id TEXT NOT NULL UNIQUE REFERENCES rusun_fine_events(id)
  )`,
  `CREATE TABLE bill_cancellations (
    id TEXT PRIMARY KEY,
    bill_id TEXT NOT NULL UNIQUE REFERENCES bills(id),
    reason TEXT NOT NULL,
    by_user TEXT NOT NULL,
    at TEXT NOT NULL
  )`,
  // pemutihan: requested, approved by a second person, with its legal basis; the bill stays
  `CREATE TABLE bill_writeoffs (
    id TEXT PRIMARY KEY,
    bill_id TEXT NOT NULL UNIQUE REFERENCES bills(id),
    decision_no TEXT NOT NULL,
    reason TEXT NOT NULL,
    requested_by TEXT NOT NULL,
    approved_by TEXT NOT NULL,
    at TEXT NOT NULL
  )`,
  `CREATE TABLE blocklist_overrides (
    id TEXT PRIMARY KEY,
    contract_id TEXT NOT NULL REFERENCES rusun_contracts(id),
    reason TEXT NOT NULL,
    open_bills_at_lift INTEGER NOT NULL,
    by_user TEXT NOT NULL,
    at TEXT NOT NULL
  )`,
  `CREATE INDEX blocklist_overrides_contract ON blocklist_overrides(contract_id, at)`,
  `CREATE INDEX bills_object ON bills(object_type, object_id, period)`,
  `CREATE INDEX bills_payer ON bills(payer_id)`,
  `INSERT INTO app_meta (key, value) VALUES ('blocklist_months', '3') ON CONFLICT(key) DO NOTHING`,
  // the payer search keeps an in-memory index; this counter tells it when to rebuild
  `INSERT INTO counters (name, value) VALUES ('search_version', 0)`,
];

const searched = ['payers', 'rusun_units', 'rusun_blocks', 'rusun_contracts', 'stalls', 'markets', 'stall_permits', 'lab_orders'];

const appendOnly = ['bill_runs', 'rusun_fine_events', 'bill_line_sources', 'bill_cancellations', 'bill_writeoffs', 'blocklist_overrides'];

export const migration002: Migration = {
  version: 2,
  name: 'penagihan',
  up(tx) {
    for (const sql of statements) tx.run(sql);
    for (const table of searched) {
      for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
        tx.run(
          `CREATE TRIGGER ${table}_search_${event.toLowerCase()} AFTER ${event} ON ${table} BEGIN UPDATE counters SET value = value + 1 WHERE name = 'search_version'; END`,
        );
      }
    }
    makeAppendOnly(tx, appendOnly);
  },
};
