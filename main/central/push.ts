// Push: each record of a batch is checked and stored on its own and gets its own acknowledgement.
// The id (per kind) is the idempotency key: the same content again is a duplicate, other content
// under the same id is a conflict. Checks never run a statement that could fail halfway (the
// store would roll the whole batch back): everything is looked up first, then inserted.
import { createHash } from 'node:crypto';
import { checkIdpel } from '../../shared/idpel';
import {
  PUSH_KINDS,
  type AuditData,
  type BillCancellationData,
  type BillData,
  type BillWriteoffData,
  type DepositData,
  type MasterUpsert,
  type MasterUpsertResult,
  type PaymentData,
  type PushAck,
  type PushKind,
  type PushNotice,
  type PushRecord,
  type RejectCode,
  type ShiftClosingData,
  type TransferVerificationData,
  type VoidData,
} from '../../shared/central-api/types';
import type { WriteTx } from '../store/types';
import { formatRupiah } from '../../shared/money';
import { type CentralDocument, validationDetails } from './document';
import { liveCounterPayment, liveGatewayPayment } from './ledger';
import { checkSignature, type Terminal } from './terminals';
import { canonicalJson, contentHash, isRecord, nextNumber } from './util';

export const GENESIS_HASH = '0'.repeat(64);

export interface PushCtx {
  now: Date;
  newId: () => string;
  terminal: Terminal;
  doc: CentralDocument;
}

type Outcome = { status: 'accepted'; notices?: PushNotice[] } | { status: 'rejected'; code: RejectCode; message: string; extra?: Partial<PushAck> };

function reject(code: RejectCode, message: string, extra?: Partial<PushAck>): Outcome {
  return extra ? { status: 'rejected', code, message, extra } : { status: 'rejected', code, message };
}

const KIND_LABEL: Record<PushKind, string> = {
  bill: 'tagihan',
  payment: 'pembayaran',
  void: 'pembatalan pembayaran',
  bill_cancellation: 'pembatalan tagihan',
  bill_writeoff: 'pemutihan',
  transfer_verification: 'verifikasi transfer',
  shift_closing: 'penutupan shift',
  deposit: 'setoran',
  audit: 'catatan audit',
  reversal: 'reversal gerbang',
  overpayment: 'kelebihan bayar',
  master: 'data induk',
};

export function pushBatch(tx: WriteTx, ctx: PushCtx, records: readonly unknown[]): PushAck[] {
  const acks: PushAck[] = [];
  const validate = ctx.doc.schema('PushRecord');
  records.forEach((raw, index) => {
    const env = raw as { kind: string; id: string };
    const base = { kind: env.kind, id: env.id };
    if (!(PUSH_KINDS as readonly string[]).includes(env.kind)) {
      acks.push({ ...base, status: 'rejected', code: 'UNKNOWN_KIND', message: `Jenis catatan "${env.kind}" tidak dikenal pusat. Jenis yang dikenal: ${PUSH_KINDS.join(', ')}.` });
      return;
    }
    if (!validate(raw)) {
      const details = validationDetails(validate.errors, `/records/${index}`);
      const first = details[0];
      acks.push({
        ...base,
        status: 'rejected',
        code: 'INVALID_SCHEMA',
        message: `Isi ${KIND_LABEL[env.kind as PushKind]} ${env.id} tidak sesuai skema${first ? `: ${first.path} ${first.message}` : ''}.`,
        details,
      });
      return;
    }
    const record = raw as PushRecord;
    const outcome = record.kind === 'master' ? pushMaster(tx, ctx, record) : pushAppendOnly(tx, ctx, record);
    if (outcome.status === 'rejected') {
      acks.push({ ...base, status: 'rejected', code: outcome.code, message: outcome.message, ...outcome.extra });
    } else if (outcome.status === 'accepted') {
      acks.push(outcome.notices?.length ? { ...base, status: 'accepted', notices: outcome.notices } : { ...base, status: 'accepted' });
    } else {
      acks.push({ ...base, status: 'duplicate' });
    }
  });
  if (records.length > 0) tx.run('UPDATE terminals SET last_push_at = ? WHERE id = ?', [ctx.now.toISOString(), ctx.terminal.id]);
  return acks;
}

