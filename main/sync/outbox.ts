// The outbox: every record the centre must receive gets a row here in the same transaction as
// the change itself, so a crash can never leave a payment that the centre will not hear of.
// The payload is built at push time from the record, which never changes after it is written.
import type { SqlValue, WriteTx } from '../store/types';

export type OutboxKind = 'bill' | 'payment' | 'void' | 'transfer_verification' | 'shift_closing' | 'deposit' | 'audit' | 'reversal' | 'overpayment';

function nextSeq(tx: WriteTx): number {
  return (tx.get<{ s: number | null }>('SELECT max(seq) AS s FROM outbox')?.s ?? 0) + 1;
}

/** one record into the outbox, its seq the next one — taken by the INSERT itself (one statement, replays alike; max(seq) is a seek on the seq index) */
export const ENQUEUE_SQL =
  'INSERT INTO outbox (id, seq, kind, record_id, created_at) SELECT ?, coalesce(max(seq), 0) + 1, ?, ?, ? FROM outbox WHERE true ON CONFLICT(id) DO NOTHING';

export function enqueue(tx: WriteTx, kind: OutboxKind, recordId: string, createdAt: string): void {
  tx.run(ENQUEUE_SQL, [`${kind}:${recordId}`, kind, recordId, createdAt]);
}

/** many records of one kind at once (a bill run), in multi-row statements */
export function enqueueMany(tx: WriteTx, kind: OutboxKind, recordIds: readonly string[], createdAt: string): void {
  let seq = nextSeq(tx);
  const BATCH = 200;
  for (let i = 0; i < recordIds.length; i += BATCH) {
    const chunk = recordIds.slice(i, i + BATCH);
    const params: SqlValue[] = [];
    for (const id of chunk) params.push(`${kind}:${id}`, seq++, kind, id, createdAt);
    tx.run(`INSERT INTO outbox (id, seq, kind, record_id, created_at) VALUES ${chunk.map(() => '(?,?,?,?,?)').join(',')} ON CONFLICT(id) DO NOTHING`, params);
  }
}
