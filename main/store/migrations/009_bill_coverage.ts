import type { Migration } from '../types';
import { makeAppendOnly } from './append-only';

// Whether a bill is open is asked on every payment for the chosen bills and for every older bill
// of the same IDPEL (the oldest-first rule). payment_items is indexed by bill, and one IDPEL's
// bills are months apart, so each of those questions landed on another page of a large index.
// bill_coverage is the same facts as payment_items (which payment names which bill), keyed by the
// bill's IDPEL and due date, so one IDPEL's coverage sits together and is read in one short range.
// SQLite writes it (trigger) in the statement that inserts the item, so it can never disagree
// with payment_items; like payment_items it is append-only (a bill's IDPEL, due date and period
// never change: bills are append-only too). Whether the covering payment still stands is asked of
// payment_ends, as before.
export const migration009: Migration = {
  version: 9,
  name: 'indeks pembayaran tagihan per IDPEL',
  up(tx) {
    tx.run(`CREATE TABLE bill_coverage (
      idpel TEXT NOT NULL,
      due_date TEXT NOT NULL,
      period TEXT NOT NULL,
      bill_id TEXT NOT NULL,
      payment_id TEXT NOT NULL,
      PRIMARY KEY (idpel, due_date, period, bill_id, payment_id)
    ) WITHOUT ROWID`);
    tx.run(`INSERT OR IGNORE INTO bill_coverage (idpel, due_date, period, bill_id, payment_id)
            SELECT b.idpel, b.due_date, b.period, b.id, i.payment_id FROM payment_items i JOIN bills b ON b.id = i.bill_id`);
    // the item's bill must be there (the foreign key says so too, unless a transaction defers
    // it): an item without its coverage row would leave its bill looking open
    tx.run(`CREATE TRIGGER payment_items_coverage AFTER INSERT ON payment_items BEGIN
      SELECT RAISE(ABORT, 'tagihan untuk rincian pembayaran tidak ada') WHERE NOT EXISTS (SELECT 1 FROM bills WHERE id = NEW.bill_id);
      INSERT OR IGNORE INTO bill_coverage (idpel, due_date, period, bill_id, payment_id)
        SELECT b.idpel, b.due_date, b.period, b.id, NEW.payment_id FROM bills b WHERE b.id = NEW.bill_id;
    END`);
    makeAppendOnly(tx, ['bill_coverage']);
  },
};
