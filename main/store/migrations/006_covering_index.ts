import type { Migration } from '../types';

// Whether a bill is covered is asked for every open bill of a payer on every payment: an index on
// (bill_id, payment_id) answers it from the index alone, without visiting payment_items rows.
export const migration006: Migration = {
  version: 6,
  name: 'indeks penutup tagihan',
  up(tx) {
    tx.run('CREATE INDEX payment_items_bill_payment ON payment_items(bill_id, payment_id)');
  },
};
