import { describe, expect, it } from 'vitest';
import { amountDue, interestFor, lateMonths, DEFAULT_INTEREST } from '../../shared/fines';

describe('lateMonths: a part of a month counts as a whole month', () => {
  const cases: [string, string, number][] = [
    ['2026-10-10', '2026-10-10', 0], // paid on the due date
    ['2026-10-10', '2026-10-09', 0], // early
    ['2026-10-10', '2026-10-11', 1], // one day late
    ['2026-10-10', '2026-11-10', 1], // exactly one month
    ['2026-10-10', '2026-11-11', 2],
    ['2026-01-31', '2026-02-28', 1], // month end clamps: 31 Jan + 1 month = 28 Feb
    ['2026-01-31', '2026-03-01', 2],
    ['2024-01-31', '2024-02-29', 1], // leap year
    ['2024-01-31', '2024-03-01', 2],
    ['2023-02-28', '2023-03-28', 1],
    ['2023-02-28', '2023-03-29', 2],
    ['2025-12-10', '2026-01-05', 1], // across a year end
    ['2020-01-10', '2026-12-04', 24], // capped at 24
    ['2024-01-10', '2026-01-10', 24],
    ['2024-01-10', '2026-01-11', 24],
  ];
  it.each(cases)('due %s paid %s → %i months', (due, pay, months) => {
    expect(lateMonths(due, pay, 24)).toBe(months);
  });
});

describe('interest', () => {
  it('is 1% of the principal per month, in integer rupiah', () => {
    expect(interestFor(425_000, 2, DEFAULT_INTEREST)).toBe(8_500);
    expect(interestFor(333_333, 1, DEFAULT_INTEREST)).toBe(3_333);
    expect(interestFor(333_350, 1, { ...DEFAULT_INTEREST, rounding: 'round' })).toBe(3_334);
    expect(interestFor(333_301, 1, { ...DEFAULT_INTEREST, rounding: 'ceil' })).toBe(3_334);
    expect(interestFor(100_000, 3, { rateBp: 200, capMonths: 24, rounding: 'floor' })).toBe(6_000);
  });
  it('refuses a non-integer principal', () => {
    expect(() => interestFor(1000.5, 1, DEFAULT_INTEREST)).toThrow();
  });
  it('amountDue keeps the fine a separate figure', () => {
    expect(amountDue({ principal: 425_000, dueDate: '2026-10-10' }, '2026-12-04', DEFAULT_INTEREST)).toEqual({
      principal: 425_000,
      months: 2,
      fine: 8_500,
      total: 433_500,
    });
    expect(amountDue({ principal: 425_000, dueDate: '2026-12-10' }, '2026-12-10', DEFAULT_INTEREST).fine).toBe(0);
  });
});
