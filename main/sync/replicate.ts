// Replication through the centre: master records (last-writer-wins by version) and the records
// other terminals of the same office pushed (bills, payments, voids — append-only, by id).
// Anything whose references have not arrived yet waits in sync_deferred and is retried.
import { createHash } from 'node:crypto';
import type { BillData, MasterRecord, OfficeRecord, PaymentData, PushRecord, VoidData } from '../../shared/central-api/types';
import type { Services } from '../api/context';
import { livePaymentCondition } from '../billing/status';
import type { ReadApi, SqlValue, WriteTx } from '../store/types';
import { masterTable, type MasterTable } from './tables';

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== null && v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function contentHash(data: Record<string, unknown>): string {
  return createHash('sha256').update(canonical(data)).digest('hex');
}

const columnsCache = new Map<string, string[]>();
function columnsOf(db: ReadApi, table: string): string[] {
  let cols = columnsCache.get(table);
  if (!cols) {
    cols = db.all<{ name: string }>('SELECT name FROM pragma_table_info(?)', [table]).map((r) => r.name);
    columnsCache.set(table, cols);
  }
  return cols;
}

const fkCache = new Map<string, { from: string; table: string; to: string }[]>();
function foreignKeysOf(db: ReadApi, table: string): { from: string; table: string; to: string }[] {
  let fks = fkCache.get(table);
  if (!fks) {
    fks = db.all<{ from: string; table: string; to: string }>('SELECT "from", "table", "to" FROM pragma_foreign_key_list(?)', [table]);
    fkCache.set(table, fks);
  }
  return fks;
}

function rowOf(db: ReadApi, t: MasterTable, id: string): Record<string, unknown> | undefined {
  const parts = id.split(':');
  if (parts.length !== t.key.length) return undefined;
  return db.get<Record<string, unknown>>(`SELECT * FROM ${t.table} WHERE ${t.key.map((k) => `${k} = ?`).join(' AND ')}`, parts);
}

/** the id a master row travels under: its key, or a hash of a composite key too long for the API (64) */
export function masterWireId(key: string): string {
  return key.length <= 64 ? key : `h${createHash('sha256').update(key).digest('hex').slice(0, 40)}`;
}

/** the `master` push record of an outbox row (record id = 'table:key'), or null when gone */
export function buildMasterRecord(db: ReadApi, recordId: string): (PushRecord & { kind: 'master' }) | null {
  const at = recordId.indexOf(':');
  const t = masterTable(recordId.slice(0, at));
  if (!t) return null;
  const id = recordId.slice(at + 1);
  const row = rowOf(db, t, id);
  if (!row) return null;
  const wireId = masterWireId(id);
  const agreed = db.get<{ version: number; content_hash: string }>('SELECT version, content_hash FROM master_versions WHERE entity = ? AND id = ?', [t.table, wireId]);
  const hash = contentHash(row);
  return { kind: 'master', id: wireId, entity: t.table, version: agreed && agreed.content_hash === hash ? agreed.version : (agreed?.version ?? 0) + 1, data: row };
}

/** after the centre acknowledged a master record: that version is now the agreed one */
export function agreeMaster(tx: WriteTx, record: PushRecord & { kind: 'master' }): void {
  tx.run(
    'INSERT INTO master_versions (entity, id, version, content_hash) VALUES (?,?,?,?) ON CONFLICT(entity, id) DO UPDATE SET version = excluded.version, content_hash = excluded.content_hash',
    [record.entity, record.id, record.version, contentHash(record.data)],
  );
}

function referencesPresent(tx: ReadApi, table: string, data: Record<string, unknown>): string | null {
  for (const fk of foreignKeysOf(tx, table)) {
    const value = data[fk.from];
    if (value === null || value === undefined) continue;
    if (!tx.get(`SELECT 1 AS x FROM ${fk.table} WHERE ${fk.to} = ?`, [value as SqlValue])) return `${fk.table} ${String(value)} belum ada`;
  }
  return null;
}

