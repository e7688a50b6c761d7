// The current screen lives in the address fragment (#/kantor/unit) so a reload stays put.
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { hashFor, routeFromHash, type RouteId } from './routes';

interface RouterStore {
  route: RouteId | null;
  navigate(route: RouteId): void;
}

export const routerStore = createStore<RouterStore>()((set) => ({
  route: typeof window === 'undefined' ? null : routeFromHash(window.location.hash),
  navigate(route) {
    if (window.location.hash !== hashFor(route)) window.location.hash = hashFor(route);
    set({ route });
  },
}));

/** follow Back/Forward and hand-typed addresses */
export function listenToHash(): () => void {
  const onChange = () => routerStore.setState({ route: routeFromHash(window.location.hash) });
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): RouteId | null {
  return useStore(routerStore, (s) => s.route);
}

export const navigate = (route: RouteId) => routerStore.getState().navigate(route);
