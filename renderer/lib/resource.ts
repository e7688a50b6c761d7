// A small zustand store for one piece of backend data: the query it was asked with, the last
// answer, the last error and whether a request is running. Answers to an older query that
// arrive late are dropped, so typing in a search box never shows stale rows.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';

export interface ResourceState<T, Q> {
  query: Q;
  data: T | null;
  error: unknown;
  loading: boolean;
  /** ms since epoch of the last good answer */
  loadedAt: number | null;
}

export interface Resource<T, Q> {
  store: StoreApi<ResourceState<T, Q>>;
  /** fetch with the given query (default: the current one) */
  load(query?: Q): Promise<void>;
  reset(): void;
  use<S>(selector: (s: ResourceState<T, Q>) => S): S;
}

const all: Resource<unknown, unknown>[] = [];

export function createResource<T, Q = undefined>(fetcher: (query: Q) => Promise<T>, initialQuery: NoInfer<Q>, now: () => number = Date.now): Resource<T, Q> {
  const initial: ResourceState<T, Q> = { query: initialQuery, data: null, error: null, loading: false, loadedAt: null };
  const store = createStore<ResourceState<T, Q>>()(() => initial);
  let seq = 0;
  const resource: Resource<T, Q> = {
    store,
    async load(query = store.getState().query) {
      const mine = ++seq;
      store.setState({ query, loading: true });
      try {
        const data = await fetcher(query);
        if (mine === seq) store.setState({ data, error: null, loading: false, loadedAt: now() });
      } catch (error) {
        if (mine === seq) store.setState({ error, loading: false });
      }
    },
    reset() {
      seq++; // an answer still on its way belongs to the previous user
      store.setState(initial, true);
    },
    use: (selector) => useStore(store, selector),
  };
  all.push(resource as unknown as Resource<unknown, unknown>);
  return resource;
}

/** forget every loaded piece of data (at sign-out, so the next user starts clean) */
export function resetAllResources(): void {
  for (const r of all) r.reset();
}
