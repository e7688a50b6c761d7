// The kiosk's QRIS payment against a fake centre: made, asked every 3 s, paid only once the
// payment has a receipt number on this terminal, expired and made again, a visitor's cancel
// drops answers still on their way, and a centre that cannot be asked does not end the wait.
import { describe, expect, it } from 'vitest';
import type { KioskQris } from '../../shared/contract';
import { createQrisFlow, formatCountdown, isPaying, phaseOf, QRIS_EXPIRY_GRACE_MS, QRIS_POLL_MS, secondsLeft } from '../../renderer/kiosk/qris';

const T0 = Date.parse('2026-12-04T07:30:00Z');

const qris = (over: Partial<KioskQris> = {}): KioskQris => ({
  qrisId: 'QR20261204000001',
  billId: 'b1',
  idpel: '03209100020000091',
  principal: 720_000,
  fine: 14_400,
  amount: 734_400,
  payload: '00020101021226…6304ABCD',
  status: 'pending',
  expiresAt: new Date(T0 + 15 * 60_000).toISOString(),
  paymentId: null,
  receiptNo: null,
  ...over,
});

/** a centre whose answers the test hands out one by one */
function harness() {
  let now = T0;
  let timers: { at: number; fn: () => void; id: number }[] = [];
  let nextId = 1;
  const creates: string[] = [];
  const asks: string[] = [];
  let statusAnswer: () => Promise<KioskQris> = async () => qris();
  let createAnswer: () => Promise<KioskQris> = async () => qris();
  const flow = createQrisFlow({
    create: (_idpel, billId) => {
      creates.push(billId);
      return createAnswer();
    },
    status: (id) => {
      asks.push(id);
      return statusAnswer();
    },
    now: () => now,
    setTimer: (fn, ms) => {
      const id = nextId++;
      timers.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimer: (id) => {
      timers = timers.filter((t) => t.id !== id);
    },
  });
  const flush = async () => {
    for (let i = 0; i < 6; i++) await Promise.resolve();
  };
  return {
    flow,
    creates,
    asks,
    state: () => flow.store.getState(),
    onStatus(fn: () => Promise<KioskQris>) {
      statusAnswer = fn;
    },
    onCreate(fn: () => Promise<KioskQris>) {
      createAnswer = fn;
    },
    timers: () => timers.length,
    /** let the next poll fire and its answer land */
    async tick(ms = QRIS_POLL_MS) {
      now += ms;
      const due = timers.filter((t) => t.at <= now);
      timers = timers.filter((t) => t.at > now);
      for (const t of due) t.fn();
      await flush();
    },
    flush,
  };
}

describe('QRIS phases', () => {
  it('is paid only with a receipt number on this terminal', () => {
    expect(phaseOf(qris())).toBe('pending');
    expect(phaseOf(qris({ status: 'paid' }))).toBe('confirming');
    expect(phaseOf(qris({ status: 'paid', receiptNo: 'GW-NTPD-1', paymentId: 'p1' }))).toBe('paid');
    expect(phaseOf(qris({ status: 'expired' }))).toBe('expired');
    expect(phaseOf(qris({ status: 'reversed' }))).toBe('reversed');
    expect(isPaying('pending')).toBe(true);
    expect(isPaying('confirming')).toBe(true);
    expect(isPaying('paid')).toBe(false);
    expect(isPaying('expired')).toBe(false);
  });

  it('counts down in minutes and seconds, never below zero', () => {
    const expiresAt = new Date(T0 + 245_000).toISOString();
    expect(secondsLeft(expiresAt, T0)).toBe(245);
    expect(formatCountdown(secondsLeft(expiresAt, T0))).toBe('4:05');
    expect(secondsLeft(expiresAt, T0 + 300_000)).toBe(0);
    expect(formatCountdown(0)).toBe('0:00');
  });
});

describe('a QRIS payment at the kiosk', () => {
  it('asks every 3 s until the payment reached this terminal with its receipt', async () => {
    const h = harness();
    await h.flow.start('03209100020000091', 'b1');
    expect(h.creates).toEqual(['b1']);
    expect(h.state().phase).toBe('pending');
    expect(h.state().qris?.qrisId).toBe('QR20261204000001');
    await h.tick();
    await h.tick();
    expect(h.asks).toHaveLength(2);
    expect(h.state().phase).toBe('pending');
    // the bank paid, the pull has not brought the payment here yet
    h.onStatus(async () => qris({ status: 'paid' }));
    await h.tick();
    expect(h.state().phase).toBe('confirming');
    h.onStatus(async () => qris({ status: 'paid', paymentId: 'p1', receiptNo: 'GW-NTPD-20261204-000001' }));
    await h.tick();
    expect(h.state().phase).toBe('paid');
    expect(h.state().qris?.receiptNo).toBe('GW-NTPD-20261204-000001');
    // and then it stops asking
    expect(h.timers()).toBe(0);
    await h.tick();
    expect(h.asks).toHaveLength(4);
  });

  it('stops at expired and makes a new QRIS on request', async () => {
    const h = harness();
    await h.flow.start('03209100020000091', 'b1');
    h.onStatus(async () => qris({ status: 'expired' }));
    await h.tick();
    expect(h.state().phase).toBe('expired');
    expect(h.timers()).toBe(0);
    h.onCreate(async () => qris({ qrisId: 'QR20261204000002' }));
    const target = h.state().target;
    expect(target).toEqual({ idpel: '03209100020000091', billId: 'b1' });
    await h.flow.start(target!.idpel, target!.billId);
    expect(h.state().phase).toBe('pending');
    expect(h.state().qris?.qrisId).toBe('QR20261204000002');
  });

  it('shows why a QRIS could not be made', async () => {
    const h = harness();
    h.onCreate(async () => {
      throw new Error('terminal ini belum terdaftar di server pusat');
    });
    await h.flow.start('03209100020000091', 'b1');
    expect(h.state().phase).toBe('failed');
    expect(String(h.state().error)).toMatch(/belum terdaftar/);
    expect(h.timers()).toBe(0);
  });

  it('keeps the QR up while the centre cannot be asked, and gives up only well after the expiry', async () => {
    const h = harness();
    await h.flow.start('03209100020000091', 'b1');
    h.onStatus(async () => {
      throw new Error('timeout');
    });
    await h.tick();
    expect(h.state().phase).toBe('pending');
    expect(h.state().error).not.toBeNull();
    expect(h.timers()).toBe(1);
    // the answer comes back: the note goes away
    h.onStatus(async () => qris());
    await h.tick();
    expect(h.state().error).toBeNull();
    h.onStatus(async () => {
      throw new Error('timeout');
    });
    await h.tick(15 * 60_000 + QRIS_EXPIRY_GRACE_MS + 1);
    expect(h.state().phase).toBe('expired');
    expect(h.timers()).toBe(0);
  });

  it('drops what arrives after the visitor cancelled', async () => {
    const h = harness();
    let release: (q: KioskQris) => void = () => undefined;
    h.onCreate(() => new Promise<KioskQris>((r) => (release = r)));
    const started = h.flow.start('03209100020000091', 'b1');
    expect(h.state().phase).toBe('creating');
    h.flow.cancel();
    release(qris());
    await started;
    expect(h.state().phase).toBe('idle');
    expect(h.state().qris).toBeNull();
    expect(h.timers()).toBe(0);
  });

  it('a cancel while waiting stops the status questions', async () => {
    const h = harness();
    await h.flow.start('03209100020000091', 'b1');
    await h.tick();
    h.flow.cancel();
    await h.tick();
    await h.tick();
    expect(h.asks).toHaveLength(1);
    expect(h.state().phase).toBe('idle');
  });
});
