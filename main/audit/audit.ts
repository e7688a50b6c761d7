// The audit log: append-only (triggers refuse UPDATE/DELETE) and hash-chained, so an edit made
// behind the app's back — even one that drops the triggers — is found by verifyAudit.
import { createHash } from 'node:crypto';
import type { ReadApi, WriteTx } from '../store/types';
import type { AuditEntry, AuditVerifyResult } from '../../shared/contract/audit';
import { enqueue } from '../sync/outbox';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditInput {
  id: string;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  /** e.g. 'user.create', 'payment.create', 'tariff.create' */
  action: string;
  entity: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
}

interface AuditRow {
  seq: number;
  id: string;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
}

function hashOf(row: Omit<AuditRow, 'hash'>): string {
  const material = JSON.stringify([
    row.seq,
    row.id,
    row.at,
    row.actor_id,
    row.actor_name,
    row.action,
    row.entity,
    row.entity_id,
    row.before_json,
    row.after_json,
    row.prev_hash,
  ]);
  return createHash('sha256').update(material).digest('hex');
}

function toJson(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value);
}

/** Appends one entry inside the caller's write transaction (so it commits with the change). */
export function appendAudit(tx: WriteTx, entry: AuditInput): { seq: number; hash: string } {
  const last = tx.get<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  const row: Omit<AuditRow, 'hash'> = {
    seq: (last?.seq ?? 0) + 1,
    id: entry.id,
    at: entry.at.toISOString(),
    actor_id: entry.actorId,
    actor_name: entry.actorName,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId,
    before_json: toJson(entry.before),
    after_json: toJson(entry.after),
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  const hash = hashOf(row);
  tx.run(
    `INSERT INTO audit_log (seq, id, at, actor_id, actor_name, action, entity, entity_id, before_json, after_json, prev_hash, hash)
     VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`,
    [row.seq, row.id, row.at, row.actor_id, row.actor_name, row.action, row.entity, row.entity_id, row.before_json, row.after_json, row.prev_hash, hash],
  );
  enqueue(tx, 'audit', row.id, row.at);
  return { seq: row.seq, hash };
}

/** Walks the whole chain in seq order, in pages, recomputing every hash and link. */
export function verifyAudit(db: ReadApi, pageSize = 5000): AuditVerifyResult {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const rows = db.all<AuditRow>('SELECT * FROM audit_log WHERE seq >= ? ORDER BY seq LIMIT ?', [expectedSeq, pageSize]);
    if (rows.length === 0) break;
    for (const row of rows) {
      const { hash, ...rest } = row;
      if (row.seq !== expectedSeq || row.prev_hash !== prevHash || hashOf(rest) !== hash) {
        return { ok: false, checked, firstBadSeq: row.seq === expectedSeq ? row.seq : expectedSeq, headHash: null };
      }
      prevHash = hash;
      expectedSeq++;
      checked++;
    }
  }
  const total = db.get<{ n: number }>('SELECT count(*) AS n FROM audit_log')?.n ?? 0;
  if (total !== checked) return { ok: false, checked, firstBadSeq: expectedSeq, headHash: null };
  return { ok: true, checked, firstBadSeq: null, headHash: checked ? prevHash : null };
}

export function listAudit(db: ReadApi, opts: { limit: number; offset: number; entity?: string | undefined }): { entries: AuditEntry[]; total: number } {
  const where = opts.entity ? 'WHERE entity = ?' : '';
  const params = opts.entity ? [opts.entity] : [];
  const rows = db.all<AuditRow>(`SELECT * FROM audit_log ${where} ORDER BY seq DESC LIMIT ? OFFSET ?`, [...params, opts.limit, opts.offset]);
  const total = db.get<{ n: number }>(`SELECT count(*) AS n FROM audit_log ${where}`, params)?.n ?? 0;
  return {
    total,
    entries: rows.map((r) => ({
      seq: r.seq,
      at: r.at,
      actorId: r.actor_id,
      actorName: r.actor_name,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      before: r.before_json === null ? null : JSON.parse(r.before_json),
      after: r.after_json === null ? null : JSON.parse(r.after_json),
      hash: r.hash,
    })),
  };
}
