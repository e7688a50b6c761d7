// Bill runs (penerbitan SKRD): the monthly rusunawa run, the monthly and daily market runs.
// A run is planned from a few bulk queries, shown as a preview, and committed as one durable
// transaction. UNIQUE(object_type, object_id, period) plus a re-check inside the transaction
// make it idempotent: running a period twice makes nothing new.
import type { RunKind, RunPreview, RunSkip } from '../../shared/contract/billing';
import { dayOfPeriod, isCivilDate } from '../../shared/time';
import { AppError } from '../../shared/errors';
import type { ReadApi, SqlValue, WriteTx } from '../store/types';
import { enqueueMany } from '../sync/outbox';

export interface PlannedLine {
  kind: string;
  description: string;
  tariffId: string | null;
  quantity: number;
  unitPrice: number;
  /** the fixed-fine event this line bills, so it is billed once */
  fineEventId?: string;
}

export interface PlannedBill {
  levyId: string;
  payerId: string;
  payerName: string;
  idpel: string;
  objectType: 'rusun_contract' | 'stall_permit' | 'lab_order';
  objectId: string;
  objectLabel: string;
  period: string;
  issueDate: string;
  dueDate: string;
  lines: PlannedLine[];
  principal: number;
}

export interface RunPlan {
  kind: RunKind;
  period: string;
  levyId: string;
  levyName: string;
  bills: PlannedBill[];
  existing: number;
  skipped: RunSkip[];
}

interface TariffRow {
  id: string;
  code: string;
  amount: number;
  effective_from: string;
}

/** the tariffs of a levy, to look up "the tariff of code X in force on date D" in memory */
export function tariffBook(db: ReadApi, levyId: string): (code: string, onDate: string) => TariffRow | null {
  const byCode = new Map<string, TariffRow[]>();
  for (const t of db.all<TariffRow>('SELECT id, code, amount, effective_from FROM tariffs WHERE levy_id = ? ORDER BY effective_from DESC', [levyId])) {
    const list = byCode.get(t.code) ?? [];
    list.push(t);
    byCode.set(t.code, list);
  }
  return (code, onDate) => byCode.get(code)?.find((t) => t.effective_from <= onDate) ?? null;
}

function levyOfKind(db: ReadApi, kind: 'rusunawa' | 'pasar'): { id: string; name: string; due_day: number } {
  const levy = db.get<{ id: string; name: string; due_day: number }>('SELECT id, name, due_day FROM levies WHERE kind = ? ORDER BY kode LIMIT 1', [kind]);
  if (!levy) throw new AppError('NOT_FOUND', { what: `Jenis retribusi ${kind}` });
  return levy;
}

function checkPeriod(kind: RunKind, period: string): void {
  const daily = kind === 'pasar_harian';
  const ok = daily ? isCivilDate(period) : /^\d{4}-(0[1-9]|1[0-2])$/.test(period);
  if (!ok) throw new AppError('INVALID_INPUT', { detail: daily ? 'periode harian harus tanggal TTTT-BB-HH' : 'periode bulanan harus TTTT-BB' }, { period: 'Periode tidak valid' });
}

const CHARGE_LABEL: Record<string, { kind: string; label: string }> = {
  AIR: { kind: 'air', label: 'Air bersih' },
  SAMPAH: { kind: 'sampah', label: 'Kebersihan dan sampah' },
};
const FINE_LABEL: Record<string, string> = {
  DENDA_SAMPAH: 'Denda sampah',
  DENDA_AIR: 'Denda air',
};

