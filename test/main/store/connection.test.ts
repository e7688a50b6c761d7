// The sql.js connection keeps each statement's column names; a schema change must not leave
// stale ones behind (SQLite re-prepares a `SELECT *` with the new columns).
import { describe, expect, it } from 'vitest';
import { loadSqlJs, openConnection } from '../../../main/store/sqljs';

describe('sql.js connection', () => {
  it('reads rows by column name, and follows added and renamed columns of the same statement', async () => {
    const conn = openConnection(await loadSqlJs(), null);
    conn.run('CREATE TABLE t (a INTEGER, b TEXT)', []);
    conn.run('INSERT INTO t VALUES (?, ?)', [1, 'x']);
    const sql = 'SELECT * FROM t';
    expect(conn.get(sql, [])).toEqual({ a: 1, b: 'x' });
    expect(conn.all(sql, [])).toEqual([{ a: 1, b: 'x' }]);
    conn.run('ALTER TABLE t ADD COLUMN c TEXT', []);
    expect(conn.get(sql, [])).toEqual({ a: 1, b: 'x', c: null });
    conn.run('ALTER TABLE t RENAME COLUMN b TO d', []);
    expect(conn.get(sql, [])).toEqual({ a: 1, d: 'x', c: null });
    conn.exec('ALTER TABLE t RENAME COLUMN a TO e');
    expect(conn.all(sql, [])).toEqual([{ e: 1, d: 'x', c: null }]);
    expect(conn.get('SELECT a FROM (SELECT 1 AS a) WHERE a = ?', [2])).toBeUndefined();
    expect(conn.get('SELECT 1 AS one, 2 AS two', [])).toEqual({ one: 1, two: 2 });
    conn.close();
  });
});
