import type { Store } from '../store/types';
import type { AppConfig } from '../config';
import type { OpName, OpParsedInput, OpResult } from '../../shared/contract';
import type { SessionUser } from '../../shared/contract/auth';
import type { CallOrigin } from '../backend/types';
import type { SessionRegistry } from '../auth/sessions';
import type { SearchIndex } from '../billing/search';
import type { Signer } from '../counter/signing';
import type { SyncService } from '../sync/service';

/** Everything a handler may use. Passed in, never imported, so tests can swap the clock and ids. */
export interface Services {
  store: Store;
  /** the clock: fines, due dates and business dates are computed from it */
  now: () => Date;
  /** ids unique across terminals (UUIDv7: time-ordered) */
  newId: () => string;
  config: AppConfig;
  sessions: SessionRegistry;
  /** the in-memory payer search index (rebuilt when master data changes) */
  search: SearchIndex;
  /** the terminal's Ed25519 key that signs receipts */
  signer: Signer;
  /** push/pull with the central API */
  sync: SyncService;
  log: (line: string) => void;
}

export interface Caller {
  token: string;
  user: SessionUser;
}

export interface CallCtx {
  services: Services;
  /** null only for 'public' operations called before login */
  caller: Caller | null;
  origin: CallOrigin;
}

export type Handler<K extends OpName> = (ctx: CallCtx, input: OpParsedInput<K>) => OpResult<K> | Promise<OpResult<K>>;
export type Handlers = { [K in OpName]: Handler<K> };
export type HandlersFor<K extends OpName> = { [P in K]: Handler<P> };

/** the caller of an operation that requires login (the router guarantees it is there) */
export function callerOf(ctx: CallCtx): Caller {
  if (!ctx.caller) throw new Error('operasi ini memerlukan sesi');
  return ctx.caller;
}