function planRusunawa(db: ReadApi, period: string): RunPlan {
  const levy = levyOfKind(db, 'rusunawa');
  const start = `${period}-01`;
  const end = dayOfPeriod(period, 31);
  const tariff = tariffBook(db, levy.id);
  const units = db.all<{ id: string; number: string; floor: number; block: string }>(
    `SELECT u.id, u.number, u.floor, k.name AS block FROM rusun_units u JOIN rusun_blocks k ON k.id = u.block_id
      WHERE k.levy_id = ? ORDER BY k.name, u.floor, u.number`,
    [levy.id],
  );
  // the latest contract of each unit that started by the period's end
  const contracts = new Map<string, { id: string; payer_id: string; payer_name: string; idpel: string; start_date: string; end_date: string; charges_json: string; exit_date: string | null }>();
  for (const c of db.all<{ id: string; unit_id: string; payer_id: string; payer_name: string; idpel: string; start_date: string; end_date: string; charges_json: string; exit_date: string | null }>(
    `SELECT c.id, c.unit_id, c.payer_id, p.name AS payer_name, c.idpel, c.start_date, c.end_date, c.charges_json,
            (SELECT min(x.exit_date) FROM rusun_exits x WHERE x.contract_id = c.id AND x.confirmed_at IS NOT NULL) AS exit_date
       FROM rusun_contracts c JOIN payers p ON p.id = c.payer_id
      WHERE c.start_date <= ? ORDER BY c.start_date`,
    [end],
  )) {
    contracts.set(c.unit_id, c); // ordered by start: the last one wins
  }
  const existing = new Set(
    db.all<{ object_id: string }>("SELECT object_id FROM bills WHERE object_type = 'rusun_contract' AND period = ?", [period]).map((r) => r.object_id),
  );
  const fines = new Map<string, { id: string; tariff_code: string; event_date: string; note: string }[]>();
  for (const f of db.all<{ id: string; contract_id: string; tariff_code: string; event_date: string; note: string }>(
    `SELECT f.id, f.contract_id, f.tariff_code, f.event_date, f.note FROM rusun_fine_events f
      WHERE f.event_date <= ? AND NOT EXISTS (SELECT 1 FROM bill_line_sources s WHERE s.fine_event_id = f.id) ORDER BY f.event_date`,
    [end],
  )) {
    const list = fines.get(f.contract_id) ?? [];
    list.push(f);
    fines.set(f.contract_id, list);
  }

  const plan: RunPlan = { kind: 'rusunawa', period, levyId: levy.id, levyName: levy.name, bills: [], existing: 0, skipped: [] };
  for (const u of units) {
    const label = `${u.block} ${u.number}`;
    const c = contracts.get(u.id);
    if (!c) {
      plan.skipped.push({ objectLabel: label, reason: 'unit_kosong', detail: 'Tidak ada kontrak sewa' });
      continue;
    }
    if (c.end_date < start) {
      plan.skipped.push({ objectLabel: label, reason: 'kontrak_berakhir', detail: `Kontrak ${c.payer_name} berakhir ${c.end_date}` });
      continue;
    }
    if (c.exit_date !== null && c.exit_date < start) {
      plan.skipped.push({ objectLabel: label, reason: 'penghuni_keluar', detail: `${c.payer_name} keluar ${c.exit_date}` });
      continue;
    }
    if (existing.has(c.id)) {
      plan.existing++;
      continue;
    }
    const rent = tariff(`SEWA_LT${u.floor}`, start);
    if (!rent) {
      plan.skipped.push({ objectLabel: label, reason: 'tarif_tidak_ada', detail: `Tarif SEWA_LT${u.floor} belum ditetapkan untuk ${period}` });
      continue;
    }
    const lines: PlannedLine[] = [
      { kind: 'sewa', description: `Sewa unit ${u.number} (lantai ${u.floor}) ${period}`, tariffId: rent.id, quantity: 1, unitPrice: rent.amount },
    ];
    let missing: string | null = null;
    for (const code of JSON.parse(c.charges_json) as string[]) {
      const t = tariff(code, start);
      const label2 = CHARGE_LABEL[code];
      if (!t || !label2) {
        missing = code;
        break;
      }
      lines.push({ kind: label2.kind, description: `${label2.label} ${period}`, tariffId: t.id, quantity: 1, unitPrice: t.amount });
    }
    for (const f of fines.get(c.id) ?? []) {
      const t = tariff(f.tariff_code, f.event_date);
      if (!t) {
        missing = f.tariff_code;
        break;
      }
      lines.push({ kind: 'denda_tetap', description: `${FINE_LABEL[f.tariff_code] ?? f.tariff_code} ${f.event_date}: ${f.note}`, tariffId: t.id, quantity: 1, unitPrice: t.amount, fineEventId: f.id });
    }
    if (missing) {
      plan.skipped.push({ objectLabel: label, reason: 'tarif_tidak_ada', detail: `Tarif ${missing} belum ditetapkan` });
      continue;
    }
    plan.bills.push({
      levyId: levy.id,
      payerId: c.payer_id,
      payerName: c.payer_name,
      idpel: c.idpel,
      objectType: 'rusun_contract',
      objectId: c.id,
      objectLabel: label,
      period,
      issueDate: start,
      dueDate: dayOfPeriod(period, levy.due_day),
      lines,
      principal: lines.reduce((s, l) => s + l.quantity * l.unitPrice, 0),
    });
  }
  return plan;
}

