// A real backend (store on disk in a temp folder, migrations, seed) with a controllable clock.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveConfig, type AppConfig, type Profile } from '../../main/config';
import { openBackend, type InProcessBackend } from '../../main/backend/inprocess';
import type { OpInput, OpName, OpResult } from '../../shared/contract';
import type { ApiError } from '../../shared/errors';

export interface TestClock {
  now: () => Date;
  set(iso: string): void;
  advance(ms: number): void;
}

export function testClock(iso = '2026-12-04T03:00:00.000Z'): TestClock {
  let t = new Date(iso).getTime();
  return {
    now: () => new Date(t),
    set: (v) => {
      t = new Date(v).getTime();
    },
    advance: (ms) => {
      t += ms;
    },
  };
}

export interface TestBackend extends InProcessBackend {
  dir: string;
  clock: TestClock;
  /** calls an operation as `session` and returns the value, throwing on an error response */
  ok<K extends OpName>(op: K, input: OpInput<K>, session?: string | null): Promise<OpResult<K>>;
  /** calls an operation and returns the error, failing when it succeeded */
  err(op: string, input: unknown, session?: string | null): Promise<ApiError>;
  login(username: string, password?: string): Promise<string>;
  dispose(): Promise<void>;
}

export async function makeTestBackend(opts: { profile?: Profile; dir?: string; clock?: TestClock; env?: Record<string, string> } = {}): Promise<TestBackend> {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'loket-test-'));
  const clock = opts.clock ?? testClock();
  const config: AppConfig = resolveConfig({
    argv: ['--data-dir', dir],
    env: opts.env ?? {},
    platform: process.platform,
    home: tmpdir(),
    defaultProfile: opts.profile ?? 'demo',
  });
  const backend = await openBackend(config, { now: clock.now, log: (line) => { if (line.includes('gagal')) console.error(line); } });
  const ok = async <K extends OpName>(op: K, input: OpInput<K>, session: string | null = null): Promise<OpResult<K>> => {
    const res = await backend.call({ op, input, session }, 'test');
    if (!res.ok) throw new Error(`${op} gagal: ${res.error.code} ${res.error.message}`);
    return res.value as OpResult<K>;
  };
  return {
    ...backend,
    dir,
    clock,
    ok,
    async err(op, input, session = null) {
      const res = await backend.call({ op, input, session }, 'test');
      if (res.ok) throw new Error(`${op} seharusnya gagal`);
      return res.error;
    },
    async login(username, password = 'Retribusi2026') {
      return (await ok('auth.login', { username, password })).token;
    },
    async dispose() {
      await backend.close();
      if (!opts.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
