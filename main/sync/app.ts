import { AppError } from '../../shared/errors';
import type { OutboxEntry, OverpaymentRow } from '../../shared/contract/sync';
import { appendAudit } from '../audit/audit';
import { callerOf, type HandlersFor } from '../api/context';
import type { ReadApi } from '../store/types';

function overpayments(db: ReadApi, openOnly: boolean, id?: string): OverpaymentRow[] {
  return db
    .all<Omit<OverpaymentRow, 'decision'> & { decision: 'refund' | 'credit' | null; note: string | null; decidedBy: string | null; decidedAt: string | null }>(
      `SELECT o.id, o.bill_id AS billId, b.skrd_no AS skrdNo, b.idpel, py.name AS payerName, b.period, o.amount,
              kp.receipt_no AS keptReceipt, kp.channel AS keptChannel, ep.receipt_no AS extraReceipt, ep.channel AS extraChannel, o.detected_at AS detectedAt,
              d.decision, d.note, u.full_name AS decidedBy, d.decided_at AS decidedAt
         FROM overpayments o JOIN bills b ON b.id = o.bill_id JOIN payers py ON py.id = b.payer_id
         JOIN payments kp ON kp.id = o.kept_payment_id JOIN payments ep ON ep.id = o.extra_payment_id
         LEFT JOIN overpayment_decisions d ON d.overpayment_id = o.id LEFT JOIN users u ON u.id = d.decided_by
        WHERE (?1 = 0 OR d.overpayment_id IS NULL) AND (?2 IS NULL OR o.id = ?2) ORDER BY o.detected_at DESC LIMIT 200`,
      [openOnly ? 1 : 0, id ?? null],
    )
    .map(({ decision, note, decidedBy, decidedAt, ...r }) => ({ ...r, decision: decision ? { decision, note: note ?? '', by: decidedBy ?? '', at: decidedAt ?? '' } : null }));
}

export const syncHandlers: HandlersFor<'sync.status' | 'sync.now' | 'sync.enrol' | 'sync.outbox' | 'overpayment.list' | 'overpayment.decide'> = {
  'sync.status': ({ services }) => services.sync.status(),
  'sync.now': ({ services }) => services.sync.runOnce(),
  'sync.enrol': (ctx, input) => {
    const caller = callerOf(ctx);
    return ctx.services.sync.enrol(input, { id: caller.user.id, name: caller.user.fullName });
  },
  'sync.outbox': ({ services }, input) => {
    const where = input.state === 'dead' ? 'dead_at IS NOT NULL' : 'acked_at IS NULL AND dead_at IS NULL';
    const entries = services.store.all<OutboxEntry>(
      `SELECT id, kind, record_id AS recordId, created_at AS createdAt, attempts, next_attempt_at AS nextAttemptAt, last_error AS lastError, dead_at AS deadAt, dead_reason AS deadReason
         FROM outbox WHERE ${where} ORDER BY seq LIMIT ?`,
      [input.limit],
    );
    const total = services.store.get<{ n: number }>(`SELECT count(*) AS n FROM outbox WHERE ${where}`)?.n ?? 0;
    return { entries, total };
  },
  'overpayment.list': ({ services }, input) => overpayments(services.store, input.openOnly),
  'overpayment.decide': (ctx, input) => {
    const { services } = ctx;
    const caller = callerOf(ctx);
    services.store.write((tx) => {
      if (!tx.get('SELECT 1 AS x FROM overpayments WHERE id = ?', [input.id])) throw new AppError('NOT_FOUND', { what: 'Kelebihan bayar' });
      if (tx.get('SELECT 1 AS x FROM overpayment_decisions WHERE overpayment_id = ?', [input.id])) throw new AppError('CONFLICT', { detail: 'Kelebihan bayar ini sudah diputuskan.' });
      tx.run('INSERT INTO overpayment_decisions (overpayment_id, decision, note, decided_by, decided_at) VALUES (?,?,?,?,?)', [input.id, input.decision, input.note, caller.user.id, services.now().toISOString()]);
      appendAudit(tx, { id: services.newId(), at: services.now(), actorId: caller.user.id, actorName: caller.user.fullName, action: `overpayment.${input.decision}`, entity: 'overpayment', entityId: input.id, after: { decision: input.decision, note: input.note } });
    });
    const row = overpayments(services.store, false, input.id)[0];
    if (!row) throw new AppError('NOT_FOUND', { what: 'Kelebihan bayar' });
    return row;
  },
};