function planPasar(db: ReadApi, kind: 'pasar_bulanan' | 'pasar_harian', period: string): RunPlan {
  const levy = levyOfKind(db, 'pasar');
  const daily = kind === 'pasar_harian';
  const start = daily ? period : `${period}-01`;
  const end = daily ? period : dayOfPeriod(period, 31);
  const tariff = tariffBook(db, levy.id);
  const stalls = db.all<{ id: string; code: string; type: string; area: number; market: string; cls: string }>(
    `SELECT s.id, s.code, s.type, s.area_m2x100 AS area, m.name AS market, m.market_class AS cls
       FROM stalls s JOIN markets m ON m.id = s.market_id WHERE m.levy_id = ? ORDER BY m.name, s.type, s.code`,
    [levy.id],
  );
  const permits = new Map<string, { id: string; payer_id: string; payer_name: string; idpel: string; billing: string }>();
  for (const p of db.all<{ id: string; stall_id: string; payer_id: string; payer_name: string; idpel: string; billing: string }>(
    `SELECT sp.id, sp.stall_id, sp.payer_id, py.name AS payer_name, sp.idpel, sp.billing FROM stall_permits sp JOIN payers py ON py.id = sp.payer_id
      WHERE sp.start_date <= ? AND sp.end_date >= ? ORDER BY sp.start_date`,
    [end, start],
  )) {
    permits.set(p.stall_id, p);
  }
  const existing = new Set(
    db.all<{ object_id: string }>("SELECT object_id FROM bills WHERE object_type = 'stall_permit' AND period = ?", [period]).map((r) => r.object_id),
  );
  const plan: RunPlan = { kind, period, levyId: levy.id, levyName: levy.name, bills: [], existing: 0, skipped: [] };
  const wanted = daily ? 'harian' : 'bulanan';
  // a month of a monthly permit counts as 30 days, as the regulation prices it
  const days = daily ? 1 : 30;
  for (const s of stalls) {
    const label = `${s.market} ${s.code}`;
    const p = permits.get(s.id);
    if (!p) {
      plan.skipped.push({ objectLabel: label, reason: 'tanpa_izin', detail: `${s.type} tanpa izin penempatan` });
      continue;
    }
    if (p.billing !== wanted) continue; // billed by the other run
    if (existing.has(p.id)) {
      plan.existing++;
      continue;
    }
    const code = `PASAR_${s.type.toUpperCase()}_${s.cls}`;
    const t = tariff(code, start);
    if (!t) {
      plan.skipped.push({ objectLabel: label, reason: 'tarif_tidak_ada', detail: `Tarif ${code} belum ditetapkan` });
      continue;
    }
    const perDay = Math.floor((t.amount * s.area) / 100);
    const area = (s.area / 100).toFixed(2).replace('.', ',');
    plan.bills.push({
      levyId: levy.id,
      payerId: p.payer_id,
      payerName: p.payer_name,
      idpel: p.idpel,
      objectType: 'stall_permit',
      objectId: p.id,
      objectLabel: label,
      period,
      issueDate: start,
      dueDate: daily ? period : dayOfPeriod(period, levy.due_day),
      lines: [
        {
          kind: 'retribusi_pasar',
          description: daily ? `Retribusi ${s.type} ${s.code} ${area} m², ${period}` : `Retribusi ${s.type} ${s.code} ${area} m² × ${days} hari, ${period}`,
          tariffId: t.id,
          quantity: days,
          unitPrice: perDay,
        },
      ],
      principal: perDay * days,
    });
  }
  return plan;
}

export function planRun(db: ReadApi, kind: RunKind, period: string): RunPlan {
  checkPeriod(kind, period);
  return kind === 'rusunawa' ? planRusunawa(db, period) : planPasar(db, kind, period);
}

export function previewOf(plan: RunPlan): RunPreview {
  return {
    kind: plan.kind,
    period: plan.period,
    levyName: plan.levyName,
    toCreate: plan.bills.length,
    total: plan.bills.reduce((s, b) => s + b.principal, 0),
    existing: plan.existing,
    skipped: plan.skipped,
    sample: plan.bills.slice(0, 5).map((b) => ({
      objectLabel: b.objectLabel,
      payerName: b.payerName,
      idpel: b.idpel,
      principal: b.principal,
      lines: b.lines.map((l) => ({ description: l.description, amount: l.quantity * l.unitPrice })),
    })),
  };
}

/** the next number of a named counter, inside the caller's transaction */
export function nextNumber(tx: WriteTx, name: string): number {
  const row = tx.get<{ value: number }>('SELECT value FROM counters WHERE name = ?', [name]);
  const value = (row?.value ?? 0) + 1;
  tx.run('INSERT INTO counters (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value', [name, value]);
  return value;
}

