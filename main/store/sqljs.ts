// The sql.js connection: module loading, connection PRAGMAs and a small LRU of prepared statements.
// Only this file and store.ts touch sql.js; domain code sees the Store interface.
import initSqlJs from 'sql.js';
import type { Database, SqlJsStatic, Statement } from 'sql.js';
import { dirname, join } from 'node:path';
import type { Row, SqlValue } from './types';
import { type SqlAnalysis, analyzeSql } from './sqlcheck';

let sqlModule: Promise<SqlJsStatic> | null = null;

/** Loads the wasm build once per process (about 30 ms); later calls share the promise. */
export function loadSqlJs(): Promise<SqlJsStatic> {
  if (!sqlModule) {
    const wasmDir = dirname(require.resolve('sql.js/dist/sql-wasm.wasm'));
    sqlModule = initSqlJs({ locateFile: (file: string) => join(wasmDir, file) });
    // a failed load must not be cached forever
    sqlModule.catch(() => {
      sqlModule = null;
    });
  }
  return sqlModule;
}

/**
 * Connection settings. journal_mode=MEMORY and synchronous=OFF are right here because durability
 * comes from our own journal, not from the (in-memory) sqlite file. They are connection state,
 * not stored in the file: apply after open and again after every export().
 */
export const CONNECTION_PRAGMAS = [
  'PRAGMA journal_mode = MEMORY',
  'PRAGMA synchronous = OFF',
  'PRAGMA foreign_keys = ON',
  'PRAGMA temp_store = MEMORY',
  'PRAGMA cache_size = -65536',
  // one connection owns the in-memory file: skip the lock/change-counter checks on every read
  'PRAGMA locking_mode = EXCLUSIVE',
] as const;

const STATEMENT_CACHE_SIZE = 128;

/**
 * sql.js binds a number with sqlite3_bind_int when it fits 32 bits and as a double otherwise, so
 * 3 000 000 000 rupiah would be stored as REAL in a column without INTEGER affinity. Bind such
 * integers as BigInt (sqlite3_bind_int64) so they stay integers. Applied identically on replay.
 */
function bindable(params: readonly SqlValue[]): SqlValue[] {
  let out: unknown[] | null = null;
  for (let i = 0; i < params.length; i++) {
    const v = params[i];
    if (typeof v === 'number' && (v > 2147483647 || v < -2147483648) && Number.isInteger(v)) {
      out ??= params.slice();
      out[i] = BigInt(v);
    }
  }
  return (out ?? params) as SqlValue[];
}
const ANALYSIS_CACHE_SIZE = 1024;
/** SQL that may change the schema (a false alarm only costs re-reading column names) */
const SCHEMA_CHANGE = /\b(?:create|alter|drop)\b/i;

export interface Connection {
  readonly db: Database;
  /** runs one statement (or, without params, a multi-statement script); returns sqlite3_changes() */
  run(sql: string, params: readonly SqlValue[]): number;
  get(sql: string, params: readonly SqlValue[]): Row | undefined;
  all(sql: string, params: readonly SqlValue[]): Row[];
  /** plain exec for BEGIN / COMMIT / ROLLBACK and PRAGMAs */
  exec(sql: string): void;
  /** cached static analysis of an SQL string */
  analysis(sql: string): SqlAnalysis;
  /** export() the database file; statements and PRAGMAs are restored afterwards */
  exportBytes(): Uint8Array;
  close(): void;
}

/**
 * Lets sql.js keep using the spare capacity after `data` (snapshot.ts reads snapshots into a
 * larger ArrayBuffer). `new SQL.Database(data)` stores the file in Emscripten's MEMFS, whose first
 * write does `node.contents = data.slice(0, data.length)` and whose growth check is
 * `node.contents.length >= wanted`. Answering exactly that slice call with a view over the whole
 * capacity (same memory, no copy) gives the in-memory file room to grow without the full copy.
 * Any other slice call behaves normally, so if a future sql.js does something else this only
 * loses the optimisation, never correctness.
 */
