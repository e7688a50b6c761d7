// Public entry of the storage layer: domain code imports from here (or from ./types).
export { openStore, DEFAULT_SNAPSHOT_JOURNAL_BYTES, DEFAULT_SNAPSHOT_JOURNAL_RECORDS } from './store';
export * from './types';
