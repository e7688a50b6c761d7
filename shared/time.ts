// Time rules: instants are stored as UTC ISO-8601; the business date (tanggal buku) and
// everything shown to people is in WIB (Asia/Jakarta). Civil dates are 'YYYY-MM-DD' strings.
import { TZDate } from '@date-fns/tz';
import { addDays, addMonths, format } from 'date-fns';

export const WIB = 'Asia/Jakarta';

/** the WIB calendar date of an instant: the tanggal buku of anything recorded at that moment */
export function businessDate(at: Date): string {
  return format(new TZDate(at, WIB), 'yyyy-MM-dd');
}

/** 'YYYY-MM' of the WIB date of an instant */
export function businessMonth(at: Date): string {
  return format(new TZDate(at, WIB), 'yyyy-MM');
}

const CIVIL = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCivilDate(value: string): boolean {
  const m = CIVIL.exec(value);
  if (!m) return false;
  const d = civil(value);
  return format(d, 'yyyy-MM-dd') === value;
}

function civil(value: string): TZDate {
  const m = CIVIL.exec(value);
  if (!m) throw new RangeError(`Tanggal tidak valid: ${value}`);
  return new TZDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 'UTC');
}

/** add whole months to a civil date; the day is clamped to the end of a shorter month (31 Jan + 1 = 28/29 Feb) */
export function addMonthsCivil(date: string, months: number): string {
  return format(addMonths(civil(date), months), 'yyyy-MM-dd');
}

export function addDaysCivil(date: string, days: number): string {
  return format(addDays(civil(date), days), 'yyyy-MM-dd');
}

/** the civil date with the given day of the month of a 'YYYY-MM' period, clamped to the month's end */
export function dayOfPeriod(period: string, day: number): string {
  return `${period}-${String(Math.min(day, daysInMonth(period))).padStart(2, '0')}`;
}

export function daysInMonth(period: string): number {
  const first = civil(`${period}-01`);
  return Number(format(addDays(addMonths(first, 1), -1), 'd'));
}

/** 'YYYY-MM' shifted by n months */
export function addPeriod(period: string, n: number): string {
  return format(addMonths(civil(`${period}-01`), n), 'yyyy-MM');
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
