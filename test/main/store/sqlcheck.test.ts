import { describe, expect, it } from 'vitest';
import { analyzeSql, splitStatements, tokenize } from '../../../main/store/sqlcheck';

describe('tokenize / splitStatements', () => {
  it('ignores comments and keeps strings whole', () => {
    const t = tokenize("SELECT 'a;b''c' -- random();\n, \"x;y\" /* ; */ ; SELECT 2");
    expect(t.map((x) => `${x.kind}:${x.text}`)).toEqual(['word:select', "str:a;b'c", 'punct:,', 'qid:x;y', 'semi:;', 'word:select', 'num:2']);
    expect(splitStatements(t)).toHaveLength(2);
  });

  it('keeps a trigger body (with CASE … END inside) as one statement', () => {
    const sql = `CREATE TRIGGER tr AFTER INSERT ON t BEGIN
      UPDATE t SET v = CASE WHEN new.v IS NULL THEN 'x' ELSE new.v END WHERE id = new.id;
      INSERT INTO log VALUES (new.id);
    END; CREATE INDEX i ON t (v)`;
    const a = analyzeSql(sql);
    expect(a.statementCount).toBe(2);
    expect(a.forbiddenInWrite).toBeNull();
  });
});

describe('analyzeSql', () => {
  it('counts positional parameters; numbered/named switch the count off', () => {
    expect(analyzeSql('INSERT INTO t VALUES (?, ?, ?)').positionalParams).toBe(3);
    expect(analyzeSql("SELECT '?' , ?").positionalParams).toBe(1);
    expect(analyzeSql('SELECT ?1, ?1').positionalParams).toBe(-1);
    expect(analyzeSql('SELECT :a').positionalParams).toBe(-1);
  });

  it.each([
    ["SELECT date('now')", "date('now')"],
    ["SELECT datetime(  'Now ' )", "datetime('Now')"],
    ['SELECT julianday()', 'julianday()'],
    ['SELECT unixepoch()', 'unixepoch()'],
    ["SELECT time('12:00', 'utc')", "time('utc')"],
    ['SELECT random()', 'random()'],
    ['SELECT RANDOMBLOB (4)', 'randomblob()'],
    ['SELECT current_timestamp', 'CURRENT_TIMESTAMP'],
    ["SELECT strftime('%s')", 'strftime(format) tanpa waktu'],
  ])('%s is non-deterministic', (sql, reason) => {
    expect(analyzeSql(sql).nondeterministic).toBe(reason);
  });

  it.each(["SELECT date('2025-01-01', '+1 day')", 'SELECT date(?)', 'SELECT date((SELECT max(d) FROM t))', "SELECT strftime('%Y', paid_at) FROM p", 'SELECT random FROM t'])(
    '%s is deterministic',
    (sql) => {
      expect(analyzeSql(sql).nondeterministic).toBeNull();
    },
  );

  it('classifies reads', () => {
    expect(analyzeSql('SELECT 1').notARead).toBeNull();
    expect(analyzeSql('WITH x AS (SELECT 1) SELECT * FROM x').notARead).toBeNull();
    expect(analyzeSql('PRAGMA user_version').notARead).toBeNull();
    expect(analyzeSql('PRAGMA main.table_info(t)').notARead).toBeNull();
    expect(analyzeSql('PRAGMA cache_size(10)').notARead).toBe('PRAGMA cache_size(…)');
    expect(analyzeSql('SELECT 1; SELECT 2').notARead).toBe('lebih dari satu perintah');
    expect(analyzeSql('REPLACE INTO t VALUES (1)').notARead).toBe('REPLACE');
  });
});
