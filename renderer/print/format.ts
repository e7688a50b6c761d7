// How official documents write dates, periods and rates: full Indonesian month names
// ("4 Desember 2026"), as letters of the regional government do. Pure.
import { addMonthsCivil, formatWib } from '../../shared/time';

const BULAN = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'] as const;

/** a civil date 'YYYY-MM-DD' in full: "4 Desember 2026" */
export function tanggalPanjang(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const month = m ? BULAN[Number(m[2]) - 1] : undefined;
  if (!m || month === undefined) return date;
  return `${Number(m[3])} ${month} ${m[1]}`;
}

/** a billing period: 'YYYY-MM' → "Desember 2026", a daily 'YYYY-MM-DD' → "4 Desember 2026" */
export function masaRetribusi(period: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  const month = m ? BULAN[Number(m[2]) - 1] : undefined;
  if (m && month !== undefined) return `${month} ${m[1]}`;
  return tanggalPanjang(period);
}

/** basis points per month as a percent: 100 → "1%", 150 → "1,5%", 125 → "1,25%" */
export function persenBp(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const fraction = String(Math.abs(bp % 100)).padStart(2, '0').replace(/0+$/, '');
  return `${whole}${fraction ? `,${fraction}` : ''}%`;
}

/** a count with Indonesian grouping: 1500 → "1.500" */
export function angka(n: number): string {
  const digits = Math.abs(Math.trunc(n)).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${n < 0 ? '-' : ''}${digits}`;
}

/** the printed time of a document, in WIB: "4 Des 2026 14.05 WIB" */
export function dicetak(at: string): string {
  return formatWib(at);
}

/**
 * The regency named in the office name ("UPTD … Kabupaten Sukamakmur" → "Kabupaten Sukamakmur"),
 * for the first line of the letterhead and the place of signing; null when it names none.
 */
export function daerahDari(officeName: string): { daerah: string; tempat: string } | null {
  const m = /\b(Kabupaten|Kota)\s+(\p{Lu}[\p{L}'-]*(?:\s+\p{Lu}[\p{L}'-]*)*)\s*$/u.exec(officeName.trim());
  if (!m?.[1] || !m[2]) return null;
  return { daerah: `${m[1]} ${m[2]}`, tempat: m[2] };
}

/**
 * The last day a payment keeps the months of interest counted on an STRD: a payment after
 * dueDate + months (month end clamped) is one month later (unless the cap is reached).
 */
export function berlakuSampai(dueDate: string, fineMonths: number): string {
  return addMonthsCivil(dueDate, fineMonths);
}
