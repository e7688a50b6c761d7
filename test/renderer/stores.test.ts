import { describe, expect, it } from 'vitest';
import { createResource } from '../../renderer/lib/resource';
import { fieldErrors } from '../../renderer/lib/validation';
import { createSessionStore, loadSession } from '../../renderer/session/store';
import { contract, type SessionInfo } from '../../shared/contract';

function memoryStorage() {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), removeItem: (k: string) => void data.delete(k), data };
}

const info: SessionInfo = {
  token: 'tok-1',
  user: { id: 'u1', username: 'loket1', fullName: 'Dewi Lestari', role: 'petugas' },
  idleExpiresAt: '2026-12-04T08:00:00Z',
  terminalCode: 'LKT01',
  officeName: 'UPTD Contoh',
  officeAddress: 'Jl. Contoh No. 1',
};

describe('session store', () => {
  it('keeps the session across a reload and forgets it at sign-out', () => {
    const storage = memoryStorage();
    const a = createSessionStore(storage);
    a.getState().signIn(info);
    expect(loadSession(storage)).toEqual(info);
    expect(createSessionStore(storage).getState().info).toEqual(info);
    a.getState().signOut({ code: 'NOT_AUTHENTICATED', message: 'Sesi berakhir', params: {} });
    expect(a.getState().info).toBeNull();
    expect(a.getState().notice?.code).toBe('NOT_AUTHENTICATED');
    expect(storage.data.size).toBe(0);
  });

  it('refresh keeps the token it has', () => {
    const s = createSessionStore(memoryStorage());
    s.getState().signIn(info);
    s.getState().refresh({ ...info, token: 'other', officeName: 'Baru' });
    expect(s.getState().info).toMatchObject({ token: 'tok-1', officeName: 'Baru' });
  });

  it('ignores garbage in storage', () => {
    const storage = memoryStorage();
    storage.setItem('loket.session', '{not json');
    expect(loadSession(storage)).toBeNull();
    storage.setItem('loket.session', JSON.stringify({ token: 1 }));
    expect(loadSession(storage)).toBeNull();
  });
});

describe('resource', () => {
  it('drops an answer to an older query that arrives late', async () => {
    const pending = new Map<string, (v: string) => void>();
    const r = createResource((q: string) => new Promise<string>((resolve) => pending.set(q, resolve)), '');
    const first = r.load('a');
    const second = r.load('ab');
    pending.get('ab')?.('rows for ab');
    await second;
    pending.get('a')?.('rows for a');
    await first;
    expect(r.store.getState()).toMatchObject({ query: 'ab', data: 'rows for ab', loading: false });
  });

  it('keeps the last data when a reload fails, and reset forgets everything', async () => {
    let fail = false;
    const r = createResource(async () => {
      if (fail) throw new Error('down');
      return 1;
    }, undefined);
    await r.load();
    fail = true;
    await r.load();
    expect(r.store.getState()).toMatchObject({ data: 1, loading: false });
    expect(r.store.getState().error).toBeInstanceOf(Error);
    r.reset();
    expect(r.store.getState()).toMatchObject({ data: null, error: null, loadedAt: null });
  });
});

describe('form validation with the contract schema', () => {
  it('gives the first message per field', () => {
    const errors = fieldErrors(contract['setup.createFirstAdmin'].input, { username: 'AB', fullName: 'Sri Wahyuningsih', password: 'pendek' });
    expect(errors.username).toBe('Nama pengguna minimal 3 karakter');
    expect(errors.password).toBe('Kata sandi minimal 10 karakter');
    expect(errors.fullName).toBeUndefined();
  });

  it('is empty for valid input', () => {
    expect(fieldErrors(contract['auth.login'].input, { username: 'loket1', password: 'x' })).toEqual({});
  });
});