export function withHeadroom(data: Uint8Array): Uint8Array {
  const capacity = data.buffer.byteLength - data.byteOffset;
  if (capacity <= data.length) return data;
  const len = data.length;
  const view = new Uint8Array(data.buffer, data.byteOffset, len);
  const full = new Uint8Array(data.buffer, data.byteOffset, capacity);
  Object.defineProperty(view, 'slice', {
    value(this: Uint8Array, start?: number, end?: number): Uint8Array {
      return start === 0 && end === len ? full : Uint8Array.prototype.slice.call(this, start, end);
    },
  });
  return view;
}

export function openConnection(SQL: SqlJsStatic, data: Uint8Array | null): Connection {
  const db = data ? new SQL.Database(withHeadroom(data)) : new SQL.Database();
  const statements = new Map<string, Statement>();
  const analyses = new Map<string, SqlAnalysis>();
  // A prepared statement's column names, read once: sql.js's getAsObject() and getColumnNames()
  // decode every name from WebAssembly memory on every call, which was a third of the garbage
  // a counter payment made. Forgotten when this connection changes the schema (a `SELECT *`
  // re-prepared by SQLite may then have other columns) and checked against each row's width.
  let columnNames = new WeakMap<Statement, string[]>();
  const namesOf = (st: Statement, width: number): string[] => {
    let names = columnNames.get(st);
    if (!names || names.length !== width) {
      names = st.getColumnNames();
      columnNames.set(st, names);
    }
    return names;
  };
  const noteSchemaChange = (sql: string): void => {
    if (SCHEMA_CHANGE.test(sql)) columnNames = new WeakMap();
  };
  const toRow = (names: readonly string[], values: readonly unknown[]): Row => {
    const row: Row = {};
    for (let i = 0; i < names.length; i++) row[names[i] as string] = values[i] as SqlValue;
    return row;
  };

  const applyPragmas = (): void => {
    for (const p of CONNECTION_PRAGMAS) db.exec(p);
  };

  const freeStatements = (): void => {
    for (const st of statements.values()) {
      try {
        st.free();
      } catch {
        // already freed by sql.js (older versions free all statements inside export())
      }
    }
    statements.clear();
  };

  const prepared = (sql: string): Statement => {
    let st = statements.get(sql);
    if (st) {
      // move to the most recently used end
      statements.delete(sql);
      statements.set(sql, st);
      return st;
    }
    st = db.prepare(sql);
    statements.set(sql, st);
    if (statements.size > STATEMENT_CACHE_SIZE) {
      const [oldestSql, oldest] = statements.entries().next().value as [string, Statement];
      statements.delete(oldestSql);
      oldest.free();
    }
    return st;
  };

  const analysis = (sql: string): SqlAnalysis => {
    let a = analyses.get(sql);
    if (!a) {
      a = analyzeSql(sql);
      if (analyses.size >= ANALYSIS_CACHE_SIZE) analyses.clear();
      analyses.set(sql, a);
    }
    return a;
  };

  applyPragmas();

  return {
    db,
    analysis,
    run(sql, params) {
      noteSchemaChange(sql);
      if (params.length === 0 && analysis(sql).statementCount > 1) {
        db.exec(sql);
        return db.getRowsModified();
      }
      const st = prepared(sql);
      try {
        st.bind(bindable(params));
        st.step();
      } finally {
        st.reset();
      }
      return db.getRowsModified();
    },
    get(sql, params) {
      const st = prepared(sql);
      try {
        st.bind(bindable(params));
        if (!st.step()) return undefined;
        const values = st.get();
        return toRow(namesOf(st, values.length), values);
      } finally {
        st.reset();
      }
    },
    all(sql, params) {
      const st = prepared(sql);
      try {
        st.bind(bindable(params));
        const rows: Row[] = [];
        while (st.step()) {
          const values = st.get();
          rows.push(toRow(namesOf(st, values.length), values));
        }
        return rows;
      } finally {
        st.reset();
      }
    },
    exec(sql) {
      noteSchemaChange(sql);
      db.exec(sql);
    },
    exportBytes() {
      // sql.js 1.17 exports through the backup API and keeps the connection, but earlier
      // versions closed and reopened it (freeing statements, resetting PRAGMAs such as
      // foreign_keys). Re-preparing and re-applying costs microseconds, so do it regardless.
      try {
        return db.export();
      } finally {
        freeStatements();
        applyPragmas();
      }
    },
    close() {
      freeStatements();
      db.close();
    },
  };
}
