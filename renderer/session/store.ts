// The login session: kept in memory and in sessionStorage so a reload of the window keeps it,
// but closing the window (or the browser tab) ends it.
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { SessionInfo } from '../../shared/contract';
import type { ApiError } from '../../shared/errors';

const KEY = 'loket.session';

interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface SessionStore {
  info: SessionInfo | null;
  /** why the login screen is shown again (session expired …); rendered there as an alert */
  notice: ApiError | null;
  signIn(info: SessionInfo): void;
  /** replace the user/office details (auth.me) without touching the token */
  refresh(info: SessionInfo): void;
  signOut(notice?: ApiError | null): void;
  clearNotice(): void;
}

function isSessionInfo(value: unknown): value is SessionInfo {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<SessionInfo>;
  return typeof v.token === 'string' && typeof v.user === 'object' && v.user !== null && typeof v.user.role === 'string';
}

export function loadSession(storage: StorageLike | null): SessionInfo | null {
  const raw = storage?.getItem(KEY);
  if (!raw) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    return isSessionInfo(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

export function createSessionStore(storage: StorageLike | null) {
  const store = createStore<SessionStore>()((set) => ({
    info: loadSession(storage),
    notice: null,
    signIn: (info) => set({ info, notice: null }),
    refresh: (info) => set((s) => ({ info: s.info ? { ...info, token: s.info.token } : s.info })),
    signOut: (notice = null) => set({ info: null, notice }),
    clearNotice: () => set({ notice: null }),
  }));
  store.subscribe((s, prev) => {
    if (s.info === prev.info) return;
    try {
      if (s.info) storage?.setItem(KEY, JSON.stringify(s.info));
      else storage?.removeItem(KEY);
    } catch {
      // a full or disabled storage only costs the reload convenience
    }
  });
  return store;
}

function sessionStorageOrNull(): StorageLike | null {
  try {
    return typeof window === 'undefined' ? null : window.sessionStorage;
  } catch {
    return null;
  }
}

export const sessionStore = createSessionStore(sessionStorageOrNull());

export function useSession<T>(selector: (s: SessionStore) => T): T {
  return useStore(sessionStore, selector);
}
