// Master-data area state: one resource per list. Searches are done by the backend; the lists
// are small enough (a few hundred rows) to sort and page in the table.
import { useEffect, useState } from 'react';
import type { ContractRow } from '../../shared/contract';
import { call } from '../api';
import { createResource, type Resource } from '../lib/resource';

export const levies = createResource(() => call('levy.list', {}), undefined);
/** the tariffs of one levy ('' = none chosen yet) */
export const tariffs = createResource((levyId: string) => (levyId ? call('tariff.list', { levyId }) : Promise.resolve([])), '');
export const payers = createResource((query: string) => call('payer.search', { query, limit: 200 }), '');
export const blocks = createResource(() => call('rusun.blocks', {}), undefined);
export const markets = createResource(() => call('pasar.markets', {}), undefined);

export interface ContractQuery {
  search: string;
  status: ContractRow['status'] | '';
}
export const contracts = createResource(
  (q: ContractQuery) => call('rusun.contracts', { ...(q.search.trim() ? { search: q.search.trim() } : {}), ...(q.status ? { status: q.status } : {}) }),
  { search: '', status: '' } as ContractQuery,
);
export const permits = createResource((search: string) => call('pasar.permits', search.trim() ? { search: search.trim() } : {}), '');
export const labOrders = createResource((search: string) => call('lab.orders', search.trim() ? { search: search.trim() } : {}), '');

/** every unit and stall (for the pickers of a new contract or permit: the vacant ones) */
export const allUnits = createResource(() => call('office.units', { limit: 1000 }), undefined);
export const allStalls = createResource(() => call('office.stalls', { limit: 1000 }), undefined);

const DEBOUNCE_MS = 300;

/**
 * A search box over a resource whose query is (or holds) the search text: typing waits a moment,
 * then asks the backend. The first render loads whatever query the store kept.
 */
export function useSearch<T, Q>(resource: Resource<T, Q>, get: (q: Q) => string, put: (q: Q, search: string) => Q) {
  const [search, setSearch] = useState(() => get(resource.store.getState().query));
  useEffect(() => {
    void resource.load();
  }, [resource]);
  useEffect(() => {
    const current = resource.store.getState().query;
    if (search === get(current)) return;
    const timer = window.setTimeout(() => void resource.load(put(resource.store.getState().query, search)), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
    // get/put are plain functions of the query: the search text alone decides
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [search, resource]);
  return [search, setSearch] as const;
}

export const asText = (q: string) => q;
export const withText = (_q: string, search: string) => search;
