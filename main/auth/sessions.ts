// Login sessions live in memory only: a restart of the app ends them. A session ends when it
// has been idle longer than the configured minutes.
import { randomBytes } from 'node:crypto';
import type { SessionUser } from '../../shared/contract/auth';
import type { Caller } from '../api/context';

interface Entry {
  user: SessionUser;
  lastSeen: number;
}

export interface SessionRegistry {
  create(user: SessionUser, now: Date): string;
  /** the caller behind a token, refreshing its idle timer; null when unknown or expired */
  touch(token: string, now: Date): Caller | null;
  idleExpiresAt(token: string): Date | null;
  end(token: string): void;
  endAllFor(userId: string): void;
}

export function createSessionRegistry(idleMinutes: number): SessionRegistry {
  const sessions = new Map<string, Entry>();
  const idleMs = idleMinutes * 60_000;
  return {
    create(user, now) {
      const token = randomBytes(32).toString('base64url');
      sessions.set(token, { user, lastSeen: now.getTime() });
      return token;
    },
    touch(token, now) {
      const entry = sessions.get(token);
      if (!entry) return null;
      if (now.getTime() - entry.lastSeen > idleMs) {
        sessions.delete(token);
        return null;
      }
      entry.lastSeen = now.getTime();
      return { token, user: entry.user };
    },
    idleExpiresAt(token) {
      const entry = sessions.get(token);
      return entry ? new Date(entry.lastSeen + idleMs) : null;
    },
    end(token) {
      sessions.delete(token);
    },
    endAllFor(userId) {
      for (const [token, entry] of sessions) if (entry.user.id === userId) sessions.delete(token);
    },
  };
}
