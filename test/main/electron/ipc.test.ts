import { describe, expect, it, vi } from 'vitest';
import type { Backend, CallOrigin } from '../../../main/backend/types';
import { createInvokeHandler, jsonDataProblem, senderInfoOf, validateWireRequest, type SenderEvent } from '../../../main/electron/ipc';
import type { WireRequest } from '../../../shared/wire';

const good = { op: 'auth.login', input: { username: 'loket1', password: 'x' }, session: null };

describe('validateWireRequest', () => {
  it('accepts the request shape both transports carry', () => {
    expect(validateWireRequest(good)).toEqual({ ok: true, request: good });
    expect(validateWireRequest({ op: 'dashboard.counterToday', input: {}, session: 'abc_DEF-123' })).toMatchObject({ ok: true });
    expect(validateWireRequest({ op: 'setup.status', session: null })).toEqual({ ok: true, request: { op: 'setup.status', input: undefined, session: null } });
    expect(validateWireRequest({ op: 'x.y', input: [1, 'a', null, true, { b: [] }], session: null })).toMatchObject({ ok: true });
  });

  const cyclic: Record<string, unknown> = { a: 1 };
  cyclic.self = cyclic;
  let deep: unknown = 1;
  for (let i = 0; i < 40; i++) deep = { d: deep };
  const protoKey = JSON.parse('{"__proto__": {"isAdmin": true}}') as unknown;

  const hostile: [string, unknown][] = [
    ['undefined', undefined],
    ['null', null],
    ['a string', 'auth.login'],
    ['a number', 1],
    ['an array', [good]],
    ['a Map', new Map(Object.entries(good))],
    ['a class instance', Object.assign(new (class Req {})(), good)],
    ['an object with toString', { toString: () => JSON.stringify(good) }],
    ['missing op', { input: {}, session: null }],
    ['missing session', { op: 'auth.login', input: {} }],
    ['session undefined', { op: 'auth.login', input: {}, session: undefined }],
    ['empty session', { ...good, session: '' }],
    ['session with spaces', { ...good, session: 'abc def' }],
    ['session with newline', { ...good, session: 'abc\ndef' }],
    ['session too long', { ...good, session: 'a'.repeat(300) }],
    ['session as object', { ...good, session: { token: 'x' } }],
    ['session as number', { ...good, session: 123 }],
    ['extra key', { ...good, role: 'admin' }],
    ['extra origin key', { ...good, origin: 'test' }],
    ['op as number', { ...good, op: 1 }],
    ['op as object with toString', { ...good, op: { toString: () => 'auth.login' } }],
    ['op empty', { ...good, op: '' }],
    ['op with spaces', { ...good, op: 'auth login' }],
    ['op with path', { ...good, op: '../auth.login' }],
    ['op __proto__', { ...good, op: '__proto__' }],
    ['op constructor-ish', { ...good, op: 'constructor.prototype' }],
    ['op toString', { ...good, op: 'auth.toString' }],
    ['op hasOwnProperty', { ...good, op: 'hasOwnProperty' }],
    ['op with trailing dot', { ...good, op: 'auth.' }],
    ['op with unicode', { ...good, op: 'auth.lоgin' }],
    ['op too long', { ...good, op: `a${'b'.repeat(80)}` }],
    ['input with Date', { ...good, input: { when: new Date() } }],
    ['input with Map', { ...good, input: new Map() }],
    ['input with typed array', { ...good, input: { data: new Uint8Array(4) } }],
    ['input with NaN', { ...good, input: { amount: NaN } }],
    ['input with Infinity', { ...good, input: { amount: Infinity } }],
    ['input with bigint', { ...good, input: { amount: 10n } }],
    ['input with function', { ...good, input: { f: () => 1 } }],
    ['input with symbol', { ...good, input: { s: Symbol('x') } }],
    ['input with undefined member', { ...good, input: [undefined] }],
    ['input cyclic', { ...good, input: cyclic }],
    ['input too deep', { ...good, input: deep }],
    ['input with __proto__ key', { ...good, input: protoKey }],
    ['input huge string', { ...good, input: 'x'.repeat(8_000_001) }],
  ];
  it.each(hostile)('refuses %s without throwing', (_label, raw) => {
    const result = validateWireRequest(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(['BAD_REQUEST', 'INVALID_INPUT']).toContain(result.error.code);
      expect(result.error.message).toMatch(/ditolak|tidak valid/);
    }
  });

  it('returns a fresh request object, not the caller’s', () => {
    const raw = { ...good };
    const result = validateWireRequest(raw);
    expect(result.ok && result.request).not.toBe(raw);
  });

  it('describes problems in Indonesian', () => {
    expect(jsonDataProblem({ a: new Date() })).toBe('hanya objek JSON biasa yang diterima');
    expect(jsonDataProblem([1, 2, 3])).toBeNull();
    expect(jsonDataProblem(Array.from({ length: 250_000 }, () => 0))).toBe('data terlalu besar');
    const shared = { x: 1 };
    expect(jsonDataProblem({ a: shared, b: shared })).toBeNull(); // repeated, not cyclic
  });
});

interface FakeFrame {
  url: string;
  parent: unknown;
  processId: number;
  routingId: number;
}

