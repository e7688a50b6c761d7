// Sync area state: the status the header shows (polled), the outbox queue and its dead letters,
// the overpayments — and the poller that keeps the status fresh without keeping an idle login
// alive.
import type { SyncStatus } from '../../shared/contract';
import { call } from '../api';
import { createResource } from '../lib/resource';

export const syncStatus = createResource(() => call('sync.status', {}), undefined);

export const OUTBOX_LIMIT = 200;
export const outboxPending = createResource(() => call('sync.outbox', { state: 'pending', limit: OUTBOX_LIMIT }), undefined);
export const outboxDead = createResource(() => call('sync.outbox', { state: 'dead', limit: OUTBOX_LIMIT }), undefined);
/** query: open (undecided) ones only? */
export const overpayments = createResource((openOnly: boolean) => call('overpayment.list', { openOnly }), true);

/** push + pull now; the answer is the status after the run, shown at once */
export async function syncNow(): Promise<SyncStatus> {
  syncStatus.store.setState((s) => (s.data ? { data: { ...s.data, running: true } } : s));
  try {
    const status = await call('sync.now', {});
    syncStatus.store.setState({ data: status, error: null, loadedAt: Date.now() });
    return status;
  } finally {
    // a poll that left before the run must not paint its older answer over this one
    void syncStatus.load();
  }
}

/** the header asks every 15 s, every 3 s while a run is going */
export const SYNC_POLL_MS = 15_000;
export const SYNC_POLL_RUNNING_MS = 3_000;
/**
 * Every call refreshes the login's idle timer on the backend, so a status poll would keep an
 * unattended counter signed in for ever. Staff polls stop after this long without a key press
 * or a touch and start again (at once) with the next one; the kiosk keeps polling.
 */
export const SYNC_IDLE_PAUSE_MS = 60_000;

export interface PollerDeps {
  load: () => Promise<void>;
  /** is a run going, after the last answer */
  isRunning: () => boolean;
  now: () => number;
  /** keep polling while nobody touches anything (the kiosk) */
  keepAliveWhenIdle: boolean;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export interface Poller {
  start(): void;
  stop(): void;
  /** the person did something: note it, and ask at once if polling had paused */
  activity(): void;
  readonly isPaused: boolean;
}

export function createSyncPoller(deps: PollerDeps): Poller {
  const setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = deps.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>));
  let lastActivity = deps.now();
  let timer: unknown = null;
  let running = false;
  let paused = false;
  let inFlight = false;

  const schedule = (ms: number) => {
    if (timer !== null) clearTimer(timer);
    timer = setTimer(() => {
      timer = null;
      void tick();
    }, ms);
  };

  const tick = async () => {
    if (!running || inFlight) return;
    if (!deps.keepAliveWhenIdle && deps.now() - lastActivity > SYNC_IDLE_PAUSE_MS) {
      paused = true;
      return;
    }
    inFlight = true;
    try {
      await deps.load();
    } catch {
      // the status shows the last answer; the next tick asks again
    } finally {
      inFlight = false;
    }
    if (running) schedule(deps.isRunning() ? SYNC_POLL_RUNNING_MS : SYNC_POLL_MS);
  };

  return {
    start() {
      if (running) return;
      running = true;
      paused = false;
      lastActivity = deps.now();
      void tick();
    },
    stop() {
      running = false;
      paused = false;
      if (timer !== null) clearTimer(timer);
      timer = null;
    },
    activity() {
      lastActivity = deps.now();
      if (running && paused) {
        paused = false;
        void tick();
      }
    },
    get isPaused() {
      return paused;
    },
  };
}
