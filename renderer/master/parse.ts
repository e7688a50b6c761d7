// What people type into the master-data forms, turned into what the contract takes. Pure.
// Indonesian habits are accepted: "1.250.000" for rupiah, "1,5" for a percent or an area.
import { addDaysCivil, addMonthsCivil, addPeriod, businessDate, businessMonth } from '../../shared/time';

/** "Rp 1.250.000", "1250000", "1.250.000" → 1250000; null when it is not a whole rupiah amount */
export function parseRupiah(raw: string): number | null {
  const text = raw.replace(/^\s*rp\.?\s*/i, '').replace(/\s/g, '');
  if (!/^\d{1,3}(\.\d{3})*$|^\d+$/.test(text)) return null;
  const value = Number(text.replace(/\./g, ''));
  return Number.isSafeInteger(value) ? value : null;
}

/** a decimal typed with a comma or a point: "1,5" / "1.5" → 1.5; null when it is not a number */
export function parseDecimal(raw: string): number | null {
  const text = raw.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(text)) return null;
  return Number(text);
}

/** interest in percent per month → basis points: "1" → 100, "1,5" → 150; null when finer than 0,01% */
export function percentToBp(raw: string): number | null {
  const value = parseDecimal(raw);
  if (value === null) return null;
  const bp = Math.round(value * 100);
  return Math.abs(bp - value * 100) < 1e-6 ? bp : null;
}

/** basis points → the percent as typed back into the form: 150 → "1,5" */
export function bpToPercent(bp: number): string {
  return String(bp / 100).replace('.', ',');
}

/** an area in m² with at most two decimals: "12,5" → 12.5; null otherwise */
export function parseArea(raw: string): number | null {
  const text = raw.trim().replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(text)) return null;
  return Number(text);
}

/** a whole number typed into a form: null when it is not one */
export function parseWhole(raw: string): number | null {
  const text = raw.trim();
  return /^\d{1,9}$/.test(text) ? Number(text) : null;
}

export function todayWib(now: Date = new Date()): string {
  return businessDate(now);
}

/** the month after the current WIB month: what a monthly bill run usually prepares */
export function nextMonthWib(now: Date = new Date()): string {
  return addPeriod(businessMonth(now), 1);
}

/** the default end of a new rusunawa contract: three years less a day */
export function defaultContractEnd(start: string, years = 3): string {
  return addDaysCivil(addMonthsCivil(start, years * 12), -1);
}

/** the default end of a renewal: a year after the current end */
export function defaultRenewalEnd(currentEnd: string): string {
  return addMonthsCivil(currentEnd, 12);
}

/** turn '' into undefined so an optional contract field is left out rather than sent empty */
export function optional(text: string): string | undefined {
  const v = text.trim();
  return v === '' ? undefined : v;
}
