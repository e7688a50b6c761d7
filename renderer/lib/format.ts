// Display formats: rupiah, numbers and WIB dates in the chosen language. Pure.
import { TZDate } from '@date-fns/tz';
import { formatRupiah } from '../../shared/money';
import { formatWib, WIB } from '../../shared/time';
import type { Lang } from '../../shared/errors';

export { formatRupiah };

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ID_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];
const ID_DAYS = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];
const EN_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const pad = (n: number) => String(n).padStart(2, '0');

/** an instant in WIB: "4 Des 2026 14.05 WIB" / "4 Dec 2026 14:05 WIB" */
export function formatDateTime(iso: string, lang: Lang): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  if (lang === 'id') return formatWib(iso);
  const d = new TZDate(at, WIB);
  return `${d.getDate()} ${EN_MONTHS[d.getMonth()]} ${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())} WIB`;
}

/** only the WIB wall-clock time: "14.05" / "14:05" */
export function formatTime(at: Date | number, lang: Lang): string {
  const d = new TZDate(typeof at === 'number' ? at : at.getTime(), WIB);
  return `${pad(d.getHours())}${lang === 'id' ? '.' : ':'}${pad(d.getMinutes())}`;
}

/** a civil date 'YYYY-MM-DD' (tanggal buku, contract end): "4 Des 2026", with the weekday when asked */
export function formatCivilDate(date: string, lang: Lang, withWeekday = false): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  const y = Number(m[1]);
  const mo = Number(m[2]) - 1;
  const day = Number(m[3]);
  const months = lang === 'id' ? ID_MONTHS : EN_MONTHS;
  const text = `${day} ${months[mo] ?? m[2]} ${y}`;
  if (!withWeekday) return text;
  const weekday = new Date(Date.UTC(y, mo, day)).getUTCDay();
  return `${(lang === 'id' ? ID_DAYS : EN_DAYS)[weekday]}, ${text}`;
}

/** a count with the language's grouping: 12.500 / 12,500 */
export function formatNumber(value: number, lang: Lang, fractionDigits = 0): string {
  return new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(value);
}

/** whole percent of part in whole, 0 when whole is 0 */
export function percent(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 100) : 0;
}

/** interest in basis points per month as a percent text: 100 → "1", 150 → "1,5" */
export function formatBasisPoints(bp: number, lang: Lang): string {
  const value = bp / 100;
  return formatNumber(value, lang, Number.isInteger(value) ? 0 : 2).replace(/([.,]\d*?)0+$/, '$1').replace(/[.,]$/, '');
}

/** chart axis labels stay short: "Rp 12,5 jt" rather than thirteen digits (Indonesian units) */
export function shortRupiah(value: number): string {
  const abs = Math.abs(value);
  const sign = value < 0 ? '-' : '';
  const num = (v: number, digits: number) => new Intl.NumberFormat('id-ID', { maximumFractionDigits: digits }).format(v);
  if (abs >= 1_000_000_000) return `${sign}Rp ${num(abs / 1_000_000_000, 1)} M`;
  if (abs >= 1_000_000) return `${sign}Rp ${num(abs / 1_000_000, 1)} jt`;
  if (abs >= 1_000) return `${sign}Rp ${num(abs / 1_000, 0)} rb`;
  return formatRupiah(Math.round(value));
}

/** a billing period: 'YYYY-MM' → "Des 2026", a daily 'YYYY-MM-DD' → "4 Des 2026" */
export function formatPeriod(period: string, lang: Lang): string {
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) return `${(lang === 'id' ? ID_MONTHS : EN_MONTHS)[Number(month[2]) - 1] ?? month[2]} ${month[1]}`;
  return formatCivilDate(period, lang);
}
