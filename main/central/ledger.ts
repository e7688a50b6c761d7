// The centre's view of bills: which are open (derived, never stored), what they cost today (the
// one amount-due function of shared/fines.ts, with the levy's rule, as of the WIB business date
// of the server's clock), and the gateway's host-to-host operations on them: inquiry, payment by
// IDPEL, QRIS, reversal. Every gateway payment and reversal also becomes an event terminals pull.
import { amountDue, DEFAULT_INTEREST, type InterestRule } from '../../shared/fines';
import { checkIdpel } from '../../shared/idpel';
import { businessDate } from '../../shared/time';
import type {
  GatewayInquiryResponse,
  GatewayItem,
  GatewayPaymentEvent,
  GatewayPaymentResponse,
  GatewayReversalEvent,
  GatewayReversalResponse,
  Qris,
} from '../../shared/central-api/types';
import { GATEWAY_CODES } from '../../shared/central-api/types';
import type { ReadApi, WriteTx } from '../store/types';
import { CentralError, isRecord, nextNumber } from './util';
import { qrisPayload } from './qris-payload';

/** SQL: the counter payment aliased `p` covers its bills (not voided, not a rejected transfer, not a mirror of a gateway payment) */
export function liveCounterPayment(p: string): string {
  return `NOT EXISTS (SELECT 1 FROM payment_voids v_ WHERE v_.payment_id = ${p}.id)
    AND NOT EXISTS (SELECT 1 FROM transfer_verifications t_ WHERE t_.payment_id = ${p}.id AND t_.decision = 'tolak')
    AND NOT (${p}.channel IN ('gateway','qris') AND ${p}.ntb IS NOT NULL AND EXISTS (SELECT 1 FROM gateway_payments g2_ WHERE g2_.ntb = ${p}.ntb))`;
}

/** SQL: the gateway payment aliased `g` is not reversed */
export function liveGatewayPayment(g: string): string {
  return `NOT EXISTS (SELECT 1 FROM gateway_reversals r_ WHERE r_.payment_id = ${g}.id)`;
}

/** SQL: the bill aliased `b` is open */
export function openBill(b: string): string {
  return `NOT EXISTS (SELECT 1 FROM payment_items pi_ JOIN payments pp_ ON pp_.id = pi_.payment_id WHERE pi_.bill_id = ${b}.id AND ${liveCounterPayment('pp_')})
    AND NOT EXISTS (SELECT 1 FROM gateway_items gi_ JOIN gateway_payments gp_ ON gp_.id = gi_.payment_id WHERE gi_.bill_id = ${b}.id AND ${liveGatewayPayment('gp_')})
    AND NOT EXISTS (SELECT 1 FROM bill_closures c_ WHERE c_.bill_id = ${b}.id)`;
}

export function masterData(db: ReadApi, entity: string, id: string): Record<string, unknown> | undefined {
  const row = db.get<{ data_json: string }>('SELECT data_json FROM master_records WHERE entity = ? AND id = ? AND deleted = 0', [entity, id]);
  if (!row) return undefined;
  const data: unknown = JSON.parse(row.data_json);
  return isRecord(data) ? data : undefined;
}

/** the interest rule of a levy from its master record; the national default where unknown */
export function levyRule(db: ReadApi, levyId: string): InterestRule {
  const data = masterData(db, 'levy', levyId) ?? {};
  const int = (v: unknown, min: number, max: number, fallback: number): number =>
    typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : fallback;
  const rounding = data.interestRounding;
  return {
    rateBp: int(data.interestRateBp, 0, 10_000, DEFAULT_INTEREST.rateBp),
    capMonths: int(data.interestCapMonths, 0, 600, DEFAULT_INTEREST.capMonths),
    rounding: rounding === 'floor' || rounding === 'round' || rounding === 'ceil' ? rounding : DEFAULT_INTEREST.rounding,
  };
}

interface BillRow {
  id: string;
  office_code: string;
  idpel: string;
  levy_id: string;
  payer_id: string;
  payer_name: string | null;
  skrd_no: string;
  period: string;
  due_date: string;
  principal: number;
}

export interface PricedBill extends GatewayItem {
  skrdNo: string;
  period: string;
  dueDate: string;
  officeCode: string;
}

function price(db: ReadApi, row: BillRow, asOf: string): PricedBill {
  const due = amountDue({ principal: row.principal, dueDate: row.due_date }, asOf, levyRule(db, row.levy_id));
  return {
    billId: row.id,
    skrdNo: row.skrd_no,
    period: row.period,
    dueDate: row.due_date,
    officeCode: row.office_code,
    principal: due.principal,
    fine: due.fine,
    fineMonths: due.months,
    amount: due.total,
  };
}

