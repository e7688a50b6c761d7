// The screens of the app and who may open them. A screen is offered to a role exactly when
// the contract lets that role call the operation the screen is built on, so the menu can
// never promise what the backend will refuse.
import { contract, type OpName } from '../../shared/contract';
import type { Role } from '../../shared/roles';
import type { MessageKey } from '../i18n';

export type RouteId =
  | 'counter'
  | 'counterPayments'
  | 'counterShifts'
  | 'counterVoids'
  | 'counterTransfers'
  | 'dailyReport'
  | 'overview'
  | 'units'
  | 'stalls'
  | 'lab'
  | 'levies'
  | 'contracts'
  | 'permits'
  | 'labOrders'
  | 'payers'
  | 'billSearch'
  | 'billRuns'
  | 'arrears'
  | 'bill'
  | 'print'
  | 'users'
  | 'audit'
  | 'sync';

export interface RouteDef {
  id: RouteId;
  /** the address after '#/' */
  path: string;
  label: MessageKey;
  group: MessageKey;
  /** the operation the screen cannot work without */
  op: OpName;
  /**
   * the address carries values after the path (#/tagihan/rincian/<billId>): how many. Such a
   * screen is opened from another screen, never from the menu.
   */
  params?: { min: number; max: number };
}

export const ROUTES: readonly RouteDef[] = [
  { id: 'counter', path: 'loket', label: 'nav.counter', group: 'nav.group.counter', op: 'dashboard.counterToday' },
  { id: 'counterPayments', path: 'loket/pembayaran', label: 'nav.counterPayments', group: 'nav.group.counter', op: 'payment.recent' },
  { id: 'counterShifts', path: 'loket/shift', label: 'nav.counterShifts', group: 'nav.group.counter', op: 'deposit.create' },
  // the kepala UPTD decides voids, the admin UPTD verifies transfers: each sees only their own
  { id: 'counterVoids', path: 'loket/pembatalan', label: 'nav.counterVoids', group: 'nav.group.counter', op: 'void.decide' },
  { id: 'counterTransfers', path: 'loket/transfer', label: 'nav.counterTransfers', group: 'nav.group.counter', op: 'transfer.verify' },
  { id: 'dailyReport', path: 'laporan/harian', label: 'nav.dailyReport', group: 'nav.group.counter', op: 'report.daily' },
  { id: 'overview', path: 'kantor', label: 'nav.overview', group: 'nav.group.office', op: 'office.overview' },
  { id: 'units', path: 'kantor/unit', label: 'nav.units', group: 'nav.group.office', op: 'office.units' },
  { id: 'stalls', path: 'kantor/pasar', label: 'nav.stalls', group: 'nav.group.office', op: 'office.stalls' },
  { id: 'lab', path: 'kantor/lab', label: 'nav.lab', group: 'nav.group.office', op: 'office.labCatalog' },
  // tariff.list (staff) rather than levy.list (every role, the kiosk too): the screen shows both
  { id: 'levies', path: 'kantor/retribusi', label: 'nav.levies', group: 'nav.group.office', op: 'tariff.list' },
  { id: 'contracts', path: 'layanan/kontrak', label: 'nav.contracts', group: 'nav.group.service', op: 'rusun.contracts' },
  { id: 'permits', path: 'layanan/izin-pasar', label: 'nav.permits', group: 'nav.group.service', op: 'pasar.permits' },
  { id: 'labOrders', path: 'layanan/order-lab', label: 'nav.labOrders', group: 'nav.group.service', op: 'lab.orders' },
  { id: 'payers', path: 'layanan/wajib-retribusi', label: 'nav.payers', group: 'nav.group.service', op: 'payer.search' },
  { id: 'billSearch', path: 'tagihan/cari', label: 'nav.billSearch', group: 'nav.group.billing', op: 'inquiry.search' },
  { id: 'billRuns', path: 'tagihan/penerbitan', label: 'nav.billRuns', group: 'nav.group.billing', op: 'billing.preview' },
  { id: 'arrears', path: 'tagihan/tunggakan', label: 'nav.arrears', group: 'nav.group.billing', op: 'arrears.list' },
  { id: 'bill', path: 'tagihan/rincian', label: 'nav.bill', group: 'nav.group.billing', op: 'bill.get', params: { min: 1, max: 1 } },
  // #/cetak/<skrd|strd>/<billId>[/<paper>] (renderer/print/route.ts checks the values)
  { id: 'print', path: 'cetak', label: 'nav.print', group: 'nav.group.billing', op: 'bill.get', params: { min: 2, max: 3 } },
  { id: 'users', path: 'pengguna', label: 'nav.users', group: 'nav.group.admin', op: 'users.list' },
  { id: 'audit', path: 'audit', label: 'nav.audit', group: 'nav.group.admin', op: 'audit.list' },
  // every staff role may sync now; the queue, the enrolment and the decisions are checked inside
  { id: 'sync', path: 'sinkronisasi', label: 'nav.sync', group: 'nav.group.admin', op: 'sync.now' },
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
  return ROUTES.filter((r) => !r.params && mayCall(role, r.op));
}

/** where a role lands after login: the counter for clerks, the office overview for the back office */
export function homeFor(role: Role): RouteId | null {
  if (role === 'petugas') return canOpen(role, 'counter') ? 'counter' : null;
  return navFor(role).find((r) => r.id === 'overview')?.id ?? navFor(role)[0]?.id ?? null;
}

export interface RouteMatch {
  route: RouteId;
  /** the decoded values after the path, for screens with params */
  params: string[];
}

/** the screen (and its values) an address fragment names, or null */
export function matchHash(hash: string): RouteMatch | null {
  const path = hash.replace(/^#\/?/, '').replace(/\/+$/, '');
  const exact = ROUTES.find((r) => !r.params && r.path === path);
  if (exact) return { route: exact.id, params: [] };
  for (const r of ROUTES) {
    if (!r.params || !path.startsWith(`${r.path}/`)) continue;
    const rest = path.slice(r.path.length + 1).split('/');
    if (rest.length < r.params.min || rest.length > r.params.max || rest.some((p) => p === '')) continue;
    try {
      return { route: r.id, params: rest.map((p) => decodeURIComponent(p)) };
    } catch {
      return null; // a broken %-escape names nothing
    }
  }
  return null;
}

export function routeFromHash(hash: string): RouteId | null {
  return matchHash(hash)?.route ?? null;
}

export function hashFor(route: RouteId, params: readonly string[] = []): string {
  return `#/${ROUTES.find((r) => r.id === route)?.path ?? ''}${params.map((p) => `/${encodeURIComponent(p)}`).join('')}`;
}
