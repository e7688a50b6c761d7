// Local users: creation, lookup, lock-out bookkeeping.
import type { ReadApi, WriteTx } from '../store/types';
import type { SessionUser, UserRow } from '../../shared/contract/auth';
import type { Role } from '../../shared/roles';

export interface UserRecord {
  id: string;
  username: string;
  full_name: string;
  role: Role;
  password_hash: string;
  created_at: string;
  disabled_at: string | null;
  failed_attempts: number;
  locked_until: string | null;
}

export function findUserByUsername(db: ReadApi, username: string): UserRecord | undefined {
  return db.get<UserRecord>('SELECT * FROM users WHERE username = ?', [username.trim().toLowerCase()]);
}

export function findUserById(db: ReadApi, id: string): UserRecord | undefined {
  return db.get<UserRecord>('SELECT * FROM users WHERE id = ?', [id]);
}

export function countUsers(db: ReadApi): number {
  return db.get<{ n: number }>('SELECT count(*) AS n FROM users')?.n ?? 0;
}

export function insertUser(
  tx: WriteTx,
  user: { id: string; username: string; fullName: string; role: Role; passwordHash: string; createdAt: Date },
): void {
  tx.run('INSERT INTO users (id, username, full_name, role, password_hash, created_at) VALUES (?,?,?,?,?,?)', [
    user.id,
    user.username.toLowerCase(),
    user.fullName,
    user.role,
    user.passwordHash,
    user.createdAt.toISOString(),
  ]);
}

export function toSessionUser(u: UserRecord): SessionUser {
  return { id: u.id, username: u.username, fullName: u.full_name, role: u.role };
}

export function toUserRow(u: UserRecord): UserRow {
  return {
    ...toSessionUser(u),
    createdAt: u.created_at,
    disabled: u.disabled_at !== null,
    lockedUntil: u.locked_until,
    failedAttempts: u.failed_attempts,
  };
}
