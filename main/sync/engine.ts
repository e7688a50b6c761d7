// Sync with the central API: push the outbox in batches (each record acknowledged on its own,
// exponential back-off with jitter on failures, rejected records to a visible dead-letter list),
// pull gateway payments with a cursor and apply them to local bills. A bill paid both here and
// at the bank keeps both payments and gets one overpayment record (kelebihan bayar).
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GatewayEvent, GatewayPaymentEvent, GatewayReversalEvent, PushAck, PushRecord } from '../../shared/central-api/types';
import { CENTRAL } from '../../shared/central-api/types';
import type { Services } from '../api/context';
import { appendAudit } from '../audit/audit';
import { livePaymentCondition } from '../billing/status';
import type { ReadApi, WriteTx } from '../store/types';
import { CentralError, type CentralClient } from './http';
import { buildPushRecord } from './payloads';
import { agreeMaster, applyMasterRecord, applyOfficeRecord, noteDoublePayment, type ApplyOutcome } from './replicate';
import type { MasterRecord, OfficeRecord, Page } from '../../shared/central-api/types';

export interface Credential {
  centralUrl: string;
  token: string;
  terminalId: string;
  officeCode: string;
  enrolledAt: string;
}

/** the terminal credential, in a file only the user can read (Electron keeps it with safeStorage) */
export function credentialPath(dataDir: string): string {
  return join(dataDir, 'keys', 'central-credential.json');
}

export function readCredential(dataDir: string): Credential | null {
  const file = credentialPath(dataDir);
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Credential;
  } catch {
    return null;
  }
}

