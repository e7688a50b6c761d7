// Operations of login, first-run setup and user management.
import { AppError } from '../../shared/errors';
import { businessDate, formatWib } from '../../shared/time';
import type { SessionInfo, SessionUser } from '../../shared/contract/auth';
import { appendAudit } from '../audit/audit';
import { readMeta } from '../office/meta';
import { callerOf, type CallCtx, type HandlersFor, type Services } from '../api/context';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password';
import { countUsers, findUserById, findUserByUsername, insertUser, toSessionUser, toUserRow } from './users';

export function officeName(services: Services): string {
  return readMeta(services.store, 'office_name', 'Kantor UPTD');
}

function sessionInfo(services: Services, token: string, user: SessionUser): SessionInfo {
  const idle = services.sessions.idleExpiresAt(token) ?? services.now();
  return {
    token,
    user,
    idleExpiresAt: idle.toISOString(),
    terminalCode: services.config.terminalCode,
    officeName: officeName(services),
    officeAddress: readMeta(services.store, 'office_address'),
  };
}

async function login(ctx: CallCtx, input: { username: string; password: string }): Promise<SessionInfo> {
  const { services } = ctx;
  const { store, config } = services;
  const user = findUserByUsername(store, input.username);
  // verify even for unknown names so the answer takes the same time
  const matches = await verifyPassword(input.password, user?.password_hash ?? DUMMY_HASH);
  const now = services.now();
  if (!user) throw new AppError('LOGIN_FAILED');
  if (user.disabled_at) throw new AppError('ACCOUNT_DISABLED');
  if (user.locked_until && user.locked_until > now.toISOString()) {
    throw new AppError('ACCOUNT_LOCKED', { until: formatWib(user.locked_until).replace(' WIB', '') });
  }
  if (!matches) {
    // read the counter inside the transaction: concurrent attempts must all count
    const { locks, lockedUntil } = store.write((tx) => {
      const attempts = (tx.get<{ n: number }>('SELECT failed_attempts AS n FROM users WHERE id = ?', [user.id])?.n ?? 0) + 1;
      const locks = attempts >= config.lockoutAttempts;
      const lockedUntil = locks ? new Date(now.getTime() + config.lockoutMinutes * 60_000).toISOString() : null;
      tx.run('UPDATE users SET failed_attempts = ?, locked_until = ? WHERE id = ?', [locks ? 0 : attempts, lockedUntil, user.id]);
      appendAudit(tx, {
        id: services.newId(),
        at: now,
        actorId: null,
        actorName: null,
        action: locks ? 'auth.locked' : 'auth.login_failed',
        entity: 'user',
        entityId: user.id,
        after: { username: user.username, attempts, lockedUntil },
      });
      return { locks, lockedUntil };
    });
    if (locks && lockedUntil) throw new AppError('ACCOUNT_LOCKED', { until: formatWib(lockedUntil).replace(' WIB', '') });
    throw new AppError('LOGIN_FAILED');
  }
  if (user.failed_attempts !== 0 || user.locked_until !== null) {
    store.write((tx) => tx.run('UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = ?', [user.id]));
  }
  const sessionUser = toSessionUser(user);
  const token = services.sessions.create(sessionUser, now);
  return sessionInfo(services, token, sessionUser);
}

export const authHandlers: HandlersFor<
  | 'setup.status'
  | 'setup.createFirstAdmin'
  | 'auth.login'
  | 'auth.logout'
  | 'auth.me'
  | 'auth.changePassword'
  | 'users.list'
  | 'users.create'
  | 'users.unlock'
