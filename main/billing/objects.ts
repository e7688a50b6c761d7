import type { ReadApi } from '../store/types';

const LABEL_SQL: Record<string, string> = {
  rusun_contract:
    "SELECT k.name || ' ' || u.number AS label FROM rusun_contracts c JOIN rusun_units u ON u.id = c.unit_id JOIN rusun_blocks k ON k.id = u.block_id WHERE c.id = ?",
  stall_permit: "SELECT m.name || ' ' || s.code AS label FROM stall_permits sp JOIN stalls s ON s.id = sp.stall_id JOIN markets m ON m.id = s.market_id WHERE sp.id = ?",
  lab_order: "SELECT 'Order ' || order_no AS label FROM lab_orders WHERE id = ?",
};

/** how a billed object is named on bills and receipts: "Blok A A-101", "Pasar Induk K-003", "Order LAB/…" */
export function objectLabelOf(db: ReadApi, objectType: string, objectId: string): string {
  return db.get<{ label: string }>(LABEL_SQL[objectType] ?? LABEL_SQL.lab_order ?? '', [objectId])?.label ?? '';
}
