// Push payloads, built at push time from the records the outbox points at. The records never
// change after they are written, so building late gives the same content every time — which is
// what makes a resend harmless (the centre answers `duplicate`).
import type { PushRecord } from '../../shared/central-api/types';
import type { ReadApi } from '../store/types';
import { buildMasterRecord } from './replicate';

type Builder = (db: ReadApi, id: string) => PushRecord | null;

const bill: Builder = (db, id) => {
  const b = db.get<{
    skrd_no: string; levy_id: string; payer_id: string; payer_name: string; idpel: string; object_type: 'rusun_contract' | 'stall_permit' | 'lab_order';
    object_id: string; period: string; issue_date: string; due_date: string; principal: number; run_id: string | null; created_at: string; created_by: string | null;
  }>('SELECT b.*, p.name AS payer_name FROM bills b JOIN payers p ON p.id = b.payer_id WHERE b.id = ?', [id]);
  if (!b) return null;
  const lines = db.all<{ id: string; line_no: number; kind: string; description: string; tariff_id: string | null; quantity: number; unit_price: number; amount: number }>(
    'SELECT id, line_no, kind, description, tariff_id, quantity, unit_price, amount FROM bill_lines WHERE bill_id = ? ORDER BY line_no',
    [id],
  );
  return {
    kind: 'bill',
    id,
    data: {
      skrdNo: b.skrd_no, levyId: b.levy_id, payerId: b.payer_id, payerName: b.payer_name, idpel: b.idpel, objectType: b.object_type, objectId: b.object_id,
      period: b.period, issueDate: b.issue_date, dueDate: b.due_date, principal: b.principal, runId: b.run_id, createdAt: b.created_at, createdBy: b.created_by,
      lines: lines.map((l) => ({ id: l.id, lineNo: l.line_no, kind: l.kind, description: l.description, tariffId: l.tariff_id, quantity: l.quantity, unitPrice: l.unit_price, amount: l.amount })),
    },
  };
};

const payment: Builder = (db, id) => {
  const p = db.get<{
    receipt_no: string; terminal_code: string; business_date: string; paid_at: string; channel: 'tunai' | 'transfer' | 'gateway' | 'qris'; payer_id: string; total: number;
    tendered: number | null; change_given: number | null; clerk_id: string | null; shift_id: string | null; ntb: string | null; created_at: string; verification: string | null;
  }>('SELECT p.*, (SELECT signature FROM payment_signatures s WHERE s.payment_id = p.id) AS verification FROM payments p WHERE p.id = ?', [id]);
  if (!p) return null;
  const items = db.all<{ id: string; bill_id: string; principal: number; fine: number; fine_months: number; amount: number; idpel: string }>(
    'SELECT i.id, i.bill_id, i.principal, i.fine, i.fine_months, i.amount, b.idpel FROM payment_items i JOIN bills b ON b.id = i.bill_id WHERE i.payment_id = ? ORDER BY i.id',
    [id],
  );
  return {
    kind: 'payment',
    id,
    data: {
      receiptNo: p.receipt_no, terminalCode: p.terminal_code, businessDate: p.business_date, paidAt: p.paid_at, channel: p.channel, payerId: p.payer_id,
      idpel: items[0]?.idpel, total: p.total, tendered: p.tendered, changeGiven: p.change_given, clerkId: p.clerk_id, shiftId: p.shift_id, ntb: p.ntb,
      createdAt: p.created_at, verification: p.verification,
      items: items.map((i) => ({ id: i.id, billId: i.bill_id, principal: i.principal, fine: i.fine, fineMonths: i.fine_months, amount: i.amount })),
    },
  };
};

const voidRecord: Builder = (db, id) => {
  const v = db.get<{ payment_id: string; reason: string; requested_by: string; approved_by: string; voided_at: string }>('SELECT * FROM payment_voids WHERE id = ?', [id]);
  return v ? { kind: 'void', id, data: { paymentId: v.payment_id, reason: v.reason, requestedBy: v.requested_by, approvedBy: v.approved_by, voidedAt: v.voided_at } } : null;
};

const transferVerification: Builder = (db, id) => {
  const t = db.get<{ decision: 'terima' | 'tolak'; decided_by: string; decided_at: string; note: string | null }>('SELECT * FROM transfer_verifications WHERE payment_id = ?', [id]);
  return t ? { kind: 'transfer_verification', id, data: { paymentId: id, decision: t.decision, decidedBy: t.decided_by, decidedAt: t.decided_at, note: t.note } } : null;
};

const shiftClosing: Builder = (db, id) => {
  const s = db.get<{
    terminal_code: string; clerk_id: string; business_date: string; opened_at: string; opening_cash: number; closed_at: string; denominations_json: string;
    counted_cash: number; expected_cash: number; difference: number; note: string | null; approved_by: string | null;
  }>('SELECT s.*, c.* FROM shifts s JOIN shift_closings c ON c.shift_id = s.id WHERE s.id = ?', [id]);
  if (!s) return null;
  return {
    kind: 'shift_closing',
    id,
    data: {
      terminalCode: s.terminal_code, clerkId: s.clerk_id, businessDate: s.business_date, openedAt: s.opened_at, openingCash: s.opening_cash, closedAt: s.closed_at,
      denominations: JSON.parse(s.denominations_json) as { value: number; count: number; amount: number }[], countedCash: s.counted_cash, expectedCash: s.expected_cash,
      difference: s.difference, note: s.note, approvedBy: s.approved_by,
    },
  };
};

const deposit: Builder = (db, id) => {
  const d = db.get<{ sts_no: string; terminal_code: string; business_date: string; amount: number; bank_reference: string; deposited_at: string; by_user: string }>('SELECT * FROM deposits WHERE id = ?', [id]);
  if (!d) return null;
  const shifts = db.all<{ shift_id: string; amount: number }>('SELECT shift_id, amount FROM deposit_shifts WHERE deposit_id = ? ORDER BY shift_id', [id]);
  return {
    kind: 'deposit',
    id,
    data: { stsNo: d.sts_no, terminalCode: d.terminal_code, businessDate: d.business_date, amount: d.amount, bankReference: d.bank_reference, depositedAt: d.deposited_at, byUser: d.by_user, shifts: shifts.map((s) => ({ shiftId: s.shift_id, amount: s.amount })) },
  };
};

const audit: Builder = (db, id) => {
  const a = db.get<{ seq: number; at: string; actor_id: string | null; actor_name: string | null; action: string; entity: string; entity_id: string | null; before_json: string | null; after_json: string | null; prev_hash: string; hash: string }>(
    'SELECT * FROM audit_log WHERE id = ?',
    [id],
  );
  if (!a) return null;
  return {
    kind: 'audit',
    id,
    data: { seq: a.seq, at: a.at, actorId: a.actor_id, actorName: a.actor_name, action: a.action, entity: a.entity, entityId: a.entity_id, beforeJson: a.before_json, afterJson: a.after_json, prevHash: a.prev_hash, hash: a.hash },
  };
};

const BUILDERS: Record<string, Builder> = {
  bill,
  payment,
  void: voidRecord,
  transfer_verification: transferVerification,
  shift_closing: shiftClosing,
  deposit,
  audit,
  master: (db, id) => buildMasterRecord(db, id),
};

/** the push record of an outbox row, or null when its kind is unknown or its record is gone */
export function buildPushRecord(db: ReadApi, kind: string, recordId: string): PushRecord | null {
  const builder = BUILDERS[kind];
  return builder ? builder(db, recordId) : null;
}
