// The screens of the app and who may open them. A screen is offered to a role exactly when
// the contract lets that role call the operation the screen is built on, so the menu can
// never promise what the backend will refuse.
import { contract, type OpName } from '../../shared/contract';
import type { Role } from '../../shared/roles';
import type { MessageKey } from '../i18n';

export type RouteId = 'counter' | 'overview' | 'units' | 'stalls' | 'lab' | 'users' | 'audit';

export interface RouteDef {
  id: RouteId;
  /** the address after '#/' */
  path: string;
  label: MessageKey;
  group: MessageKey;
  /** the operation the screen cannot work without */
  op: OpName;
}

export const ROUTES: readonly RouteDef[] = [
  { id: 'counter', path: 'loket', label: 'nav.counter', group: 'nav.group.counter', op: 'dashboard.counterToday' },
  { id: 'overview', path: 'kantor', label: 'nav.overview', group: 'nav.group.office', op: 'office.overview' },
  { id: 'units', path: 'kantor/unit', label: 'nav.units', group: 'nav.group.office', op: 'office.units' },
  { id: 'stalls', path: 'kantor/pasar', label: 'nav.stalls', group: 'nav.group.office', op: 'office.stalls' },
  { id: 'lab', path: 'kantor/lab', label: 'nav.lab', group: 'nav.group.office', op: 'office.labCatalog' },
  { id: 'users', path: 'pengguna', label: 'nav.users', group: 'nav.group.admin', op: 'users.list' },
  { id: 'audit', path: 'audit', label: 'nav.audit', group: 'nav.group.admin', op: 'audit.list' },
];

export function mayCall(role: Role, op: OpName): boolean {
  const access: readonly string[] = contract[op].access;
  return access.includes(role) || access.includes('public');
}

export function canOpen(role: Role, route: RouteId): boolean {
  const def = ROUTES.find((r) => r.id === route);
  return def !== undefined && mayCall(role, def.op);
}

export function navFor(role: Role): RouteDef[] {
  return ROUTES.filter((r) => mayCall(role, r.op));
}

/** where a role lands after login: the counter for clerks, the office overview for the back office */
export function homeFor(role: Role): RouteId | null {
  if (role === 'petugas') return canOpen(role, 'counter') ? 'counter' : null;
  return navFor(role).find((r) => r.id === 'overview')?.id ?? navFor(role)[0]?.id ?? null;
}

export function routeFromHash(hash: string): RouteId | null {
  const path = hash.replace(/^#\/?/, '').replace(/\/+$/, '');
  return ROUTES.find((r) => r.path === path)?.id ?? null;
}

export function hashFor(route: RouteId): string {
  return `#/${ROUTES.find((r) => r.id === route)?.path ?? ''}`;
}
