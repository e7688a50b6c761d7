// Whether the backend answers: fed by every call of the client, shown in the header.
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { TransportKind } from './transport';

export type ConnectionState = 'unknown' | 'online' | 'offline';

export interface ConnectionStore {
  state: ConnectionState;
  transport: TransportKind | null;
  /** ms since epoch of the last answer, null before the first */
  lastAnswerAt: number | null;
  report(reachable: boolean, transport: TransportKind, now?: number): void;
}

export const connectionStore = createStore<ConnectionStore>()((set) => ({
  state: 'unknown',
  transport: null,
  lastAnswerAt: null,
  report(reachable, transport, now = Date.now()) {
    set(reachable ? { state: 'online', transport, lastAnswerAt: now } : { state: 'offline', transport });
  },
}));

export function useConnection<T>(selector: (s: ConnectionStore) => T): T {
  return useStore(connectionStore, selector);
}