export function billById(db: ReadApi, id: string): BillRow | undefined {
  return db.get<BillRow>('SELECT * FROM bills WHERE id = ?', [id]);
}

export function isOpen(db: ReadApi, billId: string): boolean {
  return Boolean(db.get(`SELECT 1 AS x FROM bills b WHERE b.id = ? AND ${openBill('b')}`, [billId]));
}

/** open bills of an IDPEL, oldest first, priced for asOf */
export function openBillsOfIdpel(db: ReadApi, idpel: string, asOf: string): PricedBill[] {
  return db
    .all<BillRow>(`SELECT b.* FROM bills b WHERE b.idpel = ? AND ${openBill('b')} ORDER BY b.due_date, b.period, b.id`, [idpel])
    .map((row) => price(db, row, asOf));
}

/** an IDPEL is registered when the centre has a bill for it or a master record (object) that names it */
function isRegistered(db: ReadApi, idpel: string): boolean {
  if (db.get('SELECT 1 AS x FROM bills WHERE idpel = ? LIMIT 1', [idpel])) return true;
  return Boolean(db.get("SELECT 1 AS x FROM master_records WHERE deleted = 0 AND json_extract(data_json, '$.idpel') = ? LIMIT 1", [idpel]));
}

function payerNameOf(db: ReadApi, idpel: string): string {
  const bill = db.get<{ payer_id: string; payer_name: string | null }>('SELECT payer_id, payer_name FROM bills WHERE idpel = ? ORDER BY due_date DESC, id DESC LIMIT 1', [idpel]);
  if (bill?.payer_name) return bill.payer_name;
  const payer = bill ? masterData(db, 'payer', bill.payer_id) : undefined;
  return typeof payer?.name === 'string' && payer.name ? payer.name : '-';
}

function msg(code: keyof typeof GATEWAY_CODES): string {
  return GATEWAY_CODES[code];
}

export function inquiry(db: ReadApi, raw: string, now: Date): GatewayInquiryResponse {
  const day = businessDate(now);
  const check = checkIdpel(raw);
  const idpel = check.ok ? check.idpel : raw;
  if (!check.ok || !isRegistered(db, idpel)) return { code: '10', message: msg('10'), idpel, businessDate: day };
  const name = payerNameOf(db, idpel);
  const bills = openBillsOfIdpel(db, idpel, day);
  if (bills.length === 0) return { code: '13', message: msg('13'), idpel, businessDate: day, name };
  let principal = 0;
  let fine = 0;
  for (const b of bills) {
    principal += b.principal;
    fine += b.fine;
  }
  return { code: '00', message: msg('00'), idpel, businessDate: day, name, principal, fine, total: principal + fine, bills: bills.map(item) };
}

function item(b: PricedBill): GatewayItem {
  return { billId: b.billId, skrdNo: b.skrdNo, period: b.period, principal: b.principal, fine: b.fine, fineMonths: b.fineMonths, amount: b.amount };
}

interface GatewayPaymentRow {
  id: string;
  ntb: string;
  ntpd: string;
  channel: 'bank' | 'qris';
  idpel: string;
  payer_name: string;
  office_code: string;
  principal: number;
  fine: number;
  amount: number;
  paid_at: string;
  business_date: string;
  qris_id: string | null;
}

function gatewayItems(db: ReadApi, paymentId: string): GatewayItem[] {
  return db.all<GatewayItem>(
    'SELECT bill_id AS billId, skrd_no AS skrdNo, period, principal, fine, fine_months AS fineMonths, amount FROM gateway_items WHERE payment_id = ? ORDER BY rowid',
    [paymentId],
  );
}

function paymentAnswer(db: ReadApi, g: GatewayPaymentRow, duplicate: boolean): GatewayPaymentResponse {
  const out: GatewayPaymentResponse = {
    code: '00',
    message: msg('00'),
    ntb: g.ntb,
    idpel: g.idpel,
    ntpd: g.ntpd,
    paymentId: g.id,
    amount: g.amount,
    paidAt: g.paid_at,
    businessDate: g.business_date,
    items: gatewayItems(db, g.id),
  };
  if (g.qris_id) out.qrisId = g.qris_id;
  if (duplicate) out.duplicate = true;
  return out;
}

function byNtb(db: ReadApi, ntb: string): GatewayPaymentRow | undefined {
  return db.get<GatewayPaymentRow>('SELECT * FROM gateway_payments WHERE ntb = ?', [ntb]);
}

