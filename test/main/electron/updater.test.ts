import { EventEmitter } from 'node:events';
import type { AppUpdater } from 'electron-updater';
import { describe, expect, it, vi } from 'vitest';
import { isUsableFeedUrl, planUpdates, startUpdater } from '../../../main/electron/updater';

describe('planUpdates', () => {
  it('checks the built-in feed of the installed app', () => {
    expect(planUpdates({ isPackaged: true, env: {}, hasBuiltInFeed: true })).toEqual({ check: true, feedUrl: null });
  });

  it('does nothing when not configured, when run from source, or when switched off', () => {
    expect(planUpdates({ isPackaged: true, env: {}, hasBuiltInFeed: false })).toMatchObject({ check: false, reason: expect.stringMatching(/tidak dikonfigurasi/) as unknown });
    expect(planUpdates({ isPackaged: false, env: { LOKET_UPDATE_URL: 'https://u.example.go.id/' }, hasBuiltInFeed: true }).check).toBe(false);
    for (const off of ['0', 'off', 'OFF', 'false', 'no', 'tidak', ' off ']) {
      expect(planUpdates({ isPackaged: true, env: { LOKET_UPDATE: off }, hasBuiltInFeed: true }).check).toBe(false);
    }
  });

  it('lets LOKET_UPDATE_URL override the built-in feed, https only', () => {
    expect(planUpdates({ isPackaged: true, env: { LOKET_UPDATE_URL: 'https://u.example.go.id/loket/' }, hasBuiltInFeed: true })).toEqual({
      check: true,
      feedUrl: 'https://u.example.go.id/loket/',
    });
    expect(planUpdates({ isPackaged: true, env: { LOKET_UPDATE_URL: 'http://u.example.go.id/' }, hasBuiltInFeed: true })).toMatchObject({ check: false });
  });

  it.each([
    ['https://u.example.go.id/loket', true],
    ['http://127.0.0.1:8080/feed', true],
    ['http://localhost/feed', true],
    ['http://u.example.go.id/', false],
    ['http://127.0.0.1.evil.com/', false],
    ['https://user:pw@u.example.go.id/', false],
    ['file:///srv/feed', false],
    ['javascript:alert(1)', false],
    ['https://u.example.go.id/\n', false],
    ['', false],
    [42, false],
    [null, false],
  ])('feed URL %s usable: %s', (url, ok) => {
    expect(isUsableFeedUrl(url)).toBe(ok);
  });
});

class FakeUpdater extends EventEmitter {
  autoDownload = true;
  autoInstallOnAppQuit = true;
  allowDowngrade = true;
  allowPrerelease = true;
  logger: unknown = null;
  feed: unknown = null;
  checks = 0;
  constructor(private readonly outcome: 'ok' | 'reject' | 'throw') {
    super();
  }
  setFeedURL(feed: unknown): void {
    this.feed = feed;
  }
  checkForUpdates(): Promise<null> {
    this.checks++;
    if (this.outcome === 'throw') throw new Error('sync boom');
    if (this.outcome === 'reject') return Promise.reject(new Error('net::ERR_INTERNET_DISCONNECTED'));
    return Promise.resolve(null);
  }
}

const asUpdater = (fake: FakeUpdater): AppUpdater => fake as unknown as AppUpdater;
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('startUpdater', () => {
  it('only logs the reason when the plan says no', async () => {
    const load = vi.fn();
    const log = vi.fn();
    await startUpdater({ check: false, reason: 'tidak' }, { log, load });
    expect(load).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith('tidak');
  });

  it('checks without downloading, with the override feed', async () => {
    const fake = new FakeUpdater('ok');
    const handle = await startUpdater({ check: true, feedUrl: 'https://u.example.go.id/' }, { log: () => {}, load: async () => asUpdater(fake) });
    await flush();
    expect(fake).toMatchObject({ autoDownload: false, autoInstallOnAppQuit: false, allowDowngrade: false, allowPrerelease: false, checks: 1 });
    expect(fake.feed).toEqual({ provider: 'generic', url: 'https://u.example.go.id/' });
    handle.stop();
  });

  it('logs updates found and errors in Indonesian', async () => {
    const fake = new FakeUpdater('ok');
    const log = vi.fn();
    const handle = await startUpdater({ check: true, feedUrl: null }, { log, load: async () => asUpdater(fake) });
    fake.emit('update-available', { version: '0.2.0' });
    fake.emit('error', new Error('404'));
    expect(log).toHaveBeenCalledWith(expect.stringContaining('Versi baru tersedia: 0.2.0'));
    expect(log).toHaveBeenCalledWith('Pemeriksaan pembaruan gagal: 404');
    expect(fake.feed).toBeNull();
    handle.stop();
  });

  it.each(['reject', 'throw'] as const)('never crashes when the check %ss', async (outcome) => {
    const fake = new FakeUpdater(outcome);
    const log = vi.fn();
    const handle = await startUpdater({ check: true, feedUrl: null }, { log, load: async () => asUpdater(fake) });
    await flush();
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/^Pemeriksaan pembaruan gagal: /));
    handle.stop();
  });

  it('never crashes when electron-updater cannot load', async () => {
    const log = vi.fn();
    await expect(startUpdater({ check: true, feedUrl: null }, { log, load: () => Promise.reject(new Error('no electron')) })).resolves.toHaveProperty('stop');
    expect(log).toHaveBeenCalledWith('Pembaruan tidak dapat disiapkan: no electron');
  });

  it('checks again on its interval until stopped', async () => {
    vi.useFakeTimers();
    try {
      const fake = new FakeUpdater('ok');
      const handle = await startUpdater({ check: true, feedUrl: null }, { log: () => {}, load: async () => asUpdater(fake), intervalMs: 1000 });
      await vi.advanceTimersByTimeAsync(3500);
      expect(fake.checks).toBe(4);
      handle.stop();
      await vi.advanceTimersByTimeAsync(5000);
      expect(fake.checks).toBe(4);
    } finally {
      vi.useRealTimers();
    }
  });
});