type AppendOnly = Exclude<PushRecord, { kind: 'master' }>;

function pushAppendOnly(tx: WriteTx, ctx: PushCtx, record: AppendOnly): Outcome | { status: 'duplicate' } {
  const hash = contentHash(record.data);
  const existing = tx.get<{ content_hash: string }>('SELECT content_hash FROM records WHERE kind = ? AND id = ?', [record.kind, record.id]);
  if (existing) {
    if (existing.content_hash === hash) return { status: 'duplicate' };
    return reject('CONFLICT', `Pusat sudah punya ${KIND_LABEL[record.kind]} dengan id ${record.id} tetapi isinya berbeda. Catatan keuangan tidak boleh diubah: buat catatan baru (pembatalan/koreksi).`);
  }
  const outcome = applyRecord(tx, ctx, record);
  if (outcome.status === 'rejected') return outcome;
  tx.run('INSERT INTO records (kind, id, seq, terminal_id, office_code, content_hash, data_json, received_at) VALUES (?,?,?,?,?,?,?,?)', [
    record.kind, record.id, nextNumber(tx, 'record_seq'), ctx.terminal.id, ctx.terminal.officeCode, hash, JSON.stringify(record.data), ctx.now.toISOString(),
  ]);
  return outcome;
}

function applyRecord(tx: WriteTx, ctx: PushCtx, r: AppendOnly): Outcome {
  switch (r.kind) {
    case 'bill':
      return applyBill(tx, ctx, r.id, r.data);
    case 'payment':
      return applyPayment(tx, ctx, r.id, r.data);
    case 'void':
      return applyVoid(tx, r.id, r.data);
    case 'bill_cancellation':
      return applyClosure(tx, r.id, r.data, 'batal');
    case 'bill_writeoff':
      return applyClosure(tx, r.id, r.data, 'dihapuskan');
    case 'transfer_verification':
      return applyVerification(tx, r.id, r.data);
    case 'shift_closing':
      return checkShiftClosing(ctx, r.data);
    case 'deposit':
      return checkDeposit(ctx, r.data);
    case 'audit':
      return applyAudit(tx, ctx, r.id, r.data);
    case 'reversal':
    case 'overpayment':
      // the centre's own gateway records decide; these are kept and shared with the office
      return { status: 'accepted' };
  }
}

function terminalMismatch(ctx: PushCtx, code: string): Outcome | null {
  if (code === ctx.terminal.terminalCode) return null;
  return reject('TERMINAL_MISMATCH', `Kode terminal ${code} pada catatan tidak sama dengan terminal yang mengirim (${ctx.terminal.terminalCode}).`);
}

function applyBill(tx: WriteTx, ctx: PushCtx, id: string, d: BillData): Outcome {
  const idpel = checkIdpel(d.idpel);
  if (!idpel.ok) return reject('INVALID_IDPEL', `IDPEL ${d.idpel} tidak sah: ${idpel.message}`);
  const lineNos = new Set<number>();
  let sum = 0;
  for (const l of d.lines) {
    if (lineNos.has(l.lineNo)) return reject('INCONSISTENT', `Nomor baris ${l.lineNo} muncul dua kali pada tagihan ${d.skrdNo}.`);
    lineNos.add(l.lineNo);
    if (l.quantity * l.unitPrice !== l.amount) return reject('INCONSISTENT', `Baris ${l.lineNo} tagihan ${d.skrdNo}: ${l.quantity} × ${formatRupiah(l.unitPrice)} bukan ${formatRupiah(l.amount)}.`);
    sum += l.amount;
  }
  if (sum !== d.principal) return reject('INCONSISTENT', `Pokok tagihan ${d.skrdNo} ${formatRupiah(d.principal)} tidak sama dengan jumlah barisnya ${formatRupiah(sum)}.`);
  const twin = tx.get<{ id: string }>('SELECT id FROM bills WHERE office_code = ? AND object_type = ? AND object_id = ? AND period = ?', [
    ctx.terminal.officeCode, d.objectType, d.objectId, d.period,
  ]);
  if (twin) {
    return reject('DUPLICATE_BILL', `Pusat sudah punya tagihan lain untuk objek ini pada periode ${d.period} (id ${twin.id}): satu objek hanya ditagih sekali per periode.`, { existingId: twin.id });
  }
  tx.run(
    `INSERT INTO bills (id, office_code, terminal_id, idpel, levy_id, payer_id, payer_name, skrd_no, object_type, object_id, period, due_date, principal)
     VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`,
    [id, ctx.terminal.officeCode, ctx.terminal.id, idpel.idpel, d.levyId, d.payerId, d.payerName ?? null, d.skrdNo, d.objectType, d.objectId, d.period, d.dueDate, d.principal],
  );
  return { status: 'accepted' };
}

