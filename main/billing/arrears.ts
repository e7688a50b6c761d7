// Arrears (tunggakan): payers with overdue open bills, aged by the oldest one; and the renewal
// blocklist — explicit, with its reason, and overridable by an admin with a written reason.
import type { ArrearsRow } from '../../shared/contract/billing';
import { amountDue, lateMonths } from '../../shared/fines';
import type { ReadApi } from '../store/types';
import { ruleOf, type LevyRuleRow } from './due';
import { openBillCondition } from './status';
import { OBJECT_TABLE, objectLabelSql, type ObjectType } from './objects';

/** SQL: the label of the billed object of the open bill aliased `b`, when it is of `type` */
function objectLabelOfRow(type: ObjectType): string {
  return `(SELECT ${objectLabelSql[type]('o')} FROM ${OBJECT_TABLE[type]} o WHERE o.id = b.object_id)`;
}

export function blocklistMonths(db: ReadApi): number {
  const raw = db.get<{ value: string }>("SELECT value FROM app_meta WHERE key = 'blocklist_months'")?.value;
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : 3;
}

const PERIOD_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];
function periodLabel(period: string): string {
  const m = Number(period.slice(5, 7));
  return period.length === 7 ? `${PERIOD_NAMES[m - 1] ?? period} ${period.slice(0, 4)}` : period;
}

/** the block on renewing a rusunawa contract, or null when it may be renewed */
export function blockOf(db: ReadApi, contractId: string, asOf: string): null | { reason: string; since: string } {
  const overdue = db.all<{ period: string; due_date: string; principal: number }>(
    `SELECT b.period, b.due_date, b.principal FROM bills b
      WHERE b.object_type = 'rusun_contract' AND b.object_id = ? AND b.due_date < ? AND ${openBillCondition('b')}
      ORDER BY b.due_date`,
    [contractId, asOf],
  );
  if (overdue.length < blocklistMonths(db)) return null;
  const lifted = db.get<{ n: number }>(
    'SELECT open_bills_at_lift AS n FROM blocklist_overrides WHERE contract_id = ? ORDER BY at DESC LIMIT 1',
    [contractId],
  );
  // a lift holds until the arrears grow past what they were when it was lifted
  if (lifted && lifted.n >= overdue.length) return null;
  const total = overdue.reduce((s, b) => s + b.principal, 0);
  const digits = total.toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return {
    reason: `Tunggakan ${overdue.length} bulan (${overdue.map((b) => periodLabel(b.period)).join(', ')}), pokok Rp ${digits}`,
    since: overdue[0]?.due_date ?? asOf,
  };
}

interface OverdueRow extends LevyRuleRow {
  id: string;
  idpel: string;
  due_date: string;
  principal: number;
  payer_name: string;
  phone: string | null;
  levy_kind: ArrearsRow['levyKind'];
  levy_name: string;
  object_type: string;
  object_id: string;
  object_label: string | null;
  group_id: string | null;
  group_name: string | null;
}

/** every IDPEL with overdue open bills (read from open_bills, the index of the open bills), aged by its oldest */
export function listArrears(
  db: ReadApi,
  asOf: string,
  filter: { levyKind?: ArrearsRow['levyKind'] | undefined; blockId?: string | undefined; marketId?: string | undefined; bucket?: ArrearsRow['bucket'] | undefined },
): ArrearsRow[] {
  const rows = db.all<OverdueRow>(
    `SELECT b.bill_id AS id, b.idpel, b.due_date, b.principal, p.name AS payer_name, p.phone, l.kind AS levy_kind, l.name AS levy_name,
            l.interest_rate_bp, l.interest_cap_months, l.interest_rounding, b.object_type, b.object_id,
            CASE b.object_type
              WHEN 'rusun_contract' THEN ${objectLabelOfRow('rusun_contract')}
              WHEN 'stall_permit' THEN ${objectLabelOfRow('stall_permit')}
              ELSE ${objectLabelOfRow('lab_order')} END AS object_label,
            CASE b.object_type
              WHEN 'rusun_contract' THEN (SELECT u.block_id FROM rusun_contracts c JOIN rusun_units u ON u.id = c.unit_id WHERE c.id = b.object_id)
              WHEN 'stall_permit' THEN (SELECT s.market_id FROM stall_permits sp JOIN stalls s ON s.id = sp.stall_id WHERE sp.id = b.object_id)
              ELSE NULL END AS group_id,
            CASE b.object_type
              WHEN 'rusun_contract' THEN (SELECT k.name FROM rusun_contracts c JOIN rusun_units u ON u.id = c.unit_id JOIN rusun_blocks k ON k.id = u.block_id WHERE c.id = b.object_id)
              WHEN 'stall_permit' THEN (SELECT m.name FROM stall_permits sp JOIN stalls s ON s.id = sp.stall_id JOIN markets m ON m.id = s.market_id WHERE sp.id = b.object_id)
              ELSE 'Laboratorium' END AS group_name
       FROM open_bills b JOIN levies l ON l.id = b.levy_id JOIN payers p ON p.id = b.payer_id
      WHERE b.due_date < ? AND (?2 IS NULL OR l.kind = ?2)
      ORDER BY b.idpel, b.due_date`,
    [asOf, filter.levyKind ?? null],
  );
  const groups = new Map<string, OverdueRow[]>();
  for (const r of rows) {
    if (filter.blockId && r.group_id !== filter.blockId) continue;
    if (filter.marketId && r.group_id !== filter.marketId) continue;
    const list = groups.get(r.idpel) ?? [];
    list.push(r);
    groups.set(r.idpel, list);
  }
  const out: ArrearsRow[] = [];
  for (const [idpel, bills] of groups) {
    const first = bills[0];
    if (!first) continue;
    const oldestMonths = Math.max(1, lateMonths(first.due_date, asOf, 1200));
    const bucket: ArrearsRow['bucket'] = oldestMonths >= 3 ? '3+' : oldestMonths === 2 ? '2' : '1';
    if (filter.bucket && filter.bucket !== bucket) continue;
    let principal = 0;
    let fine = 0;
    for (const b of bills) {
      const due = amountDue({ principal: b.principal, dueDate: b.due_date }, asOf, ruleOf(b));
      principal += due.principal;
      fine += due.fine;
    }
    const contractId = first.object_type === 'rusun_contract' ? first.object_id : null;
    out.push({
      idpel,
      payerName: first.payer_name,
      phone: first.phone,
      levyKind: first.levy_kind,
      levyName: first.levy_name,
      objectLabel: first.object_label ?? '',
      groupName: first.group_name ?? '',
      openBills: bills.length,
      oldestMonths,
      bucket,
      principal,
      fine,
      total: principal + fine,
      blocked: contractId ? blockOf(db, contractId, asOf) : null,
      contractId,
    });
  }
  return out.sort((a, b) => b.oldestMonths - a.oldestMonths || b.total - a.total);
}
