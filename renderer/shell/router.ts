// The current screen lives in the address fragment (#/kantor/unit, #/tagihan/rincian/<id>) so a
// reload stays put.
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { hashFor, matchHash, type RouteId } from './routes';

interface RouterStore {
  route: RouteId | null;
  /** the values after the path of a screen with params (a bill id …) */
  params: string[];
  navigate(route: RouteId, params?: readonly string[]): void;
}

const NO_PARAMS: string[] = [];

function fromHash(hash: string): Pick<RouterStore, 'route' | 'params'> {
  const match = matchHash(hash);
  return { route: match?.route ?? null, params: match && match.params.length > 0 ? match.params : NO_PARAMS };
}

export const routerStore = createStore<RouterStore>()((set) => ({
  ...(typeof window === 'undefined' ? { route: null, params: NO_PARAMS } : fromHash(window.location.hash)),
  navigate(route, params = NO_PARAMS) {
    const hash = hashFor(route, params);
    if (window.location.hash !== hash) window.location.hash = hash;
    set({ route, params: params.length > 0 ? [...params] : NO_PARAMS });
  },
}));

/** follow Back/Forward and hand-typed addresses */
export function listenToHash(): () => void {
  const onChange = () => routerStore.setState(fromHash(window.location.hash));
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): RouteId | null {
  return useStore(routerStore, (s) => s.route);
}

export function useRouteParams(): string[] {
  return useStore(routerStore, (s) => s.params);
}

export const navigate = (route: RouteId, params?: readonly string[]) => routerStore.getState().navigate(route, params);
