// Operations of the counter day: shifts, cash and transfer payments, receipts and their prints,
// voids with a supervisor's approval, transfer verification, deposits (STS), the daily report.
import { createHash } from 'node:crypto';
import { AppError } from '../../shared/errors';
import { formatRupiah } from '../../shared/money';
import { businessDate, formatWib } from '../../shared/time';
import type { CounterSettings, DailyReport, DepositView, Receipt, TransferRow, VoidRequestRow } from '../../shared/contract/counter';
import type { OpenBill } from '../../shared/contract/billing';
import { auditCaller } from '../audit/caller';
import { readMeta } from '../office/meta';
import { callerOf, type CallCtx, type HandlersFor, type Services } from '../api/context';
import { verifyPassword } from '../auth/password';
import { findUserByUsername } from '../auth/users';
import { chosenBill, compareBills, openBillRowsOfIdpel, skippedOpenBill, toOpenBill, type OpenBillOfIdpel } from '../billing/due';
import { objectLabelOf } from '../billing/objects';
import { requireIdpel } from '../billing/inquiry';
import { blocklistMonths } from '../billing/arrears';
import { livePaymentCondition, receivedPaymentCondition } from '../billing/status';
import { nextNumber } from '../billing/runs';
import type { ReadApi, WriteTx } from '../store/types';
import { assembleReceipt, buildReceipt, paymentStatus, recordReceiptPrint } from './receipts';
import { closingReport, countDenominations, listShifts, openShiftIdOf, openShiftOf, shiftById } from './shifts';
import { parseVerification, verificationString } from './signing';
import { enqueue } from '../sync/outbox';


/** the setting that lets the counter take a newer month before an older one (off by default) */
function allowsSkippingOlderBills(db: ReadApi): boolean {
  return readMeta(db, 'allow_skip_older_bills', '0') === '1';
}

export function counterSettings(db: ReadApi): CounterSettings {
  return {
    allowSkipOlderBills: allowsSkippingOlderBills(db),
    shiftDifferenceLimit: Number(readMeta(db, 'shift_difference_limit', '10000')),
    transferMaxBytes: Number(readMeta(db, 'transfer_max_bytes', '5242880')),
    blocklistMonths: blocklistMonths(db),
  };
}


function receiptNumber(tx: WriteTx, terminal: string, day: string): string {
  const n = nextNumber(tx, `receipt:${terminal}:${day}`);
  return `${terminal}-${day.replaceAll('-', '')}-${String(n).padStart(4, '0')}`;
}

/** the receipt that already covers a bill (live payment), for the "already paid" message */
function coveringPayment(db: ReadApi, billId: string): { receiptNo: string; channel: string; verified: number } | undefined {
  return db.get(
    `SELECT p.receipt_no AS receiptNo, p.channel,
            EXISTS (SELECT 1 FROM transfer_verifications t WHERE t.payment_id = p.id AND t.decision = 'terima') AS verified
       FROM payment_items i JOIN payments p ON p.id = i.payment_id WHERE i.bill_id = ? AND ${livePaymentCondition('p')} LIMIT 1`,
    [billId],
  );
}

interface PreparedPayment {
  payerId: string;
  payerName: string;
  payerAddress: string | null;
  idpel: string;
  objectLabel: string;
  /** the chosen bills priced for today, oldest first */
  bills: OpenBill[];
  total: number;
}

/** why a chosen bill cannot be paid (it is not open): the error the clerk sees */
function notOpenError(db: ReadApi, billId: string, period: string): AppError {
  const covering = coveringPayment(db, billId);
  if (covering?.channel === 'transfer' && !covering.verified) return new AppError('PENDING_TRANSFER', { period, receiptNo: covering.receiptNo });
  if (covering) return new AppError('ALREADY_PAID', { period, receiptNo: covering.receiptNo });
  return new AppError('CONFLICT', { detail: `Tagihan ${period} tidak terbuka (dibatalkan atau dihapuskan).` });
}

/** why a chosen bill is not among the IDPEL's open bills: not this IDPEL's, paid, waiting, or ended */
function notPayableError(db: ReadApi, billId: string, idpel: string): AppError {
  const bill = chosenBill(db, billId);
  if (!bill || bill.idpel !== idpel) return new AppError('NOT_FOUND', { what: 'Tagihan untuk IDPEL ini' });
  return notOpenError(db, billId, bill.row.period);
}

/**
 * Checks a selection of bills and prices it with the one amount-due function, as of today.
 * Runs inside the write transaction, so nothing can pay the same bill between check and write.
 * The IDPEL's open bills are one short range of open_bills: the chosen ones must be among them,
 * and (oldest first) no open bill older than the newest chosen one may be left out.
 */