export function writeCredential(dataDir: string, credential: Credential): void {
  const file = credentialPath(dataDir);
  mkdirSync(join(dataDir, 'keys'), { recursive: true, mode: 0o700 });
  writeFileSync(`${file}.tmp`, JSON.stringify(credential), { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
  try {
    chmodSync(file, 0o600);
  } catch {
    // Windows: the profile folder's ACL protects it
  }
}

export function getState(db: ReadApi, key: string): string | null {
  return db.get<{ value: string }>('SELECT value FROM sync_state WHERE key = ?', [key])?.value ?? null;
}

export function setState(tx: WriteTx, key: string, value: string): void {
  tx.run('INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value', [key, value]);
}

/** the last failure, shown by the sync indicator until the next success */
function noteFailure(tx: WriteTx, message: string, at: Date): void {
  setState(tx, 'last_error', message);
  setState(tx, 'last_error_at', at.toISOString());
  setState(tx, 'last_outcome', 'error');
}

/** back-off after `attempts` failures: 2^n seconds capped at 15 minutes, with ±50 % jitter */
export function backoffMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(15 * 60_000, 1000 * 2 ** Math.min(attempts, 20));
  return Math.round(base * (0.5 + random()));
}

interface OutboxRow {
  id: string;
  seq: number;
  kind: string;
  record_id: string;
  attempts: number;
}

export interface PushResult {
  sent: number;
  accepted: number;
  duplicate: number;
  rejected: number;
  failed: boolean;
  error: string | null;
}

/** pushes due outbox rows in batches until none is left or the centre fails */
export async function pushOutbox(services: Services, client: CentralClient, opts: { maxBatches?: number; batchSize?: number } = {}): Promise<PushResult> {
  const { store } = services;
  const result: PushResult = { sent: 0, accepted: 0, duplicate: 0, rejected: 0, failed: false, error: null };
  const batchSize = Math.min(opts.batchSize ?? CENTRAL.maxPushRecords, CENTRAL.maxPushRecords);
  if (store.get("SELECT 1 AS x FROM outbox WHERE created_at = '' LIMIT 1")) {
    const stamp = services.now().toISOString();
    store.write((tx) => tx.run("UPDATE outbox SET created_at = ? WHERE created_at = ''", [stamp]));
  }
  for (let batch = 0; batch < (opts.maxBatches ?? 50); batch++) {
    const now = services.now().toISOString();
    const rows = store.all<OutboxRow>(
      `SELECT id, seq, kind, record_id, attempts FROM outbox WHERE acked_at IS NULL AND dead_at IS NULL AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
        ORDER BY seq LIMIT ?`,
      [now, batchSize],
    );
    if (rows.length === 0) break;
    const records: PushRecord[] = [];
    const missing: OutboxRow[] = [];
    const byKey = new Map<string, OutboxRow>();
    const sentRecord = new Map<string, PushRecord>();
    for (const row of rows) {
      const record = buildPushRecord(store, row.kind, row.record_id);
      if (!record) {
        missing.push(row);
        continue;
      }
      records.push(record);
      byKey.set(`${record.kind}|${record.id}`, row);
      sentRecord.set(`${record.kind}|${record.id}`, record);
    }
    if (missing.length) {
      store.write((tx) => {
        for (const m of missing) tx.run('UPDATE outbox SET dead_at = ?, dead_reason = ? WHERE id = ?', [now, `Catatan ${m.kind} ${m.record_id} tidak ditemukan di basis data lokal.`, m.id]);
      });
    }
    if (records.length === 0) continue;
    let acks: PushAck[];
    try {
      acks = (await client.push(records, `${services.config.terminalCode}-${rows[0]?.seq ?? 0}-${rows.length}`)).acks;
      if (!Array.isArray(acks)) throw new CentralError('Jawaban server pusat tanpa daftar pengakuan.', { retryable: true, status: null, code: 'BAD_RESPONSE' });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const at = services.now();
      store.write((tx) => {
        for (const row of byKey.values()) {
          tx.run('UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?', [message, new Date(at.getTime() + backoffMs(row.attempts + 1)).toISOString(), row.id]);
        }
        noteFailure(tx, message, at);
      });
      result.failed = true;
      result.error = message;
      return result;
    }
    result.sent += records.length;
    const ackedAt = services.now().toISOString();
    store.write((tx) => {
      for (const ack of acks) {
        // matched by kind and id, never by position: the centre may answer in any order
        const row = byKey.get(`${ack.kind}|${ack.id}`);
        if (!row) continue;
        byKey.delete(`${ack.kind}|${ack.id}`);
        if (ack.status === 'accepted' || ack.status === 'duplicate') {
          // only for the seq it was sent with: a master row changed meanwhile is queued again
          tx.run('UPDATE outbox SET acked_at = ?, last_error = NULL WHERE id = ? AND seq = ?', [ackedAt, row.id, row.seq]);
          const sent = sentRecord.get(`${ack.kind}|${ack.id}`);
          if (sent?.kind === 'master') agreeMaster(tx, sent);
          if (ack.status === 'accepted') result.accepted++;
          else result.duplicate++;
        } else {
          tx.run('UPDATE outbox SET dead_at = ?, dead_reason = ?, attempts = attempts + 1 WHERE id = ? AND seq = ?', [ackedAt, `${ack.code ?? 'DITOLAK'}: ${ack.message ?? 'ditolak server pusat'}`, row.id, row.seq]);
          result.rejected++;
        }
      }
      // records the answer did not mention are sent again later
      for (const row of byKey.values()) {
        tx.run('UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?', ['tidak ada pengakuan', new Date(Date.parse(ackedAt) + backoffMs(row.attempts + 1)).toISOString(), row.id]);
      }
      setState(tx, 'last_push_at', ackedAt);
      setState(tx, 'last_outcome', 'ok');
    });
  }
  return result;
}

function localPayer(db: ReadApi, billId: string): string | null {
  return db.get<{ payer_id: string }>('SELECT payer_id FROM bills WHERE id = ?', [billId])?.payer_id ?? null;
}

/** applies one gateway payment; returns false when it must wait (its bills are not here yet) */
function applyGatewayPayment(tx: WriteTx, services: Services, ev: GatewayPaymentEvent): 'applied' | 'known' | 'defer' {
  if (tx.get('SELECT 1 AS x FROM payments WHERE id = ? OR ntb = ?', [ev.id, ev.ntb])) return 'known';
  const known = ev.items.filter((i) => tx.get('SELECT 1 AS x FROM bills WHERE id = ?', [i.billId]));
  if (known.length !== ev.items.length || known.length === 0) return 'defer';
  const payerId = localPayer(tx, known[0]?.billId ?? '');
  if (!payerId) return 'defer';
  tx.run(
    `INSERT INTO payments (id, receipt_no, terminal_code, business_date, paid_at, channel, payer_id, total, tendered, change_given, clerk_id, shift_id, ntb, created_at)
     VALUES (?,?,?,?,?,?,?,?,NULL,NULL,NULL,NULL,?,?)`,
    [ev.id, `GW-${ev.ntpd}`, 'GATEWAY', ev.businessDate, ev.paidAt, ev.channel === 'qris' ? 'qris' : 'gateway', payerId, ev.amount, ev.ntb, services.now().toISOString()],
  );
  for (const item of ev.items) {
    tx.run('INSERT INTO payment_items (id, payment_id, bill_id, principal, fine, amount, fine_months) VALUES (?,?,?,?,?,?,?)', [
      `${ev.id}:${item.billId}`, ev.id, item.billId, item.principal, item.fine, item.amount, item.fineMonths,
    ]);
  }
  for (const item of ev.items) noteDoublePayment(tx, services, ev.id, ev.paidAt, item.billId);
  appendAudit(tx, { id: services.newId(), at: services.now(), actorId: null, actorName: 'sinkronisasi', action: 'sync.gateway_payment', entity: 'payment', entityId: ev.id, after: { ntb: ev.ntb, idpel: ev.idpel, amount: ev.amount, channel: ev.channel } });
  return 'applied';
}

function applyGatewayReversal(tx: WriteTx, services: Services, ev: GatewayReversalEvent): 'applied' | 'known' | 'defer' {
  if (tx.get('SELECT 1 AS x FROM payment_reversals WHERE id = ? OR payment_id = ?', [ev.id, ev.paymentId])) return 'known';
  const payment = tx.get<{ id: string }>('SELECT id FROM payments WHERE id = ? OR ntb = ?', [ev.paymentId, ev.ntb]);
  if (!payment) return 'defer';
  tx.run('INSERT INTO payment_reversals (id, payment_id, reversed_at, reason) VALUES (?,?,?,?)', [ev.id, payment.id, ev.reversedAt, ev.reason]);
  appendAudit(tx, { id: services.newId(), at: services.now(), actorId: null, actorName: 'sinkronisasi', action: 'sync.gateway_reversal', entity: 'payment', entityId: payment.id, after: { ntb: ev.ntb, reason: ev.reason } });
  return 'applied';
}

function applyEvent(tx: WriteTx, services: Services, ev: GatewayEvent): 'applied' | 'known' | 'defer' {
  return ev.type === 'payment' ? applyGatewayPayment(tx, services, ev) : applyGatewayReversal(tx, services, ev);
}

export interface PullResult {
  pages: number;
  applied: number;
  deferred: number;
  failed: boolean;
  error: string | null;
}

/** pulls gateway payments since the saved cursor; the cursor moves only with its page applied */
export async function pullGateway(services: Services, client: CentralClient, opts: { maxPages?: number; limit?: number } = {}): Promise<PullResult> {
  const { store } = services;
  const result: PullResult = { pages: 0, applied: 0, deferred: 0, failed: false, error: null };
  // first the events that had to wait: their bills may have arrived since
  const waiting = store.all<{ id: string; payload_json: string }>("SELECT id, payload_json FROM sync_deferred WHERE source = 'gateway' AND applied_at IS NULL ORDER BY first_seen_at");
  if (waiting.length) {
    store.write((tx) => {
      for (const w of waiting) {
        const outcome = applyEvent(tx, services, JSON.parse(w.payload_json) as GatewayEvent);
        if (outcome === 'defer') tx.run('UPDATE sync_deferred SET attempts = attempts + 1 WHERE id = ?', [w.id]);
        else {
          tx.run('UPDATE sync_deferred SET applied_at = ? WHERE id = ?', [services.now().toISOString(), w.id]);
          if (outcome === 'applied') result.applied++;
        }
      }
    });
  }
  for (let page = 0; page < (opts.maxPages ?? 50); page++) {
    const cursor = getState(store, 'cursor:gateway');
    let body;
    try {
      body = await client.pullGateway(cursor, opts.limit ?? CENTRAL.maxPageLimit);
      if (!Array.isArray(body.records) || typeof body.nextCursor !== 'string') throw new CentralError('Halaman dari server pusat tidak lengkap.', { retryable: true, status: null, code: 'BAD_RESPONSE' });
    } catch (err) {
      result.failed = true;
      result.error = err instanceof Error ? err.message : String(err);
      store.write((tx) => noteFailure(tx, result.error ?? '', services.now()));
      return result;
    }
    const records = body.records;
    const next = body.nextCursor;
    store.write((tx) => {
      for (const ev of records) {
        const outcome = applyEvent(tx, services, ev);
        if (outcome === 'applied') result.applied++;
        if (outcome === 'defer') {
          result.deferred++;
          tx.run(
            "INSERT INTO sync_deferred (id, source, payload_json, reason, first_seen_at) VALUES (?, 'gateway', ?, ?, ?) ON CONFLICT(id) DO UPDATE SET attempts = attempts + 1",
            [`gateway:${ev.id}`, JSON.stringify(ev), 'tagihan belum ada di terminal ini', services.now().toISOString()],
          );
        }
      }
      setState(tx, 'cursor:gateway', next);
      setState(tx, 'last_pull_at', services.now().toISOString());
      setState(tx, 'last_outcome', 'ok');
    });
    result.pages++;
    if (!body.hasMore) break;
  }
  return result;
}

type Source = 'master' | 'office';

function applyBySource(tx: WriteTx, services: Services, source: Source, rec: MasterRecord | OfficeRecord): ApplyOutcome {
  return source === 'master' ? applyMasterRecord(tx, rec as MasterRecord) : applyOfficeRecord(tx, services, rec as OfficeRecord);
}

function recordKey(source: Source, rec: MasterRecord | OfficeRecord): string {
  return source === 'master' ? `master:${(rec as MasterRecord).entity}:${rec.id}:${(rec as MasterRecord).version}` : `office:${(rec as OfficeRecord).kind}:${rec.id}`;
}

/** applies waiting records of a source until a pass makes no progress (references arrive in any order) */
function retryDeferred(tx: WriteTx, services: Services, source: Source): number {
  let applied = 0;
  for (let pass = 0; pass < 20; pass++) {
    const waiting = tx.all<{ id: string; payload_json: string }>('SELECT id, payload_json FROM sync_deferred WHERE source = ? AND applied_at IS NULL ORDER BY first_seen_at, id', [source]);
    let progress = 0;
    for (const w of waiting) {
      const outcome = applyBySource(tx, services, source, JSON.parse(w.payload_json) as MasterRecord | OfficeRecord);
      if (typeof outcome === 'object') continue;
      tx.run('UPDATE sync_deferred SET applied_at = ? WHERE id = ?', [services.now().toISOString(), w.id]);
      progress++;
      if (outcome === 'applied') applied++;
    }
    if (progress === 0) break;
  }
  return applied;
}

/** pulls master records or office records since the saved cursor and applies them */
export async function pullSource(services: Services, client: CentralClient, source: Source, opts: { maxPages?: number; limit?: number } = {}): Promise<PullResult> {
  const { store } = services;
  const result: PullResult = { pages: 0, applied: 0, deferred: 0, failed: false, error: null };
  for (let page = 0; page < (opts.maxPages ?? 200); page++) {
    const cursor = getState(store, `cursor:${source}`);
    let body: Page<MasterRecord> | Page<OfficeRecord>;
    try {
      body = source === 'master' ? await client.pullMaster(cursor, opts.limit ?? CENTRAL.maxPageLimit) : await client.pullOffice(cursor, opts.limit ?? CENTRAL.maxPageLimit);
      if (!Array.isArray(body.records) || typeof body.nextCursor !== 'string') throw new CentralError('Halaman dari server pusat tidak lengkap.', { retryable: true, status: null, code: 'BAD_RESPONSE' });
    } catch (err) {
      result.failed = true;
      result.error = err instanceof Error ? err.message : String(err);
      store.write((tx) => noteFailure(tx, result.error ?? '', services.now()));
      return result;
    }
    const records: (MasterRecord | OfficeRecord)[] = body.records;
    const next = body.nextCursor;
    store.write((tx) => {
      // pulled rows must not be queued back to the centre by the master triggers
      tx.run("UPDATE sync_flags SET value = 1 WHERE key = 'applying_pull'");
      for (const rec of records) {
        const outcome = applyBySource(tx, services, source, rec);
        if (outcome === 'applied') result.applied++;
        else if (typeof outcome === 'object') {
          result.deferred++;
          tx.run('INSERT INTO sync_deferred (id, source, payload_json, reason, first_seen_at) VALUES (?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET attempts = attempts + 1', [
            recordKey(source, rec), source, JSON.stringify(rec), outcome.defer, services.now().toISOString(),
          ]);
        }
      }
      result.applied += retryDeferred(tx, services, source);
      tx.run("UPDATE sync_flags SET value = 0 WHERE key = 'applying_pull'");
      setState(tx, `cursor:${source}`, next);
      setState(tx, 'last_pull_at', services.now().toISOString());
      setState(tx, 'last_outcome', 'ok');
    });
    result.pages++;
    if (!body.hasMore) break;
  }
  return result;
}

export interface SyncStatusRow {
  configured: boolean;
  centralUrl: string | null;
  online: boolean;
  pending: number;
  oldestPendingAt: string | null;
  deadLetters: number;
  deferred: number;
  overpaymentsOpen: number;
  lastSuccessAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
}

export function syncStatus(db: ReadApi, credential: Credential | null): SyncStatusRow {
  const pending = db.get<{ n: number; oldest: string | null }>(
    "SELECT count(*) AS n, min(CASE WHEN created_at = '' THEN NULL ELSE created_at END) AS oldest FROM outbox WHERE acked_at IS NULL AND dead_at IS NULL",
  );
  const lastSuccess = [getState(db, 'last_push_at'), getState(db, 'last_pull_at')].filter((x): x is string => x !== null).sort().pop() ?? null;
  const lastErrorAt = getState(db, 'last_error_at');
  const failing = getState(db, 'last_outcome') === 'error';
  return {
    configured: credential !== null,
    centralUrl: credential?.centralUrl ?? null,
    online: credential !== null && lastSuccess !== null && !failing,
    pending: pending?.n ?? 0,
    oldestPendingAt: pending?.oldest ?? null,
    deadLetters: db.get<{ n: number }>('SELECT count(*) AS n FROM outbox WHERE dead_at IS NOT NULL')?.n ?? 0,
    deferred: db.get<{ n: number }>('SELECT count(*) AS n FROM sync_deferred WHERE applied_at IS NULL')?.n ?? 0,
    overpaymentsOpen: db.get<{ n: number }>('SELECT count(*) AS n FROM overpayments o WHERE NOT EXISTS (SELECT 1 FROM overpayment_decisions d WHERE d.overpayment_id = o.id)')?.n ?? 0,
    lastSuccessAt: lastSuccess,
    lastError: failing ? getState(db, 'last_error') : null,
    lastErrorAt,
  };
}
