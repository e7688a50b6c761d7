// Back-office area state: one resource per screen; the big lists are paged by the backend.
import { call } from '../api';
import { createResource } from '../lib/resource';

export interface ListQuery {
  search: string;
  pageIndex: number;
  pageSize: number;
}

export interface AuditQuery {
  entity: string;
  pageIndex: number;
  pageSize: number;
}

const firstPage: ListQuery = { search: '', pageIndex: 0, pageSize: 25 };

function listInput(q: ListQuery) {
  const search = q.search.trim();
  return { ...(search ? { search } : {}), limit: q.pageSize, offset: q.pageIndex * q.pageSize };
}

export const overview = createResource(() => call('office.overview', {}), undefined);
export const units = createResource((q: ListQuery) => call('office.units', listInput(q)), firstPage);
export const stalls = createResource((q: ListQuery) => call('office.stalls', listInput(q)), firstPage);
export const labCatalog = createResource(() => call('office.labCatalog', {}), undefined);
export const users = createResource(() => call('users.list', {}), undefined);
export const audit = createResource((q: AuditQuery) => {
  const entity = q.entity.trim();
  return call('audit.list', { limit: q.pageSize, offset: q.pageIndex * q.pageSize, ...(entity ? { entity } : {}) });
}, { entity: '', pageIndex: 0, pageSize: 50 } satisfies AuditQuery);
export const auditVerify = createResource(() => call('audit.verify', {}), undefined);