function prepare(db: ReadApi, services: Services, idpelRaw: string, billIds: readonly string[]): PreparedPayment {
  const object = requireIdpel(db, idpelRaw);
  const today = businessDate(services.now());
  const chosenIds = new Set(billIds);
  if (chosenIds.size !== billIds.length) throw new AppError('INVALID_INPUT', { detail: 'tagihan yang sama dipilih dua kali' });
  const open = openBillRowsOfIdpel(db, object.idpel);
  const chosen: OpenBillOfIdpel[] = [];
  for (const id of billIds) {
    const bill = open.find((b) => b.id === id);
    if (!bill) throw notPayableError(db, id, object.idpel);
    chosen.push(bill);
  }
  chosen.sort(compareBills);
  if (!allowsSkippingOlderBills(db)) {
    const skipped = skippedOpenBill(open, chosenIds);
    if (skipped) throw new AppError('SKIP_OLDER', { period: skipped.period });
  }
  const bills = chosen.map((b) => toOpenBill(db, b, today));
  const first = chosen[0];
  const objectLabel =
    !first || (first.objectType === object.objectType && first.objectId === object.objectId) ? object.objectLabel : objectLabelOf(db, first.objectType, first.objectId);
  return {
    payerId: object.payerId,
    payerName: object.payerName,
    payerAddress: object.payerAddress,
    idpel: object.idpel,
    objectLabel,
    bills,
    total: bills.reduce((s, b) => s + b.total, 0),
  };
}

/** writes the payment and everything that goes with it; returns its receipt, made from the values written */
function insertPayment(
  tx: WriteTx,
  ctx: CallCtx,
  p: PreparedPayment,
  opts: { requestId: string; channel: 'tunai' | 'transfer'; tendered: number | null; shiftId: string | null; bankReference: string | null },
): Receipt {
  const { services } = ctx;
  const now = services.now();
  const paidAt = now.toISOString();
  const day = businessDate(now);
  const terminal = services.config.terminalCode;
  const clerk = callerOf(ctx).user;
  const paymentId = services.newId();
  const receiptNo = receiptNumber(tx, terminal, day);
  const change = opts.tendered === null ? null : opts.tendered - p.total;
  tx.run(
    `INSERT INTO payments (id, receipt_no, terminal_code, business_date, paid_at, channel, payer_id, total, tendered, change_given, clerk_id, shift_id, ntb, created_at)
     VALUES (?,?,?,?,?,?,?,?,?,?,?,?,NULL,?)`,
    [paymentId, receiptNo, terminal, day, paidAt, opts.channel, p.payerId, p.total, opts.tendered, change, clerk.id, opts.shiftId, paidAt],
  );
  for (const bill of p.bills) {
    tx.run('INSERT INTO payment_items (id, payment_id, bill_id, principal, fine, amount, fine_months) VALUES (?,?,?,?,?,?,?)', [
      services.newId(), paymentId, bill.billId, bill.principal, bill.fine, bill.total, bill.fineMonths,
    ]);
  }
  tx.run('INSERT INTO payment_requests (request_id, payment_id) VALUES (?, ?)', [opts.requestId, paymentId]);
  const verification = verificationString(services.signer, { r: receiptNo, t: terminal, d: paidAt, a: p.total, i: p.idpel });
  tx.run('INSERT INTO payment_signatures (payment_id, payload, signature, key_id) VALUES (?,?,?,?)', [paymentId, verification.split('.').slice(0, 2).join('.'), verification, services.signer.keyId]);
  enqueue(tx, 'payment', paymentId, paidAt);
  auditCaller(ctx, tx, opts.channel === 'tunai' ? 'payment.cash' : 'payment.transfer', 'payment', paymentId, undefined, {
    receiptNo, idpel: p.idpel, total: p.total, tendered: opts.tendered, change,
    items: p.bills.map((b) => ({ billId: b.billId, principal: b.principal, fine: b.fine, fineMonths: b.fineMonths, total: b.total })),
  });
  return assembleReceipt(tx, {
    paymentId,
    receiptNo,
    businessDate: day,
    paidAt,
    channel: opts.channel,
    status: opts.channel === 'tunai' ? 'sah' : 'menunggu_verifikasi',
    terminalCode: terminal,
    clerkName: clerk.fullName,
    payerName: p.payerName,
    payerAddress: p.payerAddress,
    idpel: p.idpel,
    objectLabel: p.objectLabel,
    items: p.bills.map((b) => ({
      billId: b.billId, skrdNo: b.skrdNo, levyName: b.levyName, period: b.period, dueDate: b.dueDate,
      principal: b.principal, fineMonths: b.fineMonths, fine: b.fine, amount: b.total, lines: b.lines,
    })),
    total: p.total,
    tendered: opts.tendered,
    change,
    bankReference: opts.bankReference,
    verification,
    printCount: 0,
    void: null,
  });
}

function replayed(db: ReadApi, requestId: string): string | undefined {
  return db.get<{ payment_id: string }>('SELECT payment_id FROM payment_requests WHERE request_id = ?', [requestId])?.payment_id;
}

