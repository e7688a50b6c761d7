// The durable store's public shape. Domain code depends on this file only, never on sql.js.
//
// Durability contract: `write()` returns only after the journal record of its transaction is
// fsync'd. Reads see committed data only (sql.js is single-connection and writes are
// synchronous, so there is no interleaving inside one process).
import type { StoreFs } from './fsutil';

/**
 * A value that may be bound to a `?` parameter. Money is always an integer. Numbers must be finite
 * (integers within ±2^53-1); booleans, bigint and objects are refused (bind 1/0 yourself).
 */
export type SqlValue = string | number | null | Uint8Array;
export type SqlParams = readonly SqlValue[];
export type Row = Record<string, SqlValue>;

export interface RunResult {
  /** rows changed by the statement (sqlite3_changes) */
  changes: number;
}

/**
 * What a write transaction may do. Every `run` is recorded in the journal, verbatim, with its params.
 * Rules (checked before sqlite sees the statement; breaking one throws StoreError):
 * - deterministic SQL only: no datetime('now'), CURRENT_TIMESTAMP, random(), 'localtime' …;
 * - no transaction control (BEGIN/COMMIT/ROLLBACK), ATTACH, VACUUM or connection PRAGMAs;
 * - if a `run` fails inside the transaction the whole write is rolled back even when fn catches
 *   the error (a half-applied statement would replay differently);
 * - `get`/`all` are reads only (SELECT / WITH / VALUES / read-only PRAGMA) and are not recorded.
 */
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
  /**
   * Set only when opened with allowDataLossRecovery and committed transactions could not be
   * recovered: what was lost, and where the damaged files were moved.
   */
  dataLoss: null | { reason: string; recoveredToSeq: number; knownCommittedSeq: number; quarantineDir: string | null };
  /** folder (inside dir) where damaged snapshots / discarded journals were moved by this open, or null */
  quarantineDir: string | null;
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
  /** file-system functions (default node:fs); tests inject failures through this */
  fs?: StoreFs;
  /**
   * Problems that do not fail the call that met them, e.g. an automatic snapshot that failed
   * after its triggering commit was already durable (default: console.warn).
   */
  onWarning?: (message: string, error?: unknown) => void;
}

export interface Store extends ReadApi {
  /** Runs fn inside BEGIN…COMMIT; on return the journal record is fsync'd. If fn throws, nothing is kept. */
  write<T>(fn: (tx: WriteTx) => T): T;
  /** Atomic snapshot (temp → fsync → rename → fsync dir), new journal, backup rotation. */
  snapshot(): void;
  /**
   * Snapshot and close. The store is unusable afterwards. `{ snapshot: false }` only closes the
   * files (everything is in the journal already; the next open replays it).
   */
  close(options?: { snapshot?: boolean }): void;
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

/** Thrown by write/get/all/snapshot when a call is refused or fails; message is Bahasa Indonesia. */
export class StoreError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreError';
    this.code = code;
  }
}