function applyPayment(tx: WriteTx, ctx: PushCtx, id: string, d: PaymentData): Outcome {
  const mismatch = terminalMismatch(ctx, d.terminalCode);
  if (mismatch) return mismatch;
  const bills = new Set<string>();
  const itemIds = new Set<string>();
  let total = 0;
  for (const i of d.items) {
    if (itemIds.has(i.id)) return reject('INCONSISTENT', `Id item ${i.id} muncul dua kali pada pembayaran ${d.receiptNo}.`);
    itemIds.add(i.id);
    if (bills.has(i.billId)) return reject('INCONSISTENT', `Tagihan ${i.billId} muncul dua kali pada pembayaran ${d.receiptNo}.`);
    bills.add(i.billId);
    if (i.principal + i.fine !== i.amount) return reject('INCONSISTENT', `Item tagihan ${i.billId}: pokok ${formatRupiah(i.principal)} + denda ${formatRupiah(i.fine)} bukan ${formatRupiah(i.amount)}.`);
    total += i.amount;
  }
  if (total !== d.total) return reject('INCONSISTENT', `Total pembayaran ${d.receiptNo} ${formatRupiah(d.total)} tidak sama dengan jumlah itemnya ${formatRupiah(total)}.`);
  if (d.tendered != null && d.changeGiven != null && d.tendered - d.total !== d.changeGiven) {
    return reject('INCONSISTENT', `Kembalian ${formatRupiah(d.changeGiven)} tidak sama dengan uang diterima ${formatRupiah(d.tendered)} dikurangi total ${formatRupiah(d.total)}.`);
  }
  if (tx.get('SELECT 1 AS x FROM payments WHERE terminal_id = ? AND receipt_no = ?', [ctx.terminal.id, d.receiptNo])) {
    return reject('CONFLICT', `Nomor kuitansi ${d.receiptNo} sudah dipakai pembayaran lain dari terminal ini.`);
  }
  if (d.verification) {
    const sig = checkSignature(tx, d.verification);
    const c = sig.ok ? sig.claim : null;
    if (!sig.ok || !c || c.k !== ctx.terminal.keyId || c.r !== d.receiptNo || c.t !== d.terminalCode || c.d !== d.paidAt || c.a !== d.total || (d.idpel && c.i !== d.idpel)) {
      return reject('INCONSISTENT', `String verifikasi kuitansi ${d.receiptNo} tidak cocok dengan pembayaran ini${sig.ok ? '' : `: ${sig.message}`}`);
    }
  }
  const mirror = (d.channel === 'gateway' || d.channel === 'qris') && d.ntb ? tx.get('SELECT 1 AS x FROM gateway_payments WHERE ntb = ?', [d.ntb]) : undefined;
  const notices: PushNotice[] = [];
  const overpayments: { billId: string; kind: 'gateway' | 'counter'; ref: string; amount: number }[] = [];
  if (!mirror) {
    for (const i of d.items) {
      const counter = tx.get<{ receipt_no: string }>(
        `SELECT p.receipt_no FROM payment_items pi JOIN payments p ON p.id = pi.payment_id WHERE pi.bill_id = ? AND p.id <> ? AND ${liveCounterPayment('p')} LIMIT 1`,
        [i.billId, id],
      );
      const gateway = tx.get<{ ntb: string }>(
        `SELECT g.ntb FROM gateway_items gi JOIN gateway_payments g ON g.id = gi.payment_id WHERE gi.bill_id = ? AND ${liveGatewayPayment('g')} LIMIT 1`,
        [i.billId],
      );
      const other = gateway ? { kind: 'gateway' as const, ref: gateway.ntb, text: `gerbang bank (NTB ${gateway.ntb})` } : counter ? { kind: 'counter' as const, ref: counter.receipt_no, text: `kuitansi ${counter.receipt_no}` } : null;
      if (!other) continue;
      overpayments.push({ billId: i.billId, kind: other.kind, ref: other.ref, amount: i.amount });
      notices.push({
        code: 'DOUBLE_PAYMENT',
        billId: i.billId,
        amount: i.amount,
        message: `Tagihan ${i.billId} sudah dibayar lewat ${other.text}: pembayaran ${d.receiptNo} dicatat sebagai kelebihan bayar ${formatRupiah(i.amount)} untuk dikembalikan atau dikreditkan.`,
      });
    }
  }
  tx.run(
    'INSERT INTO payments (id, office_code, terminal_id, terminal_code, receipt_no, channel, ntb, total, paid_at, business_date) VALUES (?,?,?,?,?,?,?,?,?,?)',
    [id, ctx.terminal.officeCode, ctx.terminal.id, d.terminalCode, d.receiptNo, d.channel, d.ntb ?? null, d.total, d.paidAt, d.businessDate],
  );
  for (const i of d.items) {
    tx.run('INSERT INTO payment_items (id, payment_id, bill_id, principal, fine, amount) VALUES (?,?,?,?,?,?)', [`${id}/${i.id}`, id, i.billId, i.principal, i.fine, i.amount]);
  }
  for (const o of overpayments) {
    tx.run('INSERT INTO overpayments (id, bill_id, payment_id, other_kind, other_ref, amount, detected_at, office_code) VALUES (?,?,?,?,?,?,?,?)', [
      ctx.newId(), o.billId, id, o.kind, o.ref, o.amount, ctx.now.toISOString(), ctx.terminal.officeCode,
    ]);
  }
  return notices.length ? { status: 'accepted', notices } : { status: 'accepted' };
}