export interface LedgerCtx {
  now: Date;
  newId: () => string;
}

function recordGatewayPayment(
  tx: WriteTx,
  ctx: LedgerCtx,
  p: { ntb: string; channel: 'bank' | 'qris'; idpel: string; payerName: string; officeCode: string; items: GatewayItem[]; qrisId: string | null },
): GatewayPaymentRow {
  const id = ctx.newId();
  const paidAt = ctx.now.toISOString();
  const day = businessDate(ctx.now);
  const ntpd = `NTPD-${day.replaceAll('-', '')}-${String(nextNumber(tx, `ntpd:${day}`)).padStart(6, '0')}`;
  let principal = 0;
  let fine = 0;
  let amount = 0;
  for (const i of p.items) {
    principal += i.principal;
    fine += i.fine;
    amount += i.amount;
  }
  tx.run(
    `INSERT INTO gateway_payments (id, ntb, ntpd, channel, idpel, payer_name, office_code, principal, fine, amount, paid_at, business_date, qris_id)
     VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`,
    [id, p.ntb, ntpd, p.channel, p.idpel, p.payerName, p.officeCode, principal, fine, amount, paidAt, day, p.qrisId],
  );
  for (const i of p.items) {
    tx.run('INSERT INTO gateway_items (payment_id, bill_id, skrd_no, period, principal, fine, fine_months, amount) VALUES (?,?,?,?,?,?,?,?)', [
      id, i.billId, i.skrdNo ?? '', i.period ?? '', i.principal, i.fine, i.fineMonths, i.amount,
    ]);
  }
  const event: GatewayPaymentEvent = {
    type: 'payment',
    id,
    ntb: p.ntb,
    ntpd,
    channel: p.channel,
    idpel: p.idpel,
    payerName: p.payerName,
    principal,
    fine,
    amount,
    paidAt,
    businessDate: day,
    qrisId: p.qrisId,
    items: p.items,
  };
  appendEvent(tx, id, p.officeCode, event, paidAt);
  return { id, ntb: p.ntb, ntpd, channel: p.channel, idpel: p.idpel, payer_name: p.payerName, office_code: p.officeCode, principal, fine, amount, paid_at: paidAt, business_date: day, qris_id: p.qrisId };
}

function appendEvent(tx: WriteTx, id: string, officeCode: string, event: GatewayPaymentEvent | GatewayReversalEvent, at: string): void {
  const seq = nextNumber(tx, 'gateway_event_seq');
  tx.run('INSERT INTO gateway_events (seq, id, office_code, body_json, created_at) VALUES (?,?,?,?,?)', [seq, id, officeCode, JSON.stringify(event), at]);
}

/** payment by IDPEL: exact amount only, idempotent by NTB */
export function payByIdpel(tx: WriteTx, ctx: LedgerCtx, req: { idpel: string; amount: number; ntb: string }): GatewayPaymentResponse {
  const previous = byNtb(tx, req.ntb);
  if (previous) {
    const check = checkIdpel(req.idpel);
    const same = previous.channel === 'bank' && check.ok && previous.idpel === check.idpel && previous.amount === req.amount;
    return same ? paymentAnswer(tx, previous, true) : { code: '94', message: msg('94'), ntb: req.ntb };
  }
  const inq = inquiry(tx, req.idpel, ctx.now);
  if (inq.code !== '00') return { code: inq.code, message: inq.message, ntb: req.ntb, idpel: inq.idpel };
  if (req.amount !== inq.total) {
    return { code: '14', message: `${msg('14')}: harus Rp ${inq.total}`, ntb: req.ntb, idpel: inq.idpel, amount: req.amount, expectedAmount: inq.total ?? 0 };
  }
  const bills = openBillsOfIdpel(tx, inq.idpel, businessDate(ctx.now));
  const officeCode = bills[0]?.officeCode ?? '';
  const row = recordGatewayPayment(tx, ctx, {
    ntb: req.ntb, channel: 'bank', idpel: inq.idpel, payerName: inq.name ?? '-', officeCode, items: bills.map(item), qrisId: null,
  });
  return paymentAnswer(tx, row, false);
}

interface QrisRow {
  id: string;
  bill_id: string;
  idpel: string;
  office_code: string;
  terminal_id: string;
  principal: number;
  fine: number;
  fine_months: number;
  amount: number;
  payload: string;
  created_at: string;
  expires_at: string;
  payment_id: string | null;
}

