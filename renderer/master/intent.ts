// "Make a contract for this vacant unit" from the units list, "give a permit for this stall"
// from the stalls list: the target screen opens its create form with the object chosen.
import { createStore } from 'zustand/vanilla';

export interface Intent {
  contractUnitId: string | null;
  permitStallId: string | null;
}

export const intentStore = createStore<Intent>()(() => ({ contractUnitId: null, permitStallId: null }));

/** read an intent once: the screen that acts on it clears it */
export function takeIntent<K extends keyof Intent>(key: K): Intent[K] {
  const value = intentStore.getState()[key];
  if (value !== null) intentStore.setState({ [key]: null } as Partial<Intent>);
  return value;
}
