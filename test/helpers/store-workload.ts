// A payment-sized write transaction, shared by the crash test and the benchmark so both measure
// the same thing: one payment row, two bill items and one hash-chained audit row, with the
// previous audit hash read inside the transaction (as the real audit log does).
import { createHash } from 'node:crypto';
import type { Migration, Store, WriteTx } from '../../main/store/types';

export const PAYMENT_SCHEMA = `
CREATE TABLE payment (
  no INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  receipt_no TEXT NOT NULL UNIQUE,
  idpel TEXT NOT NULL,
  amount INTEGER NOT NULL,
  paid_at TEXT NOT NULL,
  business_date TEXT NOT NULL,
  cashier TEXT NOT NULL
);
CREATE INDEX payment_idpel ON payment (idpel);
CREATE INDEX payment_business_date ON payment (business_date);
CREATE TABLE payment_item (
  payment_id TEXT NOT NULL REFERENCES payment (id),
  line INTEGER NOT NULL,
  bill_id TEXT NOT NULL,
  amount INTEGER NOT NULL,
  PRIMARY KEY (payment_id, line)
) WITHOUT ROWID;
CREATE TABLE audit (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  data TEXT NOT NULL,
  hash TEXT NOT NULL
);
`;

export const paymentMigrations: Migration[] = [
  { version: 1, name: 'tabel pembayaran (uji)', up: (tx) => void tx.run(PAYMENT_SCHEMA) },
];

export const INSERT_PAYMENT =
  'INSERT INTO payment (no, id, receipt_no, idpel, amount, paid_at, business_date, cashier) VALUES (?, ?, ?, ?, ?, ?, ?, ?)';
export const INSERT_ITEM = 'INSERT INTO payment_item (payment_id, line, bill_id, amount) VALUES (?, ?, ?, ?)';
export const INSERT_AUDIT = 'INSERT INTO audit (seq, at, actor, action, entity_id, data, hash) VALUES (?, ?, ?, ?, ?, ?, ?)';
export const LAST_AUDIT_HASH = 'SELECT hash FROM audit ORDER BY seq DESC LIMIT 1';

/** mulberry32: small seeded PRNG, so a failing run can be repeated with its seed */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const T0 = Date.UTC(2025, 0, 2, 1, 0, 0);
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export interface PaymentRows {
  payment: (string | number)[];
  items: (string | number)[][];
  audit: (at: string, prevHash: string) => (string | number)[];
}

/** Rows of payment number `no` (1, 2, 3 …). */
export function paymentRows(no: number, rnd: () => number): PaymentRows {
  const paidMs = T0 + no * 20_000;
  const paidAt = new Date(paidMs).toISOString();
  const businessDate = new Date(paidMs + 7 * 3600_000).toISOString().slice(0, 10);
  let suffix = '';
  for (let i = 0; i < 10; i++) suffix += ALPHABET[Math.floor(rnd() * 32)];
  const id = `01${no.toString(32).toUpperCase().padStart(14, '0')}${suffix}`; // 26 chars, time-ordered like a ULID
  const receipt = `LKT01-${businessDate.replace(/-/g, '')}-${String(no).padStart(7, '0')}`;
  const idpel = `5101${String(Math.floor(rnd() * 50_000)).padStart(8, '0')}`;
  const a1 = 5_000 + Math.floor(rnd() * 200) * 1_000;
  const a2 = 2_500 + Math.floor(rnd() * 40) * 500;
  const cashier = `kasir0${1 + Math.floor(rnd() * 5)}`;
  const period = businessDate.slice(0, 7).replace('-', '');
  const items = [
    [id, 1, `TGH-${idpel}-${period}-A`, a1],
    [id, 2, `TGH-${idpel}-${period}-B`, a2],
  ];
  return {
    payment: [no, id, receipt, idpel, a1 + a2, paidAt, businessDate, cashier],
    items,
    audit: (at, prevHash) => {
      const data = JSON.stringify({ receipt, idpel, amount: a1 + a2, items: [a1, a2] });
      const hash = createHash('sha256').update(prevHash).update(data).digest('hex');
      return [no, at, cashier, 'payment.create', id, data, hash];
    },
  };
}

/** The benchmarked / crash-tested transaction body. */
export function insertPayment(tx: WriteTx, no: number, rnd: () => number): void {
  const rows = paymentRows(no, rnd);
  tx.run(INSERT_PAYMENT, rows.payment);
  for (const item of rows.items) tx.run(INSERT_ITEM, item);
  const prev = tx.get<{ hash: string }>(LAST_AUDIT_HASH)?.hash ?? '';
  tx.run(INSERT_AUDIT, rows.audit(rows.payment[5] as string, prev));
}

export function commitPayment(store: Store, no: number, rnd: () => number): void {
  store.write((tx) => insertPayment(tx, no, rnd));
}

/** Consistency facts the crash test checks after every restart. */
export interface PaymentState {
  integrity: string;
  payments: number;
  maxNo: number;
  items: number;
  audits: number;
  foreignKeys: number;
}

export function paymentState(store: Pick<Store, 'get' | 'all'>): PaymentState {
  const integrity = store.all<{ integrity_check: string }>('PRAGMA integrity_check').map((r) => r.integrity_check).join('; ');
  const p = store.get<{ n: number; m: number | null }>('SELECT count(*) AS n, max(no) AS m FROM payment');
  const i = store.get<{ n: number }>('SELECT count(*) AS n FROM payment_item');
  const a = store.get<{ n: number }>('SELECT count(*) AS n FROM audit');
  const fk = store.get<{ n: number }>('PRAGMA foreign_keys');
  return {
    integrity,
    payments: p?.n ?? 0,
    maxNo: p?.m ?? 0,
    items: i?.n ?? 0,
    audits: a?.n ?? 0,
    foreignKeys: Number((fk as Record<string, unknown> | undefined)?.foreign_keys ?? -1),
  };
}