function applyVoid(tx: WriteTx, id: string, d: VoidData): Outcome {
  const other = tx.get<{ id: string }>('SELECT id FROM payment_voids WHERE payment_id = ?', [d.paymentId]);
  if (other) return reject('ALREADY_VOIDED', `Pembayaran ${d.paymentId} sudah dibatalkan oleh catatan ${other.id}.`);
  tx.run('INSERT INTO payment_voids (id, payment_id, voided_at) VALUES (?,?,?)', [id, d.paymentId, d.voidedAt]);
  return { status: 'accepted' };
}

function applyClosure(tx: WriteTx, id: string, d: BillCancellationData | BillWriteoffData, kind: 'batal' | 'dihapuskan'): Outcome {
  const other = tx.get<{ id: string; kind: string }>('SELECT id, kind FROM bill_closures WHERE bill_id = ?', [d.billId]);
  if (other) return reject('ALREADY_CLOSED', `Tagihan ${d.billId} sudah ${other.kind === 'batal' ? 'dibatalkan' : 'dihapuskan'} oleh catatan ${other.id}.`);
  tx.run('INSERT INTO bill_closures (id, bill_id, kind, at) VALUES (?,?,?,?)', [id, d.billId, kind, d.at]);
  return { status: 'accepted' };
}

function applyVerification(tx: WriteTx, id: string, d: TransferVerificationData): Outcome {
  const other = tx.get<{ id: string }>('SELECT id FROM transfer_verifications WHERE payment_id = ?', [d.paymentId]);
  if (other) return reject('ALREADY_DECIDED', `Transfer pembayaran ${d.paymentId} sudah diputuskan oleh catatan ${other.id}.`);
  tx.run('INSERT INTO transfer_verifications (id, payment_id, decision) VALUES (?,?,?)', [id, d.paymentId, d.decision]);
  return { status: 'accepted' };
}

