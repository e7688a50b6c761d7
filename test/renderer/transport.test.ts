import { describe, expect, it, vi } from 'vitest';
import { bridgeTransport, httpTransport, isApiResponse, takeHostToken, TransportError } from '../../renderer/api/transport';
import { HOST } from '../../shared/wire';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
    data,
  };
}

describe('host token from the URL fragment', () => {
  it('takes the token once, keeps it for the tab and clears it from the address bar', () => {
    const storage = memoryStorage();
    const replaceHash = vi.fn();
    expect(takeHostToken({ hash: '#token=abc123', storage, replaceHash })).toBe('abc123');
    expect(replaceHash).toHaveBeenCalledWith('');
    // after a reload the fragment is gone; the tab's storage still has it
    expect(takeHostToken({ hash: '', storage, replaceHash: vi.fn() })).toBe('abc123');
  });

  it('keeps other fragment parameters', () => {
    const replaceHash = vi.fn();
    takeHostToken({ hash: '#token=t1&x=2', storage: null, replaceHash });
    expect(replaceHash).toHaveBeenCalledWith('x=2');
  });

  it('does not touch a route fragment and has no token without one', () => {
    const replaceHash = vi.fn();
    expect(takeHostToken({ hash: '#/kantor', storage: memoryStorage(), replaceHash })).toBeNull();
    expect(replaceHash).not.toHaveBeenCalled();
  });
});

describe('ApiResponse shape check', () => {
  it('accepts both arms and refuses anything else', () => {
    expect(isApiResponse({ ok: true, value: null })).toBe(true);
    expect(isApiResponse({ ok: false, error: { code: 'INTERNAL', message: 'x', params: {} } })).toBe(true);
    expect(isApiResponse({ ok: true })).toBe(false);
    expect(isApiResponse({ ok: false, error: 'x' })).toBe(false);
    expect(isApiResponse('<html>')).toBe(false);
    expect(isApiResponse(null)).toBe(false);
  });
});

describe('browser host transport', () => {
  it('POSTs the WireRequest with the token header', async () => {
    const fetchFn = vi.fn(async () => ({ status: 200, text: async () => JSON.stringify({ ok: true, value: 42 }) }));
    const t = httpTransport(fetchFn, 'tok');
    const res = await t.send({ op: 'setup.status', input: {}, session: null });
    expect(res).toEqual({ ok: true, value: 42 });
    expect(fetchFn).toHaveBeenCalledWith(HOST.invokePath, expect.objectContaining({ method: 'POST', body: JSON.stringify({ op: 'setup.status', input: {}, session: null }) }));
    const init = (fetchFn.mock.calls[0] as unknown as [string, { headers: Record<string, string> }])[1];
    expect(init.headers[HOST.tokenHeader]).toBe('tok');
  });

  it('uses the ApiResponse body of an error status', async () => {
    const body = { ok: false, error: { code: 'HOST_TOKEN', message: 'Token host tidak valid.', params: {} } };
    const t = httpTransport(async () => ({ status: 403, text: async () => JSON.stringify(body) }), null);
    expect(await t.send({ op: 'x', input: {}, session: null })).toEqual(body);
  });

  it('reports a failed connection as a network error', async () => {
    const t = httpTransport(async () => Promise.reject(new TypeError('Failed to fetch')), 'tok');
    await expect(t.send({ op: 'x', input: {}, session: null })).rejects.toMatchObject({ reason: 'network' });
  });

  it('reports a reply that is not an ApiResponse with its status', async () => {
    const t = httpTransport(async () => ({ status: 502, text: async () => '<html>Bad gateway</html>' }), 'tok');
    const err = await t.send({ op: 'x', input: {}, session: null }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TransportError);
    expect(err).toMatchObject({ reason: 'bad-response', status: 502 });
  });
});

describe('Electron bridge transport', () => {
  it('passes the request through and checks the answer', async () => {
    const invoke = vi.fn(async () => ({ ok: true as const, value: 'v' }));
    const t = bridgeTransport({ invoke, transport: 'ipc' });
    expect(t.kind).toBe('ipc');
    expect(await t.send({ op: 'auth.me', input: {}, session: 's' })).toEqual({ ok: true, value: 'v' });
    expect(invoke).toHaveBeenCalledWith({ op: 'auth.me', input: {}, session: 's' });
  });

  it('turns a rejected invoke into a network error', async () => {
    const t = bridgeTransport({ invoke: async () => Promise.reject(new Error('gone')), transport: 'ipc' });
    await expect(t.send({ op: 'x', input: {}, session: null })).rejects.toMatchObject({ reason: 'network' });
  });
});