/** reserve n numbers at once (a run of 10 000 bills takes one counter update) */
export function reserveNumbers(tx: WriteTx, name: string, n: number): number {
  const row = tx.get<{ value: number }>('SELECT value FROM counters WHERE name = ?', [name]);
  const first = (row?.value ?? 0) + 1;
  if (n > 0) tx.run('INSERT INTO counters (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value', [name, first + n - 1]);
  return first;
}

export function skrdNumber(terminal: string, year: string, n: number): string {
  return `SKRD/${terminal}/${year}/${String(n).padStart(6, '0')}`;
}

/**
 * Writes the planned bills inside the caller's transaction. Bills that appeared since the plan
 * was made (another run, another window) are skipped, not duplicated.
 */
export function insertPlannedBills(
  tx: WriteTx,
  bills: readonly PlannedBill[],
  opts: { runId: string | null; terminal: string; createdAt: string; createdBy: string | null; newId: () => string },
): { created: PlannedBill[]; ids: string[]; alreadyThere: number } {
  const byKey = new Set<string>();
  const periods = [...new Set(bills.map((b) => `${b.objectType}|${b.period}`))];
  for (const key of periods) {
    const [objectType, period] = key.split('|') as [string, string];
    for (const r of tx.all<{ object_id: string }>('SELECT object_id FROM bills WHERE object_type = ? AND period = ?', [objectType, period])) {
      byKey.add(`${objectType}|${r.object_id}|${period}`);
    }
  }
  const fresh = bills.filter((b) => !byKey.has(`${b.objectType}|${b.objectId}|${b.period}`));
  const byYear = new Map<string, number>();
  for (const b of fresh) byYear.set(b.issueDate.slice(0, 4), (byYear.get(b.issueDate.slice(0, 4)) ?? 0) + 1);
  const nextNo = new Map<string, number>();
  for (const [year, n] of byYear) nextNo.set(year, reserveNumbers(tx, `skrd:${opts.terminal}:${year}`, n));
  const ids: string[] = [];
  // multi-row INSERTs: one statement per BATCH bills (and one per up to LINE_BATCH of their lines),
  // so 10 000 bills are ~200 recorded statements instead of 40 000
  const BATCH = 50;
  const LINE_BATCH = 200;
  const insertMany = (head: string, width: number, rows: SqlValue[][]) => {
    for (let i = 0; i < rows.length; i += LINE_BATCH) {
      const chunk = rows.slice(i, i + LINE_BATCH);
      const one = `(${Array.from({ length: width }, () => '?').join(',')})`;
      tx.run(`${head} VALUES ${chunk.map(() => one).join(',')}`, chunk.flat());
    }
  };
  for (let g = 0; g < fresh.length; g += BATCH) {
    const billRows: SqlValue[][] = [];
    const lineRows: SqlValue[][] = [];
    const sourceRows: SqlValue[][] = [];
    for (const b of fresh.slice(g, g + BATCH)) {
      const id = opts.newId();
      ids.push(id);
      const year = b.issueDate.slice(0, 4);
      const n = nextNo.get(year) ?? 1;
      nextNo.set(year, n + 1);
      billRows.push([id, skrdNumber(opts.terminal, year, n), b.levyId, b.payerId, b.idpel, b.objectType, b.objectId, b.period, b.issueDate, b.dueDate, b.principal, opts.runId, opts.createdAt, opts.createdBy]);
      b.lines.forEach((l, i) => {
        const lineId = opts.newId();
        lineRows.push([lineId, id, i + 1, l.kind, l.description, l.tariffId, l.quantity, l.unitPrice, l.quantity * l.unitPrice]);
        if (l.fineEventId) sourceRows.push([lineId, l.fineEventId]);
      });
    }
    insertMany('INSERT INTO bills (id, skrd_no, levy_id, payer_id, idpel, object_type, object_id, period, issue_date, due_date, principal, run_id, created_at, created_by)', 14, billRows);
    insertMany('INSERT INTO bill_lines (id, bill_id, line_no, kind, description, tariff_id, quantity, unit_price, amount)', 9, lineRows);
    if (sourceRows.length) insertMany('INSERT INTO bill_line_sources (bill_line_id, fine_event_id)', 2, sourceRows);
  }
  enqueueMany(tx, 'bill', ids, opts.createdAt);
  return { created: fresh, ids, alreadyThere: bills.length - fresh.length };
}