function checkShiftClosing(ctx: PushCtx, d: ShiftClosingData): Outcome {
  const mismatch = terminalMismatch(ctx, d.terminalCode);
  if (mismatch) return mismatch;
  let counted = 0;
  for (const n of d.denominations) {
    if (n.value * n.count !== n.amount) return reject('INCONSISTENT', `Pecahan ${formatRupiah(n.value)} × ${n.count} bukan ${formatRupiah(n.amount)}.`);
    counted += n.amount;
  }
  if (d.denominations.length > 0 && counted !== d.countedCash) {
    return reject('INCONSISTENT', `Kas dihitung ${formatRupiah(d.countedCash)} tidak sama dengan jumlah pecahan ${formatRupiah(counted)}.`);
  }
  if (d.countedCash - d.expectedCash !== d.difference) {
    return reject('INCONSISTENT', `Selisih ${formatRupiah(d.difference)} tidak sama dengan kas dihitung dikurangi kas seharusnya.`);
  }
  return { status: 'accepted' };
}

function checkDeposit(ctx: PushCtx, d: DepositData): Outcome {
  const mismatch = terminalMismatch(ctx, d.terminalCode);
  if (mismatch) return mismatch;
  const shifts = new Set(d.shifts.map((s) => s.shiftId));
  if (shifts.size !== d.shifts.length) return reject('INCONSISTENT', `Shift yang sama muncul dua kali pada setoran ${d.stsNo}.`);
  const sum = d.shifts.reduce((s, x) => s + x.amount, 0);
  if (sum !== d.amount) return reject('INCONSISTENT', `Jumlah setoran ${d.stsNo} ${formatRupiah(d.amount)} tidak sama dengan jumlah per shift ${formatRupiah(sum)}.`);
  return { status: 'accepted' };
}

/** the terminal's audit hash (main/audit/audit.ts hashOf), recomputed from the row as stored */
export function auditHash(id: string, d: Omit<AuditData, 'hash'>): string {
  const material = JSON.stringify([d.seq, id, d.at, d.actorId, d.actorName, d.action, d.entity, d.entityId, d.beforeJson, d.afterJson, d.prevHash]);
  return createHash('sha256').update(material).digest('hex');
}

function applyAudit(tx: WriteTx, ctx: PushCtx, id: string, d: AuditData): Outcome {
  if (auditHash(id, d) !== d.hash) return reject('AUDIT_HASH_INVALID', `Hash catatan audit #${d.seq} tidak cocok dengan isinya: catatan itu diubah.`);
  const tid = ctx.terminal.id;
  const same = tx.get<{ id: string }>('SELECT id FROM audit_chain WHERE terminal_id = ? AND seq = ?', [tid, d.seq]);
  if (same) return reject('AUDIT_SEQ_TAKEN', `Urutan audit #${d.seq} terminal ini sudah dipakai catatan ${same.id}.`);
  if (d.seq === 1 && d.prevHash !== GENESIS_HASH) return reject('AUDIT_CHAIN_BROKEN', 'Catatan audit #1 harus berawal dari hash genesis.');
  const prev = tx.get<{ hash: string }>('SELECT hash FROM audit_chain WHERE terminal_id = ? AND seq = ?', [tid, d.seq - 1]);
  if (prev && prev.hash !== d.prevHash) return reject('AUDIT_CHAIN_BROKEN', `Rantai audit putus: #${d.seq} tidak menyambung ke #${d.seq - 1} yang sudah ada di pusat.`);
  const next = tx.get<{ prev_hash: string }>('SELECT prev_hash FROM audit_chain WHERE terminal_id = ? AND seq = ?', [tid, d.seq + 1]);
  if (next && next.prev_hash !== d.hash) return reject('AUDIT_CHAIN_BROKEN', `Rantai audit putus: #${d.seq + 1} yang sudah ada di pusat tidak menyambung ke #${d.seq}.`);
  tx.run('INSERT INTO audit_chain (terminal_id, seq, id, prev_hash, hash) VALUES (?,?,?,?,?)', [tid, d.seq, id, d.prevHash, d.hash]);
  return { status: 'accepted' };
}

