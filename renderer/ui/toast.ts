// Short feedback after an action ("Pengguna dibuat"): a small store any screen can push to.
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

export interface ToastItem {
  id: number;
  tone: 'success' | 'danger' | 'info';
  text: string;
}

interface ToastStore {
  items: ToastItem[];
  push(tone: ToastItem['tone'], text: string): void;
  dismiss(id: number): void;
}

let nextId = 1;
const LIFETIME_MS = 6000;

export const toastStore = createStore<ToastStore>()((set, get) => ({
  items: [],
  push(tone, text) {
    const id = nextId++;
    set({ items: [...get().items.slice(-3), { id, tone, text }] });
    setTimeout(() => get().dismiss(id), tone === 'danger' ? LIFETIME_MS * 2 : LIFETIME_MS);
  },
  dismiss(id) {
    set({ items: get().items.filter((t) => t.id !== id) });
  },
}));

export const toast = {
  success: (text: string) => toastStore.getState().push('success', text),
  error: (text: string) => toastStore.getState().push('danger', text),
  info: (text: string) => toastStore.getState().push('info', text),
};

export function useToasts(): ToastItem[] {
  return useStore(toastStore, (s) => s.items);
}
