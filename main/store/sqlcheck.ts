// Static checks on the SQL text handed to the store, before sqlite sees it.
//
// Why a tokenizer and not a handful of regexes: the journal replays statements verbatim, so a
// statement whose result depends on the clock, the time zone or a random source would give a
// different database on replay. We must catch `datetime('now')` but not a comment or a string
// that merely contains the word, and we must know where statements end (trigger bodies contain
// semicolons) to refuse transaction control (`COMMIT` inside a write would commit un-journaled
// work). A tiny SQLite lexer does all of that in one pass; results are cached per SQL string.

export type TokenKind = 'word' | 'str' | 'qid' | 'num' | 'param' | 'semi' | 'punct';

export interface Token {
  kind: TokenKind;
  /** words are lower-cased; strings/quoted identifiers hold their unquoted text */
  text: string;
}

export function tokenize(sql: string): Token[] {
  const out: Token[] = [];
  const n = sql.length;
  let i = 0;
  while (i < n) {
    const c = sql.charCodeAt(i);
    // whitespace
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12) {
      i++;
      continue;
    }
    const ch = sql[i] as string;
    if (ch === '-' && sql[i + 1] === '-') {
      const e = sql.indexOf('\n', i);
      i = e < 0 ? n : e + 1;
      continue;
    }
    if (ch === '/' && sql[i + 1] === '*') {
      const e = sql.indexOf('*/', i + 2);
      i = e < 0 ? n : e + 2;
      continue;
    }
    if (ch === "'" || ch === '"' || ch === '`') {
      let j = i + 1;
      let text = '';
      for (;;) {
        const e = sql.indexOf(ch, j);
        if (e < 0) {
          text += sql.slice(j);
          j = n;
          break;
        }
        text += sql.slice(j, e);
        if (sql[e + 1] === ch) {
          text += ch;
          j = e + 2;
          continue;
        }
        j = e + 1;
        break;
      }
      out.push({ kind: ch === "'" ? 'str' : 'qid', text });
      i = j;
      continue;
    }
    if (ch === '[') {
      const e = sql.indexOf(']', i + 1);
      out.push({ kind: 'qid', text: sql.slice(i + 1, e < 0 ? n : e) });
      i = e < 0 ? n : e + 1;
      continue;
    }
    if (ch === '?') {
      let j = i + 1;
      while (j < n && isDigit(sql.charCodeAt(j))) j++;
      out.push({ kind: 'param', text: sql.slice(i, j) });
      i = j;
      continue;
    }
    if ((ch === ':' || ch === '@' || ch === '$') && i + 1 < n && isWordChar(sql.charCodeAt(i + 1))) {
      let j = i + 1;
      while (j < n && isWordChar(sql.charCodeAt(j))) j++;
      out.push({ kind: 'param', text: sql.slice(i, j) });
      i = j;
      continue;
    }
    if (isDigit(c) || (ch === '.' && i + 1 < n && isDigit(sql.charCodeAt(i + 1)))) {
      let j = i + 1;
      while (j < n) {
        const d = sql.charCodeAt(j);
        if (isWordChar(d) || d === 46) j++;
        else if ((d === 43 || d === 45) && (sql[j - 1] === 'e' || sql[j - 1] === 'E')) j++;
        else break;
      }
      out.push({ kind: 'num', text: sql.slice(i, j) });
      i = j;
      continue;
    }
    if (isWordStart(c)) {
      let j = i + 1;
      while (j < n && isWordChar(sql.charCodeAt(j))) j++;
      out.push({ kind: 'word', text: sql.slice(i, j).toLowerCase() });
      i = j;
      continue;
    }
    out.push({ kind: ch === ';' ? 'semi' : 'punct', text: ch });
    i++;
  }
  return out;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isWordStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c > 127;
}
function isWordChar(c: number): boolean {
  return isWordStart(c) || isDigit(c) || c === 36;
}

/** Splits tokens into statements; a `CREATE TRIGGER … BEGIN … END` body stays one statement. */
export function splitStatements(tokens: readonly Token[]): Token[][] {
  const stmts: Token[][] = [];
  let cur: Token[] = [];
  let inBody = false;
  let depth = 0;
  for (const t of tokens) {
    if (t.kind === 'semi' && !inBody) {
      if (cur.length) stmts.push(cur);
      cur = [];
      continue;
    }
    cur.push(t);
    if (t.kind !== 'word') continue;
    if (inBody) {
      if (t.text === 'case') depth++;
      else if (t.text === 'end') {
        if (depth > 0) depth--;
        else inBody = false;
      }
    } else if (t.text === 'begin' && isCreateTrigger(cur)) {
      inBody = true;
      depth = 0;
    }
  }
  if (cur.length) stmts.push(cur);
  return stmts;
}

function isCreateTrigger(stmt: readonly Token[]): boolean {
  if (stmt[0]?.text !== 'create') return false;
  const second = stmt[1]?.text;
  if (second === 'trigger') return true;
  return (second === 'temp' || second === 'temporary') && stmt[2]?.text === 'trigger';
}

const DATE_FUNCTIONS = new Set(['date', 'time', 'datetime', 'julianday', 'unixepoch', 'strftime', 'timediff']);
/** string arguments that make a date function depend on the clock or the machine's time zone */
const CLOCK_WORDS = new Set(['now', 'localtime', 'utc']);
const CURRENT_KEYWORDS = new Set(['current_timestamp', 'current_date', 'current_time']);

