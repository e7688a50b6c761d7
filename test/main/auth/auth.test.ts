import { afterEach, describe, expect, it } from 'vitest';
import { makeTestBackend, type TestBackend } from '../../helpers/backend';
import { hashPassword, verifyPassword } from '../../../main/auth/password';

let b: TestBackend | undefined;
afterEach(async () => {
  await b?.dispose();
  b = undefined;
});

describe('passwords', () => {
  it('are scrypt hashes with their parameters and a salt', async () => {
    const h1 = await hashPassword('Rahasia12345');
    const h2 = await hashPassword('Rahasia12345');
    expect(h1).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(h1).not.toBe(h2);
    expect(await verifyPassword('Rahasia12345', h1)).toBe(true);
    expect(await verifyPassword('rahasia12345', h1)).toBe(false);
    expect(await verifyPassword('x', 'not-a-hash')).toBe(false);
  });
});

describe('login', () => {
  it('logs the demo clerk in and refuses a wrong password in Indonesian', async () => {
    b = await makeTestBackend();
    const token = await b.login('loket1');
    const me = await b.ok('auth.me', {}, token);
    expect(me.user).toMatchObject({ username: 'loket1', role: 'petugas' });
    // the office for the letterheads comes with the session
    expect(me).toMatchObject({ officeName: expect.stringContaining('Sukamakmur'), officeAddress: 'Jl. Pemuda No. 17, Sukamakmur, Jawa Tengah 59411' });
    const err = await b.err('auth.login', { username: 'loket1', password: 'salah' });
    expect(err).toMatchObject({ code: 'LOGIN_FAILED', message: 'Nama pengguna atau kata sandi salah.' });
    const unknown = await b.err('auth.login', { username: 'tidakada', password: 'salah' });
    expect(unknown.message).toBe(err.message); // no hint which part was wrong
  });

  it('locks the account after repeated failures, and an admin can unlock it', async () => {
    b = await makeTestBackend();
    for (let i = 0; i < 4; i++) expect((await b.err('auth.login', { username: 'loket2', password: 'salah' })).code).toBe('LOGIN_FAILED');
    expect((await b.err('auth.login', { username: 'loket2', password: 'salah' })).code).toBe('ACCOUNT_LOCKED');
    // even the right password is refused while locked
    const locked = await b.err('auth.login', { username: 'loket2', password: 'Retribusi2026' });
    expect(locked.code).toBe('ACCOUNT_LOCKED');
    expect(locked.message).toMatch(/dikunci sementara/);
    const admin = await b.login('admin');
    const users = await b.ok('users.list', {}, admin);
    const clerk = users.find((u) => u.username === 'loket2');
    expect(clerk?.lockedUntil).not.toBeNull();
    await b.ok('users.unlock', { userId: clerk?.id ?? '' }, admin);
    expect(await b.login('loket2')).toBeTruthy();
    const actions = b.services.store.all<{ action: string }>('SELECT action FROM audit_log ORDER BY seq').map((r) => r.action);
    expect(actions).toContain('auth.locked');
    expect(actions).toContain('user.unlock');
  });

  it('the lock ends by itself after the lock-out time', async () => {
    b = await makeTestBackend();
    for (let i = 0; i < 5; i++) await b.err('auth.login', { username: 'kepala', password: 'salah' });
    expect((await b.err('auth.login', { username: 'kepala', password: 'Retribusi2026' })).code).toBe('ACCOUNT_LOCKED');
    b.clock.advance(16 * 60_000);
    expect(await b.login('kepala')).toBeTruthy();
  });

  it('a session ends when idle longer than the setting, and on logout', async () => {
    b = await makeTestBackend();
    const token = await b.login('loket1');
    b.clock.advance(14 * 60_000);
    await b.ok('auth.me', {}, token); // still alive, and the idle timer restarts
    b.clock.advance(14 * 60_000);
    await b.ok('dashboard.counterToday', {}, token);
    b.clock.advance(16 * 60_000);
    expect((await b.err('auth.me', {}, token)).code).toBe('NOT_AUTHENTICATED');
    const t2 = await b.login('loket1');
    await b.ok('auth.logout', {}, t2);
    expect((await b.err('auth.me', {}, t2)).code).toBe('NOT_AUTHENTICATED');
  });
});

describe('first start outside the demo', () => {
  it('has no users and no default password; asks for the first admin once', async () => {
    b = await makeTestBackend({ profile: 'production' });
    const status = await b.ok('setup.status', {});
    expect(status).toMatchObject({ needsFirstAdmin: true, profile: 'production' });
    expect((await b.err('auth.login', { username: 'admin', password: 'Retribusi2026' })).code).toBe('LOGIN_FAILED');
    const weak = await b.err('setup.createFirstAdmin', { username: 'kepala.uptd', fullName: 'Ibu Kepala', password: 'pendek' });
    expect(weak.code).toBe('INVALID_INPUT');
    const session = await b.ok('setup.createFirstAdmin', { username: 'sri.w', fullName: 'Sri Wahyuni', password: 'KataSandi2026' });
    expect(session.user.role).toBe('admin');
    expect((await b.ok('setup.status', {})).needsFirstAdmin).toBe(false);
    expect((await b.err('setup.createFirstAdmin', { username: 'lain', fullName: 'Orang Lain', password: 'KataSandi2026' })).code).toBe('SETUP_DONE');
    const created = await b.ok('users.create', { username: 'loket1', fullName: 'Petugas Satu', role: 'petugas', password: 'Loket12345a' }, session.token);
    expect(created.role).toBe('petugas');
    expect((await b.err('users.create', { username: 'loket1', fullName: 'Petugas Dua', role: 'petugas', password: 'Loket12345a' }, session.token)).code).toBe('USERNAME_TAKEN');
    const counts = b.services.store.get<{ bills: number; levies: number }>('SELECT (SELECT count(*) FROM bills) AS bills, (SELECT count(*) FROM levies) AS levies');
    expect(counts).toEqual({ bills: 0, levies: 0 });
  });
});