function requireOpenShift(ctx: CallCtx): { id: string } {
  const caller = callerOf(ctx);
  const shift = openShiftIdOf(ctx.services.store, caller.user.id, ctx.services.config.terminalCode);
  if (!shift) throw new AppError('SHIFT_REQUIRED');
  if (shift.businessDate < businessDate(ctx.services.now())) throw new AppError('SHIFT_STALE', { date: shift.businessDate });
  return shift;
}

const PROOF_TYPES: Record<string, Uint8Array[]> = {
  'image/jpeg': [Uint8Array.from([0xff, 0xd8, 0xff])],
  'image/png': [Uint8Array.from([0x89, 0x50, 0x4e, 0x47])],
  'application/pdf': [Uint8Array.from([0x25, 0x50, 0x44, 0x46])],
};

/** checks the declared type against the file's own first bytes and the size limit */
export function checkProof(mime: string, base64: string, maxBytes: number): Buffer | string {
  const signatures = PROOF_TYPES[mime];
  if (!signatures) return 'hanya JPG, PNG atau PDF';
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) return 'isi berkas rusak';
  const data = Buffer.from(base64, 'base64');
  if (data.length === 0) return 'berkas kosong';
  if (data.length > maxBytes) return `ukuran ${Math.ceil(data.length / 1024)} KB melebihi batas ${Math.floor(maxBytes / 1024)} KB`;
  if (!signatures.some((sig) => sig.every((byte, i) => data[i] === byte))) return `isi berkas bukan ${mime}`;
  return data;
}

function transferRows(db: ReadApi, pendingOnly: boolean): TransferRow[] {
  return db
    .all<{
      paymentId: string; receiptNo: string; payerName: string; idpel: string; total: number; bankReference: string; fileName: string; mime: string; size: number;
      recordedBy: string | null; recordedAt: string; decision: 'terima' | 'tolak' | null; decidedBy: string | null; decidedAt: string | null; note: string | null;
    }>(
      `SELECT p.id AS paymentId, p.receipt_no AS receiptNo, py.name AS payerName,
              (SELECT b.idpel FROM payment_items i JOIN bills b ON b.id = i.bill_id WHERE i.payment_id = p.id LIMIT 1) AS idpel,
              p.total, tp.bank_reference AS bankReference, tp.file_name AS fileName, tp.mime, tp.size, u.full_name AS recordedBy, p.paid_at AS recordedAt,
              tv.decision, du.full_name AS decidedBy, tv.decided_at AS decidedAt, tv.note
         FROM payments p JOIN transfer_proofs tp ON tp.payment_id = p.id JOIN payers py ON py.id = p.payer_id
         LEFT JOIN users u ON u.id = p.clerk_id LEFT JOIN transfer_verifications tv ON tv.payment_id = p.id LEFT JOIN users du ON du.id = tv.decided_by
        WHERE (?1 = 0 OR tv.payment_id IS NULL) ORDER BY p.paid_at DESC LIMIT 200`,
      [pendingOnly ? 1 : 0],
    )
    .map(({ decision, decidedBy, decidedAt, note, ...r }) => ({
      ...r,
      decision: decision ? { decision, by: decidedBy ?? '', at: decidedAt ?? '', note } : null,
    }));
}

function voidRows(db: ReadApi, where: string, params: (string | number)[]): VoidRequestRow[] {
  return db
    .all<{
      id: string; paymentId: string; receiptNo: string; total: number; payerName: string; reason: string; requestedBy: string; requestedById: string; requestedAt: string;
      decision: 'setuju' | 'tolak' | null; decidedBy: string | null; decidedAt: string | null; note: string | null;
    }>(
      `SELECT r.id, r.payment_id AS paymentId, p.receipt_no AS receiptNo, p.total, py.name AS payerName, r.reason, u.full_name AS requestedBy,
              r.requested_by AS requestedById, r.requested_at AS requestedAt, d.decision, du.full_name AS decidedBy, d.decided_at AS decidedAt, d.note
         FROM void_requests r JOIN payments p ON p.id = r.payment_id JOIN payers py ON py.id = p.payer_id JOIN users u ON u.id = r.requested_by
         LEFT JOIN void_decisions d ON d.request_id = r.id LEFT JOIN users du ON du.id = d.decided_by
        ${where} ORDER BY r.requested_at DESC LIMIT 200`,
      params,
    )
    .map(({ decision, decidedBy, decidedAt, note, ...r }) => ({ ...r, decision: decision ? { decision, by: decidedBy ?? '', at: decidedAt ?? '', note } : null }));
}

