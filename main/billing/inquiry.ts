// Inquiry: what one IDPEL owes today, in the counter's form and in the payment gateway's
// host-to-host form (00 found · 10 not registered · 13 already paid).
import { checkIdpel, KODE_LENGTH } from '../../shared/idpel';
import { AppError } from '../../shared/errors';
import type { GatewayInquiry, InquiryResult } from '../../shared/contract/billing';
import type { LevyKind } from '../../shared/contract/office';
import type { ReadApi } from '../store/types';
import { openBillsOfIdpel, totals } from './due';
import { blockOf } from './arrears';

export interface BilledObject {
  idpel: string;
  objectType: 'rusun_contract' | 'stall_permit' | 'lab_order';
  objectId: string;
  payerId: string;
  payerName: string;
  payerAddress: string | null;
  objectLabel: string;
  levyName: string;
  levyKind: LevyKind;
}

/** where each levy's billed objects live: rusunawa contracts, stall permits, lab orders */
const OBJECT_SQL: Record<LevyKind, string> = {
  rusunawa: `SELECT c.idpel, 'rusun_contract' AS objectType, c.id AS objectId, p.id AS payerId, p.name AS payerName, p.address AS payerAddress,
          k.name || ' ' || u.number AS objectLabel, l.name AS levyName, l.kind AS levyKind, c.start_date AS since
     FROM rusun_contracts c JOIN payers p ON p.id = c.payer_id JOIN rusun_units u ON u.id = c.unit_id
     JOIN rusun_blocks k ON k.id = u.block_id JOIN levies l ON l.id = k.levy_id
    WHERE c.idpel = ?`,
  pasar: `SELECT sp.idpel, 'stall_permit' AS objectType, sp.id AS objectId, p.id AS payerId, p.name AS payerName, p.address AS payerAddress,
          m.name || ' ' || s.code AS objectLabel, l.name AS levyName, l.kind AS levyKind, sp.start_date AS since
     FROM stall_permits sp JOIN payers p ON p.id = sp.payer_id JOIN stalls s ON s.id = sp.stall_id
     JOIN markets m ON m.id = s.market_id JOIN levies l ON l.id = m.levy_id
    WHERE sp.idpel = ?`,
  air: `SELECT o.idpel, 'lab_order' AS objectType, o.id AS objectId, p.id AS payerId, p.name AS payerName, p.address AS payerAddress,
          'Order ' || o.order_no AS objectLabel, l.name AS levyName, l.kind AS levyKind, '' AS since
     FROM lab_orders o JOIN payers p ON p.id = o.payer_id JOIN levies l ON l.id = o.levy_id
    WHERE o.idpel = ?`,
};
const KINDS = Object.keys(OBJECT_SQL) as LevyKind[];

/** the billed object behind an IDPEL (the latest one, when a contract was renewed under it) */
export function objectOfIdpel(db: ReadApi, idpel: string): BilledObject | undefined {
  // the IDPEL starts with its levy's kode: look in that levy's table first, and in the others
  // only when it is not there (a kode changed after the IDPEL was given)
  const kind = db.get<{ kind: LevyKind }>('SELECT kind FROM levies WHERE kode = ?', [idpel.slice(0, KODE_LENGTH)])?.kind;
  for (const k of kind ? [kind, ...KINDS.filter((x) => x !== kind)] : KINDS) {
    const sql = OBJECT_SQL[k];
    // the latest picked here, not by ORDER BY … LIMIT 1 (sql.js: a sort step on every payment)
    let latest: (BilledObject & { since: string }) | undefined;
    for (const row of db.all<BilledObject & { since: string }>(sql, [idpel])) if (!latest || row.since > latest.since) latest = row;
    if (latest) {
      const { since: _since, ...object } = latest;
      return object;
    }
  }
  return undefined;
}

/** checks the typed IDPEL (check digit first, before any lookup) and finds its object */
export function requireIdpel(db: ReadApi, raw: string): BilledObject {
  const check = checkIdpel(raw);
  if (!check.ok) throw new AppError('IDPEL_INVALID', { message: check.message }, { idpel: check.message });
  const object = objectOfIdpel(db, check.idpel);
  if (!object) throw new AppError('IDPEL_NOT_REGISTERED', { idpel: check.idpel }, { idpel: 'IDPEL tidak terdaftar' });
  return object;
}

export function inquire(db: ReadApi, raw: string, asOf: string): InquiryResult {
  const object = requireIdpel(db, raw);
  const bills = openBillsOfIdpel(db, object.idpel, asOf);
  const sum = totals(bills);
  return {
    idpel: object.idpel,
    payerName: object.payerName,
    objectLabel: object.objectLabel,
    levyName: object.levyName,
    levyKind: object.levyKind,
    asOf,
    bills,
    ...sum,
    blocked: object.objectType === 'rusun_contract' ? blockOf(db, object.objectId, asOf) : null,
  };
}

/** the gateway's view: never throws for a bad IDPEL, answers with a status code instead */
export function gatewayInquire(db: ReadApi, raw: string, asOf: string): GatewayInquiry {
  const check = checkIdpel(raw);
  const idpel = check.ok ? check.idpel : raw;
  const object = check.ok ? objectOfIdpel(db, check.idpel) : undefined;
  if (!object) return { code: '10', message: 'IDPEL tidak terdaftar', idpel };
  const bills = openBillsOfIdpel(db, object.idpel, asOf);
  if (bills.length === 0) return { code: '13', message: 'Tagihan sudah dibayar', idpel, name: object.payerName };
  const sum = totals(bills);
  return { code: '00', message: 'Sukses', idpel, name: object.payerName, principal: sum.principal, fine: sum.fine, total: sum.total };
}