// ---------------------------------------------------------------------------------------------
// Master data: last-writer-wins by version

function masterHash(data: Record<string, unknown>, deleted: boolean): string {
  return contentHash({ data, deleted });
}

interface MasterWrite {
  entity: string;
  id: string;
  version: number | undefined;
  deleted: boolean;
  data: Record<string, unknown>;
  scope: string | undefined;
  by: string;
}

type MasterOutcome = { status: 'accepted' | 'duplicate'; version: number } | { status: 'rejected'; code: RejectCode; message: string; version: number; currentVersion: number };

export function writeMaster(tx: WriteTx, now: Date, w: MasterWrite, defaultScope: string): MasterOutcome {
  const cur = tx.get<{ version: number; content_hash: string; scope: string }>('SELECT version, content_hash, scope FROM master_records WHERE entity = ? AND id = ?', [w.entity, w.id]);
  const version = w.version ?? (cur ? cur.version + 1 : 1);
  const hash = masterHash(w.data, w.deleted);
  if (cur && version === cur.version) {
    if (cur.content_hash === hash) return { status: 'duplicate', version };
    return { status: 'rejected', code: 'CONFLICT', message: `Data induk ${w.entity} ${w.id} versi ${version} sudah ada di pusat dengan isi lain: naikkan versinya.`, version, currentVersion: cur.version };
  }
  if (cur && version < cur.version) {
    return { status: 'rejected', code: 'VERSION_STALE', message: `Data induk ${w.entity} ${w.id} versi ${version} lebih lama dari versi pusat ${cur.version}: tarik data induk terbaru lalu ulangi perubahan.`, version, currentVersion: cur.version };
  }
  const scope = cur?.scope ?? w.scope ?? defaultScope;
  tx.run(
    `INSERT INTO master_records (entity, id, version, scope, deleted, data_json, content_hash, updated_at, updated_by, seq) VALUES (?,?,?,?,?,?,?,?,?,?)
     ON CONFLICT(entity, id) DO UPDATE SET version = excluded.version, scope = excluded.scope, deleted = excluded.deleted, data_json = excluded.data_json,
       content_hash = excluded.content_hash, updated_at = excluded.updated_at, updated_by = excluded.updated_by, seq = excluded.seq`,
    [w.entity, w.id, version, w.scope ?? scope, w.deleted ? 1 : 0, canonicalJson(w.data), hash, now.toISOString(), w.by, nextNumber(tx, 'master_seq')],
  );
  return { status: 'accepted', version };
}

function pushMaster(tx: WriteTx, ctx: PushCtx, r: Extract<PushRecord, { kind: 'master' }>): Outcome | { status: 'duplicate' } {
  const out = writeMaster(
    tx,
    ctx.now,
    { entity: r.entity, id: r.id, version: r.version, deleted: r.deleted === true, data: r.data, scope: undefined, by: `terminal:${ctx.terminal.id}` },
    ctx.terminal.officeCode,
  );
  if (out.status === 'rejected') return reject(out.code, out.message, { currentVersion: out.currentVersion });
  return out.status === 'duplicate' ? { status: 'duplicate' } : { status: 'accepted' };
}

export function upsertMaster(tx: WriteTx, now: Date, records: readonly MasterUpsert[]): MasterUpsertResult[] {
  return records.map((r) => {
    const out = writeMaster(
      tx,
      now,
      { entity: r.entity, id: r.id, version: r.version, deleted: r.deleted === true, data: isRecord(r.data) ? r.data : {}, scope: r.scope, by: 'admin' },
      '*',
    );
    return out.status === 'rejected'
      ? { entity: r.entity, id: r.id, version: out.version, status: 'rejected', code: out.code, message: out.message }
      : { entity: r.entity, id: r.id, version: out.version, status: out.status };
  });
}
