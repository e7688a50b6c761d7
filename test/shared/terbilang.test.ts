import { describe, expect, it } from 'vitest';
import { applyCase, terbilang, terbilangRupiah, TERBILANG_MAX } from '../../shared/terbilang';

const cases: [number, string][] = [
  [0, 'nol'],
  [1, 'satu'],
  [2, 'dua'],
  [9, 'sembilan'],
  [10, 'sepuluh'],
  [11, 'sebelas'],
  [12, 'dua belas'],
  [15, 'lima belas'],
  [19, 'sembilan belas'],
  [20, 'dua puluh'],
  [21, 'dua puluh satu'],
  [30, 'tiga puluh'],
  [99, 'sembilan puluh sembilan'],
  [100, 'seratus'],
  [101, 'seratus satu'],
  [110, 'seratus sepuluh'],
  [111, 'seratus sebelas'],
  [115, 'seratus lima belas'],
  [120, 'seratus dua puluh'],
  [199, 'seratus sembilan puluh sembilan'],
  [200, 'dua ratus'],
  [210, 'dua ratus sepuluh'],
  [999, 'sembilan ratus sembilan puluh sembilan'],
  [1000, 'seribu'],
  [1001, 'seribu satu'],
  [1010, 'seribu sepuluh'],
  [1011, 'seribu sebelas'],
  [1100, 'seribu seratus'],
  [1111, 'seribu seratus sebelas'],
  [1500, 'seribu lima ratus'],
  [2000, 'dua ribu'],
  [2500, 'dua ribu lima ratus'],
  [10_000, 'sepuluh ribu'],
  [11_000, 'sebelas ribu'],
  [12_000, 'dua belas ribu'],
  [21_000, 'dua puluh satu ribu'],
  [100_000, 'seratus ribu'],
  [101_000, 'seratus satu ribu'],
  [110_000, 'seratus sepuluh ribu'],
  [111_111, 'seratus sebelas ribu seratus sebelas'],
  [150_000, 'seratus lima puluh ribu'],
  [425_000, 'empat ratus dua puluh lima ribu'],
  [999_999, 'sembilan ratus sembilan puluh sembilan ribu sembilan ratus sembilan puluh sembilan'],
  [1_000_000, 'satu juta'],
  [1_000_001, 'satu juta satu'],
  [1_001_000, 'satu juta seribu'],
  [1_100_000, 'satu juta seratus ribu'],
  [1_234_000, 'satu juta dua ratus tiga puluh empat ribu'],
  [1_250_000, 'satu juta dua ratus lima puluh ribu'],
  [2_000_000, 'dua juta'],
  [10_000_000, 'sepuluh juta'],
  [11_000_000, 'sebelas juta'],
  [100_000_000, 'seratus juta'],
  [101_001_001, 'seratus satu juta seribu satu'],
  [1_000_000_000, 'satu miliar'],
  [1_000_001_000, 'satu miliar seribu'],
  [1_001_000_000, 'satu miliar satu juta'],
  [2_500_000_000, 'dua miliar lima ratus juta'],
  [1_000_000_000_000, 'satu triliun'],
  [1_000_000_001_000, 'satu triliun seribu'],
  [11_011_011_011_011, 'sebelas triliun sebelas miliar sebelas juta sebelas ribu sebelas'],
  [100_000_000_000_000, 'seratus triliun'],
  [
    999_999_999_999_999,
    'sembilan ratus sembilan puluh sembilan triliun sembilan ratus sembilan puluh sembilan miliar ' +
      'sembilan ratus sembilan puluh sembilan juta sembilan ratus sembilan puluh sembilan ribu ' +
      'sembilan ratus sembilan puluh sembilan',
  ],
];

describe('terbilang: the tricky amounts', () => {
  it.each(cases)('%i → %s', (n, words) => {
    expect(terbilang(n)).toBe(words);
  });

  it('max is 999 999 999 999 999', () => {
    expect(TERBILANG_MAX).toBe(999_999_999_999_999);
  });
});

describe('terbilangRupiah', () => {
  it('adds "rupiah"', () => {
    expect(terbilangRupiah(150_000)).toBe('seratus lima puluh ribu rupiah');
    expect(terbilangRupiah(0)).toBe('nol rupiah');
  });
  it('capitalises for receipts when asked', () => {
    expect(terbilangRupiah(150_000, 'sentence')).toBe('Seratus lima puluh ribu rupiah');
    expect(terbilangRupiah(1_234_000, 'title')).toBe('Satu Juta Dua Ratus Tiga Puluh Empat Ribu Rupiah');
    expect(applyCase('seribu', 'lower')).toBe('seribu');
  });
});

describe('terbilang refuses what is not an integer rupiah amount in range', () => {
  it.each([
    [1.5, /bilangan bulat/],
    [0.1, /bilangan bulat/],
    [Number.NaN, /bilangan bulat/],
    [Number.POSITIVE_INFINITY, /bilangan bulat/],
    [-1, /negatif/],
    [-1_000, /negatif/],
    [TERBILANG_MAX + 1, /di atas batas/],
    [Number.MAX_SAFE_INTEGER, /di atas batas/],
  ])('%s', (n, message) => {
    expect(() => terbilang(n)).toThrow(RangeError);
    expect(() => terbilang(n)).toThrow(message);
    expect(() => terbilangRupiah(n)).toThrow(message);
  });
  it('refuses a value that is not a number at all', () => {
    expect(() => terbilang('12' as unknown as number)).toThrow(/bilangan bulat/);
  });
});

// ---------------------------------------------------------------------------------------------
// An independent reverse parser: words → number, strict about the Indonesian forms (it refuses
// "satu ribu", "satu ratus", "se juta", scales out of order …), so a round trip proves the words.

