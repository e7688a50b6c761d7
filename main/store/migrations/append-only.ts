import type { WriteTx } from '../types';

/**
 * Makes tables append-only: triggers refuse UPDATE and DELETE with an Indonesian message, so a
 * void, a reversal or a correction can only ever be a new row. Used by every migration that
 * adds a financial table (the terminal's and the central simulator's).
 */
export function makeAppendOnly(tx: WriteTx, tables: readonly string[]): void {
  for (const table of tables) {
    tx.run(`CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, 'catatan ${table} tidak boleh diubah'); END`);
    tx.run(`CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, 'catatan ${table} tidak boleh dihapus'); END`);
  }
}
