// The kiosk's QRIS payment as a small state machine: made by the centre for the oldest open bill,
// then its status asked every 3 s until the bank's payment has reached this terminal with a
// receipt number — or the QRIS expired, was reversed, or the visitor cancelled.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { KioskQris } from '../../shared/contract';
import { call } from '../api';

export type QrisPhase =
  | 'idle'
  | 'creating'
  /** shown, waiting for the bank */
  | 'pending'
  /** the bank has it; the payment is on its way to this terminal (no receipt number yet) */
  | 'confirming'
  | 'paid'
  | 'expired'
  | 'reversed'
  /** the QRIS could not be made (not enrolled, centre unreachable …) */
  | 'failed';

export interface QrisState {
  phase: QrisPhase;
  qris: KioskQris | null;
  /** what the centre said last; a failed status check while waiting only shows as a note */
  error: unknown;
  /** the bill the QRIS is for */
  target: { idpel: string; billId: string } | null;
}

export interface QrisDeps {
  create: (idpel: string, billId: string) => Promise<KioskQris>;
  status: (qrisId: string) => Promise<KioskQris>;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export const QRIS_POLL_MS = 3_000;
/**
 * The centre says 'expired' itself once the time is up; when it cannot be asked, the kiosk
 * waits this long past the expiry before it gives up on the QRIS.
 */
export const QRIS_EXPIRY_GRACE_MS = 60_000;

/** the phases in which the visitor is paying: no idle reset, no new scan */
export function isPaying(phase: QrisPhase): boolean {
  return phase === 'creating' || phase === 'pending' || phase === 'confirming';
}

/** what a status answer means for the screen */
export function phaseOf(q: KioskQris): QrisPhase {
  if (q.status === 'paid') return q.receiptNo ? 'paid' : 'confirming';
  if (q.status === 'expired') return 'expired';
  if (q.status === 'reversed') return 'reversed';
  return 'pending';
}

/** seconds left until the QRIS expires (never negative) */
export function secondsLeft(expiresAt: string, now: number): number {
  const at = new Date(expiresAt).getTime();
  return Number.isNaN(at) ? 0 : Math.max(0, Math.floor((at - now) / 1000));
}

/** "4:05" */
export function formatCountdown(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export interface QrisFlow {
  store: StoreApi<QrisState>;
  /** make (or get back the pending) QRIS for a bill and start asking for its status */
  start(idpel: string, billId: string): Promise<void>;
  /** back to nothing; an answer still on its way is dropped */
  cancel(): void;
  use<S>(selector: (s: QrisState) => S): S;
}

const IDLE: QrisState = { phase: 'idle', qris: null, error: null, target: null };

export function createQrisFlow(deps: QrisDeps): QrisFlow {
  const now = deps.now ?? Date.now;
  const setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = deps.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>));
  const store = createStore<QrisState>()(() => IDLE);
  let run = 0;
  let timer: unknown = null;

  const stopTimer = () => {
    if (timer !== null) clearTimer(timer);
    timer = null;
  };

  const schedule = (mine: number) => {
    stopTimer();
    timer = setTimer(() => {
      timer = null;
      void poll(mine);
    }, QRIS_POLL_MS);
  };

  const poll = async (mine: number) => {
    const current = store.getState().qris;
    if (mine !== run || !current) return;
    try {
      const q = await deps.status(current.qrisId);
      if (mine !== run) return;
      const phase = phaseOf(q);
      store.setState({ qris: q, phase, error: null });
      if (phase === 'pending' || phase === 'confirming') schedule(mine);
    } catch (error) {
      if (mine !== run) return;
      // the centre could not be asked: keep the QR up and ask again, unless it is long expired
      const expired = now() > new Date(current.expiresAt).getTime() + QRIS_EXPIRY_GRACE_MS;
      if (expired && store.getState().phase === 'pending') {
        store.setState({ phase: 'expired', error });
        return;
      }
      store.setState({ error });
      schedule(mine);
    }
  };

  return {
    store,
    async start(idpel, billId) {
      const mine = ++run;
      stopTimer();
      store.setState({ phase: 'creating', qris: null, error: null, target: { idpel, billId } }, true);
      try {
        const q = await deps.create(idpel, billId);
        if (mine !== run) return;
        const phase = phaseOf(q);
        store.setState({ qris: q, phase, error: null });
        if (phase === 'pending' || phase === 'confirming') schedule(mine);
      } catch (error) {
        if (mine !== run) return;
        store.setState({ phase: 'failed', error });
      }
    },
    cancel() {
      run++;
      stopTimer();
      store.setState(IDLE, true);
    },
    use: (selector) => useStore(store, selector),
  };
}

/** the kiosk's one flow, on the real API */
export const kioskQris = createQrisFlow({
  create: (idpel, billId) => call('kiosk.qris.create', { idpel, billId }),
  status: (qrisId) => call('kiosk.qris.status', { qrisId }),
});