function sqlValue(v: unknown): SqlValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return JSON.stringify(v);
}

export type ApplyOutcome = 'applied' | 'known' | { defer: string };

export function applyMasterRecord(tx: WriteTx, rec: MasterRecord): ApplyOutcome {
  const t = masterTable(rec.entity);
  if (!t || rec.deleted) return 'known';
  const agreed = tx.get<{ version: number }>('SELECT version FROM master_versions WHERE entity = ? AND id = ?', [t.table, rec.id]);
  if (agreed && agreed.version >= rec.version) return 'known';
  const missing = referencesPresent(tx, t.table, rec.data);
  if (missing) return { defer: missing };
  const cols = columnsOf(tx, t.table).filter((c) => c in rec.data);
  if (!t.key.every((k) => cols.includes(k))) return 'known';
  const updates = cols.filter((c) => !t.key.includes(c));
  tx.run(
    `INSERT INTO ${t.table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})
     ON CONFLICT(${t.key.join(', ')}) DO ${t.appendOnly || updates.length === 0 ? 'NOTHING' : `UPDATE SET ${updates.map((c) => `${c} = excluded.${c}`).join(', ')}`}`,
    cols.map((c) => sqlValue(rec.data[c])),
  );
  tx.run(
    'INSERT INTO master_versions (entity, id, version, content_hash) VALUES (?,?,?,?) ON CONFLICT(entity, id) DO UPDATE SET version = excluded.version, content_hash = excluded.content_hash',
    [t.table, rec.id, rec.version, contentHash(rec.data)],
  );
  return 'applied';
}

/** records the overpayment when a bill a new payment covers was already covered by another live payment */
export function noteDoublePayment(tx: WriteTx, services: Services, paymentId: string, paidAt: string, billId: string): void {
  const other = tx.get<{ id: string; paid_at: string }>(
    `SELECT p.id, p.paid_at FROM payment_items i JOIN payments p ON p.id = i.payment_id WHERE i.bill_id = ? AND p.id <> ? AND ${livePaymentCondition('p')} ORDER BY p.paid_at, p.id LIMIT 1`,
    [billId, paymentId],
  );
  if (!other) return;
  // the earlier payment is kept; the later one is the surplus (the same answer on every terminal)
  const newFirst = paidAt < other.paid_at || (paidAt === other.paid_at && paymentId < other.id);
  const kept = newFirst ? paymentId : other.id;
  const extra = newFirst ? other.id : paymentId;
  if (tx.get('SELECT 1 AS x FROM overpayments WHERE extra_payment_id = ?', [extra])) return;
  const amount = tx.get<{ a: number }>('SELECT amount AS a FROM payment_items WHERE payment_id = ? AND bill_id = ?', [extra, billId])?.a ?? 0;
  if (amount <= 0) return;
  tx.run('INSERT INTO overpayments (id, bill_id, kept_payment_id, extra_payment_id, amount, detected_at) VALUES (?,?,?,?,?,?)', [
    `op:${extra}`, billId, kept, extra, amount, services.now().toISOString(),
  ]);
}

function applyBill(tx: WriteTx, id: string, b: BillData): ApplyOutcome {
  if (tx.get('SELECT 1 AS x FROM bills WHERE id = ?', [id])) return 'known';
  if (!tx.get('SELECT 1 AS x FROM levies WHERE id = ?', [b.levyId])) return { defer: `jenis retribusi ${b.levyId} belum ada` };
  if (!tx.get('SELECT 1 AS x FROM payers WHERE id = ?', [b.payerId])) return { defer: `wajib retribusi ${b.payerId} belum ada` };
  for (const l of b.lines) if (l.tariffId && !tx.get('SELECT 1 AS x FROM tariffs WHERE id = ?', [l.tariffId])) return { defer: `tarif ${l.tariffId} belum ada` };
  tx.run(
    `INSERT INTO bills (id, skrd_no, levy_id, payer_id, idpel, object_type, object_id, period, issue_date, due_date, principal, run_id, created_at, created_by)
     VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING`,
    [id, b.skrdNo, b.levyId, b.payerId, b.idpel, b.objectType, b.objectId, b.period, b.issueDate, b.dueDate, b.principal, b.runId ?? null, b.createdAt, b.createdBy ?? null],
  );
  for (const l of b.lines) {
    tx.run('INSERT INTO bill_lines (id, bill_id, line_no, kind, description, tariff_id, quantity, unit_price, amount) VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING', [
      l.id, id, l.lineNo, l.kind, l.description, l.tariffId ?? null, l.quantity, l.unitPrice, l.amount,
    ]);
  }
  return 'applied';
}

