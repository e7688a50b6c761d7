// Pulls by cursor. A cursor is the high-water mark of one stream's sequence numbers; a page holds
// the records after it, in sequence order — unless the reorder fault shuffles the page or the
// duplicate fault mixes in records from before the cursor. Neither loses a record: nextCursor is
// always the highest sequence number of the fresh records.
import type { GatewayEvent, MasterRecord, OfficeRecord, Page, PushKind } from '../../shared/central-api/types';
import { CENTRAL, PUSH_KINDS } from '../../shared/central-api/types';
import type { ReadApi, SqlValue } from '../store/types';
import type { FaultDecision, Faults } from './faults';
import type { Terminal } from './terminals';
import { CentralError, decodeCursor, encodeCursor } from './util';

export interface PullOptions {
  cursor: string | undefined;
  limit: number | undefined;
  now: Date;
  faults: Faults;
  decision: FaultDecision;
}

interface Seqd<T> {
  seq: number;
  record: T;
}

function page<T>(stream: 'm' | 'g' | 'o', opts: PullOptions, fetch: (after: number, limit: number) => Seqd<T>[], before: (upTo: number, n: number) => Seqd<T>[]): Page<T> {
  const after = decodeCursor(stream, opts.cursor);
  const limit = opts.limit ?? CENTRAL.defaultPageLimit;
  const rows = fetch(after, limit + 1);
  const hasMore = rows.length > limit;
  const fresh = rows.slice(0, limit);
  const last = fresh[fresh.length - 1];
  let records = fresh.map((r) => r.record);
  if (opts.decision.duplicate && after > 0) {
    const again = before(after, opts.faults.int(1, 3)).map((r) => r.record);
    if (again.length > 0) {
      opts.faults.count('duplicate');
      records = [...records, ...again];
    }
  }
  if (opts.decision.reorder && records.length > 1) {
    opts.faults.count('reorder');
    records = opts.faults.shuffle(records);
  }
  return { records, nextCursor: encodeCursor(stream, last ? last.seq : after), hasMore, serverTime: opts.now.toISOString() };
}

interface MasterRow {
  entity: string;
  id: string;
  version: number;
  deleted: number;
  data_json: string;
  updated_at: string;
  seq: number;
}

function masterOut(r: MasterRow): Seqd<MasterRecord> {
  return { seq: r.seq, record: { entity: r.entity, id: r.id, version: r.version, data: JSON.parse(r.data_json) as Record<string, unknown>, deleted: r.deleted === 1, updatedAt: r.updated_at } };
}

export function pullMaster(db: ReadApi, terminal: Terminal, opts: PullOptions): Page<MasterRecord> {
  const cols = 'entity, id, version, deleted, data_json, updated_at, seq';
  return page(
    'm',
    opts,
    (after, n) => db.all<MasterRow>(`SELECT ${cols} FROM master_records WHERE scope IN ('*', ?) AND seq > ? ORDER BY seq LIMIT ?`, [terminal.officeCode, after, n]).map(masterOut),
    (upTo, n) => db.all<MasterRow>(`SELECT ${cols} FROM master_records WHERE scope IN ('*', ?) AND seq <= ? ORDER BY seq DESC LIMIT ?`, [terminal.officeCode, upTo, n]).map(masterOut),
  );
}

function eventOut(r: { seq: number; body_json: string }): Seqd<GatewayEvent> {
  return { seq: r.seq, record: JSON.parse(r.body_json) as GatewayEvent };
}

export function pullGateway(db: ReadApi, terminal: Terminal, opts: PullOptions): Page<GatewayEvent> {
  return page(
    'g',
    opts,
    (after, n) => db.all<{ seq: number; body_json: string }>('SELECT seq, body_json FROM gateway_events WHERE office_code = ? AND seq > ? ORDER BY seq LIMIT ?', [terminal.officeCode, after, n]).map(eventOut),
    (upTo, n) => db.all<{ seq: number; body_json: string }>('SELECT seq, body_json FROM gateway_events WHERE office_code = ? AND seq <= ? ORDER BY seq DESC LIMIT ?', [terminal.officeCode, upTo, n]).map(eventOut),
  );
}

const DEFAULT_OFFICE_KINDS = PUSH_KINDS.filter((k) => k !== 'audit' && k !== 'master');

export function parseKinds(text: string | undefined): PushKind[] {
  if (!text) return [...DEFAULT_OFFICE_KINDS];
  const kinds = text.split(',');
  const unknown = kinds.filter((k) => !(DEFAULT_OFFICE_KINDS as readonly string[]).includes(k) && k !== 'audit');
  if (unknown.length > 0) throw new CentralError(400, 'INVALID_REQUEST', `Jenis catatan tidak dikenal: ${unknown.join(', ')}.`);
  return kinds as PushKind[];
}

interface OfficeRow {
  seq: number;
  kind: PushKind;
  id: string;
  terminal_code: string;
  received_at: string;
  data_json: string;
}

function officeOut(r: OfficeRow): Seqd<OfficeRecord> {
  return { seq: r.seq, record: { kind: r.kind, id: r.id, terminalCode: r.terminal_code, receivedAt: r.received_at, data: JSON.parse(r.data_json) as Record<string, unknown> } };
}

export function pullOffice(db: ReadApi, terminal: Terminal, opts: PullOptions & { kinds: PushKind[]; includeOwn: boolean }): Page<OfficeRecord> {
  const marks = opts.kinds.map(() => '?').join(',');
  const where = `r.office_code = ? AND r.kind IN (${marks}) AND (? = 1 OR r.terminal_id <> ?)`;
  const base: SqlValue[] = [terminal.officeCode, ...opts.kinds, opts.includeOwn ? 1 : 0, terminal.id];
  const select = 'SELECT r.seq, r.kind, r.id, t.terminal_code, r.received_at, r.data_json FROM records r JOIN terminals t ON t.id = r.terminal_id';
  return page(
    'o',
    opts,
    (after, n) => db.all<OfficeRow>(`${select} WHERE ${where} AND r.seq > ? ORDER BY r.seq LIMIT ?`, [...base, after, n]).map(officeOut),
    (upTo, n) => db.all<OfficeRow>(`${select} WHERE ${where} AND r.seq <= ? ORDER BY r.seq DESC LIMIT ?`, [...base, upTo, n]).map(officeOut),
  );
}