const DIGIT: Record<string, number> = { satu: 1, dua: 2, tiga: 3, empat: 4, lima: 5, enam: 6, tujuh: 7, delapan: 8, sembilan: 9 };
const SCALE: Record<string, number> = { ribu: 1e3, juta: 1e6, miliar: 1e9, triliun: 1e12 };

function parseTerbilang(text: string): number {
  if (text === 'nol') return 0;
  if (!/^[a-z]+( [a-z]+)*$/.test(text)) throw new Error(`not lowercase single-spaced words: "${text}"`);
  let total = 0;
  let lastScale = Infinity;
  let group = 0; // the value of the current group of three digits
  let stage = 0; // 0 nothing yet, 1 hundreds done, 2 tens/teens done, 3 units done
  let digit: number | null = null; // a digit word waiting for its multiplier
  const fail = (why: string): never => {
    throw new Error(`${why} in "${text}"`);
  };
  const closeGroup = (scale: number) => {
    if (digit !== null) {
      if (stage >= 3) fail('two unit digits');
      group += digit;
      digit = null;
    }
    if (group === 0) fail('empty group');
    if (scale >= lastScale) fail('scales out of order');
    total += group * scale;
    lastScale = scale;
    group = 0;
    stage = 0;
  };
  for (const word of text.split(' ')) {
    const d = DIGIT[word];
    if (d !== undefined) {
      if (digit !== null) fail('two digits in a row');
      digit = d;
      continue;
    }
    switch (word) {
      case 'seratus':
      case 'ratus': {
        if (stage >= 1 || (word === 'seratus') === (digit !== null)) fail(`misplaced ${word}`);
        if (digit === 1) fail('"satu ratus"');
        group += word === 'seratus' ? 100 : (digit ?? 0) * 100;
        digit = null;
        stage = 1;
        break;
      }
      case 'sepuluh':
      case 'sebelas':
      case 'puluh':
      case 'belas': {
        const isSe = word === 'sepuluh' || word === 'sebelas';
        if (stage >= 2 || isSe === (digit !== null)) fail(`misplaced ${word}`);
        if (digit === 1) fail(`"satu ${word}"`);
        const value = word === 'sepuluh' ? 10 : word === 'sebelas' ? 11 : word === 'puluh' ? (digit ?? 0) * 10 : 10 + (digit ?? 0);
        group += value;
        digit = null;
        // after a teen no unit may follow
        stage = word === 'belas' || word === 'sebelas' ? 3 : 2;
        break;
      }
      case 'seribu': {
        if (digit !== null || group !== 0) fail('misplaced seribu');
        group = 1;
        closeGroup(1e3);
        break;
      }
      default: {
        const scale = SCALE[word];
        if (scale === undefined) fail(`unknown word "${word}"`);
        if (word === 'ribu' && digit === 1 && group === 0) fail('"satu ribu" (should be seribu)');
        closeGroup(scale!);
      }
    }
  }
  if (digit !== null) {
    if (stage >= 3) fail('unit after a teen');
    group += digit;
  }
  return total + group;
}

/** mulberry32: a small seeded generator, so a failure can be replayed */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** amounts of every length, with groups that are often 0, 1, 10, 11, 100 … (where the special cases live) */
function randomAmount(next: () => number): number {
  const groups = 1 + Math.floor(next() * 5);
  const special = [0, 1, 10, 11, 12, 19, 20, 21, 100, 101, 110, 111, 199, 200, 999];
  let n = 0;
  for (let i = 0; i < groups; i++) {
    const g = next() < 0.5 ? special[Math.floor(next() * special.length)]! : Math.floor(next() * 1000);
    n = n * 1000 + g;
  }
  return n;
}

describe('terbilang round trip: the words parse back to the amount', () => {
  it('the reverse parser itself is strict', () => {
    expect(parseTerbilang('seribu seratus')).toBe(1100);
    expect(parseTerbilang('satu juta seribu')).toBe(1_001_000);
    for (const bad of ['satu ribu', 'satu ratus', 'satu puluh', 'dua  puluh', 'seribu juta', 'juta', 'dua belas tiga', 'seratus seratus', 'Satu', 'se juta', 'ribu satu juta']) {
      expect(() => parseTerbilang(bad), bad).toThrow();
    }
  });

  it('for every table case', () => {
    for (const [n] of cases) expect(parseTerbilang(terbilang(n))).toBe(n);
  });

  it('for 30 000 random amounts from 0 to 999 999 999 999 999', () => {
    const next = rng(20261204);
    for (let i = 0; i < 30_000; i++) {
      const n = i % 3 === 0 ? Math.floor(next() * (TERBILANG_MAX + 1)) : randomAmount(next);
      const words = terbilang(n);
      expect(words, String(n)).not.toMatch(/\s{2}|^\s|\s$|[A-Z]/);
      expect(parseTerbilang(words), `${n}: ${words}`).toBe(n);
    }
  });

  it('for every amount from 0 to 20 000 and around each scale', () => {
    for (let n = 0; n <= 20_000; n++) expect(parseTerbilang(terbilang(n))).toBe(n);
    for (const scale of [1e3, 1e6, 1e9, 1e12, TERBILANG_MAX - 1_100]) {
      for (let d = -1_100; d <= 1_100; d++) {
        const n = scale + d;
        if (n >= 0) expect(parseTerbilang(terbilang(n))).toBe(n);
      }
    }
  });

  it('different amounts never share words', () => {
    const seen = new Map<string, number>();
    for (let n = 0; n <= 200_000; n += 7) {
      const w = terbilang(n);
      expect(seen.get(w)).toBeUndefined();
      seen.set(w, n);
    }
  });
});