> = {
  'setup.status': ({ services }) => ({
    needsFirstAdmin: countUsers(services.store) === 0,
    businessDate: businessDate(services.now()),
    profile: services.config.profile,
    officeName: officeName(services),
    terminalCode: services.config.terminalCode,
  }),

  'setup.createFirstAdmin': async ({ services }, input) => {
    if (countUsers(services.store) > 0) throw new AppError('SETUP_DONE');
    const passwordHash = await hashPassword(input.password);
    const now = services.now();
    const id = services.newId();
    services.store.write((tx) => {
      // checked again inside the transaction: two windows may submit at once
      if ((tx.get<{ n: number }>('SELECT count(*) AS n FROM users')?.n ?? 0) > 0) throw new AppError('SETUP_DONE');
      insertUser(tx, { id, username: input.username, fullName: input.fullName, role: 'admin', passwordHash, createdAt: now });
      appendAudit(tx, {
        id: services.newId(),
        at: now,
        actorId: id,
        actorName: input.fullName,
        action: 'user.create_first_admin',
        entity: 'user',
        entityId: id,
        after: { username: input.username, fullName: input.fullName, role: 'admin' },
      });
    });
    const user = findUserById(services.store, id);
    if (!user) throw new AppError('NOT_FOUND', { what: 'Pengguna' });
    const sessionUser = toSessionUser(user);
    const token = services.sessions.create(sessionUser, now);
    return sessionInfo(services, token, sessionUser);
  },

  'auth.login': login,

  'auth.logout': (ctx) => {
    ctx.services.sessions.end(callerOf(ctx).token);
    return { ok: true };
  },

  'auth.me': (ctx) => {
    const caller = callerOf(ctx);
    return sessionInfo(ctx.services, caller.token, caller.user);
  },

  'auth.changePassword': async (ctx, input) => {
    const { services } = ctx;
    const caller = callerOf(ctx);
    const user = findUserById(services.store, caller.user.id);
    if (!user) throw new AppError('NOT_FOUND', { what: 'Pengguna' });
    if (!(await verifyPassword(input.currentPassword, user.password_hash))) throw new AppError('WRONG_PASSWORD');
    const hash = await hashPassword(input.newPassword);
    services.store.write((tx) => {
      tx.run('UPDATE users SET password_hash = ? WHERE id = ?', [hash, user.id]);
      appendAudit(tx, {
        id: services.newId(),
        at: services.now(),
        actorId: caller.user.id,
        actorName: caller.user.fullName,
        action: 'user.change_password',
        entity: 'user',
        entityId: user.id,
      });
    });
    return { ok: true };
  },

  'users.list': ({ services }) =>
    services.store.all<Parameters<typeof toUserRow>[0]>('SELECT * FROM users ORDER BY role, username').map(toUserRow),

  'users.create': async (ctx, input) => {
    const { services } = ctx;
    const caller = callerOf(ctx);
    if (findUserByUsername(services.store, input.username)) {
      throw new AppError('USERNAME_TAKEN', { username: input.username }, { username: 'Nama pengguna sudah dipakai' });
    }
    const passwordHash = await hashPassword(input.password);
    const id = services.newId();
    const now = services.now();
    services.store.write((tx) => {
      insertUser(tx, { id, username: input.username, fullName: input.fullName, role: input.role, passwordHash, createdAt: now });
      appendAudit(tx, {
        id: services.newId(),
        at: now,
        actorId: caller.user.id,
        actorName: caller.user.fullName,
        action: 'user.create',
        entity: 'user',
        entityId: id,
        after: { username: input.username, fullName: input.fullName, role: input.role },
      });
    });
    const created = findUserById(services.store, id);
    if (!created) throw new AppError('NOT_FOUND', { what: 'Pengguna' });
    return toUserRow(created);
  },

  'users.unlock': (ctx, input) => {
    const { services } = ctx;
    const caller = callerOf(ctx);
    const user = findUserById(services.store, input.userId);
    if (!user) throw new AppError('NOT_FOUND', { what: 'Pengguna' });
    services.store.write((tx) => {
      tx.run('UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = ?', [user.id]);
      appendAudit(tx, {
        id: services.newId(),
        at: services.now(),
        actorId: caller.user.id,
        actorName: caller.user.fullName,
        action: 'user.unlock',
        entity: 'user',
        entityId: user.id,
        before: { failedAttempts: user.failed_attempts, lockedUntil: user.locked_until },
        after: { failedAttempts: 0, lockedUntil: null },
      });
    });
    const after = findUserById(services.store, user.id);
    if (!after) throw new AppError('NOT_FOUND', { what: 'Pengguna' });
    return toUserRow(after);
  },
};
