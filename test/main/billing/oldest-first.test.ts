// The oldest-first rule over an IDPEL's open bills (main/billing/due.ts skippedOpenBill): the
// month a selection would leave out, before the newest month chosen.
import { describe, expect, it } from 'vitest';
import { compareBills, skippedOpenBill } from '../../../main/billing/due';

const bill = (id: string, due: string, period = due.slice(0, 7)) => ({ id, due_date: due, period });
const open = [bill('c', '2026-11-10'), bill('a', '2026-09-10'), bill('b', '2026-10-10'), bill('b2', '2026-10-10', '2026-10b')].sort(compareBills);

describe('skippedOpenBill', () => {
  it('lets the k oldest open bills through, in any order of choosing', () => {
    expect(open.map((b) => b.id)).toEqual(['a', 'b', 'b2', 'c']);
    for (const chosen of [[], ['a'], ['b', 'a'], ['a', 'b', 'b2'], ['c', 'b2', 'b', 'a']]) expect(skippedOpenBill(open, new Set(chosen))).toBeUndefined();
  });
  it('names the oldest open bill left out before the newest one chosen', () => {
    expect(skippedOpenBill(open, new Set(['b']))?.id).toBe('a');
    expect(skippedOpenBill(open, new Set(['a', 'c']))?.id).toBe('b');
    expect(skippedOpenBill(open, new Set(['a', 'b', 'c']))?.id).toBe('b2'); // same due date, later period
    expect(skippedOpenBill(open, new Set(['c']))?.id).toBe('a');
  });
});
