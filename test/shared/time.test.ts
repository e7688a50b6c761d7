// Civil-date arithmetic is hand-rolled for speed (it runs for every bill and every fine), so it is
// checked against date-fns over two centuries of dates.
import { describe, expect, it } from 'vitest';
import { TZDate } from '@date-fns/tz';
import { addDays, addMonths, format } from 'date-fns';
import { addDaysCivil, addMonthsCivil, addPeriod, businessDate, dayOfPeriod, daysInMonth, isCivilDate, wibInstant } from '../../shared/time';

const utc = (s: string) => new TZDate(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)), 'UTC');
const fmt = (d: Date) => format(d, 'yyyy-MM-dd');

describe('civil dates', () => {
  it('agree with date-fns for every month end and a sample of days, 1900–2199', () => {
    for (let y = 1900; y < 2200; y += 1) {
      for (let m = 1; m <= 12; m++) {
        const period = `${y}-${String(m).padStart(2, '0')}`;
        expect(daysInMonth(period)).toBe(Number(format(addDays(addMonths(utc(`${period}-01`), 1), -1), 'd')));
        for (const d of [1, 28, daysInMonth(period)]) {
          const date = `${period}-${String(d).padStart(2, '0')}`;
          for (const k of [1, 2, 13, -1]) expect(addMonthsCivil(date, k)).toBe(fmt(addMonths(utc(date), k)));
          for (const k of [1, 30, -1, 365]) expect(addDaysCivil(date, k)).toBe(fmt(addDays(utc(date), k)));
        }
      }
    }
  });
  it('validates, clamps and shifts periods', () => {
    expect(isCivilDate('2024-02-29')).toBe(true);
    expect(isCivilDate('2023-02-29')).toBe(false);
    expect(isCivilDate('2026-13-01')).toBe(false);
    expect(isCivilDate('2026-1-01')).toBe(false);
    expect(dayOfPeriod('2026-02', 31)).toBe('2026-02-28');
    expect(addPeriod('2026-12', 1)).toBe('2027-01');
    expect(addPeriod('2026-01', -1)).toBe('2025-12');
    expect(() => addDaysCivil('2026/01/01', 1)).toThrow();
  });
  it('takes the business date in WIB', () => {
    expect(businessDate(new Date('2026-12-04T16:59:59Z'))).toBe('2026-12-04');
    expect(businessDate(new Date('2026-12-04T17:00:00Z'))).toBe('2026-12-05');
    expect(wibInstant('2026-12-05', 0, 0).toISOString()).toBe('2026-12-04T17:00:00.000Z');
  });
});
