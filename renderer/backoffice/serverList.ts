// Search box + paging for the lists the backend pages (units, stalls).
import { useEffect, useState } from 'react';
import type { Resource } from '../lib/resource';
import type { ServerPaging } from '../ui';
import type { ListQuery } from './store';

const DEBOUNCE_MS = 300;

export function useServerList<T>(resource: Resource<{ rows: T[]; total: number }, ListQuery>) {
  const query = resource.use((s) => s.query);
  const data = resource.use((s) => s.data);
  const error = resource.use((s) => s.error);
  const loading = resource.use((s) => s.loading);
  const [search, setSearch] = useState(query.search);

  // first load with whatever query the store kept (coming back to the screen keeps the page)
  useEffect(() => {
    void resource.load();
  }, [resource]);

  // typing waits a moment, then asks for the first page of the new search
  useEffect(() => {
    if (search === resource.store.getState().query.search) return;
    const timer = window.setTimeout(() => void resource.load({ ...resource.store.getState().query, search, pageIndex: 0 }), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [search, resource]);

  const paging: ServerPaging = {
    total: data?.total ?? 0,
    pageIndex: query.pageIndex,
    pageSize: query.pageSize,
    onChange: (p) => void resource.load({ ...resource.store.getState().query, ...p }),
  };
  return { search, setSearch, rows: data?.rows ?? EMPTY, hasData: data !== null, error, loading, paging, reload: () => void resource.load() };
}

// one shared empty array: a new [] each render would make the table recompute every time
const EMPTY: never[] = [];
