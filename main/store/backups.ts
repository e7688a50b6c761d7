// Backup rotation, as a pure function: which snapshots and journals may be deleted.
//
// Policy: keep the newest 3 snapshots made today and the newest one of each of the 14 earlier
// days; "day" is the WIB calendar date (UTC+7, no daylight saving), the business date used
// everywhere in the app. The newest snapshot is always kept (a PC that was off for a month must
// not lose its only snapshot). Every journal that holds records after the OLDEST kept snapshot is
// kept, so any kept snapshot can be rolled forward to the last commit.

export interface RetentionPolicy {
  /** snapshots kept from today (newest first) */
  today: number;
  /** earlier days, one snapshot each: a snapshot from N days ago is kept when N <= days */
  days: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { today: 3, days: 14 };

const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** WIB day number (days since 1970-01-01 WIB) of an instant. */
export function wibDayNumber(d: Date): number {
  return Math.floor((d.getTime() + WIB_OFFSET_MS) / DAY_MS);
}

/** WIB calendar date, YYYY-MM-DD. */
export function wibDate(d: Date): string {
  return new Date(d.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 10);
}

export interface SnapshotEntry {
  seq: number;
  createdAt: Date;
}

export interface RotationPlan {
  keepSnapshots: number[];
  deleteSnapshots: number[];
  /** start sequence numbers of journal files that are no longer needed */
  deleteJournals: number[];
}

export function planRotation(
  snapshots: readonly SnapshotEntry[],
  journalStarts: readonly number[],
  now: Date,
  policy: RetentionPolicy = DEFAULT_RETENTION,
): RotationPlan {
  const today = wibDayNumber(now);
  const bySeqDesc = [...snapshots].sort((a, b) => b.seq - a.seq);
  const keep: number[] = [];
  const del: number[] = [];
  let keptToday = 0;
  const keptDays = new Set<number>();
  bySeqDesc.forEach((s, i) => {
    // a snapshot dated in the future (clock was set back) counts as today's
    const age = Math.max(0, today - wibDayNumber(s.createdAt));
    let kept = i === 0;
    if (age === 0) {
      if (keptToday < policy.today) kept = true;
      keptToday++;
    } else if (age <= policy.days && !keptDays.has(age)) {
      keptDays.add(age);
      kept = true;
    }
    (kept ? keep : del).push(s.seq);
  });

  const deleteJournals: number[] = [];
  if (keep.length > 0) {
    const oldestKept = Math.min(...keep);
    const starts = [...journalStarts].sort((a, b) => a - b);
    // journal i holds records start[i] … start[i+1]-1; it is needed while that range reaches past oldestKept
    for (let i = 0; i + 1 < starts.length; i++) {
      const next = starts[i + 1] as number;
      if (next <= oldestKept + 1) deleteJournals.push(starts[i] as number);
    }
  }
  return { keepSnapshots: keep, deleteSnapshots: del, deleteJournals };
}
