import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract } from '../../shared/contract';
import { bpToPercent, defaultContractEnd, defaultRenewalEnd, nextMonthWib, optional, parseArea, parseDecimal, parseRupiah, parseWhole, percentToBp } from '../../renderer/master/parse';
import { schemaErrors } from '../../renderer/master/form';
import { nikProblem } from '../../renderer/master/PayerForm';
import { sampleEstimate } from '../../renderer/master/LabOrdersScreen';
import { tariffState } from '../../renderer/master/LeviesScreen';
import { permitState } from '../../renderer/master/PermitsScreen';
import { takeIntent, intentStore } from '../../renderer/master/intent';

describe('what people type', () => {
  it('reads rupiah with or without thousands dots and refuses decimals', () => {
    expect(parseRupiah('1.250.000')).toBe(1_250_000);
    expect(parseRupiah('Rp 365.000')).toBe(365_000);
    expect(parseRupiah('25000')).toBe(25_000);
    expect(parseRupiah('0')).toBe(0);
    expect(parseRupiah('1.25')).toBeNull();
    expect(parseRupiah('12,5')).toBeNull();
    expect(parseRupiah('1.2500.000')).toBeNull();
    expect(parseRupiah('')).toBeNull();
    expect(parseRupiah('-5')).toBeNull();
  });

  it('reads a percent per month as basis points, comma or point', () => {
    expect(percentToBp('1')).toBe(100);
    expect(percentToBp('1,5')).toBe(150);
    expect(percentToBp('2.25')).toBe(225);
    expect(percentToBp('0')).toBe(0);
    expect(percentToBp('1,555')).toBeNull();
    expect(percentToBp('satu')).toBeNull();
    expect(bpToPercent(150)).toBe('1,5');
    expect(bpToPercent(100)).toBe('1');
    expect(percentToBp(bpToPercent(225))).toBe(225);
  });

  it('reads an area to two decimals at most', () => {
    expect(parseArea('12,25')).toBe(12.25);
    expect(parseArea('9')).toBe(9);
    expect(parseArea('4.5')).toBe(4.5);
    expect(parseArea('12,255')).toBeNull();
    expect(parseArea('')).toBeNull();
    expect(parseDecimal(' 3,5 ')).toBe(3.5);
  });

  it('reads whole numbers and leaves blank optional fields out', () => {
    expect(parseWhole('24')).toBe(24);
    expect(parseWhole('2,5')).toBeNull();
    expect(parseWhole('')).toBeNull();
    expect(optional('  ')).toBeUndefined();
    expect(optional(' 0812 ')).toBe('0812');
  });
});

