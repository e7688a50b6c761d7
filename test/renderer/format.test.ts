import { describe, expect, it } from 'vitest';
import { formatBasisPoints, formatCivilDate, formatDateTime, formatNumber, formatTime, percent, shortRupiah } from '../../renderer/lib/format';
import { channelLabel } from '../../renderer/lib/labels';

describe('WIB dates', () => {
  it('shows an instant in WIB in both languages', () => {
    expect(formatDateTime('2026-12-04T07:05:00Z', 'id')).toBe('4 Des 2026 14.05 WIB');
    expect(formatDateTime('2026-12-04T07:05:00Z', 'en')).toBe('4 Dec 2026 14:05 WIB');
  });

  it('turns the day at WIB midnight, not UTC midnight', () => {
    expect(formatDateTime('2026-12-31T17:30:00Z', 'id')).toBe('1 Jan 2027 00.30 WIB');
  });

  it('keeps an unreadable value as it came', () => {
    expect(formatDateTime('bukan tanggal', 'id')).toBe('bukan tanggal');
  });

  it('formats civil dates with an optional weekday', () => {
    expect(formatCivilDate('2026-12-04', 'id')).toBe('4 Des 2026');
    expect(formatCivilDate('2026-12-04', 'id', true)).toBe('Jumat, 4 Des 2026');
    expect(formatCivilDate('2026-08-17', 'en', true)).toBe('Monday, 17 Aug 2026');
  });

  it('shows the WIB wall clock', () => {
    expect(formatTime(Date.parse('2026-12-04T07:05:00Z'), 'id')).toBe('14.05');
    expect(formatTime(new Date('2026-12-04T07:05:00Z'), 'en')).toBe('14:05');
  });
});

describe('numbers', () => {
  it('groups digits per language', () => {
    expect(formatNumber(1250000, 'id')).toBe('1.250.000');
    expect(formatNumber(1250000, 'en')).toBe('1,250,000');
  });

  it('shows interest basis points as a percent', () => {
    expect(formatBasisPoints(100, 'id')).toBe('1');
    expect(formatBasisPoints(150, 'id')).toBe('1,5');
    expect(formatBasisPoints(200, 'en')).toBe('2');
    expect(formatBasisPoints(125, 'en')).toBe('1.25');
  });

  it('computes whole percents without dividing by zero', () => {
    expect(percent(1, 3)).toBe(33);
    expect(percent(5, 0)).toBe(0);
  });

  it('shortens rupiah for chart axes', () => {
    expect(shortRupiah(12_500_000)).toBe('Rp 12,5 jt');
    expect(shortRupiah(2_000_000_000)).toBe('Rp 2 M');
    expect(shortRupiah(45_000)).toBe('Rp 45 rb');
    expect(shortRupiah(500)).toBe('Rp 500');
  });
});

describe('labels', () => {
  it('names known channels and shows new ones as sent', () => {
    expect(channelLabel('tunai', 'id')).toBe('Tunai di loket');
    expect(channelLabel('qris', 'en')).toBe('QRIS');
    expect(channelLabel('pos', 'id')).toBe('pos');
  });
});
