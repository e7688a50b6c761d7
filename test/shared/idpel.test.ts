import { describe, expect, it } from 'vitest';
import { checkIdpel, makeIdpel } from '../../shared/idpel';
import { checkNik } from '../../shared/nik';
import { formatRupiah } from '../../shared/money';

describe('IDPEL', () => {
  const idpel = makeIdpel('0320910001', 42);
  it('is the kode retribusi + serial + check digit', () => {
    expect(idpel).toMatch(/^0320910001000042\d$/);
    expect(checkIdpel(idpel)).toEqual({ ok: true, idpel, kode: '0320910001', serial: 42 });
    expect(checkIdpel(`${idpel.slice(0, 6)} ${idpel.slice(6)}`).ok).toBe(true);
  });
  it('catches every single-digit error and every adjacent swap', () => {
    for (let i = 0; i < idpel.length; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === idpel[i]) continue;
        const typo = idpel.slice(0, i) + d + idpel.slice(i + 1);
        expect(checkIdpel(typo)).toMatchObject({ ok: false, reason: 'check' });
      }
      if (i < idpel.length - 1 && idpel[i] !== idpel[i + 1]) {
        const swapped = idpel.slice(0, i) + idpel[i + 1] + idpel[i] + idpel.slice(i + 2);
        expect(checkIdpel(swapped).ok).toBe(false);
      }
    }
  });
  it('reports the format before the check digit', () => {
    expect(checkIdpel('12345')).toMatchObject({ ok: false, reason: 'format' });
    expect(checkIdpel('0320910001abc0421')).toMatchObject({ ok: false, reason: 'format' });
    expect(() => makeIdpel('123', 1)).toThrow();
    expect(() => makeIdpel('0320910001', 0)).toThrow();
  });
});

describe('NIK format', () => {
  it('accepts 16 digits with a plausible birth date, women +40', () => {
    expect(checkNik('3320014508900001').ok).toBe(true);
    expect(checkNik('3320010508900001').ok).toBe(true);
  });
  it.each(['332001450890000', '33200145089000011', '3320017208900001', '3320010513900001', '0920010508900001', '3320010508900000', 'abcdefghijklmnop'])('refuses %s', (nik) => {
    expect(checkNik(nik).ok).toBe(false);
  });
});

describe('rupiah', () => {
  it('formats with dots', () => {
    expect(formatRupiah(1_250_000)).toBe('Rp 1.250.000');
    expect(formatRupiah(0)).toBe('Rp 0');
    expect(formatRupiah(-500)).toBe('-Rp 500');
    expect(() => formatRupiah(1.5)).toThrow();
  });
});
