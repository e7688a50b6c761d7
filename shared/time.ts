// Time rules: instants are stored as UTC ISO-8601; the business date (tanggal buku) and
// everything shown to people is in WIB (Asia/Jakarta). Civil dates are 'YYYY-MM-DD' strings.
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

export const WIB = 'Asia/Jakarta';

/** the WIB calendar date of an instant: the tanggal buku of anything recorded at that moment */
export function businessDate(at: Date): string {
  // WIB is UTC+7 all year (Indonesia has no daylight saving); this runs on every payment
  return new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** 'YYYY-MM' of the WIB date of an instant */
export function businessMonth(at: Date): string {
  return format(new TZDate(at, WIB), 'yyyy-MM');
}

const CIVIL = /^(\d{4})-(\d{2})-(\d{2})$/;
const PERIOD = /^(\d{4})-(\d{2})$/;

// Civil dates are plain calendar arithmetic in UTC: no time zone is involved, and this runs for
// every bill of a run and every fine, so it avoids building zoned date objects.

function parts(date: string): [number, number, number] {
  const m = CIVIL.exec(date);
  if (!m) throw new RangeError(`Tanggal tidak valid: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function fromUtc(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

function monthDays(year: number, month: number): number {
  // day 0 of the next month is the last day of this one
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isCivilDate(value: string): boolean {
  const m = CIVIL.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= monthDays(y, mo);
}

/** add whole months to a civil date; the day is clamped to the end of a shorter month (31 Jan + 1 = 28/29 Feb) */
export function addMonthsCivil(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(Math.min(d, monthDays(ny, nm))).padStart(2, '0')}`;
}

export function addDaysCivil(date: string, days: number): string {
  const [y, m, d] = parts(date);
  return fromUtc(Date.UTC(y, m - 1, d) + days * 86_400_000);
}

/** the civil date with the given day of the month of a 'YYYY-MM' period, clamped to the month's end */
export function dayOfPeriod(period: string, day: number): string {
  return `${period}-${String(Math.min(day, daysInMonth(period))).padStart(2, '0')}`;
}

export function daysInMonth(period: string): number {
  const m = PERIOD.exec(period);
  if (!m) throw new RangeError(`Periode tidak valid: ${period}`);
  return monthDays(Number(m[1]), Number(m[2]));
}

/** 'YYYY-MM' shifted by n months */
export function addPeriod(period: string, n: number): string {
  return addMonthsCivil(`${period}-01`, n).slice(0, 7);
}

/** an instant shown in WIB, e.g. "4 Des 2026 14.05 WIB" */
export function formatWib(iso: string, withTime = true): string {
  const d = new TZDate(new Date(iso), WIB);
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];
  const date = `${d.getDate()} ${months[d.getMonth()]} ${d.getFullYear()}`;
  if (!withTime) return date;
  return `${date} ${String(d.getHours()).padStart(2, '0')}.${String(d.getMinutes()).padStart(2, '0')} WIB`;
}

/** the UTC instant of a WIB wall-clock time on a civil date */
export function wibInstant(date: string, hours: number, minutes: number): Date {
  const m = CIVIL.exec(date);
  if (!m) throw new RangeError(`Tanggal tidak valid: ${date}`);
  return new Date(new TZDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]), hours, minutes, 0, WIB).getTime());
}
