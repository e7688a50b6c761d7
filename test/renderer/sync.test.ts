// The sync status as the header and the sync screen say it (state, age of the queue, tooltip),
// the poller that keeps it fresh every 15 s without keeping an idle staff login alive, sync now,
// and who gets the sync screen.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SyncStatus } from '../../shared/contract';

const calls: string[] = [];
let answer: (op: string) => Promise<unknown> = async () => undefined;

vi.mock('../../renderer/api', () => ({
  call: (op: string) => {
    calls.push(op);
    return answer(op);
  },
}));

const { formatAge, needsAttention, outboxKindLabel, syncState, syncStateText, syncSummaryLines } = await import('../../renderer/sync/status');
const { createSyncPoller, syncNow, syncStatus, SYNC_IDLE_PAUSE_MS, SYNC_POLL_MS, SYNC_POLL_RUNNING_MS } = await import('../../renderer/sync/store');
const { canOpen, navFor } = await import('../../renderer/shell/routes');

const NOW = Date.parse('2026-12-04T07:30:00Z'); // 14.30 WIB

const status = (over: Partial<SyncStatus> = {}): SyncStatus => ({
  configured: true,
  centralUrl: 'https://pusat.example.go.id',
  online: true,
  pending: 0,
  oldestPendingAt: null,
  deadLetters: 0,
  deferred: 0,
  overpaymentsOpen: 0,
  lastSuccessAt: '2026-12-04T07:25:00Z',
  lastError: null,
  lastErrorAt: null,
  running: false,
  ...over,
});

describe('sync state', () => {
  it('reads not enrolled, running, online and offline from the status', () => {
    expect(syncState(null)).toBe('unknown');
    expect(syncState(status({ configured: false, online: false }))).toBe('unconfigured');
    expect(syncState(status({ running: true }))).toBe('running');
    expect(syncState(status())).toBe('online');
    expect(syncState(status({ online: false, lastError: 'ECONNREFUSED' }))).toBe('offline');
  });

  it('says "Terhubung ke pusat" and "Luring" in Bahasa Indonesia, English second', () => {
    expect(syncStateText('online', 'id')).toBe('Terhubung ke pusat');
    expect(syncStateText('offline', 'id')).toBe('Luring');
    expect(syncStateText('online', 'en')).toBe('Centre online');
  });
});

describe('age of the oldest unsent entry', () => {
  it('counts whole minutes, then hours and minutes, then days', () => {
    expect(formatAge(null, NOW, 'id')).toBeNull();
    expect(formatAge('2026-12-04T07:29:30Z', NOW, 'id')).toBe('< 1 menit');
    expect(formatAge('2026-12-04T07:18:00Z', NOW, 'id')).toBe('12 menit');
    expect(formatAge('2026-12-04T05:30:00Z', NOW, 'id')).toBe('2 jam');
    expect(formatAge('2026-12-04T05:25:00Z', NOW, 'id')).toBe('2 jam 5 menit');
    expect(formatAge('2026-12-01T07:30:00Z', NOW, 'id')).toBe('3 hari');
    expect(formatAge('2026-12-04T07:18:00Z', NOW, 'en')).toBe('12 min');
  });

  it('never goes negative when the clocks disagree a little', () => {
    expect(formatAge('2026-12-04T07:31:00Z', NOW, 'id')).toBe('< 1 menit');
    expect(formatAge('not a date', NOW, 'id')).toBeNull();
  });
});

describe('attention and tooltip', () => {
  it('asks for attention for rejected entries, a failure or a queue older than 30 minutes', () => {
    expect(needsAttention(status(), NOW)).toBe(false);
    expect(needsAttention(status({ deadLetters: 1 }), NOW)).toBe(true);
    expect(needsAttention(status({ online: false, lastError: 'timeout' }), NOW)).toBe(true);
    expect(needsAttention(status({ pending: 3, oldestPendingAt: '2026-12-04T07:18:00Z' }), NOW)).toBe(false);
    expect(needsAttention(status({ pending: 3, oldestPendingAt: '2026-12-04T06:50:00Z' }), NOW)).toBe(true);
    expect(needsAttention(status({ configured: false, deadLetters: 2 }), NOW)).toBe(false);
  });

  it('lists the server, the last success in WIB, the queue with its age and the last error', () => {
    const lines = syncSummaryLines(
      status({ online: false, pending: 3, oldestPendingAt: '2026-12-04T07:18:00Z', deadLetters: 1, lastError: 'connect ECONNREFUSED', lastErrorAt: '2026-12-04T07:29:00Z' }),
      NOW,
      'id',
    );
    expect(lines[0]).toMatch(/^Luring/);
    expect(lines).toContain('Server: https://pusat.example.go.id');
    expect(lines).toContain('Terakhir berhasil: 4 Des 2026 14.25 WIB');
    expect(lines).toContain('Antrean kirim: 3, tertunda 12 menit');
    expect(lines).toContain('Ditolak server pusat: 1 (disimpan)');
    expect(lines).toContain('Galat terakhir (4 Des 2026 14.29 WIB): connect ECONNREFUSED');
    expect(syncSummaryLines(status({ lastSuccessAt: null }), NOW, 'id')).toContain('Belum pernah berhasil sinkron');
  });

  it('names outbox kinds and shows an unknown one as sent', () => {
    expect(outboxKindLabel('payment', 'id')).toBe('Pembayaran');
    expect(outboxKindLabel('shift_closing', 'en')).toBe('Shift closing');
    expect(outboxKindLabel('something_new', 'id')).toBe('something_new');
  });
});

