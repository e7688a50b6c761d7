import { appendAudit } from './audit';
import { callerOf, type CallCtx } from '../api/context';
import type { WriteTx } from '../store/types';

/** one audit entry for what the calling user just did, inside the transaction that did it */
export function auditCaller(ctx: CallCtx, tx: WriteTx, action: string, entity: string, entityId: string, before: unknown, after: unknown): void {
  const caller = callerOf(ctx);
  appendAudit(tx, {
    id: ctx.services.newId(),
    at: ctx.services.now(),
    actorId: caller.user.id,
    actorName: caller.user.fullName,
    action,
    entity,
    entityId,
    before: before ?? undefined,
    after,
  });
}
