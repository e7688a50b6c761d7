// Payer search for the counter: by name fragment, part of a NIK, IDPEL prefix, unit or stall.
// A LIKE scan of 100 000 payers costs ~20–40 ms in sql.js, so the searchable text of every
// billed object lives in an in-memory index, rebuilt when the `search_version` counter (bumped
// by triggers on every table it reads) moves.
import type { LevyKind } from '../../shared/contract/office';
import type { ReadApi } from '../store/types';

export interface SearchEntry {
  idpel: string;
  payerId: string;
  payerName: string;
  nik: string | null;
  objectLabel: string;
  levyName: string;
  levyKind: LevyKind;
  /** lowercase name, nik, idpel and object label, for substring matching */
  text: string;
}

export interface SearchIndex {
  search(db: ReadApi, query: string, limit: number): SearchEntry[];
  /** the entry of one IDPEL (exact), or undefined */
  byIdpel(db: ReadApi, idpel: string): SearchEntry | undefined;
}

function currentVersion(db: ReadApi): number {
  return db.get<{ value: number }>("SELECT value FROM counters WHERE name = 'search_version'")?.value ?? -1;
}

export function loadEntries(db: ReadApi): SearchEntry[] {
  const rows = db.all<Omit<SearchEntry, 'text'>>(
    `SELECT c.idpel, p.id AS payerId, p.name AS payerName, p.nik, k.name || ' ' || u.number AS objectLabel, l.name AS levyName, l.kind AS levyKind
       FROM rusun_contracts c JOIN payers p ON p.id = c.payer_id JOIN rusun_units u ON u.id = c.unit_id
       JOIN rusun_blocks k ON k.id = u.block_id JOIN levies l ON l.id = k.levy_id
     UNION ALL
     SELECT sp.idpel, p.id, p.name, p.nik, m.name || ' ' || s.code, l.name, l.kind
       FROM stall_permits sp JOIN payers p ON p.id = sp.payer_id JOIN stalls s ON s.id = sp.stall_id
       JOIN markets m ON m.id = s.market_id JOIN levies l ON l.id = m.levy_id
     UNION ALL
     SELECT o.idpel, p.id, p.name, p.nik, 'Order ' || o.order_no, l.name, l.kind
       FROM lab_orders o JOIN payers p ON p.id = o.payer_id JOIN levies l ON l.id = o.levy_id`,
  );
  return rows.map((r) => ({ ...r, text: `${r.payerName} ${r.nik ?? ''} ${r.idpel} ${r.objectLabel}`.toLowerCase() }));
}

/** first index i in [0, n) with key(i) >= x (keys sorted ascending) */
function lowerBound(n: number, key: (i: number) => string, x: string): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(mid) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function createSearchIndex(): SearchIndex {
  let version = -2;
  let entries: SearchEntry[] = [];
  let byIdpel = new Map<string, SearchEntry>();
  /** entries sorted by IDPEL, for prefix lookups by binary search */
  let sorted: SearchEntry[] = [];
  /** every entry's text joined with \n (one indexOf over it replaces 100 000 includes calls) and where each starts */
  let hay = '';
  let starts = new Int32Array(0);
  const fresh = (db: ReadApi) => {
    const v = currentVersion(db);
    if (v === version) return;
    entries = loadEntries(db);
    // a later contract of the same IDPEL (a renewal) replaces the earlier one
    byIdpel = new Map(entries.map((e) => [e.idpel, e]));
    sorted = [...entries].sort((x, y) => (x.idpel < y.idpel ? -1 : x.idpel > y.idpel ? 1 : 0));
    starts = new Int32Array(entries.length);
    let at = 0;
    entries.forEach((e, i) => {
      starts[i] = at;
      at += e.text.length + 1;
    });
    hay = entries.map((e) => e.text).join('\n');
    version = v;
  };
  /** the entry whose text holds position pos of hay */
  const entryAt = (pos: number): number => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (starts[mid]! <= pos) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  };
  /** entries (in index order) whose text contains word, each once, until visit returns false */
  const scan = (word: string, visit: (e: SearchEntry) => boolean) => {
    let last = -1;
    for (let pos = hay.indexOf(word); pos >= 0; ) {
      const i = entryAt(pos);
      const e = entries[i];
      if (e && i !== last) {
        last = i;
        if (!visit(e)) return;
      }
      // continue after this entry
      const next = i + 1 < starts.length ? starts[i + 1]! : hay.length;
      pos = hay.indexOf(word, Math.max(pos + 1, next));
    }
  };
  return {
    search(db, query, limit) {
      fresh(db);
      const q = query.trim().toLowerCase().replace(/\s+/g, ' ');
      if (!q || q.includes('\n')) return [];
      const out: SearchEntry[] = [];
      const seen = new Set<string>();
      const push = (e: SearchEntry) => {
        if (seen.has(e.idpel)) return;
        seen.add(e.idpel);
        out.push(e);
      };
      if (/^\d+$/.test(q)) {
        // digits: an IDPEL prefix first, then any NIK or IDPEL that contains them
        for (let i = lowerBound(sorted.length, (k) => sorted[k]!.idpel, q); i < sorted.length && sorted[i]!.idpel.startsWith(q); i++) {
          push(sorted[i]!);
          if (out.length >= limit) return out;
        }
        scan(q, (e) => {
          push(e);
          return out.length < limit;
        });
        return out;
      }
      const words = q.split(' ');
      const longest = words.reduce((x, y) => (y.length > x.length ? y : x));
      scan(longest, (e) => {
        if (words.every((w) => e.text.includes(w))) push(e);
        return out.length < limit;
      });
      return out;
    },
    byIdpel(db, idpel) {
      fresh(db);
      return byIdpel.get(idpel);
    },
  };
}