function qrisStatus(db: ReadApi, q: QrisRow, now: Date): Qris['status'] {
  if (q.payment_id) {
    return db.get('SELECT 1 AS x FROM gateway_reversals WHERE payment_id = ?', [q.payment_id]) ? 'reversed' : 'paid';
  }
  return now.toISOString() >= q.expires_at ? 'expired' : 'pending';
}

function qrisOut(db: ReadApi, q: QrisRow, now: Date): Qris {
  const paid = q.payment_id ? db.get<{ paid_at: string; ntb: string }>('SELECT paid_at, ntb FROM gateway_payments WHERE id = ?', [q.payment_id]) : undefined;
  return {
    qrisId: q.id,
    billId: q.bill_id,
    idpel: q.idpel,
    principal: q.principal,
    fine: q.fine,
    fineMonths: q.fine_months,
    amount: q.amount,
    payload: q.payload,
    status: qrisStatus(db, q, now),
    createdAt: q.created_at,
    expiresAt: q.expires_at,
    paidAt: paid?.paid_at ?? null,
    ntb: paid?.ntb ?? null,
  };
}

export function qrisById(db: ReadApi, id: string, now: Date, officeCode?: string): Qris | undefined {
  const q = db.get<QrisRow>('SELECT * FROM qris WHERE id = ?', [id]);
  if (!q || (officeCode !== undefined && q.office_code !== officeCode)) return undefined;
  return qrisOut(db, q, now);
}

export interface QrisSettings {
  ttlMinutes: number;
  merchantName: string;
  merchantCity: string;
  nmid: string;
}

/** a dynamic QRIS for one open bill; while one is pending for the bill, that one is returned */
export function createQris(
  tx: WriteTx,
  ctx: LedgerCtx,
  settings: QrisSettings,
  terminal: { id: string; officeCode: string },
  billId: string,
): { created: boolean; qris: Qris } {
  const bill = billById(tx, billId);
  if (!bill || bill.office_code !== terminal.officeCode) {
    throw new CentralError(404, 'BILL_NOT_FOUND', 'Tagihan tidak ditemukan di pusat: kirim tagihan itu lebih dulu (push), lalu ulangi.');
  }
  if (!isOpen(tx, billId)) throw new CentralError(409, 'BILL_NOT_OPEN', `Tagihan ${bill.skrd_no} tidak terbuka (sudah dibayar atau ditutup).`);
  const nowIso = ctx.now.toISOString();
  const pending = tx.get<QrisRow>('SELECT * FROM qris WHERE bill_id = ? AND payment_id IS NULL AND expires_at > ? ORDER BY created_at DESC LIMIT 1', [billId, nowIso]);
  if (pending) return { created: false, qris: qrisOut(tx, pending, ctx.now) };
  const day = businessDate(ctx.now);
  const priced = price(tx, bill, day);
  const id = `QR${day.replaceAll('-', '')}${String(nextNumber(tx, `qris:${day}`)).padStart(6, '0')}`;
  const expiresAt = new Date(ctx.now.getTime() + settings.ttlMinutes * 60_000).toISOString();
  const payload = qrisPayload({ qrisId: id, amount: priced.amount, billRef: bill.skrd_no, merchantName: settings.merchantName, merchantCity: settings.merchantCity, nmid: settings.nmid });
  tx.run(
    `INSERT INTO qris (id, bill_id, idpel, office_code, terminal_id, principal, fine, fine_months, amount, payload, created_at, expires_at, payment_id)
     VALUES (?,?,?,?,?,?,?,?,?,?,?,?,NULL)`,
    [id, billId, bill.idpel, bill.office_code, terminal.id, priced.principal, priced.fine, priced.fineMonths, priced.amount, payload, nowIso, expiresAt],
  );
  const row = tx.get<QrisRow>('SELECT * FROM qris WHERE id = ?', [id]) as QrisRow;
  return { created: true, qris: qrisOut(tx, row, ctx.now) };
}