function fakeEvent(opts: { id?: number; url?: string; sub?: boolean; noFrame?: boolean; throwing?: boolean } = {}): SenderEvent {
  const mainFrame: FakeFrame = { url: opts.url ?? 'app://loket/index.html', parent: null, processId: 3, routingId: 1 };
  const subFrame: FakeFrame = { url: opts.url ?? 'app://loket/index.html', parent: mainFrame, processId: 3, routingId: 2 };
  const frame = opts.sub ? subFrame : mainFrame;
  if (opts.throwing) {
    return {
      sender: { id: opts.id ?? 1, mainFrame },
      get senderFrame(): FakeFrame {
        throw new Error('Render frame was disposed');
      },
    };
  }
  return { sender: { id: opts.id ?? 1, mainFrame }, senderFrame: opts.noFrame ? null : frame };
}

describe('senderInfoOf', () => {
  it('reads id, url and whether the frame is the main frame', () => {
    expect(senderInfoOf(fakeEvent())).toEqual({ webContentsId: 1, url: 'app://loket/index.html', isMainFrame: true });
    expect(senderInfoOf(fakeEvent({ sub: true }))?.isMainFrame).toBe(false);
    expect(senderInfoOf(fakeEvent({ noFrame: true }))).toBeNull();
    expect(senderInfoOf(fakeEvent({ throwing: true }))).toBeNull();
  });

  it('does not take a parentless frame of another process for the main frame', () => {
    const event = fakeEvent();
    const impostor = { url: 'app://loket/', parent: null, processId: 9, routingId: 1 };
    expect(senderInfoOf({ sender: event.sender, senderFrame: impostor })?.isMainFrame).toBe(false);
  });
});

function fakeBackend(impl?: (request: WireRequest, origin: CallOrigin) => Promise<unknown>): Backend & { calls: [WireRequest, CallOrigin][] } {
  const calls: [WireRequest, CallOrigin][] = [];
  return {
    calls,
    async call(request, origin) {
      calls.push([request, origin]);
      if (impl) return (await impl(request, origin)) as never;
      return { ok: true, value: { echoed: request.op } };
    },
    async close() {},
  };
}

describe('createInvokeHandler', () => {
  const windowIds = () => new Set([1]);

  it('forwards a valid call from our window with origin ipc', async () => {
    const backend = fakeBackend();
    const handler = createInvokeHandler({ backend: async () => backend, windowIds, log: () => {} });
    await expect(handler(fakeEvent(), good)).resolves.toEqual({ ok: true, value: { echoed: 'auth.login' } });
    expect(backend.calls).toEqual([[good, 'ipc']]);
  });

  it.each([
    ['another webContents', fakeEvent({ id: 2 })],
    ['a subframe', fakeEvent({ sub: true })],
    ['a page that navigated away', fakeEvent({ url: 'https://evil.com/' })],
    ['a destroyed frame', fakeEvent({ noFrame: true })],
    ['a frame that throws', fakeEvent({ throwing: true })],
  ])('refuses %s before looking at the request', async (_label, event) => {
    const backend = fakeBackend();
    const log = vi.fn();
    const handler = createInvokeHandler({ backend: async () => backend, windowIds, log });
    const res = await handler(event, good);
    expect(res).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(backend.calls).toHaveLength(0);
    expect(log).toHaveBeenCalledOnce();
  });

  it('answers a malformed request with BAD_REQUEST and never calls the backend', async () => {
    const backend = fakeBackend();
    const handler = createInvokeHandler({ backend: async () => backend, windowIds, log: () => {} });
    await expect(handler(fakeEvent(), { op: 'auth.login' })).resolves.toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(backend.calls).toHaveLength(0);
  });

  it('turns a backend that failed to start into BACKEND_UNAVAILABLE', async () => {
    const handler = createInvokeHandler({ backend: () => Promise.reject(new Error('db unreadable')), windowIds, log: () => {} });
    const res = await handler(fakeEvent(), good);
    expect(res).toMatchObject({ ok: false, error: { code: 'BACKEND_UNAVAILABLE' } });
  });

  it('never lets a thrown error reach the renderer: INTERNAL with a reference, details only in the log', async () => {
    const backend = fakeBackend(async () => {
      throw new Error('SQLITE_CORRUPT at /home/secret/path');
    });
    const log = vi.fn();
    const handler = createInvokeHandler({ backend: async () => backend, windowIds, log, makeRef: () => 'ab12cd34' });
    const res = await handler(fakeEvent(), good);
    expect(res).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: expect.stringContaining('ref ab12cd34') as unknown, params: { ref: 'ab12cd34' } },
    });
    expect(JSON.stringify(res)).not.toContain('SQLITE_CORRUPT');
    expect(String(log.mock.calls[0]?.[0])).toContain('SQLITE_CORRUPT');
  });

  it('survives a backend that throws a non-Error', async () => {
    const backend = fakeBackend(async () => {
      throw 'boom';
    });
    const handler = createInvokeHandler({ backend: async () => backend, windowIds, log: () => {} });
    await expect(handler(fakeEvent(), good)).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('reads the window list at every call', async () => {
    const ids = new Set<number>();
    const backend = fakeBackend();
    const handler = createInvokeHandler({ backend: async () => backend, windowIds: () => ids, log: () => {} });
    expect((await handler(fakeEvent(), good)).ok).toBe(false);
    ids.add(1);
    expect((await handler(fakeEvent(), good)).ok).toBe(true);
  });
});
