// Fault injection for the simulator: latency, 5xx, timeouts, dropped connections, duplicated and
// reordered deliveries, and a skewed clock. One seeded PRNG (pure-rand xoroshiro128+) decides;
// every faulted request takes the same number of draws, so the same seed and the same sequence
// of requests give the same faults.
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { FaultConfig, FaultState, FaultStats } from '../../shared/central-api/types';

export const DEFAULT_FAULT_PATHS = ['/v1/'];

export interface FaultDecision {
  latencyMs: number;
  /** answer with this 5xx status before doing anything */
  errorStatus: number | null;
  /** carry the request out, then never answer */
  timeout: boolean;
  /** carry the request out, then cut the connection after part of the body */
  drop: boolean;
  /** pull: repeat earlier records; push: process twice */
  duplicate: boolean;
  reorder: boolean;
}

const NONE: FaultDecision = { latencyMs: 0, errorStatus: null, timeout: false, drop: false, duplicate: false, reorder: false };
const ERROR_STATUSES = [500, 502, 503] as const;

function emptyStats(): FaultStats {
  return { requests: 0, latency: 0, error: 0, timeout: 0, drop: 0, duplicate: 0, reorder: 0 };
}

export class Faults {
  private config: FaultConfig = {};
  private rng = xoroshiro128plus(1);
  private stats: FaultStats = emptyStats();

  constructor(config: FaultConfig = {}) {
    this.set(config);
  }

  /** replaces the whole configuration, reseeds the PRNG and resets the counts */
  set(config: FaultConfig): FaultState {
    this.config = { ...config };
    this.rng = xoroshiro128plus((config.seed ?? 1) >>> 0);
    this.stats = emptyStats();
    return this.state();
  }

  state(): FaultState {
    return { config: { ...this.config }, stats: { ...this.stats } };
  }

  get skewMs(): number {
    return (this.config.clockSkewMinutes ?? 0) * 60_000;
  }

  applies(path: string): boolean {
    return (this.config.paths ?? DEFAULT_FAULT_PATHS).some((p) => path.startsWith(p));
  }

  private active(): boolean {
    const c = this.config;
    return Boolean(c.latencyMs || c.jitterMs || c.errorRate || c.timeoutRate || c.dropRate || c.duplicateRate || c.reorder);
  }

  private u(): number {
    return uniformFloat64(this.rng);
  }

  /** the faults for one request on `path` (six draws, always, when any fault is on) */
  decide(path: string): FaultDecision {
    if (!this.applies(path) || !this.active()) return NONE;
    const c = this.config;
    this.stats.requests++;
    const jitter = this.u();
    const error = this.u();
    const which = uniformInt(this.rng, 0, ERROR_STATUSES.length - 1);
    const timeout = this.u();
    const drop = this.u();
    const dup = this.u();
    const latencyMs = (c.latencyMs ?? 0) + Math.floor(jitter * (c.jitterMs ?? 0));
    const d: FaultDecision = {
      latencyMs,
      errorStatus: error < (c.errorRate ?? 0) ? (ERROR_STATUSES[which] ?? 503) : null,
      timeout: timeout < (c.timeoutRate ?? 0),
      drop: drop < (c.dropRate ?? 0),
      duplicate: dup < (c.duplicateRate ?? 0),
      reorder: c.reorder === true,
    };
    // one outcome per request: an error answer means nothing else happens; a timeout wins over a drop
    if (d.errorStatus !== null) Object.assign(d, { timeout: false, drop: false, duplicate: false, reorder: false });
    if (d.timeout) d.drop = false;
    if (d.latencyMs > 0) this.stats.latency++;
    if (d.errorStatus !== null) this.stats.error++;
    if (d.timeout) this.stats.timeout++;
    if (d.drop) this.stats.drop++;
    return d;
  }

  /** counts a fault that a handler actually carried out (duplicate, reorder) */
  count(kind: 'duplicate' | 'reorder'): void {
    this.stats[kind]++;
  }

  int(from: number, to: number): number {
    return uniformInt(this.rng, from, to);
  }

  /** Fisher–Yates with the fault PRNG */
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = uniformInt(this.rng, 0, i);
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }
}

/** the server's clock: the injected base clock plus the skew fault */
export interface Clock {
  now(): Date;
}

export function makeClock(base: () => Date, faults: Faults): Clock {
  return { now: () => new Date(base().getTime() + faults.skewMs) };
}
