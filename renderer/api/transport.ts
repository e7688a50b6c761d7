// How a WireRequest reaches the backend: the Electron preload bridge when it is there,
// otherwise the browser host over HTTP on loopback. Pure pieces take their environment as
// arguments so they are tested in plain Node.
import type { ApiResponse } from '../../shared/errors';
import { HOST, type LoketBridge, type WireRequest } from '../../shared/wire';

export type TransportKind = LoketBridge['transport'];

export interface Transport {
  readonly kind: TransportKind;
  send(request: WireRequest): Promise<ApiResponse<unknown>>;
}

/** The transport failed before an ApiResponse came back (no server, bad reply). */
export class TransportError extends Error {
  override name = 'TransportError';
  readonly reason: 'network' | 'bad-response';
  readonly status: number | null;
  constructor(reason: 'network' | 'bad-response', detail: string, status: number | null = null) {
    super(detail);
    this.reason = reason;
    this.status = status;
  }
}

const TOKEN_KEY = 'loket.hostToken';

interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/**
 * The browser host puts its per-run token in the URL fragment (never sent to a server).
 * Read it once, keep it for this tab in sessionStorage so a reload still works, and take it
 * out of the address bar so it is not bookmarked or shoulder-surfed.
 */
export function takeHostToken(env: {
  hash: string;
  storage: StorageLike | null;
  /** replaces the fragment in the address bar; gets the fragment to keep ('' for none) */
  replaceHash: (rest: string) => void;
}): string | null {
  const fragment = env.hash.startsWith('#') ? env.hash.slice(1) : env.hash;
  const params = new URLSearchParams(fragment);
  const fromUrl = params.get(HOST.tokenFragment);
  if (fromUrl) {
    env.storage?.setItem(TOKEN_KEY, fromUrl);
    params.delete(HOST.tokenFragment);
    env.replaceHash(params.toString());
    return fromUrl;
  }
  return env.storage?.getItem(TOKEN_KEY) ?? null;
}

export function isApiResponse(value: unknown): value is ApiResponse<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { ok?: unknown; error?: unknown };
  if (v.ok === true) return 'value' in v;
  if (v.ok === false) {
    const e = v.error as { code?: unknown; message?: unknown } | null | undefined;
    return typeof e === 'object' && e !== null && typeof e.code === 'string' && typeof e.message === 'string';
  }
  return false;
}

export function bridgeTransport(bridge: LoketBridge): Transport {
  return {
    kind: bridge.transport,
    async send(request) {
      let response: unknown;
      try {
        response = await bridge.invoke(request);
      } catch (err) {
        // an IPC failure means the main process side is gone or refused the channel
        throw new TransportError('network', err instanceof Error ? err.message : String(err));
      }
      if (!isApiResponse(response)) throw new TransportError('bad-response', 'bridge returned no ApiResponse');
      return response;
    },
  };
}

type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body: string; credentials: 'same-origin' }) => Promise<{
  status: number;
  text(): Promise<string>;
}>;

export function httpTransport(fetchFn: FetchLike, token: string | null, baseUrl = ''): Transport {
  return {
    kind: 'http',
    async send(request) {
      let res: Awaited<ReturnType<FetchLike>>;
      try {
        res = await fetchFn(`${baseUrl}${HOST.invokePath}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [HOST.tokenHeader]: token ?? '' },
          body: JSON.stringify(request),
          credentials: 'same-origin',
        });
      } catch (err) {
        throw new TransportError('network', err instanceof Error ? err.message : String(err));
      }
      const text = await res.text().catch(() => '');
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        throw new TransportError('bad-response', `HTTP ${res.status}`, res.status);
      }
      // the host answers errors (401, 403, 400 …) with an ApiResponse body too: use it
      if (!isApiResponse(body)) throw new TransportError('bad-response', `HTTP ${res.status}`, res.status);
      return body;
    },
  };
}

/** Pick the transport for this window: the preload bridge wins, else the browser host. */
export function detectTransport(): Transport {
  const bridge = (window as Window & { loket?: LoketBridge }).loket;
  if (bridge && typeof bridge.invoke === 'function') return bridgeTransport(bridge);
  const storage = safeSessionStorage();
  const token = takeHostToken({
    hash: window.location.hash,
    storage,
    replaceHash: (rest) => {
      const url = `${window.location.pathname}${window.location.search}${rest ? `#${rest}` : ''}`;
      window.history.replaceState(window.history.state, '', url);
    },
  });
  return httpTransport((url, init) => window.fetch(url, init), token);
}

export function safeSessionStorage(): StorageLike | null {
  try {
    return window.sessionStorage;
  } catch {
    return null; // storage can be disabled by policy; the app still works for this page view
  }
}

export function safeLocalStorage(): StorageLike | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
