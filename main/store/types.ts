// The durable store's public shape. Domain code depends on this file only, never on sql.js.
//
// Durability contract: `write()` returns only after the journal record of its transaction is
// fsync'd. Reads see committed data only (sql.js is single-connection and writes are
// synchronous, so there is no interleaving inside one process).

/** A value that may be bound to a `?` parameter. Money is always an integer. */
export type SqlValue = string | number | null | Uint8Array;
export type SqlParams = readonly SqlValue[];
export type Row = Record<string, SqlValue>;

export interface RunResult {
  /** rows changed by the statement (sqlite3_changes) */
  changes: number;
}

/** What a write transaction may do. Every `run` is recorded in the journal, verbatim, with its params. */
export interface WriteTx {
  run(sql: string, params?: SqlParams): RunResult;
  get<T extends object = Row>(sql: string, params?: SqlParams): T | undefined;
  all<T extends object = Row>(sql: string, params?: SqlParams): T[];
}

export interface ReadApi {
  get<T extends object = Row>(sql: string, params?: SqlParams): T | undefined;
  all<T extends object = Row>(sql: string, params?: SqlParams): T[];
}

export interface Migration {
  /** 1, 2, 3 … contiguous; stored in PRAGMA user_version */
  version: number;
  name: string;
  /** statements run inside one write transaction; must be deterministic (no now()/random()) */
  up(tx: WriteTx): void;
}

export interface OpenReport {
  /** folder that holds the store's files */
  dir: string;
  /** true when the folder was empty and a new database was created */
  isNew: boolean;
  /** sequence number of the snapshot that was loaded */
  snapshotSeq: number;
  /** snapshots that failed their checksum and were passed over (newest first) */
  skippedSnapshots: { file: string; reason: string }[];
  /** journal records applied after the snapshot */
  replayedRecords: number;
  /** last sequence number now in the database */
  lastSeq: number;
  /** an unacknowledged (torn or corrupt) tail that was cut off; null when the journal ended cleanly */
  discardedTail: null | { file: string; offset: number; bytes: number; reason: string };
  /** migrations applied by this open */
  migrationsApplied: number[];
  /** milliseconds spent opening (read + verify + load + replay) */
  openMs: number;
}

export interface StoreOptions {
  /** folder for snapshot, journal and backups; created if missing */
  dir: string;
  migrations: readonly Migration[];
  /** take a snapshot automatically when the journal since the last one exceeds this many bytes (default 32 MiB) */
  snapshotJournalBytes?: number;
  /** …or this many records (default 20 000) */
  snapshotJournalRecords?: number;
  /** injectable clock for backup names/rotation (default: () => new Date()) */
  now?: () => Date;
  /**
   * When the newest snapshot is unreadable, an older snapshot can still be fully recovered if
   * the journals since it are kept; if they are not, opening fails unless this is true.
   */
  allowDataLossRecovery?: boolean;
  /** platform, for the Windows-only rules (no directory fsync, rename retry); default process.platform */
  platform?: NodeJS.Platform;
}

export interface Store extends ReadApi {
  /** Runs fn inside BEGIN…COMMIT; on return the journal record is fsync'd. If fn throws, nothing is kept. */
  write<T>(fn: (tx: WriteTx) => T): T;
  /** Atomic snapshot (temp → fsync → rename → fsync dir), new journal, backup rotation. */
  snapshot(): void;
  /** Snapshot and close. The store is unusable afterwards. */
  close(): void;
  readonly report: OpenReport;
  /** current schema version (PRAGMA user_version) */
  readonly schemaVersion: number;
  /** the last committed sequence number */
  readonly lastSeq: number;
}

/** Thrown when the store's files cannot be used; message is Bahasa Indonesia and says what to do. */
export class StoreOpenError extends Error {
  readonly code: string;
  readonly details: Record<string, unknown>;
  constructor(code: string, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'StoreOpenError';
    this.code = code;
    this.details = details;
  }
}
