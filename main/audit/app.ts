import type { HandlersFor } from '../api/context';
import { listAudit, verifyAudit } from './audit';

export const auditHandlers: HandlersFor<'audit.list' | 'audit.verify'> = {
  'audit.list': ({ services }, input) => listAudit(services.store, input),
  'audit.verify': ({ services }) => verifyAudit(services.store),
};