function applyPayment(tx: WriteTx, services: Services, id: string, p: PaymentData): ApplyOutcome {
  if (tx.get('SELECT 1 AS x FROM payments WHERE id = ?', [id])) return 'known';
  if (p.ntb && tx.get('SELECT 1 AS x FROM payments WHERE ntb = ?', [p.ntb])) return 'known';
  if (!tx.get('SELECT 1 AS x FROM payers WHERE id = ?', [p.payerId])) return { defer: `wajib retribusi ${p.payerId} belum ada` };
  for (const i of p.items) if (!tx.get('SELECT 1 AS x FROM bills WHERE id = ?', [i.billId])) return { defer: `tagihan ${i.billId} belum ada` };
  tx.run(
    `INSERT INTO payments (id, receipt_no, terminal_code, business_date, paid_at, channel, payer_id, total, tendered, change_given, clerk_id, shift_id, ntb, created_at)
     VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
    [id, p.receiptNo, p.terminalCode, p.businessDate, p.paidAt, p.channel, p.payerId, p.total, p.tendered ?? null, p.changeGiven ?? null, p.clerkId ?? null, p.shiftId ?? null, p.ntb ?? null, p.createdAt],
  );
  for (const i of p.items) {
    tx.run('INSERT INTO payment_items (id, payment_id, bill_id, principal, fine, amount, fine_months) VALUES (?,?,?,?,?,?,?)', [i.id, id, i.billId, i.principal, i.fine, i.amount, i.fineMonths ?? 0]);
  }
  if (p.verification) {
    tx.run('INSERT INTO payment_signatures (payment_id, payload, signature, key_id) VALUES (?,?,?,?) ON CONFLICT DO NOTHING', [id, p.verification.split('.').slice(0, 2).join('.'), p.verification, 'remote']);
  }
  for (const i of p.items) noteDoublePayment(tx, services, id, p.paidAt, i.billId);
  return 'applied';
}

function applyVoid(tx: WriteTx, id: string, v: VoidData): ApplyOutcome {
  if (tx.get('SELECT 1 AS x FROM payment_voids WHERE id = ? OR payment_id = ?', [id, v.paymentId])) return 'known';
  if (!tx.get('SELECT 1 AS x FROM payments WHERE id = ?', [v.paymentId])) return { defer: `pembayaran ${v.paymentId} belum ada` };
  tx.run('INSERT INTO payment_voids (id, payment_id, reason, requested_by, approved_by, voided_at) VALUES (?,?,?,?,?,?)', [id, v.paymentId, v.reason, v.requestedBy, v.approvedBy, v.voidedAt]);
  return 'applied';
}

export function applyOfficeRecord(tx: WriteTx, services: Services, rec: OfficeRecord): ApplyOutcome {
  switch (rec.kind) {
    case 'bill':
      return applyBill(tx, rec.id, rec.data as unknown as BillData);
    case 'payment':
      return applyPayment(tx, services, rec.id, rec.data as unknown as PaymentData);
    case 'void':
      return applyVoid(tx, rec.id, rec.data as unknown as VoidData);
    default:
      // shift closings, deposits and audit of other terminals stay with the centre
      return 'known';
  }
}