/** PRAGMAs a write transaction may run: they are stored in the file or reset at commit. */
const TX_PRAGMAS = new Set(['user_version', 'application_id', 'defer_foreign_keys', 'foreign_key_check']);
/** PRAGMAs with an argument in parentheses that only read. */
const READ_PRAGMAS = new Set([
  'table_info', 'table_xinfo', 'table_list', 'index_list', 'index_info', 'index_xinfo',
  'foreign_key_list', 'foreign_key_check', 'integrity_check', 'quick_check',
]);

export interface SqlAnalysis {
  statementCount: number;
  /** number of bare `?` placeholders; -1 when numbered or named placeholders are used */
  positionalParams: number;
  /** why replaying this SQL could give another result, or null */
  nondeterministic: string | null;
  /** a date function is called: a bound 'now' / 'localtime' parameter would be non-deterministic */
  usesDateFunction: boolean;
  /** why this SQL may not run inside a store write, or null */
  forbiddenInWrite: string | null;
  /** why this SQL is not a plain read (for get/all), or null */
  notARead: string | null;
}

export function analyzeSql(sql: string): SqlAnalysis {
  const tokens = tokenize(sql);
  const stmts = splitStatements(tokens);
  let positional = 0;
  let numbered = false;
  for (const t of tokens) {
    if (t.kind !== 'param') continue;
    if (t.text === '?') positional++;
    else numbered = true;
  }
  const date = findNondeterminism(tokens);
  return {
    statementCount: stmts.length,
    positionalParams: numbered ? -1 : positional,
    nondeterministic: date.reason,
    usesDateFunction: date.usesDateFunction,
    forbiddenInWrite: forbiddenInWrite(stmts),
    notARead: notARead(stmts),
  };
}

function findNondeterminism(tokens: readonly Token[]): { reason: string | null; usesDateFunction: boolean } {
  let usesDateFunction = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind !== 'word') continue;
    if (CURRENT_KEYWORDS.has(t.text)) return { reason: t.text.toUpperCase(), usesDateFunction };
    const next = tokens[i + 1];
    if (next?.text !== '(' || next.kind !== 'punct') continue;
    if (t.text === 'random' || t.text === 'randomblob') return { reason: `${t.text}()`, usesDateFunction };
    if (!DATE_FUNCTIONS.has(t.text)) continue;
    usesDateFunction = true;
    // collect the argument tokens up to the matching ')'
    let depth = 0;
    let j = i + 1;
    let topLevelArgs = 0;
    let sawTokenInArg = false;
    for (; j < tokens.length; j++) {
      const a = tokens[j] as Token;
      if (a.kind === 'punct' && a.text === '(') {
        depth++;
        if (depth > 1) sawTokenInArg = true;
        continue;
      }
      if (a.kind === 'punct' && a.text === ')') {
        depth--;
        if (depth === 0) break;
        continue;
      }
      if (depth === 1 && a.kind === 'punct' && a.text === ',') {
        topLevelArgs++;
        sawTokenInArg = false;
        continue;
      }
      sawTokenInArg = true;
      if ((a.kind === 'str' || a.kind === 'qid') && CLOCK_WORDS.has(a.text.trim().toLowerCase())) {
        return { reason: `${t.text}('${a.text.trim()}')`, usesDateFunction };
      }
    }
    if (sawTokenInArg) topLevelArgs++;
    // date() / datetime() without a time value mean 'now'; so does strftime(format)
    if (topLevelArgs === 0) return { reason: `${t.text}()`, usesDateFunction };
    if (t.text === 'strftime' && topLevelArgs === 1) return { reason: 'strftime(format) tanpa waktu', usesDateFunction };
  }
  return { reason: null, usesDateFunction };
}

function forbiddenInWrite(stmts: readonly Token[][]): string | null {
  for (const s of stmts) {
    const first = s[0]?.text ?? '';
    switch (first) {
      case 'begin':
      case 'commit':
      case 'end':
        return first.toUpperCase();
      case 'rollback':
        if (s[1]?.text !== 'to') return 'ROLLBACK';
        break;
      case 'attach':
      case 'detach':
      case 'vacuum':
        return first.toUpperCase();
      case 'pragma': {
        const name = pragmaName(s);
        if (!TX_PRAGMAS.has(name)) return `PRAGMA ${name}`;
        break;
      }
      default:
        break;
    }
  }
  return null;
}

function notARead(stmts: readonly Token[][]): string | null {
  if (stmts.length !== 1) return stmts.length === 0 ? 'perintah kosong' : 'lebih dari satu perintah';
  const s = stmts[0] as Token[];
  const first = s[0]?.text ?? '';
  if (first === 'select' || first === 'values' || first === 'explain') return null;
  if (first === 'with') {
    const dml = s.find((t) => t.kind === 'word' && (t.text === 'insert' || t.text === 'update' || t.text === 'delete' || t.text === 'replace'));
    return dml ? `WITH … ${dml.text.toUpperCase()}` : null;
  }
  if (first === 'pragma') {
    const name = pragmaName(s);
    if (s.some((t) => t.kind === 'punct' && t.text === '=')) return `PRAGMA ${name} = …`;
    if (s.some((t) => t.kind === 'punct' && t.text === '(') && !READ_PRAGMAS.has(name)) return `PRAGMA ${name}(…)`;
    return null;
  }
  return first.toUpperCase() || 'perintah kosong';
}

function pragmaName(s: readonly Token[]): string {
  // PRAGMA [schema.]name
  const a = s[1]?.text ?? '';
  return s[2]?.text === '.' ? (s[3]?.text ?? '') : a;
}
