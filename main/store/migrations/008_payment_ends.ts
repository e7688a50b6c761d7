import type { Migration } from '../types';
import { makeAppendOnly } from './append-only';

// Whether a payment still stands is asked for every payment item of every bill the counter
// looks at: "no void, no gateway reversal, not a rejected transfer" was three lookups in three
// tables. payment_ends is the index of their union — one row per payment that no longer stands
// — written by SQLite itself (triggers) in the statement that records the void, the reversal or
// the rejection, so it can never disagree with them; and it is append-only, like they are (a
// void, a reversal or a decision is never undone). One lookup instead of three.
export const migration008: Migration = {
  version: 8,
  name: 'indeks pembayaran yang tidak berlaku',
  up(tx) {
    tx.run(`CREATE TABLE payment_ends (
      payment_id TEXT PRIMARY KEY REFERENCES payments(id),
      cause TEXT NOT NULL CHECK (cause IN ('batal', 'dibalik', 'ditolak'))
    ) WITHOUT ROWID`);
    tx.run("INSERT OR IGNORE INTO payment_ends (payment_id, cause) SELECT payment_id, 'batal' FROM payment_voids");
    tx.run("INSERT OR IGNORE INTO payment_ends (payment_id, cause) SELECT payment_id, 'dibalik' FROM payment_reversals");
    tx.run("INSERT OR IGNORE INTO payment_ends (payment_id, cause) SELECT payment_id, 'ditolak' FROM transfer_verifications WHERE decision = 'tolak'");
    tx.run("CREATE TRIGGER payment_voids_end AFTER INSERT ON payment_voids BEGIN INSERT OR IGNORE INTO payment_ends (payment_id, cause) VALUES (NEW.payment_id, 'batal'); END");
    tx.run("CREATE TRIGGER payment_reversals_end AFTER INSERT ON payment_reversals BEGIN INSERT OR IGNORE INTO payment_ends (payment_id, cause) VALUES (NEW.payment_id, 'dibalik'); END");
    tx.run(
      "CREATE TRIGGER transfer_verifications_end AFTER INSERT ON transfer_verifications WHEN NEW.decision = 'tolak' BEGIN INSERT OR IGNORE INTO payment_ends (payment_id, cause) VALUES (NEW.payment_id, 'ditolak'); END",
    );
    makeAppendOnly(tx, ['payment_ends']);
  },
};
