import { describe, expect, it, vi } from 'vitest';
import { ClientError, createClient, type ClientHooks } from '../../renderer/api/client';
import { TransportError, type Transport } from '../../renderer/api/transport';
import { errorText } from '../../renderer/lib/errors';
import type { ApiResponse } from '../../shared/errors';
import type { WireRequest } from '../../shared/wire';

function setup(answer: (req: WireRequest) => Promise<ApiResponse<unknown>>, kind: Transport['kind'] = 'http', session: string | null = 'sess-1') {
  const sent: WireRequest[] = [];
  const hooks = {
    transport: () => ({ kind, send: async (req: WireRequest) => (sent.push(req), answer(req)) }),
    session: () => session,
    onUnauthenticated: vi.fn(),
    onReachable: vi.fn(),
  } satisfies ClientHooks;
  return { call: createClient(hooks), hooks, sent };
}

describe('client', () => {
  it('returns the value and sends the session token', async () => {
    const { call, sent, hooks } = setup(async () => ({ ok: true, value: { needsFirstAdmin: false } }));
    await expect(call('setup.status', {})).resolves.toEqual({ needsFirstAdmin: false });
    expect(sent[0]).toEqual({ op: 'setup.status', input: {}, session: 'sess-1' });
    expect(hooks.onReachable).toHaveBeenCalledWith(true, 'http');
  });

  it('sends no session for anonymous calls', async () => {
    const { call, sent } = setup(async () => ({ ok: true, value: {} }));
    await call('setup.status', {}, { anonymous: true });
    expect(sent[0]?.session).toBeNull();
  });

  it('throws a ClientError carrying the ApiError', async () => {
    const error = { code: 'LOGIN_FAILED' as const, message: 'Nama pengguna atau kata sandi salah.', params: {} };
    const { call } = setup(async () => ({ ok: false, error }));
    const err = await call('auth.login', { username: 'a', password: 'b' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClientError);
    expect(err).toMatchObject({ kind: 'api', code: 'LOGIN_FAILED', message: 'Nama pengguna atau kata sandi salah.' });
    expect(errorText(err, 'id')).toBe('Nama pengguna atau kata sandi salah.');
    expect(errorText(err, 'en')).toBe('Wrong username or password.');
  });

  it('renders the lock-out message with its parameters in English', async () => {
    const error = { code: 'ACCOUNT_LOCKED' as const, message: 'Akun dikunci … 14.20 WIB …', params: { until: '14.20' } };
    const { call } = setup(async () => ({ ok: false, error }));
    const err = await call('auth.login', { username: 'a', password: 'b' }).catch((e: unknown) => e);
    expect(errorText(err, 'id')).toBe('Akun dikunci … 14.20 WIB …');
    expect(errorText(err, 'en')).toContain('Try again after 14.20 WIB');
  });

  it('forgets the session on NOT_AUTHENTICATED', async () => {
    const error = { code: 'NOT_AUTHENTICATED' as const, message: 'Sesi tidak ada atau sudah berakhir. Silakan masuk kembali.', params: {} };
    const { call, hooks } = setup(async () => ({ ok: false, error }));
    await expect(call('auth.me', {})).rejects.toBeInstanceOf(ClientError);
    expect(hooks.onUnauthenticated).toHaveBeenCalledWith(error);
  });

  it('keeps field messages of invalid input', async () => {
    const error = { code: 'INVALID_INPUT' as const, message: 'x', params: {}, fields: { password: 'Kata sandi minimal 10 karakter' } };
    const { call } = setup(async () => ({ ok: false, error }));
    const err = (await call('setup.createFirstAdmin', { username: 'adm', fullName: 'Adi', password: 'x' }).catch((e: unknown) => e)) as ClientError;
    expect(err.fields).toEqual({ password: 'Kata sandi minimal 10 karakter' });
  });

  it('explains an unreachable browser host in Indonesian and marks the connection down', async () => {
    const { call, hooks } = setup(async () => Promise.reject(new TransportError('network', 'Failed to fetch')));
    const err = await call('auth.me', {}).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'network', code: 'BACKEND_UNAVAILABLE' });
    expect((err as Error).message).toMatch(/Tidak dapat terhubung/);
    expect(errorText(err, 'en')).toMatch(/Cannot reach the app service/);
    expect(hooks.onReachable).toHaveBeenCalledWith(false, 'http');
  });

  it('has its own message for a dead IPC bridge', async () => {
    const { call } = setup(async () => Promise.reject(new TransportError('network', 'x')), 'ipc');
    const err = await call('auth.me', {}).catch((e: unknown) => e);
    expect(errorText(err, 'id')).toBe('Layanan data tidak menjawab. Tutup dan buka kembali aplikasi.');
  });

  it('names the HTTP status of an unreadable reply', async () => {
    const { call } = setup(async () => Promise.reject(new TransportError('bad-response', 'HTTP 500', 500)));
    const err = await call('auth.me', {}).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'bad-response', status: 500 });
    expect(errorText(err, 'id')).toContain('HTTP 500');
  });
});
