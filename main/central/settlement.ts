// The bank's settlement file of one business date: every gateway payment of that WIB date,
// reversed ones marked DIBATALKAN, and a TOTAL line over the successful ones. RFC 4180 CSV
// through csv-stringify (quoting, CRLF).
import { stringify } from 'csv-stringify/sync';
import type { ReadApi } from '../store/types';
import { settlementRows } from './ledger';

export const SETTLEMENT_COLUMNS = [
  'tanggal_buku', 'waktu_bayar', 'ntb', 'ntpd', 'kanal', 'idpel', 'nama', 'id_tagihan', 'pokok', 'denda', 'jumlah', 'status', 'waktu_batal',
] as const;

export function settlementCsv(db: ReadApi, day: string, officeCode?: string): string {
  const rows = settlementRows(db, day, officeCode);
  let count = 0;
  let principal = 0;
  let fine = 0;
  let amount = 0;
  const records: (string | number)[][] = rows.map((r) => {
    const ok = r.reversedAt === null;
    if (ok) {
      count++;
      principal += r.principal;
      fine += r.fine;
      amount += r.amount;
    }
    return [r.businessDate, r.paidAt, r.ntb, r.ntpd, r.channel, r.idpel, r.payerName, r.billIds, r.principal, r.fine, r.amount, ok ? 'SUKSES' : 'DIBATALKAN', r.reversedAt ?? ''];
  });
  records.push(['TOTAL', '', String(count), '', '', '', '', '', principal, fine, amount, '', '']);
  return stringify(records, { header: true, columns: [...SETTLEMENT_COLUMNS], record_delimiter: 'windows' });
}
