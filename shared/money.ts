// Money is an integer number of rupiah. These helpers refuse anything else.

export function assertRupiah(value: number, what = 'jumlah'): number {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} harus bilangan bulat rupiah, bukan ${value}`);
  return value;
}

/** `Rp 1.250.000` (negative: `-Rp 1.250.000`) */
export function formatRupiah(value: number): string {
  assertRupiah(value);
  const digits = Math.abs(value).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${value < 0 ? '-' : ''}Rp ${digits}`;
}

export function sumRupiah(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += assertRupiah(v);
  return assertRupiah(total, 'total');
}
