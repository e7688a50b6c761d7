// Every operation of the contract, called with malformed input and by every role it does not
// allow: each call is refused with a typed, Indonesian error and nothing in the store changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type OpName } from '../../../shared/contract';
import { ROLES, type Role } from '../../../shared/roles';
import { makeTestBackend, type TestBackend } from '../../helpers/backend';

let b: TestBackend;
const sessions = new Map<Role, string>();

beforeAll(async () => {
  b = await makeTestBackend();
  sessions.set('petugas', await b.login('loket1'));
  sessions.set('admin', await b.login('admin'));
  sessions.set('kepala', await b.login('kepala'));
  sessions.set('kiosk', await b.login('kios1'));
});
afterAll(() => b.dispose());

function fingerprint() {
  return { seq: b.services.store.lastSeq, audit: b.services.store.get<{ n: number }>('SELECT count(*) AS n FROM audit_log')?.n };
}

const ops = Object.keys(contract) as OpName[];

describe.each(ops)('%s', (op) => {
  const def = contract[op];
  const allowed = def.access.includes('public') ? [...ROLES] : ROLES.filter((r) => def.access.includes(r));
  const refused = def.access.includes('public') ? [] : ROLES.filter((r) => !def.access.includes(r));

  it('rejects malformed input without changing anything', async () => {
    const role = allowed[0] ?? 'admin';
    const before = fingerprint();
    for (const input of [{ unexpected: 'field' }, 'not-an-object', 42, [1, 2]]) {
      const error = await b.err(op, input, sessions.get(role) ?? null);
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.message).toMatch(/tidak valid/);
    }
    expect(fingerprint()).toEqual(before);
  });

  if (!def.access.includes('public')) {
    it('refuses a caller without a session', async () => {
      const before = fingerprint();
      expect((await b.err(op, {}, null)).code).toBe('NOT_AUTHENTICATED');
      expect((await b.err(op, {}, 'forged-token')).code).toBe('NOT_AUTHENTICATED');
      expect(fingerprint()).toEqual(before);
    });
  }

  it.each(refused.length ? refused : (['-'] as const))('refuses role %s', async (role) => {
    if (role === '-') return;
    const before = fingerprint();
    const error = await b.err(op, {}, sessions.get(role) ?? null);
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toMatch(/tidak berwenang/);
    expect(fingerprint()).toEqual(before);
  });
});

describe('router', () => {
  it('refuses an unknown operation', async () => {
    expect((await b.err('payments.deleteAll', {}, sessions.get('admin'))).code).toBe('UNKNOWN_OPERATION');
    expect((await b.err('__proto__', {}, sessions.get('admin'))).code).toBe('UNKNOWN_OPERATION');
    expect((await b.err('toString', {}, sessions.get('admin'))).code).toBe('UNKNOWN_OPERATION');
  });
  it('gives field messages in Bahasa Indonesia', async () => {
    const error = await b.err('users.create', { username: 'X', fullName: 'ab', role: 'petugas', password: 'short' }, sessions.get('admin'));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.fields?.username).toMatch(/minimal 3 karakter|huruf kecil/);
    expect(error.fields?.password).toMatch(/minimal 10 karakter/);
  });
});
