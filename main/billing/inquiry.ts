// Inquiry: what one IDPEL owes today, in the counter's form and in the payment gateway's
// host-to-host form (00 found · 10 not registered · 13 already paid).
import { checkIdpel, KODE_LENGTH } from '../../shared/idpel';
import { AppError } from '../../shared/errors';
import type { GatewayInquiry, InquiryResult } from '../../shared/contract/billing';
import type { LevyKind } from '../../shared/contract/office';
import type { ReadApi } from '../store/types';
import { openBillsOfIdpel, totals } from './due';
import { blockOf } from './arrears';
import { lookup, OBJECT_TABLE, objectLabelSql, type ObjectType } from './objects';

export interface BilledObject {
  idpel: string;
  objectType: ObjectType;
  objectId: string;
  payerId: string;
  payerName: string;
  payerAddress: string | null;
  objectLabel: string;
  levyName: string;
  levyKind: LevyKind;
}

/** SQL: the billed object of one IDPEL in its type's table, with its payer, label and levy (the levy's id is the expression `levyId`) */
function objectSql(type: ObjectType, levyId: string, since: string): string {
  return `SELECT o.idpel, '${type}' AS objectType, o.id AS objectId, o.payer_id AS payerId,
          ${lookup('payers', 'name', 'o.payer_id')} AS payerName, ${lookup('payers', 'address', 'o.payer_id')} AS payerAddress,
          ${objectLabelSql[type]('o')} AS objectLabel, ${lookup('levies', 'name', levyId)} AS levyName, ${lookup('levies', 'kind', levyId)} AS levyKind, ${since} AS since
     FROM ${OBJECT_TABLE[type]} o WHERE o.idpel = ?`;
}

/** where each levy's billed objects live: rusunawa contracts, stall permits, lab orders (scalar subqueries, not joins: see lookup) */
const OBJECT_SQL: Record<LevyKind, string> = {
  rusunawa: objectSql('rusun_contract', lookup('rusun_blocks', 'levy_id', lookup('rusun_units', 'block_id', 'o.unit_id')), 'o.start_date'),
  pasar: objectSql('stall_permit', lookup('markets', 'levy_id', lookup('stalls', 'market_id', 'o.stall_id')), 'o.start_date'),
  air: objectSql('lab_order', 'o.levy_id', "''"),
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
