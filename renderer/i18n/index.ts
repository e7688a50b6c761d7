// The language setting (remembered in localStorage) and the translate function.
import { createStore } from 'zustand/vanilla';
import { useMemo } from 'react';
import { useStore } from 'zustand';
import type { Lang } from '../../shared/errors';
import { en } from './en';
import { id, type MessageKey, type Messages } from './id';

export type { Lang } from '../../shared/errors';
export type { MessageKey } from './id';

export const dictionaries: Record<Lang, Messages> = { id, en };
export const LANGS: readonly Lang[] = ['id', 'en'];
const KEY = 'loket.lang';

export type Params = Record<string, string | number>;

/** fill `{name}` placeholders; an unknown placeholder stays visible so a missing value is noticed */
export function interpolate(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => (key in params ? String(params[key]) : m));
}

export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  return interpolate(dictionaries[lang][key], params);
}

/** a key built at run time (e.g. `channel.${code}`) — returns null when the dictionary has no such key */
export function translateMaybe(lang: Lang, key: string, params?: Params): string | null {
  const dict = dictionaries[lang] as Record<string, string>;
  return Object.prototype.hasOwnProperty.call(dict, key) ? interpolate(dict[key] as string, params) : null;
}

function storedLang(): Lang {
  try {
    const v = typeof window === 'undefined' ? null : window.localStorage.getItem(KEY);
    return v === 'en' ? 'en' : 'id';
  } catch {
    return 'id';
  }
}

interface LangStore {
  lang: Lang;
  setLang(lang: Lang): void;
}

export const langStore = createStore<LangStore>()((set) => ({
  lang: storedLang(),
  setLang(lang) {
    set({ lang });
    try {
      window.localStorage.setItem(KEY, lang);
    } catch {
      // not remembered, still switched for this window
    }
    document.documentElement.lang = lang;
  },
}));

export type T = (key: MessageKey, params?: Params) => string;

export function useLang(): Lang {
  return useStore(langStore, (s) => s.lang);
}

/** stable per language, so screens can use it as a memo dependency */
export function useT(): T {
  const lang = useLang();
  return useMemo<T>(() => (key, params) => translate(lang, key, params), [lang]);
}