/** a hand-driven clock and timer queue */
function fakeTimers() {
  let now = NOW;
  let timers: { at: number; fn: () => void; id: number }[] = [];
  let nextId = 1;
  return {
    now: () => now,
    setTimer: (fn: () => void, ms: number) => {
      const id = nextId++;
      timers.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimer: (id: unknown) => {
      timers = timers.filter((t) => t.id !== id);
    },
    pending: () => timers.map((t) => t.at - now),
    async advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const due = timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        timers = timers.filter((t) => t !== due);
        now = due.at;
        due.fn();
        await Promise.resolve();
        await Promise.resolve();
      }
      now = until;
    },
  };
}

describe('status poller', () => {
  const flush = async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };

  it('asks at once, then every 15 s, every 3 s while a run goes', async () => {
    const clock = fakeTimers();
    let running = false;
    const load = vi.fn(async () => undefined);
    const poller = createSyncPoller({ load, isRunning: () => running, now: clock.now, keepAliveWhenIdle: true, setTimer: clock.setTimer, clearTimer: clock.clearTimer });
    poller.start();
    await flush();
    expect(load).toHaveBeenCalledTimes(1);
    expect(clock.pending()).toEqual([SYNC_POLL_MS]);
    running = true;
    await clock.advance(SYNC_POLL_MS);
    await flush();
    expect(load).toHaveBeenCalledTimes(2);
    expect(clock.pending()).toEqual([SYNC_POLL_RUNNING_MS]);
    poller.stop();
    expect(clock.pending()).toEqual([]);
  });

  it('pauses a staff poll after a minute without input and resumes at once with the next key press', async () => {
    const clock = fakeTimers();
    const load = vi.fn(async () => undefined);
    const poller = createSyncPoller({ load, isRunning: () => false, now: clock.now, keepAliveWhenIdle: false, setTimer: clock.setTimer, clearTimer: clock.clearTimer });
    poller.start();
    await flush();
    // 15 s, 30 s, 45 s, 60 s are within the minute; 75 s is not
    for (let i = 0; i < 5; i++) {
      await clock.advance(SYNC_POLL_MS);
      await flush();
    }
    expect(load).toHaveBeenCalledTimes(1 + Math.floor(SYNC_IDLE_PAUSE_MS / SYNC_POLL_MS));
    expect(poller.isPaused).toBe(true);
    expect(clock.pending()).toEqual([]);
    // a whole idle hour: nothing asked, so the backend's idle timer runs out
    await clock.advance(60 * 60_000);
    expect(load).toHaveBeenCalledTimes(1 + Math.floor(SYNC_IDLE_PAUSE_MS / SYNC_POLL_MS));
    poller.activity();
    await flush();
    expect(poller.isPaused).toBe(false);
    expect(load).toHaveBeenCalledTimes(2 + Math.floor(SYNC_IDLE_PAUSE_MS / SYNC_POLL_MS));
    poller.stop();
  });

  it('keeps the kiosk polling while nobody touches it', async () => {
    const clock = fakeTimers();
    const load = vi.fn(async () => undefined);
    const poller = createSyncPoller({ load, isRunning: () => false, now: clock.now, keepAliveWhenIdle: true, setTimer: clock.setTimer, clearTimer: clock.clearTimer });
    poller.start();
    await flush();
    for (let i = 0; i < 8; i++) {
      await clock.advance(SYNC_POLL_MS);
      await flush();
    }
    expect(load).toHaveBeenCalledTimes(9);
    poller.stop();
  });

  it('keeps polling after a failed answer', async () => {
    const clock = fakeTimers();
    let fail = true;
    const load = vi.fn(async () => {
      if (fail) throw new Error('down');
    });
    const poller = createSyncPoller({ load, isRunning: () => false, now: clock.now, keepAliveWhenIdle: true, setTimer: clock.setTimer, clearTimer: clock.clearTimer });
    poller.start();
    await flush();
    // a load that throws must not end the polling
    expect(clock.pending()).toEqual([SYNC_POLL_MS]);
    fail = false;
    await clock.advance(SYNC_POLL_MS);
    await flush();
    expect(load).toHaveBeenCalledTimes(2);
    poller.stop();
  });
});

describe('sync now', () => {
  beforeEach(() => {
    calls.length = 0;
    syncStatus.reset();
  });

  it('shows the status after the run and asks once more so no older poll paints over it', async () => {
    syncStatus.store.setState({ data: status({ pending: 2 }) });
    let release: (v: SyncStatus) => void = () => undefined;
    answer = (op) => (op === 'sync.now' ? new Promise<SyncStatus>((r) => (release = r)) : Promise.resolve(status({ pending: 0 })));
    const done = syncNow();
    expect(syncStatus.store.getState().data?.running).toBe(true);
    release(status({ pending: 0 }));
    const after = await done;
    expect(after.pending).toBe(0);
    expect(syncStatus.store.getState().data?.pending).toBe(0);
    expect(calls).toEqual(['sync.now', 'sync.status']);
  });
});

describe('the sync screen', () => {
  it('is offered to every staff role (the admin, the head, the clerk) and never to the kiosk', () => {
    for (const role of ['petugas', 'admin', 'kepala'] as const) {
      expect(canOpen(role, 'sync'), role).toBe(true);
      expect(navFor(role).map((r) => r.id)).toContain('sync');
    }
    expect(canOpen('kiosk', 'sync')).toBe(false);
    expect(navFor('kiosk')).toEqual([]);
  });
});
