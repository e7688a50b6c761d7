import type { Migration } from '../types';

// Every payment asks which bills of one IDPEL are open, oldest first: the chosen bills must be
// open and no older open bill may be left out. Asked of the facts (payment items, payment_ends,
// cancellations, write-offs) that was two lookups for every month the IDPEL ever had — 34 of
// them for a tenant of three years — on every payment and every inquiry.
//
// open_bills is an index of the open bills (belum bayar), keyed by IDPEL in bill order, so the
// counter, the kiosk and the inquiry read one short range. It is derived state, not a record:
// SQLite keeps it with triggers in the very statement that changes a fact, so it can never
// disagree with them, and the facts stay append-only. A bill enters it when it is issued, leaves
// it when a live payment covers it (a transfer waiting for verification included) or when it is
// cancelled or written off, and comes back when the payment covering it ends (void, reversal,
// rejected transfer) and nothing else covers it. It carries the bill's own fields that a payment
// needs (bills are append-only, so these copies never go stale).
//
// It replaces bill_coverage (migration 009), which no query needs once this exists. Reports that
// scan many IDPELs keep asking the facts (openBillCondition in main/billing/status.ts); the
// migration test checks that both answers agree after every kind of event.
const OPEN_COLUMNS = 'idpel, due_date, period, bill_id, skrd_no, levy_id, payer_id, object_type, object_id, principal';

/** SQL: the bill whose id is the expression `id` is not covered by a live payment, not cancelled and not written off */
function stillOpen(id: string): string {
  return `NOT EXISTS (SELECT 1 FROM payment_items i_ WHERE i_.bill_id = ${id} AND NOT EXISTS (SELECT 1 FROM payment_ends e_ WHERE e_.payment_id = i_.payment_id))
      AND NOT EXISTS (SELECT 1 FROM bill_cancellations c_ WHERE c_.bill_id = ${id})
      AND NOT EXISTS (SELECT 1 FROM bill_writeoffs w_ WHERE w_.bill_id = ${id})`;
}

/** SQL: removes the bill whose id is the expression `id` from open_bills, found by its whole key */
function close(id: string): string {
  return `DELETE FROM open_bills WHERE idpel = (SELECT idpel FROM bills WHERE id = ${id}) AND bill_id = ${id}`;
}

export const migration010: Migration = {
  version: 10,
  name: 'indeks tagihan terbuka per IDPEL',
  up(tx) {
    tx.run(`CREATE TABLE open_bills (
      idpel TEXT NOT NULL,
      due_date TEXT NOT NULL,
      period TEXT NOT NULL,
      bill_id TEXT NOT NULL,
      skrd_no TEXT NOT NULL,
      levy_id TEXT NOT NULL,
      payer_id TEXT NOT NULL,
      object_type TEXT NOT NULL,
      object_id TEXT NOT NULL,
      principal INTEGER NOT NULL,
      PRIMARY KEY (idpel, due_date, period, bill_id)
    ) WITHOUT ROWID`);
    tx.run(`INSERT INTO open_bills (${OPEN_COLUMNS})
            SELECT b.idpel, b.due_date, b.period, b.id, b.skrd_no, b.levy_id, b.payer_id, b.object_type, b.object_id, b.principal
              FROM bills b WHERE ${stillOpen('b.id')}`);

    // issued: open (nothing can cover a bill before it exists)
    tx.run(`CREATE TRIGGER bills_open AFTER INSERT ON bills BEGIN
      INSERT OR IGNORE INTO open_bills (${OPEN_COLUMNS})
        VALUES (NEW.idpel, NEW.due_date, NEW.period, NEW.id, NEW.skrd_no, NEW.levy_id, NEW.payer_id, NEW.object_type, NEW.object_id, NEW.principal);
    END`);
    // covered by a live payment: closed. The item's bill must be there (the foreign key says so
    // too, unless a transaction defers it): an item without its bill could leave a bill open.
    tx.run('DROP TRIGGER payment_items_coverage');
    tx.run(`CREATE TRIGGER payment_items_close AFTER INSERT ON payment_items BEGIN
      SELECT RAISE(ABORT, 'tagihan untuk rincian pembayaran tidak ada') WHERE NOT EXISTS (SELECT 1 FROM bills WHERE id = NEW.bill_id);
      ${close('NEW.bill_id')} AND NOT EXISTS (SELECT 1 FROM payment_ends WHERE payment_id = NEW.payment_id);
    END`);
    // the covering payment ended (void, reversal, rejected transfer): its bills that nothing else
    // covers, and that are neither cancelled nor written off, are open again
    tx.run(`CREATE TRIGGER payment_ends_reopen AFTER INSERT ON payment_ends BEGIN
      INSERT OR IGNORE INTO open_bills (${OPEN_COLUMNS})
        SELECT b.idpel, b.due_date, b.period, b.id, b.skrd_no, b.levy_id, b.payer_id, b.object_type, b.object_id, b.principal
          FROM payment_items i JOIN bills b ON b.id = i.bill_id
         WHERE i.payment_id = NEW.payment_id AND ${stillOpen('b.id')};
    END`);
    tx.run(`CREATE TRIGGER bill_cancellations_close AFTER INSERT ON bill_cancellations BEGIN ${close('NEW.bill_id')}; END`);
    tx.run(`CREATE TRIGGER bill_writeoffs_close AFTER INSERT ON bill_writeoffs BEGIN ${close('NEW.bill_id')}; END`);

    // bill_coverage's append-only triggers go with it
    tx.run('DROP TABLE bill_coverage');
  },
};