function depositView(db: ReadApi, terminal: string): DepositView {
  const undeposited = db.all<{ shiftId: string; clerkName: string; businessDate: string; cash: number }>(
    `SELECT s.id AS shiftId, u.full_name AS clerkName, s.business_date AS businessDate, c.counted_cash - s.opening_cash AS cash
       FROM shifts s JOIN shift_closings c ON c.shift_id = s.id JOIN users u ON u.id = s.clerk_id
      WHERE s.terminal_code = ? AND NOT EXISTS (SELECT 1 FROM deposit_shifts ds WHERE ds.shift_id = s.id) ORDER BY s.opened_at`,
    [terminal],
  );
  const deposits = db.all<DepositView['deposits'][number]>(
    `SELECT d.id, d.sts_no AS stsNo, d.amount, d.bank_reference AS bankReference, d.deposited_at AS depositedAt, u.full_name AS byName,
            (SELECT count(*) FROM deposit_shifts ds WHERE ds.deposit_id = d.id) AS shifts
       FROM deposits d JOIN users u ON u.id = d.by_user WHERE d.terminal_code = ? ORDER BY d.deposited_at DESC LIMIT 100`,
    [terminal],
  );
  return { cashOnHand: undeposited.reduce((s, x) => s + Math.max(0, x.cash), 0), undepositedShifts: undeposited, deposits };
}

async function checkApproval(db: ReadApi, approval: { username: string; password: string } | undefined, notUserId: string): Promise<string | null> {
  if (!approval) return null;
  const user = findUserByUsername(db, approval.username);
  const ok = await verifyPassword(approval.password, user?.password_hash ?? 'x');
  if (!user || !ok) throw new AppError('APPROVAL_INVALID', { detail: 'nama pengguna atau kata sandi kepala UPTD salah' });
  if (user.role !== 'kepala') throw new AppError('APPROVAL_INVALID', { detail: 'hanya kepala UPTD yang dapat menyetujui' });
  if (user.id === notUserId) throw new AppError('SELF_APPROVAL');
  return user.id;
}

export const counterHandlers: HandlersFor<
  | 'shift.current' | 'shift.open' | 'shift.close' | 'shift.report' | 'shift.list'
  | 'payment.cash' | 'payment.transfer' | 'transfer.list' | 'transfer.proof' | 'transfer.verify'
  | 'receipt.get' | 'receipt.printed' | 'receipt.verify' | 'payment.recent'
  | 'void.request' | 'void.list' | 'void.decide' | 'deposit.status' | 'deposit.create' | 'report.daily'
  | 'settings.counter' | 'settings.counter.save'
