// The one typed client of the API contract. Every screen calls `call(op, input)`; it throws a
// ClientError when the answer is {ok:false} or when the backend cannot be reached.
import type { OpInput, OpName, OpResult } from '../../shared/contract';
import type { ApiError, ApiResponse } from '../../shared/errors';
import type { WireRequest } from '../../shared/wire';
import { id as idTexts } from '../i18n/id';
import { TransportError, type Transport } from './transport';

export type ClientErrorKind = 'api' | 'network' | 'bad-response';

export class ClientError extends Error {
  override name = 'ClientError';
  readonly kind: ClientErrorKind;
  /** for 'network' and 'bad-response' this is synthesised (code BACKEND_UNAVAILABLE) so screens handle one shape */
  readonly error: ApiError;
  /** HTTP status when a bad response came from the browser host */
  readonly status: number | null;
  constructor(kind: ClientErrorKind, error: ApiError, status: number | null = null) {
    super(error.message);
    this.kind = kind;
    this.error = error;
    this.status = status;
  }
  get code(): ApiError['code'] {
    return this.error.code;
  }
  get fields(): Record<string, string> {
    return this.error.fields ?? {};
  }
}

export function isClientError(err: unknown): err is ClientError {
  return err instanceof ClientError;
}

export interface ClientHooks {
  transport: () => Transport;
  /** the session token to send, null before login */
  session: () => string | null;
  /** the backend no longer knows the session: forget it and show the login screen */
  onUnauthenticated: (error: ApiError) => void;
  /** every call reports whether the backend answered at all */
  onReachable: (reachable: boolean, kind: Transport['kind']) => void;
}

export interface CallOptions {
  /** send no session token (health pings must not keep an idle session alive) */
  anonymous?: boolean;
}

export type Call = <K extends OpName>(op: K, input: OpInput<K>, options?: CallOptions) => Promise<OpResult<K>>;

export function createClient(hooks: ClientHooks): Call {
  return async function call<K extends OpName>(op: K, input: OpInput<K>, options: CallOptions = {}): Promise<OpResult<K>> {
    const transport = hooks.transport();
    const request: WireRequest = { op, input, session: options.anonymous ? null : hooks.session() };
    let response: ApiResponse<unknown>;
    try {
      response = await transport.send(request);
    } catch (err) {
      if (err instanceof TransportError) {
        if (err.reason === 'network') {
          hooks.onReachable(false, transport.kind);
          const message = transport.kind === 'ipc' ? idTexts['error.ipc'] : idTexts['error.network'];
          throw new ClientError('network', { code: 'BACKEND_UNAVAILABLE', message, params: { transport: transport.kind } });
        }
        hooks.onReachable(true, transport.kind);
        const status = err.status === null ? '' : String(err.status);
        const message = idTexts['error.badResponse'].replace('{status}', status);
        throw new ClientError('bad-response', { code: 'BACKEND_UNAVAILABLE', message, params: { status } }, err.status);
      }
      throw err;
    }
    hooks.onReachable(true, transport.kind);
    if (response.ok) return response.value as OpResult<K>;
    // the session token is stale only when we actually sent one (a public op never says so)
    if (response.error.code === 'NOT_AUTHENTICATED' && request.session !== null) hooks.onUnauthenticated(response.error);
    throw new ClientError('api', response.error);
  };
}
