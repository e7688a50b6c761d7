import type { Migration } from '../types';

// The counter asks, on every payment, which bills of one IDPEL are open — oldest first — and
// whether an older one than those chosen is still open. An index on (idpel, due_date, period, id)
// answers both in the order asked, without visiting the bill rows of months long paid; it
// replaces the index on (idpel, period), which no query needs once this one exists.
export const migration007: Migration = {
  version: 7,
  name: 'indeks tagihan per IDPEL menurut jatuh tempo',
  up(tx) {
    tx.run('DROP INDEX bills_idpel');
    tx.run('CREATE INDEX bills_idpel_due ON bills(idpel, due_date, period, id)');
  },
};
