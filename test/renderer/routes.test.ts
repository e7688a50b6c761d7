import { describe, expect, it } from 'vitest';
import { canOpen, hashFor, homeFor, matchHash, navFor, routeFromHash, ROUTES } from '../../renderer/shell/routes';
import { contract } from '../../shared/contract';

const ids = (role: Parameters<typeof navFor>[0]) => navFor(role).map((r) => r.id);
const menuRoutes = ROUTES.filter((r) => !r.params);

describe('menu per role', () => {
  it('offers the clerk the counter, the office data, the services and the bill lookup — not bill runs, users or audit', () => {
    const menu = ids('petugas');
    expect(menu[0]).toBe('counter');
    for (const id of ['overview', 'units', 'stalls', 'lab', 'levies', 'contracts', 'permits', 'labOrders', 'payers', 'billSearch', 'arrears'] as const) expect(menu).toContain(id);
    for (const id of ['counterPayments', 'counterShifts', 'dailyReport'] as const) expect(menu).toContain(id);
    for (const id of ['billRuns', 'users', 'audit', 'counterVoids', 'counterTransfers'] as const) expect(menu).not.toContain(id);
  });

  it('offers the back office every menu screen (bill runs too: the head of UPTD previews them)', () => {
    // except the two decisions that belong to one role: voids (kepala), transfer checks (admin)
    expect(ids('admin')).toEqual(menuRoutes.filter((r) => r.id !== 'counterVoids').map((r) => r.id));
    expect(ids('kepala')).toEqual(menuRoutes.filter((r) => r.id !== 'counterTransfers').map((r) => r.id));
  });

  it('never puts a screen with address values (a bill, a print) in the menu', () => {
    for (const role of ['petugas', 'admin', 'kepala', 'kiosk'] as const) {
      expect(ids(role)).not.toContain('bill');
      expect(ids(role)).not.toContain('print');
    }
    expect(canOpen('petugas', 'bill')).toBe(true);
    expect(canOpen('kepala', 'print')).toBe(true);
  });

  it('offers the kiosk nothing of the back office', () => {
    expect(ids('kiosk')).toEqual([]);
    expect(homeFor('kiosk')).toBeNull();
  });

  it('lands clerks on the counter and the back office on the overview', () => {
    expect(homeFor('petugas')).toBe('counter');
    expect(homeFor('admin')).toBe('overview');
    expect(homeFor('kepala')).toBe('overview');
  });

  it('agrees with the contract for every route and role', () => {
    for (const route of ROUTES) {
      for (const role of ['petugas', 'admin', 'kepala', 'kiosk'] as const) {
        expect(canOpen(role, route.id), `${role} ${route.id}`).toBe((contract[route.op].access as readonly string[]).includes(role));
      }
    }
  });

  it('has unique ids and paths', () => {
    expect(new Set(ROUTES.map((r) => r.id)).size).toBe(ROUTES.length);
    expect(new Set(ROUTES.map((r) => r.path)).size).toBe(ROUTES.length);
  });
});

describe('addresses', () => {
  it('round-trips every route through the fragment', () => {
    for (const route of ROUTES) {
      const params = route.params ? Array.from({ length: route.params.min }, (_, i) => (i === 0 && route.id === 'print' ? 'skrd' : `01JABC${i}`)) : [];
      expect(matchHash(hashFor(route.id, params)), route.id).toEqual({ route: route.id, params });
    }
  });

  it('reads a bill id and a print address with its paper', () => {
    expect(matchHash('#/tagihan/rincian/01J9ZX')).toEqual({ route: 'bill', params: ['01J9ZX'] });
    expect(matchHash('#/cetak/strd/01J9ZX')).toEqual({ route: 'print', params: ['strd', '01J9ZX'] });
    expect(matchHash('#/cetak/skrd/01J9ZX/80mm')).toEqual({ route: 'print', params: ['skrd', '01J9ZX', '80mm'] });
  });

  it('escapes and unescapes values', () => {
    const hash = hashFor('bill', ['a/b c']);
    expect(hash).toBe('#/tagihan/rincian/a%2Fb%20c');
    expect(matchHash(hash)).toEqual({ route: 'bill', params: ['a/b c'] });
  });

  it('refuses a screen with too few or too many values, or a broken escape', () => {
    expect(matchHash('#/tagihan/rincian')).toBeNull();
    expect(matchHash('#/tagihan/rincian/a/b')).toBeNull();
    expect(matchHash('#/cetak/skrd')).toBeNull();
    expect(matchHash('#/cetak/skrd/x/a4/more')).toBeNull();
    expect(matchHash('#/tagihan/rincian/%E0%A4%A')).toBeNull();
  });

  it('does not mistake a menu screen for a value of another', () => {
    expect(routeFromHash('#/tagihan/cari')).toBe('billSearch');
    expect(routeFromHash('#/tagihan/tunggakan')).toBe('arrears');
  });

  it('ignores unknown or token fragments', () => {
    expect(routeFromHash('#token=abc')).toBeNull();
    expect(routeFromHash('')).toBeNull();
    expect(routeFromHash('#/kantor/')).toBe('overview');
  });
});
