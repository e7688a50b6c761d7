// Pure helpers of the bill-run screen: the period a kind of run asks for, and the skipped
// objects of a preview grouped by reason.
import type { RunKind, RunSkip } from '../../shared/contract';
import { addDaysCivil, addPeriod, businessDate, businessMonth, isCivilDate } from '../../shared/time';

export const RUN_KINDS: readonly RunKind[] = ['rusunawa', 'pasar_bulanan', 'pasar_harian'];

/** the order the reasons are listed in (most common first) */
export const SKIP_REASONS: readonly RunSkip['reason'][] = ['unit_kosong', 'kontrak_berakhir', 'penghuni_keluar', 'tanpa_izin', 'tarif_tidak_ada', 'sudah_ditagih'];

export function isDaily(kind: RunKind): boolean {
  return kind === 'pasar_harian';
}

/** what a run usually prepares: next month for a monthly run, today for the daily market run */
export function defaultPeriod(kind: RunKind, now: Date = new Date()): string {
  return isDaily(kind) ? businessDate(now) : addPeriod(businessMonth(now), 1);
}

export function isValidPeriod(kind: RunKind, period: string): boolean {
  return isDaily(kind) ? isCivilDate(period) : /^\d{4}-(0[1-9]|1[0-2])$/.test(period);
}

/** a period moved by one step of its kind (the ‹ › buttons beside the picker) */
export function shiftPeriod(kind: RunKind, period: string, by: number): string {
  if (!isValidPeriod(kind, period)) return period;
  return isDaily(kind) ? addDaysCivil(period, by) : addPeriod(period, by);
}

export interface SkipGroup {
  reason: RunSkip['reason'];
  count: number;
  items: RunSkip[];
}

export function groupSkips(skips: readonly RunSkip[]): SkipGroup[] {
  const by = new Map<RunSkip['reason'], RunSkip[]>();
  for (const s of skips) {
    const list = by.get(s.reason) ?? [];
    list.push(s);
    by.set(s.reason, list);
  }
  const known = SKIP_REASONS.filter((r) => by.has(r));
  const other = [...by.keys()].filter((r) => !SKIP_REASONS.includes(r));
  return [...known, ...other].map((reason) => {
    const items = by.get(reason) ?? [];
    return { reason, count: items.length, items };
  });
}

/** seconds since a moment, for the "running for 3 s" line */
export function elapsedSeconds(startedAt: number, now: number): number {
  return Math.max(0, Math.floor((now - startedAt) / 1000));
}