describe('dates the forms propose', () => {
  it('ends a contract three years less a day after it starts, across leap years', () => {
    expect(defaultContractEnd('2026-12-04')).toBe('2029-12-03');
    expect(defaultContractEnd('2028-03-01')).toBe('2031-02-28');
    expect(defaultRenewalEnd('2026-12-31')).toBe('2027-12-31');
    expect(defaultRenewalEnd('2027-02-28')).toBe('2028-02-28');
  });

  it('takes the next month in WIB', () => {
    expect(nextMonthWib(new Date('2026-12-31T17:30:00Z'))).toBe('2027-02'); // already 1 Jan in WIB
    expect(nextMonthWib(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01');
  });
});

describe('form checks from the contract', () => {
  it('keys problems by the dotted path the backend uses', () => {
    const errors = schemaErrors(contract['lab.order.create'].input, { payerId: '', samples: [{ source: 'x', parameterIds: [] }] });
    expect(errors.payerId).toBe('Wajib diisi');
    expect(errors['samples.0.source']).toBe('Sumber sampel minimal 3 karakter');
  });

  it('says the contract\'s own words for a levy code and an area', () => {
    const levy = schemaErrors(contract['levy.save'].input, { kode: '03209', name: 'Retribusi', ownerAgency: 'Dinas', kind: 'pasar', interestRateBp: 100, interestCapMonths: 24, interestRounding: 'floor', dueDay: 30 });
    expect(levy.kode).toBe('Kode retribusi harus 10 digit angka');
    expect(levy.dueDay).toBe('Tanggal jatuh tempo 1–28 agar ada di setiap bulan');
    const stall = schemaErrors(contract['pasar.stall.save'].input, { marketId: 'm', code: 'k 1', type: 'kios', areaM2: 12.255 });
    expect(stall.code).toBe('Kode petak huruf besar, angka, tanda hubung');
    expect(stall.areaM2).toBe('Luas paling banyak 2 angka desimal');
  });

  it('finds nothing wrong in a good value', () => {
    expect(schemaErrors(z.object({ a: z.string() }), { a: 'x' })).toEqual({});
  });
});

describe('NIK', () => {
  it('requires one for a person, not for an organisation, and checks its parts', () => {
    expect(nikProblem('', 'orang', 'wajib')).toBe('wajib');
    expect(nikProblem('', 'badan', 'wajib')).toBeNull();
    expect(nikProblem('3320014508900001', 'orang', 'wajib')).toBeNull(); // a woman born 5 Aug 1990
    expect(nikProblem('33200145089000', 'orang', 'wajib')).toBe('NIK harus 16 digit angka.');
    expect(nikProblem('0920014508900001', 'orang', 'wajib')).toBe('Kode provinsi pada NIK tidak valid.');
    expect(nikProblem('3320013213900001', 'orang', 'wajib')).toBe('Tanggal lahir pada NIK tidak valid.');
    expect(nikProblem('3320014508900000', 'orang', 'wajib')).toBe('Nomor urut pada NIK tidak valid.');
  });
});

describe('lab order estimate', () => {
  const parameters = [
    { id: 'p1', code: 'PH', name: 'pH', unit: '-', method: 'x', tariff: 15_000 },
    { id: 'p2', code: 'TDS', name: 'TDS', unit: 'mg/L', method: 'x', tariff: 20_000 },
    { id: 'p3', code: 'ECOLI', name: 'E. coli', unit: 'CFU', method: 'x', tariff: 60_000 },
  ];
  const packages = [{ id: 'k1', code: 'AIR_MINUM', name: 'Air minum', parameterCodes: ['PH', 'TDS'], tariff: 30_000, sumOfParameters: 35_000 }];

  it('prices the package plus the parameters outside it, never a parameter twice', () => {
    expect(sampleEstimate({ source: 's', packageId: 'k1', parameterIds: ['p1', 'p3'] }, parameters, packages)).toBe(90_000);
    expect(sampleEstimate({ source: 's', packageId: '', parameterIds: ['p1', 'p2'] }, parameters, packages)).toBe(35_000);
    expect(sampleEstimate({ source: 's', packageId: '', parameterIds: [] }, parameters, packages)).toBe(0);
  });
});

describe('tariff and permit states', () => {
  const row = (effectiveFrom: string, inForce: boolean) => ({ id: 'x', levyId: 'l', code: 'C', description: '', amount: 1, unit: 'bulan', effectiveFrom, legalBasis: '', inForce });
  it('marks the tariff in force, a scheduled one and the old ones', () => {
    expect(tariffState(row('2026-07-01', true), '2026-12-04')).toBe('inForce');
    expect(tariffState(row('2027-01-01', false), '2026-12-04')).toBe('scheduled');
    expect(tariffState(row('2024-01-01', false), '2026-12-04')).toBe('old');
  });

  it('says whether a permit runs today', () => {
    expect(permitState({ startDate: '2026-01-01', endDate: '2026-12-31' }, '2026-12-04')).toBe('aktif');
    expect(permitState({ startDate: '2027-01-01', endDate: '2027-12-31' }, '2026-12-04')).toBe('belum_mulai');
    expect(permitState({ startDate: '2025-01-01', endDate: '2026-12-03' }, '2026-12-04')).toBe('berakhir');
  });
});

describe('intents between screens', () => {
  it('is read once', () => {
    intentStore.setState({ contractUnitId: 'u1' });
    expect(takeIntent('contractUnitId')).toBe('u1');
    expect(takeIntent('contractUnitId')).toBeNull();
  });
});
