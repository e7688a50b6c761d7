// The master-data tables that replicate through the centre, as `master` records: entity = table,
// id = the row's key (composite keys joined with ':'). Users do not replicate (each office
// manages its own accounts on its terminals).
export interface MasterTable {
  table: string;
  key: readonly string[];
  /** rows are never changed once written: a pulled copy is inserted or ignored */
  appendOnly: boolean;
}

export const MASTER_TABLES: readonly MasterTable[] = [
  { table: 'levies', key: ['id'], appendOnly: false },
  { table: 'tariffs', key: ['id'], appendOnly: true },
  { table: 'payers', key: ['id'], appendOnly: false },
  { table: 'rusun_blocks', key: ['id'], appendOnly: false },
  { table: 'rusun_units', key: ['id'], appendOnly: false },
  { table: 'rusun_contracts', key: ['id'], appendOnly: false },
  { table: 'rusun_exits', key: ['id'], appendOnly: false },
  { table: 'rusun_fine_events', key: ['id'], appendOnly: true },
  { table: 'markets', key: ['id'], appendOnly: false },
  { table: 'stalls', key: ['id'], appendOnly: false },
  { table: 'stall_permits', key: ['id'], appendOnly: false },
  { table: 'lab_parameters', key: ['id'], appendOnly: false },
  { table: 'lab_packages', key: ['id'], appendOnly: false },
  { table: 'lab_package_items', key: ['package_id', 'parameter_id'], appendOnly: false },
  { table: 'lab_orders', key: ['id'], appendOnly: false },
  { table: 'lab_samples', key: ['id'], appendOnly: false },
  { table: 'lab_sample_parameters', key: ['sample_id', 'parameter_id'], appendOnly: false },
];

export function masterTable(entity: string): MasterTable | undefined {
  return MASTER_TABLES.find((t) => t.table === entity);
}
