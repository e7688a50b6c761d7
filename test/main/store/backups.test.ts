import { describe, expect, it } from 'vitest';
import { planRotation, wibDate } from '../../../main/store/backups';

/** a snapshot made at WIB wall-clock time `wib` ("2025-03-10 09:00") */
function at(seq: number, wib: string): { seq: number; createdAt: Date } {
  return { seq, createdAt: new Date(`${wib.replace(' ', 'T')}:00+07:00`) };
}
const now = new Date('2025-03-10T10:00:00+07:00');

describe('planRotation', () => {
  it('keeps the newest 3 of today', () => {
    const snaps = [at(10, '2025-03-10 08:00'), at(20, '2025-03-10 08:30'), at(30, '2025-03-10 09:00'), at(40, '2025-03-10 09:30'), at(50, '2025-03-10 09:50')];
    const p = planRotation(snaps, [], now);
    expect(p.keepSnapshots).toEqual([50, 40, 30]);
    expect(p.deleteSnapshots).toEqual([20, 10]);
  });

  it('keeps the newest one of each earlier day for 14 days', () => {
    const snaps = [
      at(100, '2025-03-10 09:00'),
      at(90, '2025-03-09 17:00'),
      at(80, '2025-03-09 08:00'),
      at(70, '2025-03-08 16:00'),
      at(60, '2025-02-24 12:00'), // 14 days ago: kept
      at(50, '2025-02-23 12:00'), // 15 days ago: deleted
      at(40, '2025-02-01 12:00'),
    ];
    const p = planRotation(snaps, [], now);
    expect(p.keepSnapshots).toEqual([100, 90, 70, 60]);
    expect(p.deleteSnapshots).toEqual([80, 50, 40]);
  });

  it('uses the WIB date: 23:30 UTC is already the next day in Jakarta', () => {
    expect(wibDate(new Date('2025-03-09T23:30:00Z'))).toBe('2025-03-10');
    const snaps = [at(5, '2025-03-10 06:00'), at(4, '2025-03-10 06:10'), at(3, '2025-03-10 06:20'), { seq: 2, createdAt: new Date('2025-03-09T23:30:00Z') }];
    // seq 2 was made at 06:30 WIB on the 10th: it is one of today's, and the oldest of four
    expect(planRotation(snaps, [], now).deleteSnapshots).toEqual([2]);
  });

  it('always keeps the newest snapshot, even when older than the window', () => {
    const p = planRotation([at(7, '2025-01-01 10:00'), at(3, '2024-12-31 10:00')], [], now);
    expect(p.keepSnapshots).toEqual([7]);
    expect(p.deleteSnapshots).toEqual([3]);
  });

  it('treats a snapshot dated in the future (clock set back) as today', () => {
    const p = planRotation([at(9, '2025-03-12 10:00'), at(8, '2025-03-11 10:00'), at(7, '2025-03-10 09:00'), at(6, '2025-03-10 08:00')], [], now);
    expect(p.keepSnapshots).toEqual([9, 8, 7]);
    expect(p.deleteSnapshots).toEqual([6]);
  });

  it('keeps every journal needed to roll the oldest kept snapshot forward', () => {
    // snapshots 10..50 today: keep 50, 40, 30. journals start at 1, 11, 21, 31, 41, 51
    const snaps = [10, 20, 30, 40, 50].map((s, i) => at(s, `2025-03-10 0${i + 1}:00`));
    const p = planRotation(snaps, [51, 1, 11, 21, 31, 41], now);
    // journal-21 holds 21..30: not needed from snapshot 30; journal-31 holds 31..40: needed
    expect(p.deleteJournals).toEqual([1, 11, 21]);
  });

  it('keeps a journal that continues past a snapshot taken without a new journal', () => {
    // journal-1 was kept in use after snapshot 30 (the new journal could not be created)
    const p = planRotation([at(30, '2025-03-10 09:00')], [1], now);
    expect(p.deleteJournals).toEqual([]);
  });

  it('nothing to do with no snapshots', () => {
    expect(planRotation([], [1, 5], now)).toEqual({ keepSnapshots: [], deleteSnapshots: [], deleteJournals: [] });
  });
});
