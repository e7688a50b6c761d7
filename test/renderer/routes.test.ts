import { describe, expect, it } from 'vitest';
import { canOpen, hashFor, homeFor, navFor, routeFromHash, ROUTES } from '../../renderer/shell/routes';
import { contract } from '../../shared/contract';

const ids = (role: Parameters<typeof navFor>[0]) => navFor(role).map((r) => r.id);

describe('menu per role', () => {
  it('offers the clerk the counter and the office data, not users or audit', () => {
    expect(ids('petugas')).toEqual(['counter', 'overview', 'units', 'stalls', 'lab']);
  });

  it('offers the back office everything', () => {
    expect(ids('admin')).toEqual(ROUTES.map((r) => r.id));
    expect(ids('kepala')).toEqual(ROUTES.map((r) => r.id));
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
});

describe('addresses', () => {
  it('round-trips every route through the fragment', () => {
    for (const route of ROUTES) expect(routeFromHash(hashFor(route.id))).toBe(route.id);
  });

  it('ignores unknown or token fragments', () => {
    expect(routeFromHash('#token=abc')).toBeNull();
    expect(routeFromHash('')).toBeNull();
    expect(routeFromHash('#/kantor/')).toBe('overview');
  });
});
