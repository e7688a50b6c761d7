import { describe, expect, it } from 'vitest';
import type { RunSkip } from '../../shared/contract';
import { defaultPeriod, elapsedSeconds, groupSkips, isValidPeriod, shiftPeriod } from '../../renderer/billing/runs';
import { arrearsInput, NO_FILTER } from '../../renderer/billing/store';
import { isOverdue } from '../../renderer/billing/BillDetailScreen';
import { looksLikeIdpel } from '../../renderer/billing/BillSearchScreen';

// 4 Dec 2026 20.00 WIB is 13.00 UTC; 31 Dec 2026 23.30 WIB is already 2027 in no timezone but WIB's
const dec4 = new Date('2026-12-04T13:00:00Z');
const dec31Late = new Date('2026-12-31T16:30:00Z'); // 23.30 WIB

describe('bill run periods', () => {
  it('prepares next month for a monthly run and today for the daily market run (WIB)', () => {
    expect(defaultPeriod('rusunawa', dec4)).toBe('2027-01');
    expect(defaultPeriod('pasar_bulanan', dec4)).toBe('2027-01');
    expect(defaultPeriod('pasar_harian', dec4)).toBe('2026-12-04');
    expect(defaultPeriod('rusunawa', dec31Late)).toBe('2027-01');
    expect(defaultPeriod('pasar_harian', new Date('2026-12-31T17:30:00Z'))).toBe('2027-01-01'); // 00.30 WIB
  });

  it('checks the period against the kind of run', () => {
    expect(isValidPeriod('rusunawa', '2027-01')).toBe(true);
    expect(isValidPeriod('rusunawa', '2027-13')).toBe(false);
    expect(isValidPeriod('rusunawa', '2027-01-01')).toBe(false);
    expect(isValidPeriod('pasar_harian', '2027-02-29')).toBe(false);
    expect(isValidPeriod('pasar_harian', '2028-02-29')).toBe(true);
    expect(isValidPeriod('pasar_harian', '')).toBe(false);
  });

  it('steps a period by a month or a day, across years', () => {
    expect(shiftPeriod('rusunawa', '2026-12', 1)).toBe('2027-01');
    expect(shiftPeriod('pasar_bulanan', '2027-01', -1)).toBe('2026-12');
    expect(shiftPeriod('pasar_harian', '2026-12-31', 1)).toBe('2027-01-01');
    expect(shiftPeriod('pasar_harian', 'nonsense', 1)).toBe('nonsense');
  });

  it('counts whole seconds and never below zero', () => {
    expect(elapsedSeconds(1000, 3999)).toBe(2);
    expect(elapsedSeconds(5000, 1000)).toBe(0);
  });
});

describe('skipped objects', () => {
  const skip = (objectLabel: string, reason: RunSkip['reason']): RunSkip => ({ objectLabel, reason, detail: '' });

  it('groups by reason in a fixed order with counts and every item kept', () => {
    const groups = groupSkips([skip('Blok A A-101', 'kontrak_berakhir'), skip('Blok A A-102', 'unit_kosong'), skip('Blok B B-101', 'unit_kosong'), skip('Blok B B-501', 'tarif_tidak_ada')]);
    expect(groups.map((g) => [g.reason, g.count])).toEqual([
      ['unit_kosong', 2],
      ['kontrak_berakhir', 1],
      ['tarif_tidak_ada', 1],
    ]);
    expect(groups[0]?.items.map((s) => s.objectLabel)).toEqual(['Blok A A-102', 'Blok B B-101']);
  });

  it('gives nothing for nothing skipped', () => {
    expect(groupSkips([])).toEqual([]);
  });
});

describe('arrears filter', () => {
  it('leaves the choices not made out of the call', () => {
    expect(arrearsInput(NO_FILTER)).toEqual({});
    expect(arrearsInput({ levyKind: 'rusunawa', blockId: 'b1', marketId: '', bucket: '3+' })).toEqual({ levyKind: 'rusunawa', blockId: 'b1', bucket: '3+' });
  });
});

describe('bill detail', () => {
  const due = (asOf: string, fineMonths: number) => ({ asOf, fineMonths, fine: 0, total: 0, interestRateBp: 100 });
  it('offers the STRD only for an unpaid bill past its due date', () => {
    expect(isOverdue({ status: 'belum_bayar', dueDate: '2026-11-10', due: due('2026-12-04', 1) })).toBe(true);
    expect(isOverdue({ status: 'belum_bayar', dueDate: '2026-12-10', due: due('2026-12-04', 0) })).toBe(false);
    expect(isOverdue({ status: 'belum_bayar', dueDate: '2026-12-04', due: due('2026-12-04', 0) })).toBe(false);
    expect(isOverdue({ status: 'lunas', dueDate: '2026-11-10', due: due('2026-12-04', 0) })).toBe(false);
  });

  it('takes 17 or more digits for an IDPEL and anything else for a name search', () => {
    expect(looksLikeIdpel('03209100010000127')).toBe(true);
    expect(looksLikeIdpel('0320 9100 0100 0012 7')).toBe(true);
    expect(looksLikeIdpel('3320011')).toBe(false);
    expect(looksLikeIdpel('Blok A')).toBe(false);
  });
});