> = {
  'shift.current': (ctx) => openShiftOf(ctx.services.store, callerOf(ctx).user.id, ctx.services.config.terminalCode, ctx.services.now()),

  'shift.open': (ctx, input) => {
    const { services } = ctx;
    const caller = callerOf(ctx);
    const id = services.newId();
    services.store.write((tx) => {
      const existing = openShiftOf(tx, caller.user.id, services.config.terminalCode, services.now());
      if (existing) throw new AppError('SHIFT_ALREADY_OPEN', { openedAt: formatWib(existing.openedAt).replace(' WIB', '') });
      const now = services.now();
      tx.run('INSERT INTO shifts (id, terminal_code, clerk_id, business_date, opened_at, opening_cash) VALUES (?,?,?,?,?,?)', [
        id, services.config.terminalCode, caller.user.id, businessDate(now), now.toISOString(), input.openingCash,
      ]);
      auditCaller(ctx, tx, 'shift.open', 'shift', id, undefined, { openingCash: input.openingCash, terminal: services.config.terminalCode });
    });
    const view = shiftById(services.store, id, services.now());
    if (!view) throw new AppError('NOT_FOUND', { what: 'Shift' });
    return view;
  },

  'shift.close': async (ctx, input) => {
    const { services } = ctx;
    const { store } = services;
    const caller = callerOf(ctx);
    const shift = shiftById(store, input.shiftId, services.now());
    if (!shift) throw new AppError('NOT_FOUND', { what: 'Shift' });
    const owner = store.get<{ clerk_id: string }>('SELECT clerk_id FROM shifts WHERE id = ?', [shift.id]);
    if (owner?.clerk_id !== caller.user.id && caller.user.role === 'petugas') throw new AppError('FORBIDDEN', { role: 'Petugas loket lain' });
    if (shift.closed) throw new AppError('SHIFT_CLOSED');
    const counted = countDenominations(input.denominations);
    if (typeof counted === 'string') throw new AppError('INVALID_INPUT', { detail: counted }, { denominations: counted });
    const pendingVoids = store.get<{ n: number }>(
      'SELECT count(*) AS n FROM void_requests r JOIN payments p ON p.id = r.payment_id WHERE p.shift_id = ? AND NOT EXISTS (SELECT 1 FROM void_decisions d WHERE d.request_id = r.id)',
      [shift.id],
    )?.n ?? 0;
    if (pendingVoids > 0) throw new AppError('SHIFT_PENDING_VOIDS', { count: String(pendingVoids) });
    const countedCash = counted.reduce((s, d) => s + d.amount, 0);
    const difference = countedCash - shift.expectedCash;
    const limit = counterSettings(store).shiftDifferenceLimit;
    const approver = await checkApproval(store, input.approval, caller.user.id);
    if (Math.abs(difference) > limit && !approver) {
      throw new AppError('APPROVAL_REQUIRED', { difference: formatRupiah(difference), limit: formatRupiah(limit) });
    }
    store.write((tx) => {
      // the expected cash again, inside the transaction: a payment may have landed meanwhile
      const fresh = shiftById(tx, shift.id, services.now());
      if (!fresh || fresh.closed) throw new AppError('SHIFT_CLOSED');
      const diff = countedCash - fresh.expectedCash;
      if (Math.abs(diff) > limit && !approver) throw new AppError('APPROVAL_REQUIRED', { difference: formatRupiah(diff), limit: formatRupiah(limit) });
      tx.run(
        'INSERT INTO shift_closings (shift_id, closed_at, denominations_json, counted_cash, expected_cash, difference, note, approved_by) VALUES (?,?,?,?,?,?,?,?)',
        [shift.id, services.now().toISOString(), JSON.stringify(counted), countedCash, fresh.expectedCash, diff, input.note ?? null, approver],
      );
      enqueue(tx, 'shift_closing', shift.id, services.now().toISOString());
      auditCaller(ctx, tx, 'shift.close', 'shift', shift.id, { expectedCash: fresh.expectedCash }, { countedCash, difference: diff, approvedBy: approver });
    });
    const report = closingReport(store, shift.id, services.now());
    if (!report) throw new AppError('NOT_FOUND', { what: 'Shift' });
    return report;
  },

  'shift.report': ({ services }, input) => {
    const report = closingReport(services.store, input.shiftId, services.now());
    if (!report) throw new AppError('NOT_FOUND', { what: 'Shift' });
    return report;
  },

  'shift.list': ({ services }, input) => listShifts(services.store, services.now(), input.date),

  'payment.cash': (ctx, input) => {
    const { services } = ctx;
    const { store } = services;
    const again = replayed(store, input.requestId);
    if (again) return buildReceipt(store, again);
    const shift = requireOpenShift(ctx);
    return store.write((tx) => {
      const prepared = prepare(tx, services, input.idpel, input.billIds);
      if (input.tendered < prepared.total) {
        throw new AppError('INSUFFICIENT_CASH', { tendered: formatRupiah(input.tendered), total: formatRupiah(prepared.total) }, { tendered: 'Kurang dari total' });
      }
      return insertPayment(tx, ctx, prepared, { requestId: input.requestId, channel: 'tunai', tendered: input.tendered, shiftId: shift.id, bankReference: null });
    });
  },

  'payment.transfer': (ctx, input) => {
    const { services } = ctx;
    const { store } = services;
    const again = replayed(store, input.requestId);
    if (again) return buildReceipt(store, again);
    const proof = checkProof(input.proof.mime, input.proof.base64, counterSettings(store).transferMaxBytes);
    if (typeof proof === 'string') throw new AppError('PROOF_INVALID', { detail: proof }, { proof });
    const shift = openShiftIdOf(store, callerOf(ctx).user.id, services.config.terminalCode);
    return store.write((tx) => {
      const prepared = prepare(tx, services, input.idpel, input.billIds);
      const receipt = insertPayment(tx, ctx, prepared, { requestId: input.requestId, channel: 'transfer', tendered: null, shiftId: shift?.id ?? null, bankReference: input.bankReference });
      tx.run('INSERT INTO transfer_proofs (payment_id, file_name, mime, size, sha256, data, bank_reference) VALUES (?,?,?,?,?,?,?)', [
        receipt.paymentId, input.proof.fileName, input.proof.mime, proof.length, createHash('sha256').update(proof).digest('hex'), new Uint8Array(proof), input.bankReference,
      ]);
      return receipt;
    });
  },

  'transfer.list': ({ services }, input) => transferRows(services.store, input.pendingOnly),

  'transfer.proof': ({ services }, input) => {
    const row = services.store.get<{ file_name: string; mime: string; data: Uint8Array }>('SELECT file_name, mime, data FROM transfer_proofs WHERE payment_id = ?', [input.paymentId]);
    if (!row) throw new AppError('NOT_FOUND', { what: 'Bukti transfer' });
    return { fileName: row.file_name, mime: row.mime, base64: Buffer.from(row.data).toString('base64') };
  },

  'transfer.verify': (ctx, input) => {
    const { services } = ctx;
    const { store } = services;
    store.write((tx) => {
      if (!tx.get('SELECT 1 AS x FROM transfer_proofs WHERE payment_id = ?', [input.paymentId])) throw new AppError('NOT_FOUND', { what: 'Pembayaran transfer' });
      if (tx.get('SELECT 1 AS x FROM transfer_verifications WHERE payment_id = ?', [input.paymentId])) throw new AppError('CONFLICT', { detail: 'Transfer ini sudah diverifikasi.' });
      if (input.decision === 'tolak' && !input.note) throw new AppError('INVALID_INPUT', { detail: 'alasan penolakan wajib diisi' }, { note: 'Tulis alasan penolakan' });
      tx.run('INSERT INTO transfer_verifications (payment_id, decision, decided_by, decided_at, note) VALUES (?,?,?,?,?)', [
        input.paymentId, input.decision, callerOf(ctx).user.id, services.now().toISOString(), input.note ?? null,
      ]);
      enqueue(tx, 'transfer_verification', input.paymentId, services.now().toISOString());
      auditCaller(ctx, tx, `transfer.${input.decision}`, 'payment', input.paymentId, { status: 'menunggu_verifikasi' }, { decision: input.decision, note: input.note ?? null });
    });
    const row = transferRows(store, false).find((r) => r.paymentId === input.paymentId);
    if (!row) throw new AppError('NOT_FOUND', { what: 'Pembayaran transfer' });
    return row;
  },

  'receipt.get': ({ services }, input) => {
    const { store } = services;
    const id = input.paymentId ?? store.get<{ id: string }>('SELECT id FROM payments WHERE receipt_no = ?', [input.receiptNo ?? ''])?.id;
    if (!id) throw new AppError('NOT_FOUND', { what: 'Kuitansi' });
    return buildReceipt(store, id);
  },

  'receipt.printed': (ctx, input) => {
    const { services } = ctx;
    const copyNo = services.store.write((tx) => {
      if (!tx.get('SELECT 1 AS x FROM payments WHERE id = ?', [input.paymentId])) throw new AppError('NOT_FOUND', { what: 'Pembayaran' });
      const n = recordReceiptPrint(tx, { id: services.newId(), paymentId: input.paymentId, paper: input.paper, by: callerOf(ctx).user.id, at: services.now().toISOString() });
      if (n > 1) auditCaller(ctx, tx, 'receipt.reprint', 'payment', input.paymentId, undefined, { copyNo: n, paper: input.paper });
      return n;
    });
    return { copyNo, isCopy: copyNo > 1 };
  },

  'receipt.verify': ({ services }, input) => {
    const parsed = parseVerification(input.verification);
    if (!parsed) return { valid: false, reason: 'Kode QR bukan kuitansi E-Retribusi.' };
    if (!services.signer.verify(parsed.signed, parsed.signature, parsed.claim.k)) {
      return { valid: false, reason: parsed.claim.k === services.signer.keyId ? 'Tanda tangan tidak cocok: kuitansi palsu atau diubah.' : 'Kuitansi dari terminal lain: periksa melalui server pusat.' };
    }
    const row = services.store.get<{ id: string; total: number; paid_at: string }>('SELECT id, total, paid_at FROM payments WHERE receipt_no = ?', [parsed.claim.r]);
    if (!row) return { valid: false, reason: 'Tanda tangan sah tetapi kuitansi tidak ada di basis data ini.' };
    if (row.total !== parsed.claim.a || row.paid_at !== parsed.claim.d) return { valid: false, reason: 'Isi kuitansi tidak cocok dengan catatan.' };
    const status = buildReceipt(services.store, row.id).status;
    return { valid: status === 'sah', reason: status === 'sah' ? 'Kuitansi sah.' : `Kuitansi ${status.replace('_', ' ')}.`, receiptNo: parsed.claim.r, total: row.total, paidAt: row.paid_at, status };
  },

  'payment.recent': (ctx, input) => {
    const { store } = ctx.services;
    const rows = store.all<{ paymentId: string; receiptNo: string; paidAt: string; payerName: string; idpel: string; total: number; channel: string; voided: number; rejected: number; verified: number }>(
      `SELECT p.id AS paymentId, p.receipt_no AS receiptNo, p.paid_at AS paidAt, py.name AS payerName,
              (SELECT b.idpel FROM payment_items i JOIN bills b ON b.id = i.bill_id WHERE i.payment_id = p.id LIMIT 1) AS idpel, p.total, p.channel,
              EXISTS (SELECT 1 FROM payment_voids v WHERE v.payment_id = p.id) AS voided,
              EXISTS (SELECT 1 FROM transfer_verifications t WHERE t.payment_id = p.id AND t.decision = 'tolak') AS rejected,
              EXISTS (SELECT 1 FROM transfer_verifications t WHERE t.payment_id = p.id AND t.decision = 'terima') AS verified
         FROM payments p JOIN payers py ON py.id = p.payer_id
        WHERE (?1 = 0 OR p.clerk_id = ?2) ORDER BY p.paid_at DESC LIMIT ?3`,
      [input.mineOnly ? 1 : 0, callerOf(ctx).user.id, input.limit],
    );
    return { rows: rows.map(({ voided, rejected, verified, ...r }) => ({ ...r, status: paymentStatus({ channel: r.channel, voided, rejected, verified }) })) };
  },

  'void.request': (ctx, input) => {
    const { services } = ctx;
    const { store } = services;
    const id = services.newId();
    store.write((tx) => {
      const p = tx.get<{ channel: string; shift_id: string | null; receipt_no: string }>('SELECT channel, shift_id, receipt_no FROM payments WHERE id = ?', [input.paymentId]);
      if (!p) throw new AppError('NOT_FOUND', { what: 'Pembayaran' });
      if (tx.get('SELECT 1 AS x FROM payment_voids WHERE payment_id = ?', [input.paymentId])) throw new AppError('VOID_NOT_ALLOWED', { detail: `kuitansi ${p.receipt_no} sudah dibatalkan` });
      if (p.channel !== 'tunai') throw new AppError('VOID_NOT_ALLOWED', { detail: 'hanya pembayaran tunai di loket; pembayaran bank dibalik melalui reversal' });
      if (tx.get('SELECT 1 AS x FROM shift_closings WHERE shift_id = ?', [p.shift_id ?? ''])) throw new AppError('VOID_NOT_ALLOWED', { detail: 'shift pembayaran ini sudah ditutup' });
      if (tx.get('SELECT 1 AS x FROM void_requests r WHERE r.payment_id = ? AND NOT EXISTS (SELECT 1 FROM void_decisions d WHERE d.request_id = r.id)', [input.paymentId])) {
        throw new AppError('VOID_NOT_ALLOWED', { detail: 'sudah ada permintaan yang menunggu keputusan' });
      }
      tx.run('INSERT INTO void_requests (id, payment_id, reason, requested_by, requested_at) VALUES (?,?,?,?,?)', [
        id, input.paymentId, input.reason, callerOf(ctx).user.id, services.now().toISOString(),
      ]);
      auditCaller(ctx, tx, 'void.request', 'payment', input.paymentId, undefined, { requestId: id, reason: input.reason });
    });
    const row = voidRows(store, 'WHERE r.id = ?', [id])[0];
    if (!row) throw new AppError('NOT_FOUND', { what: 'Permintaan' });
    return row;
  },

  'void.list': ({ services }, input) => voidRows(services.store, input.pendingOnly ? 'WHERE d.request_id IS NULL' : '', []),

  'void.decide': (ctx, input) => {
    const { services } = ctx;
    const { store } = services;
    const caller = callerOf(ctx);
    store.write((tx) => {
      const req = tx.get<{ id: string; payment_id: string; reason: string; requested_by: string }>('SELECT id, payment_id, reason, requested_by FROM void_requests WHERE id = ?', [input.requestId]);
      if (!req) throw new AppError('NOT_FOUND', { what: 'Permintaan pembatalan' });
      if (req.requested_by === caller.user.id) throw new AppError('SELF_APPROVAL');
      if (tx.get('SELECT 1 AS x FROM void_decisions WHERE request_id = ?', [req.id])) throw new AppError('CONFLICT', { detail: 'Permintaan ini sudah diputuskan.' });
      const now = services.now().toISOString();
      tx.run('INSERT INTO void_decisions (request_id, decision, decided_by, decided_at, note) VALUES (?,?,?,?,?)', [req.id, input.decision, caller.user.id, now, input.note ?? null]);
      if (input.decision === 'setuju') {
        // the reversing record: the payment row and its receipt never change
        const voidId = services.newId();
        tx.run('INSERT INTO payment_voids (id, payment_id, reason, requested_by, approved_by, voided_at) VALUES (?,?,?,?,?,?)', [
          voidId, req.payment_id, req.reason, req.requested_by, caller.user.id, now,
        ]);
        enqueue(tx, 'void', voidId, now);
      }
      auditCaller(ctx, tx, input.decision === 'setuju' ? 'void.approve' : 'void.reject', 'payment', req.payment_id, { requestId: req.id }, { decision: input.decision, note: input.note ?? null });
    });
    const row = voidRows(store, 'WHERE r.id = ?', [input.requestId])[0];
    if (!row) throw new AppError('NOT_FOUND', { what: 'Permintaan' });
    return row;
  },

  'deposit.status': ({ services }) => depositView(services.store, services.config.terminalCode),

  'deposit.create': (ctx, input) => {
    const { services } = ctx;
    const { store } = services;
    const terminal = services.config.terminalCode;
    store.write((tx) => {
      const view = depositView(tx, terminal);
      if (view.cashOnHand <= 0) throw new AppError('NOTHING_TO_DEPOSIT');
      const now = services.now();
      const day = businessDate(now);
      const id = services.newId();
      const stsNo = `STS/${terminal}/${day.replaceAll('-', '')}/${String(nextNumber(tx, `sts:${terminal}:${day}`)).padStart(3, '0')}`;
      tx.run('INSERT INTO deposits (id, sts_no, terminal_code, business_date, amount, bank_reference, deposited_at, by_user) VALUES (?,?,?,?,?,?,?,?)', [
        id, stsNo, terminal, day, view.cashOnHand, input.bankReference, now.toISOString(), callerOf(ctx).user.id,
      ]);
      for (const s of view.undepositedShifts) tx.run('INSERT INTO deposit_shifts (deposit_id, shift_id, amount) VALUES (?,?,?)', [id, s.shiftId, Math.max(0, s.cash)]);
      enqueue(tx, 'deposit', id, now.toISOString());
      auditCaller(ctx, tx, 'deposit.create', 'deposit', id, { cashOnHand: view.cashOnHand }, { stsNo, amount: view.cashOnHand, bankReference: input.bankReference, shifts: view.undepositedShifts.length });
    });
    return depositView(store, terminal);
  },

  'report.daily': ({ services }, input) => {
    const { store } = services;
    const date = input.date;
    const received = receivedPaymentCondition('p');
    const byClerk = store.all<DailyReport['byClerk'][number]>(
      `SELECT coalesce(u.full_name, CASE p.channel WHEN 'qris' THEN 'QRIS (gateway)' ELSE 'Bank (gateway)' END) AS clerkName, p.terminal_code AS terminalCode,
              count(*) AS count, sum(p.total) AS total
         FROM payments p LEFT JOIN users u ON u.id = p.clerk_id WHERE p.business_date = ? AND ${received}
        GROUP BY clerkName, p.terminal_code ORDER BY clerkName`,
      [date],
    );
    const byLevy = store.all<DailyReport['byLevy'][number]>(
      `SELECT l.name AS levyName, l.kode, count(DISTINCT p.id) AS count, sum(i.principal) AS principal, sum(i.fine) AS fine, sum(i.amount) AS total
         FROM payments p JOIN payment_items i ON i.payment_id = p.id JOIN bills b ON b.id = i.bill_id JOIN levies l ON l.id = b.levy_id
        WHERE p.business_date = ? AND ${received} GROUP BY l.id ORDER BY l.kode`,
      [date],
    );
    const byChannel = store.all<DailyReport['byChannel'][number]>(
      `SELECT p.channel, count(*) AS count, sum(p.total) AS total FROM payments p WHERE p.business_date = ? AND ${received} GROUP BY p.channel ORDER BY p.channel`,
      [date],
    );
    const voids = store.all<DailyReport['voids'][number]>(
      `SELECT p.receipt_no AS receiptNo, p.business_date AS paidDate, p.total, v.reason, ru.full_name AS requestedBy, au.full_name AS approvedBy, v.voided_at AS voidedAt
         FROM payment_voids v JOIN payments p ON p.id = v.payment_id JOIN users ru ON ru.id = v.requested_by JOIN users au ON au.id = v.approved_by
        WHERE p.business_date = ?1 OR substr(v.voided_at, 1, 10) = ?1 ORDER BY v.voided_at`,
      [date],
    );
    const payments = store.all<DailyReport['payments'][number] & { voidedInt: number }>(
      `SELECT p.id AS paymentId, p.receipt_no AS receiptNo, p.paid_at AS paidAt, u.full_name AS clerkName, p.channel, py.name AS payerName,
              (SELECT b.idpel FROM payment_items i JOIN bills b ON b.id = i.bill_id WHERE i.payment_id = p.id LIMIT 1) AS idpel,
              (SELECT l.name FROM payment_items i JOIN bills b ON b.id = i.bill_id JOIN levies l ON l.id = b.levy_id WHERE i.payment_id = p.id LIMIT 1) AS levyName,
              p.total, NOT (${received}) AS voidedInt
         FROM payments p JOIN payers py ON py.id = p.payer_id LEFT JOIN users u ON u.id = p.clerk_id
        WHERE p.business_date = ? ORDER BY p.paid_at`,
      [date],
    );
    const counted = payments.filter((p) => !p.voidedInt);
    return {
      date,
      officeName: readMeta(store, 'office_name', ''),
      byClerk,
      byLevy,
      byChannel,
      voids,
      payments: payments.map(({ voidedInt, ...p }) => ({ ...p, voided: voidedInt === 1 })),
      count: counted.length,
      total: counted.reduce((s, p) => s + p.total, 0),
      voidedTotal: voids.filter((v) => v.paidDate === date).reduce((s, v) => s + v.total, 0),
    };
  },

  'settings.counter': ({ services }) => counterSettings(services.store),

  'settings.counter.save': (ctx, input) => {
    const { store } = ctx.services;
    const before = counterSettings(store);
    store.write((tx) => {
      const set = (key: string, value: string) =>
        tx.run('INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value', [key, value]);
      set('allow_skip_older_bills', input.allowSkipOlderBills ? '1' : '0');
      set('shift_difference_limit', String(input.shiftDifferenceLimit));
      set('transfer_max_bytes', String(input.transferMaxBytes));
      set('blocklist_months', String(input.blocklistMonths));
      auditCaller(ctx, tx, 'settings.counter', 'settings', 'counter', before, input);
    });
    return counterSettings(store);
  },
};
