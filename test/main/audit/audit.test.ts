import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestBackend, type TestBackend } from '../../helpers/backend';
import { verifyAudit } from '../../../main/audit/audit';

let b: TestBackend;
let admin: string;
beforeAll(async () => {
  b = await makeTestBackend();
  admin = await b.login('admin');
  for (let i = 0; i < 3; i++) {
    await b.ok('users.create', { username: `petugas${i}`, fullName: `Petugas Nomor ${i}`, role: 'petugas', password: 'Petugas12345' }, admin);
  }
});
afterAll(() => b.dispose());

describe('audit log', () => {
  it('records who did what, with before/after, and verifies', async () => {
    const { entries } = await b.ok('audit.list', { limit: 10 }, admin);
    const created = entries.find((e) => e.action === 'user.create');
    expect(created).toMatchObject({ actorName: 'Sri Wahyuningsih', entity: 'user' });
    expect(created?.after).toMatchObject({ role: 'petugas' });
    const result = await b.ok('audit.verify', {}, admin);
    expect(result.ok).toBe(true);
    expect(result.checked).toBeGreaterThanOrEqual(4);
  });

  it('cannot be edited or deleted through SQL', () => {
    expect(() => b.services.store.write((tx) => tx.run("UPDATE audit_log SET actor_name = 'x' WHERE seq = 1"))).toThrow(/tidak boleh diubah/);
    expect(() => b.services.store.write((tx) => tx.run('DELETE FROM audit_log WHERE seq = 1'))).toThrow(/tidak boleh dihapus/);
  });

  it('detects an edit made behind the app (triggers dropped), and a deleted entry', async () => {
    const tampered = await makeTestBackend();
    const a = await tampered.login('admin');
    await tampered.ok('users.create', { username: 'budi', fullName: 'Budi Santoso', role: 'petugas', password: 'Petugas12345' }, a);
    await tampered.ok('users.create', { username: 'wati', fullName: 'Wati Utami', role: 'petugas', password: 'Petugas12345' }, a);
    expect(verifyAudit(tampered.services.store).ok).toBe(true);
    tampered.services.store.write((tx) => {
      tx.run('DROP TRIGGER audit_log_no_update');
      tx.run("UPDATE audit_log SET after_json = replace(after_json, 'petugas', 'admin') WHERE action = 'user.create' AND entity_id = (SELECT id FROM users WHERE username = 'budi')");
    });
    const bad = await tampered.ok('audit.verify', {}, a);
    expect(bad.ok).toBe(false);
    const seq = tampered.services.store.get<{ seq: number }>("SELECT seq FROM audit_log WHERE after_json LIKE '%budi%'")?.seq;
    expect(bad.firstBadSeq).toBe(seq);
    await tampered.dispose();

    const deleted = await makeTestBackend();
    const d = await deleted.login('admin');
    await deleted.ok('users.create', { username: 'budi', fullName: 'Budi Santoso', role: 'petugas', password: 'Petugas12345' }, d);
    await deleted.ok('users.create', { username: 'wati', fullName: 'Wati Utami', role: 'petugas', password: 'Petugas12345' }, d);
    deleted.services.store.write((tx) => {
      tx.run('DROP TRIGGER audit_log_no_delete');
      tx.run("DELETE FROM audit_log WHERE action = 'user.create' AND after_json LIKE '%budi%'");
    });
    expect(verifyAudit(deleted.services.store)).toMatchObject({ ok: false });
    await deleted.dispose();
  });
});
