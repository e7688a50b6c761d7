import type { ReadApi } from '../store/types';

/**
 * SQL: `column` of the row of `table` whose id is the expression `id` — a correlated scalar
 * subquery. The hot paths use these rather than joins: sql.js runs a join several times slower
 * than the same lookup in a subquery (a contract with its payer, unit, block and levy: 33 µs
 * joined, 6 µs by subqueries). Foreign keys guarantee the row is there.
 */
export function lookup(table: string, column: string, id: string): string {
  return `(SELECT ${column} FROM ${table} WHERE id = ${id})`;
}

export type ObjectType = 'rusun_contract' | 'stall_permit' | 'lab_order';

/** the table of each type of billed object */
export const OBJECT_TABLE: Record<ObjectType, string> = { rusun_contract: 'rusun_contracts', stall_permit: 'stall_permits', lab_order: 'lab_orders' };

/** SQL: how the billed object aliased `o` (a row of its type's table) is named */
export const objectLabelSql: Record<ObjectType, (o: string) => string> = {
  rusun_contract: (o) => `${lookup('rusun_blocks', 'name', lookup('rusun_units', 'block_id', `${o}.unit_id`))} || ' ' || ${lookup('rusun_units', 'number', `${o}.unit_id`)}`,
  stall_permit: (o) => `${lookup('markets', 'name', lookup('stalls', 'market_id', `${o}.stall_id`))} || ' ' || ${lookup('stalls', 'code', `${o}.stall_id`)}`,
  lab_order: (o) => `'Order ' || ${o}.order_no`,
};

const LABEL_SQL: Record<string, string> = Object.fromEntries(
  (Object.keys(OBJECT_TABLE) as ObjectType[]).map((t) => [t, `SELECT ${objectLabelSql[t]('o')} AS label FROM ${OBJECT_TABLE[t]} o WHERE o.id = ?`]),
);

/** how a billed object is named on bills and receipts: "Blok A A-101", "Pasar Induk K-003", "Order LAB/…" */
export function objectLabelOf(db: ReadApi, objectType: string, objectId: string): string {
  return db.get<{ label: string }>(LABEL_SQL[objectType] ?? LABEL_SQL.lab_order ?? '', [objectId])?.label ?? '';
}
