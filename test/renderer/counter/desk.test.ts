// The cash desk's rules: which bills are chosen (oldest first unless the office allows
// skipping), the totals, the cash field, the quick-cash buttons and the second look.
import { describe, expect, it } from 'vitest';
import type { OpenBill } from '../../../shared/contract';
import {
  checkProofBytes,
  confirmReasons,
  defaultSelection,
  extendSelection,
  formatRupiahInput,
  parseRupiahInput,
  quickCash,
  selectAll,
  selectionTotals,
  shrinkSelection,
  skippedOlder,
  toggleBill,
} from '../../../renderer/counter/deskRules';

const bill = (n: number, principal: number, fine: number): OpenBill => ({
  billId: `b${n}`,
  skrdNo: `SKRD/LKT01/2026/00000${n}`,
  levyName: 'Retribusi Sewa Rusunawa',
  period: `2026-${String(8 + n).padStart(2, '0')}`,
  dueDate: `2026-${String(8 + n).padStart(2, '0')}-10`,
  principal,
  fineMonths: fine > 0 ? 3 - n : 0,
  fine,
  total: principal + fine,
  isOverdue: fine > 0,
  lines: [],
});
const bills = [bill(1, 425_000, 8_500), bill(2, 425_000, 4_250), bill(3, 425_000, 0)];

describe('choosing bills', () => {
  it('starts with the oldest open bill', () => {
    expect(defaultSelection(bills)).toEqual(['b1']);
    expect(defaultSelection([])).toEqual([]);
  });

  it('keeps the choice the oldest k bills when skipping is not allowed', () => {
    expect(toggleBill(bills, ['b1'], 'b3', false)).toEqual(['b1', 'b2', 'b3']);
    expect(toggleBill(bills, ['b1', 'b2', 'b3'], 'b2', false)).toEqual(['b1']);
    expect(toggleBill(bills, ['b1'], 'b1', false)).toEqual([]);
    expect(skippedOlder(bills, toggleBill(bills, [], 'b2', false))).toBeNull();
  });

  it('toggles freely where the office allows skipping, and says what was skipped', () => {
    const chosen = toggleBill(bills, ['b1'], 'b1', true);
    expect(chosen).toEqual([]);
    const newer = toggleBill(bills, chosen, 'b3', true);
    expect(newer).toEqual(['b3']);
    expect(skippedOlder(bills, newer)?.billId).toBe('b1');
    // picked out of order, kept in the bills' order
    expect(toggleBill(bills, ['b3'], 'b1', true)).toEqual(['b1', 'b3']);
  });

  it('adds and drops a month at the newer end', () => {
    expect(extendSelection(bills, ['b1'])).toEqual(['b1', 'b2']);
    expect(extendSelection(bills, ['b1', 'b2', 'b3'])).toEqual(['b1', 'b2', 'b3']);
    expect(shrinkSelection(bills, ['b1', 'b2'])).toEqual(['b1']);
    expect(shrinkSelection(bills, [])).toEqual([]);
    expect(selectAll(bills)).toEqual(['b1', 'b2', 'b3']);
  });

  it('adds principal and fine apart', () => {
    expect(selectionTotals(bills, ['b1', 'b2'])).toEqual({ count: 2, principal: 850_000, fine: 12_750, total: 862_750 });
    expect(selectionTotals(bills, [])).toEqual({ count: 0, principal: 0, fine: 0, total: 0 });
  });
});

describe('cash received', () => {
  it('reads digits only and shows them grouped', () => {
    expect(parseRupiahInput('')).toBeNull();
    expect(parseRupiahInput('Rp 433.500')).toBe(433_500);
    expect(formatRupiahInput(1_287_750)).toBe('1.287.750');
    expect(formatRupiahInput(null)).toBe('');
  });

  it('offers likely banknote sums above the total, smallest first', () => {
    expect(quickCash(433_500)).toEqual([435_000, 440_000, 450_000, 500_000]);
    expect(quickCash(2_000)).toEqual([5_000, 10_000, 20_000, 50_000]);
    expect(quickCash(100_000)).toEqual([200_000]);
    expect(quickCash(0)).toEqual([]);
    for (const v of quickCash(862_750)) expect(v).toBeGreaterThan(862_750);
  });

  it('asks for a second look at a typo-sized change or a skipped month, not at ordinary change', () => {
    expect(confirmReasons({ total: 433_500, tendered: 500_000, skipped: null })).toEqual([]);
    expect(confirmReasons({ total: 2_000, tendered: 100_000, skipped: null })).toEqual([]);
    expect(confirmReasons({ total: 433_500, tendered: 5_000_000, skipped: null })).toEqual(['largeChange']);
    expect(confirmReasons({ total: 425_000, tendered: 425_000, skipped: bills[0] ?? null })).toEqual(['skipOlder']);
  });
});

describe('transfer proof', () => {
  const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
  it('takes a JPG, PNG or PDF whose first bytes match, within the size limit, as base64', () => {
    const checked = checkProofBytes('bukti.png', 'image/png', png, 1000);
    expect(checked).toEqual({ ok: true, proof: { fileName: 'bukti.png', mime: 'image/png', size: 11, base64: Buffer.from(png).toString('base64') } });
  });
  it('refuses other types, too large, empty, or content that is not what it claims', () => {
    expect(checkProofBytes('x.gif', 'image/gif', png, 1000)).toEqual({ ok: false, reason: 'type' });
    expect(checkProofBytes('x.png', 'image/png', png, 10)).toEqual({ ok: false, reason: 'size' });
    expect(checkProofBytes('x.png', 'image/png', new Uint8Array(), 10)).toEqual({ ok: false, reason: 'empty' });
    expect(checkProofBytes('x.pdf', 'application/pdf', png, 1000)).toEqual({ ok: false, reason: 'content' });
  });
});
