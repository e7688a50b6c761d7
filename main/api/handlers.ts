// Every operation's handler, one registry per domain. The type makes a missing handler a
// compile error, so the contract and the code cannot drift apart.
import type { Handlers } from './context';
import { authHandlers } from '../auth/app';
import { auditHandlers } from '../audit/app';
import { officeHandlers } from '../office/app';
import { billingHandlers } from '../billing/app';
import { masterHandlers } from '../master/app';
import { counterHandlers } from '../counter/app';
import { syncHandlers } from '../sync/app';
import { kioskHandlers } from '../sync/kiosk';

export const handlers: Handlers = {
  ...authHandlers,
  ...auditHandlers,
  ...officeHandlers,
  ...billingHandlers,
  ...masterHandlers,
  ...counterHandlers,
  ...syncHandlers,
  ...kioskHandlers,
};
