// Terbilang: an integer rupiah amount in Indonesian words, as receipts, SKRD and STRD print it
// ("seratus lima puluh ribu rupiah"). Pure; the same words in main, renderer and tests.
//
// The Indonesian special cases: the prefix "se-" stands for "satu" before puluh/belas/ratus/ribu
// (sepuluh, sebelas, seratus, seribu), but never before juta, miliar and triliun
// ("satu juta", "satu miliar"); 1 001 000 is "satu juta seribu", 101 000 "seratus satu ribu".

/** the largest amount with words: 999 triliun 999 miliar 999 juta 999 ribu 999 */
export const TERBILANG_MAX = 999_999_999_999_999;

const DIGITS = ['nol', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan'] as const;

/** scales of 10^3k, largest first */
const SCALES: readonly { value: number; word: string }[] = [
  { value: 1e12, word: 'triliun' },
  { value: 1e9, word: 'miliar' },
  { value: 1e6, word: 'juta' },
  { value: 1e3, word: 'ribu' },
];

function digit(d: number): string {
  const word = DIGITS[d];
  if (word === undefined) throw new RangeError(`bukan satu digit: ${d}`);
  return word;
}

/** 1..999 in words; 0 gives no words */
function belowThousand(n: number): string[] {
  const words: string[] = [];
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds === 1) words.push('seratus');
  else if (hundreds > 1) words.push(digit(hundreds), 'ratus');
  if (rest === 10) words.push('sepuluh');
  else if (rest === 11) words.push('sebelas');
  else if (rest > 11 && rest < 20) words.push(digit(rest - 10), 'belas');
  else {
    const tens = Math.floor(rest / 10);
    const units = rest % 10;
    if (tens > 1) words.push(digit(tens), 'puluh');
    if (units > 0) words.push(digit(units));
  }
  return words;
}

export function assertTerbilangRange(n: number): void {
  if (typeof n !== 'number' || !Number.isInteger(n)) {
    throw new RangeError(`Terbilang hanya untuk bilangan bulat rupiah, bukan ${String(n)}`);
  }
  if (n < 0) throw new RangeError(`Terbilang tidak untuk jumlah negatif (${n})`);
  if (n > TERBILANG_MAX) throw new RangeError(`Jumlah ${n} di atas batas terbilang (999.999.999.999.999)`);
}

/** the amount in lowercase Indonesian words: 1100 → "seribu seratus", 0 → "nol" */
export function terbilang(n: number): string {
  assertTerbilangRange(n);
  if (n === 0) return 'nol';
  const words: string[] = [];
  let rest = n;
  for (const scale of SCALES) {
    const group = Math.floor(rest / scale.value);
    rest %= scale.value;
    if (group === 0) continue;
    if (group === 1 && scale.word === 'ribu') words.push('seribu');
    else words.push(...belowThousand(group), scale.word);
  }
  words.push(...belowThousand(rest));
  return words.join(' ');
}

export type TerbilangCase = 'lower' | 'sentence' | 'title';

/** "Seratus lima puluh ribu rupiah" (sentence) or "Seratus Lima Puluh Ribu Rupiah" (title) */
export function applyCase(text: string, style: TerbilangCase): string {
  if (style === 'sentence') return text.charAt(0).toUpperCase() + text.slice(1);
  if (style === 'title') return text.replace(/(^|\s)(\p{L})/gu, (_m, space: string, letter: string) => space + letter.toUpperCase());
  return text;
}

/** the amount in words with "rupiah": 150000 → "seratus lima puluh ribu rupiah" */
export function terbilangRupiah(n: number, style: TerbilangCase = 'lower'): string {
  return applyCase(`${terbilang(n)} rupiah`, style);
}
