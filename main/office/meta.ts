import type { ReadApi } from '../store/types';

/** a value of the office's settings table (app_meta), or the fallback */
export function readMeta(db: ReadApi, key: string, fallback = ''): string {
  return db.get<{ value: string }>('SELECT value FROM app_meta WHERE key = ?', [key])?.value ?? fallback;
}