/** the acquirer's notice that a QRIS was paid: exact amount, before expiry, idempotent by NTB */
export function payQris(tx: WriteTx, ctx: LedgerCtx, req: { qrisId: string; amount: number; ntb: string }): GatewayPaymentResponse {
  const previous = byNtb(tx, req.ntb);
  if (previous) {
    const same = previous.channel === 'qris' && previous.qris_id === req.qrisId && previous.amount === req.amount;
    return same ? paymentAnswer(tx, previous, true) : { code: '94', message: msg('94'), ntb: req.ntb };
  }
  const q = tx.get<QrisRow>('SELECT * FROM qris WHERE id = ?', [req.qrisId]);
  if (!q) return { code: '15', message: `${msg('15')}: QRIS ${req.qrisId}`, ntb: req.ntb, qrisId: req.qrisId };
  if (q.payment_id) return { code: '13', message: `${msg('13')} (QRIS ini sudah dibayar)`, ntb: req.ntb, idpel: q.idpel, qrisId: q.id };
  if (ctx.now.toISOString() >= q.expires_at) return { code: '17', message: msg('17'), ntb: req.ntb, idpel: q.idpel, qrisId: q.id };
  if (!isOpen(tx, q.bill_id)) return { code: '13', message: msg('13'), ntb: req.ntb, idpel: q.idpel, qrisId: q.id };
  if (req.amount !== q.amount) {
    return { code: '14', message: `${msg('14')}: harus Rp ${q.amount}`, ntb: req.ntb, idpel: q.idpel, qrisId: q.id, amount: req.amount, expectedAmount: q.amount };
  }
  const bill = billById(tx, q.bill_id) as BillRow;
  const row = recordGatewayPayment(tx, ctx, {
    ntb: req.ntb,
    channel: 'qris',
    idpel: q.idpel,
    payerName: payerNameOf(tx, q.idpel),
    officeCode: q.office_code,
    items: [{ billId: q.bill_id, skrdNo: bill.skrd_no, period: bill.period, principal: q.principal, fine: q.fine, fineMonths: q.fine_months, amount: q.amount }],
    qrisId: q.id,
  });
  tx.run('UPDATE qris SET payment_id = ? WHERE id = ?', [row.id, q.id]);
  return paymentAnswer(tx, row, false);
}

/** reversal by NTB: same business day only; reopens the bills; idempotent */
export function reverse(tx: WriteTx, ctx: LedgerCtx, req: { ntb: string; reason?: string }): GatewayReversalResponse {
  const g = byNtb(tx, req.ntb);
  if (!g) return { code: '15', message: `${msg('15')}: NTB ${req.ntb}`, ntb: req.ntb };
  const done = tx.get<{ reversed_at: string; business_date: string }>('SELECT reversed_at, business_date FROM gateway_reversals WHERE payment_id = ?', [g.id]);
  if (done) return { code: '00', message: `${msg('00')} (sudah dibatalkan sebelumnya)`, ntb: req.ntb, reversedAt: done.reversed_at, businessDate: done.business_date, duplicate: true };
  const day = businessDate(ctx.now);
  if (day !== g.business_date) {
    return { code: '16', message: `${msg('16')}: dibayar pada ${g.business_date}, hari ini ${day}`, ntb: req.ntb };
  }
  const id = ctx.newId();
  const at = ctx.now.toISOString();
  const reason = req.reason?.trim() || 'pembatalan oleh bank';
  tx.run('INSERT INTO gateway_reversals (id, payment_id, reversed_at, business_date, reason) VALUES (?,?,?,?,?)', [id, g.id, at, day, reason]);
  const event: GatewayReversalEvent = {
    type: 'reversal',
    id,
    ntb: g.ntb,
    paymentId: g.id,
    idpel: g.idpel,
    amount: g.amount,
    reversedAt: at,
    businessDate: day,
    reason,
    items: gatewayItems(tx, g.id),
  };
  appendEvent(tx, id, g.office_code, event, at);
  return { code: '00', message: msg('00'), ntb: req.ntb, reversedAt: at, businessDate: day };
}

export interface SettlementRow {
  businessDate: string;
  paidAt: string;
  ntb: string;
  ntpd: string;
  channel: string;
  idpel: string;
  payerName: string;
  billIds: string;
  principal: number;
  fine: number;
  amount: number;
  reversedAt: string | null;
}

export function settlementRows(db: ReadApi, day: string, officeCode?: string): SettlementRow[] {
  return db.all<SettlementRow>(
    `SELECT g.business_date AS businessDate, g.paid_at AS paidAt, g.ntb, g.ntpd, g.channel, g.idpel, g.payer_name AS payerName,
            (SELECT group_concat(bill_id, ';') FROM (SELECT bill_id FROM gateway_items WHERE payment_id = g.id ORDER BY rowid)) AS billIds,
            g.principal, g.fine, g.amount, r.reversed_at AS reversedAt
       FROM gateway_payments g LEFT JOIN gateway_reversals r ON r.payment_id = g.id
      WHERE g.business_date = ? AND (?2 IS NULL OR g.office_code = ?2)
      ORDER BY g.paid_at, g.ntb`,
    [day, officeCode ?? null],
  );
}
