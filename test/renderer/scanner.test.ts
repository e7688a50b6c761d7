import { describe, expect, it } from 'vitest';
import { validateIdpelInput } from '../../renderer/lib/idpel';
import { formatPeriod } from '../../renderer/lib/format';
import { createScanDetector } from '../../renderer/lib/scanner';
import { makeIdpel } from '../../shared/idpel';

/** feed a string as keys `gap` ms apart, then Enter; returns what the detector reported */
function type(detector: ReturnType<typeof createScanDetector>, text: string, gap: number, start = 1000): string | null {
  let t = start;
  let out: string | null = null;
  for (const ch of text) out = detector.key(ch, (t += gap)) ?? out;
  return detector.key('Enter', t + gap) ?? out;
}

describe('barcode scanner detection', () => {
  const idpel = makeIdpel('0320910002', 741);

  it('recognises a fast burst of digits ended by Enter', () => {
    expect(type(createScanDetector(), idpel, 8)).toBe(idpel);
  });

  it('ignores a person typing the same digits', () => {
    expect(type(createScanDetector(), idpel, 180)).toBeNull();
  });

  it('ignores a short fast burst (a PIN, a quantity)', () => {
    expect(type(createScanDetector(), '12345', 5)).toBeNull();
  });

  it('forgets slow keys before the burst', () => {
    const d = createScanDetector();
    d.key('9', 0);
    d.key('9', 400);
    expect(type(d, idpel, 10, 2000)).toBe(idpel);
  });

  it('does not take an Enter pressed long after the burst', () => {
    const d = createScanDetector();
    let t = 0;
    for (const ch of idpel) d.key(ch, (t += 5));
    expect(d.key('Enter', t + 2000)).toBeNull();
  });

  it('a letter in the middle breaks the scan, Shift does not', () => {
    const d = createScanDetector();
    let t = 0;
    d.key('Shift', (t += 5));
    for (const ch of idpel.slice(0, 8)) d.key(ch, (t += 5));
    d.key('a', (t += 5));
    for (const ch of idpel.slice(8)) d.key(ch, (t += 5));
    expect(d.key('Enter', t + 5)).toBeNull();
    expect(type(d, idpel, 5, t + 500)).toBe(idpel);
  });
});

describe('IDPEL input check', () => {
  const idpel = makeIdpel('0320910001', 15);

  it('accepts a valid IDPEL with the spaces people type', () => {
    expect(validateIdpelInput(`${idpel.slice(0, 10)} ${idpel.slice(10)}`, 'id')).toEqual({ ok: true, idpel });
  });

  it('says what is wrong, in the chosen language', () => {
    expect(validateIdpelInput('', 'id')).toEqual({ ok: false, message: 'IDPEL wajib diisi.' });
    expect(validateIdpelInput('03209A', 'id')).toEqual({ ok: false, message: 'IDPEL hanya berisi angka.' });
    expect(validateIdpelInput('032091', 'en')).toMatchObject({ ok: false, message: expect.stringContaining('too short') });
    expect(validateIdpelInput('0320910001000001', 'id')).toMatchObject({ ok: false, message: 'IDPEL harus 17 digit angka.' });
    const wrongCheck = idpel.slice(0, -1) + String((Number(idpel.at(-1)) + 1) % 10);
    expect(validateIdpelInput(wrongCheck, 'id')).toMatchObject({ ok: false, message: expect.stringContaining('Digit pemeriksa') });
  });
});

describe('billing periods', () => {
  it('shows monthly and daily periods', () => {
    expect(formatPeriod('2026-12', 'id')).toBe('Des 2026');
    expect(formatPeriod('2026-08', 'en')).toBe('Aug 2026');
    expect(formatPeriod('2026-12-04', 'id')).toBe('4 Des 2026');
  });
});
