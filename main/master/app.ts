// Master data operations. Every create and edit is audited with before/after; records with a
// version refuse an edit made against a stale copy (the sync issue builds last-writer-wins on it).
import { AppError } from '../../shared/errors';
import { checkNik } from '../../shared/nik';
import { makeIdpel } from '../../shared/idpel';
import { addDaysCivil, businessDate } from '../../shared/time';
import type { ContractRow, LevyDetail, PayerRow, PermitRow, TariffRow, BlockRow, MarketRow, LabOrderRow } from '../../shared/contract/master';
import { auditCaller } from '../audit/caller';
import { containsPattern } from '../store/like';
import { callerOf, type CallCtx, type HandlersFor } from '../api/context';
import type { ReadApi, SqlParams, WriteTx } from '../store/types';
import { blockOf } from '../billing/arrears';
import { paidCondition } from '../billing/status';
import { insertPlannedBills, nextNumber, tariffBook, type PlannedLine } from '../billing/runs';
import { billingHandlers } from '../billing/app';


function checkVersion(current: { version: number } | undefined, given: number | undefined, what: string): void {
  if (!current) throw new AppError('NOT_FOUND', { what });
  if (given !== undefined && given !== current.version) throw new AppError('VERSION_CONFLICT', { current: String(current.version) });
}

// ---- levies and tariffs ---------------------------------------------------------------------

const LEVY_SELECT = `SELECT id, kode, name, owner_agency AS ownerAgency, kind, interest_rate_bp AS interestRateBp,
  interest_cap_months AS interestCapMonths, interest_rounding AS interestRounding, due_day AS dueDay, version FROM levies`;

function levyById(db: ReadApi, id: string): LevyDetail | undefined {
  return db.get<LevyDetail>(`${LEVY_SELECT} WHERE id = ?`, [id]);
}

function tariffRows(db: ReadApi, levyId: string, today: string): TariffRow[] {
  const rows = db.all<Omit<TariffRow, 'inForce'>>(
    `SELECT id, levy_id AS levyId, code, description, amount, unit, effective_from AS effectiveFrom, legal_basis AS legalBasis
       FROM tariffs WHERE levy_id = ? ORDER BY code, effective_from DESC`,
    [levyId],
  );
  const inForce = new Set<string>();
  for (const r of rows) {
    if (r.effectiveFrom <= today && !rows.some((o) => o.code === r.code && o.effectiveFrom <= today && o.effectiveFrom > r.effectiveFrom)) inForce.add(r.id);
  }
  return rows.map((r) => ({ ...r, inForce: inForce.has(r.id) }));
}

// ---- payers -----------------------------------------------------------------------------------

const PAYER_SELECT = 'SELECT id, kind, nik, name, phone, address, version FROM payers';

function payerById(db: ReadApi, id: string): PayerRow | undefined {
  return db.get<PayerRow>(`${PAYER_SELECT} WHERE id = ?`, [id]);
}

// ---- rusunawa ---------------------------------------------------------------------------------

function contractRows(db: ReadApi, today: string, where = '', params: SqlParams = []): ContractRow[] {
  const rows = db.all<{
    id: string; unitId: string; unitLabel: string; payerId: string; payerName: string; idpel: string; contractNo: string;
    startDate: string; endDate: string; charges: string; exitId: string | null; exitDate: string | null; exitReason: string | null; exitConfirmed: string | null;
  }>(
    `SELECT c.id, c.unit_id AS unitId, k.name || ' ' || u.number AS unitLabel, c.payer_id AS payerId, p.name AS payerName, c.idpel,
            c.contract_no AS contractNo, c.start_date AS startDate, c.end_date AS endDate, c.charges_json AS charges,
            x.id AS exitId, x.exit_date AS exitDate, x.reason AS exitReason, x.confirmed_at AS exitConfirmed
       FROM rusun_contracts c JOIN rusun_units u ON u.id = c.unit_id JOIN rusun_blocks k ON k.id = u.block_id JOIN payers p ON p.id = c.payer_id
       LEFT JOIN rusun_exits x ON x.id = (SELECT id FROM rusun_exits WHERE contract_id = c.id ORDER BY requested_at DESC LIMIT 1)
      ${where} ORDER BY k.name, u.floor, u.number, c.start_date`,
    params,
  );
  return rows.map((r) => {
    const exited = r.exitConfirmed !== null && r.exitDate !== null && r.exitDate <= today;
    const status: ContractRow['status'] = exited ? 'keluar' : r.startDate > today ? 'belum_mulai' : r.endDate < today ? 'berakhir' : 'aktif';
    return {
      id: r.id,
      unitId: r.unitId,
      unitLabel: r.unitLabel,
      payerId: r.payerId,
      payerName: r.payerName,
      idpel: r.idpel,
      contractNo: r.contractNo,
      startDate: r.startDate,
      endDate: r.endDate,
      charges: JSON.parse(r.charges) as string[],
      status,
      exit: r.exitId ? { id: r.exitId, exitDate: r.exitDate ?? '', reason: r.exitReason ?? '', confirmed: r.exitConfirmed !== null } : null,
      blocked: blockOf(db, r.id, today),
    };
  });
}

function contractById(db: ReadApi, id: string, today: string): ContractRow {
  const row = contractRows(db, today, 'WHERE c.id = ?', [id])[0];
  if (!row) throw new AppError('NOT_FOUND', { what: 'Kontrak' });
  return row;
}

function nextSerial(tx: WriteTx, kode: string): number {
  // IDPEL serials continue after what the demo or an import already used
  const name = `idpel:${kode}`;
  const has = tx.get<{ value: number }>('SELECT value FROM counters WHERE name = ?', [name]);
  if (!has) {
    const used = tx.get<{ m: number | null }>(
      `SELECT max(CAST(substr(idpel, 11, 6) AS INTEGER)) AS m FROM (
         SELECT idpel FROM rusun_contracts UNION ALL SELECT idpel FROM stall_permits UNION ALL SELECT idpel FROM lab_orders) WHERE substr(idpel, 1, 10) = ?`,
      [kode],
    )?.m ?? 0;
    tx.run('INSERT INTO counters (name, value) VALUES (?, ?)', [name, used ?? 0]);
  }
  return nextNumber(tx, name);
}

// ---- markets ----------------------------------------------------------------------------------

function permitRows(db: ReadApi, where = '', params: SqlParams = []): PermitRow[] {
  return db.all<PermitRow>(
    `SELECT sp.id, sp.stall_id AS stallId, m.name || ' ' || s.code AS stallLabel, sp.payer_id AS payerId, p.name AS payerName, sp.idpel,
            sp.permit_no AS permitNo, sp.billing, sp.start_date AS startDate, sp.end_date AS endDate
       FROM stall_permits sp JOIN stalls s ON s.id = sp.stall_id JOIN markets m ON m.id = s.market_id JOIN payers p ON p.id = sp.payer_id
      ${where} ORDER BY m.name, s.code, sp.start_date`,
    params,
  );
}

// ---- lab --------------------------------------------------------------------------------------

function labOrderRows(db: ReadApi, where = '', params: SqlParams = []): LabOrderRow[] {
  const orders = db.all<{ id: string; orderNo: string; idpel: string; payerName: string; receivedAt: string; billId: string; principal: number; paid: number }>(
    `SELECT o.id, o.order_no AS orderNo, o.idpel, p.name AS payerName, o.received_at AS receivedAt, b.id AS billId, b.principal,
            ${paidCondition('b')} AS paid
       FROM lab_orders o JOIN payers p ON p.id = o.payer_id JOIN bills b ON b.object_type = 'lab_order' AND b.object_id = o.id
      ${where} ORDER BY o.received_at DESC LIMIT 200`,
    params,
  );
  return orders.map((o) => ({
    ...o,
    paid: o.paid === 1,
    samples: db
      .all<{ id: string; sampleCode: string; source: string; packageCode: string | null }>(
        'SELECT s.id, s.sample_code AS sampleCode, s.source, pk.code AS packageCode FROM lab_samples s LEFT JOIN lab_packages pk ON pk.id = s.package_id WHERE s.order_id = ? ORDER BY s.sample_code',
        [o.id],
      )
      .map((s) => ({
        sampleCode: s.sampleCode,
        source: s.source,
        packageCode: s.packageCode,
        parameterCodes: db
          .all<{ code: string }>('SELECT lp.code FROM lab_sample_parameters sp JOIN lab_parameters lp ON lp.id = sp.parameter_id WHERE sp.sample_id = ? ORDER BY lp.code', [s.id])
          .map((r) => r.code),
      })),
  }));
}


export const masterHandlers: HandlersFor<
  | 'levy.list' | 'levy.save' | 'tariff.list' | 'tariff.create' | 'payer.search' | 'payer.save'
  | 'rusun.blocks' | 'rusun.block.save' | 'rusun.unit.save' | 'rusun.contracts' | 'rusun.contract.create' | 'rusun.contract.renew'
  | 'rusun.exit.request' | 'rusun.exit.confirm' | 'rusun.fine.record'
  | 'pasar.markets' | 'pasar.market.save' | 'pasar.stall.save' | 'pasar.permits' | 'pasar.permit.create'
  | 'lab.parameter.save' | 'lab.package.save' | 'lab.orders' | 'lab.order.create'
> = {
  'levy.list': ({ services }) => services.store.all<LevyDetail>(`${LEVY_SELECT} ORDER BY kode`),

  'levy.save': (ctx, input) => {
    const { store } = ctx.services;
    const now = ctx.services.now().toISOString();
    const clash = store.get<{ id: string }>('SELECT id FROM levies WHERE kode = ?', [input.kode]);
    if (clash && clash.id !== input.id) throw new AppError('DUPLICATE', { what: `Kode retribusi ${input.kode}` }, { kode: 'Kode retribusi sudah dipakai' });
    const id = input.id ?? ctx.services.newId();
    store.write((tx) => {
      const before = input.id ? levyById(tx, input.id) : undefined;
      if (input.id) {
        checkVersion(before, input.version, 'Jenis retribusi');
        tx.run(
          `UPDATE levies SET kode = ?, name = ?, owner_agency = ?, kind = ?, interest_rate_bp = ?, interest_cap_months = ?, interest_rounding = ?, due_day = ?,
                  version = version + 1, updated_at = ? WHERE id = ?`,
          [input.kode, input.name, input.ownerAgency, input.kind, input.interestRateBp, input.interestCapMonths, input.interestRounding, input.dueDay, now, id],
        );
      } else {
        tx.run(
          'INSERT INTO levies (id, kode, name, owner_agency, kind, interest_rate_bp, interest_cap_months, interest_rounding, due_day, version, updated_at) VALUES (?,?,?,?,?,?,?,?,?,1,?)',
          [id, input.kode, input.name, input.ownerAgency, input.kind, input.interestRateBp, input.interestCapMonths, input.interestRounding, input.dueDay, now],
        );
      }
      auditCaller(ctx, tx, input.id ? 'levy.update' : 'levy.create', 'levy', id, before, levyById(tx, id));
    });
    const saved = levyById(store, id);
    if (!saved) throw new AppError('NOT_FOUND', { what: 'Jenis retribusi' });
    return saved;
  },

  'tariff.list': ({ services }, input) => tariffRows(services.store, input.levyId, businessDate(services.now())),

  'tariff.create': (ctx, input) => {
    const { store } = ctx.services;
    if (!levyById(store, input.levyId)) throw new AppError('NOT_FOUND', { what: 'Jenis retribusi' });
    if (store.get('SELECT 1 AS x FROM tariffs WHERE levy_id = ? AND code = ? AND effective_from = ?', [input.levyId, input.code, input.effectiveFrom])) {
      throw new AppError('DUPLICATE', { what: `Tarif ${input.code} mulai ${input.effectiveFrom}` }, { effectiveFrom: 'Sudah ada tarif dengan kode dan tanggal berlaku ini' });
    }
    const id = ctx.services.newId();
    store.write((tx) => {
      tx.run('INSERT INTO tariffs (id, levy_id, code, description, amount, unit, effective_from, legal_basis, created_at) VALUES (?,?,?,?,?,?,?,?,?)', [
        id, input.levyId, input.code, input.description, input.amount, input.unit, input.effectiveFrom, input.legalBasis, ctx.services.now().toISOString(),
      ]);
      auditCaller(ctx, tx, 'tariff.create', 'tariff', id, undefined, input);
    });
    const row = tariffRows(store, input.levyId, businessDate(ctx.services.now())).find((t) => t.id === id);
    if (!row) throw new AppError('NOT_FOUND', { what: 'Tarif' });
    return row;
  },

  'payer.search': ({ services }, input) => {
    const pattern = containsPattern(input.query);
    return services.store.all<PayerRow>(
      `${PAYER_SELECT} WHERE (?1 IS NULL OR name LIKE ?1 ESCAPE '\\' OR nik LIKE ?1 ESCAPE '\\' OR phone LIKE ?1 ESCAPE '\\') ORDER BY name LIMIT ?2`,
      [pattern, input.limit],
    );
  },

  'payer.save': (ctx, input) => {
    const { store } = ctx.services;
    if (input.kind === 'orang' && !input.nik) throw new AppError('INVALID_INPUT', { detail: 'NIK wajib untuk perorangan' }, { nik: 'NIK wajib untuk perorangan' });
    if (input.nik) {
      const nik = checkNik(input.nik);
      if (!nik.ok) throw new AppError('INVALID_INPUT', { detail: nik.message }, { nik: nik.message });
      const clash = store.get<{ id: string }>('SELECT id FROM payers WHERE nik = ?', [input.nik]);
      if (clash && clash.id !== input.id) throw new AppError('DUPLICATE', { what: `Wajib retribusi dengan NIK ${input.nik}` }, { nik: 'NIK sudah terdaftar' });
    }
    const id = input.id ?? ctx.services.newId();
    store.write((tx) => {
      const before = input.id ? payerById(tx, input.id) : undefined;
      if (input.id) {
        checkVersion(before, input.version, 'Wajib retribusi');
        tx.run('UPDATE payers SET kind = ?, nik = ?, name = ?, phone = ?, address = ?, version = version + 1 WHERE id = ?', [
          input.kind, input.nik ?? null, input.name, input.phone ?? null, input.address ?? null, id,
        ]);
      } else {
        tx.run('INSERT INTO payers (id, kind, nik, name, phone, address, created_at, version) VALUES (?,?,?,?,?,?,?,1)', [
          id, input.kind, input.nik ?? null, input.name, input.phone ?? null, input.address ?? null, ctx.services.now().toISOString(),
        ]);
      }
      auditCaller(ctx, tx, input.id ? 'payer.update' : 'payer.create', 'payer', id, before, payerById(tx, id));
    });
    const saved = payerById(store, id);
    if (!saved) throw new AppError('NOT_FOUND', { what: 'Wajib retribusi' });
    return saved;
  },

  'rusun.blocks': ({ services }) =>
    services.store.all<BlockRow>(
      'SELECT k.id, k.levy_id AS levyId, k.name, k.floors, k.address, (SELECT count(*) FROM rusun_units u WHERE u.block_id = k.id) AS units FROM rusun_blocks k ORDER BY k.name',
    ),

  'rusun.block.save': (ctx, input) => {
    const { store } = ctx.services;
    const id = input.id ?? ctx.services.newId();
    store.write((tx) => {
      const before = input.id ? tx.get('SELECT * FROM rusun_blocks WHERE id = ?', [input.id]) : undefined;
      if (input.id && !before) throw new AppError('NOT_FOUND', { what: 'Blok' });
      if (tx.get<{ id: string }>('SELECT id FROM rusun_blocks WHERE name = ? AND id <> ?', [input.name, id])) throw new AppError('DUPLICATE', { what: input.name });
      if (input.id) tx.run('UPDATE rusun_blocks SET levy_id = ?, name = ?, floors = ?, address = ? WHERE id = ?', [input.levyId, input.name, input.floors, input.address, id]);
      else tx.run('INSERT INTO rusun_blocks (id, levy_id, name, floors, address, created_at) VALUES (?,?,?,?,?,?)', [id, input.levyId, input.name, input.floors, input.address, ctx.services.now().toISOString()]);
      auditCaller(ctx, tx, input.id ? 'block.update' : 'block.create', 'rusun_block', id, before, input);
    });
    const row = masterHandlers['rusun.blocks'](ctx, {}) as BlockRow[];
    const saved = row.find((r) => r.id === id);
    if (!saved) throw new AppError('NOT_FOUND', { what: 'Blok' });
    return saved;
  },

  'rusun.unit.save': (ctx, input) => {
    const { store } = ctx.services;
    const block = store.get<{ floors: number }>('SELECT floors FROM rusun_blocks WHERE id = ?', [input.blockId]);
    if (!block) throw new AppError('NOT_FOUND', { what: 'Blok' });
    if (input.floor > block.floors) throw new AppError('INVALID_INPUT', { detail: `blok ini hanya ${block.floors} lantai` }, { floor: `Lantai paling tinggi ${block.floors}` });
    const id = input.id ?? ctx.services.newId();
    store.write((tx) => {
      if (tx.get('SELECT 1 AS x FROM rusun_units WHERE block_id = ? AND number = ? AND id <> ?', [input.blockId, input.number, id])) {
        throw new AppError('DUPLICATE', { what: `Unit ${input.number}` }, { number: 'Nomor unit sudah ada di blok ini' });
      }
      const before = input.id ? tx.get('SELECT * FROM rusun_units WHERE id = ?', [input.id]) : undefined;
      if (input.id && !before) throw new AppError('NOT_FOUND', { what: 'Unit' });
      if (input.id) tx.run('UPDATE rusun_units SET block_id = ?, floor = ?, number = ? WHERE id = ?', [input.blockId, input.floor, input.number, id]);
      else tx.run('INSERT INTO rusun_units (id, block_id, floor, number, created_at) VALUES (?,?,?,?,?)', [id, input.blockId, input.floor, input.number, ctx.services.now().toISOString()]);
      auditCaller(ctx, tx, input.id ? 'unit.update' : 'unit.create', 'rusun_unit', id, before, input);
    });
    return { id };
  },

  'rusun.contracts': ({ services }, input) => {
    const today = businessDate(services.now());
    const pattern = containsPattern(input.search);
    const rows = contractRows(
      services.store,
      today,
      "WHERE (?1 IS NULL OR p.name LIKE ?1 ESCAPE '\\' OR c.idpel LIKE ?1 ESCAPE '\\' OR u.number LIKE ?1 ESCAPE '\\' OR c.contract_no LIKE ?1 ESCAPE '\\')",
      [pattern ?? null],
    );
    return input.status ? rows.filter((r) => r.status === input.status) : rows;
  },

  'rusun.contract.create': (ctx, input) => {
    const { store } = ctx.services;
    const today = businessDate(ctx.services.now());
    if (input.endDate <= input.startDate) throw new AppError('INVALID_INPUT', { detail: 'tanggal akhir harus sesudah tanggal mulai' }, { endDate: 'Harus sesudah tanggal mulai' });
    const unit = store.get<{ id: string; levy_id: string; kode: string }>(
      'SELECT u.id, k.levy_id, l.kode FROM rusun_units u JOIN rusun_blocks k ON k.id = u.block_id JOIN levies l ON l.id = k.levy_id WHERE u.id = ?',
      [input.unitId],
    );
    if (!unit) throw new AppError('NOT_FOUND', { what: 'Unit' });
    if (!payerById(store, input.payerId)) throw new AppError('NOT_FOUND', { what: 'Wajib retribusi' });
    const overlapping = store.get<{ contract_no: string }>(
      `SELECT c.contract_no FROM rusun_contracts c WHERE c.unit_id = ? AND c.start_date <= ? AND c.end_date >= ?
         AND NOT EXISTS (SELECT 1 FROM rusun_exits x WHERE x.contract_id = c.id AND x.confirmed_at IS NOT NULL AND x.exit_date < ?)`,
      [input.unitId, input.endDate, input.startDate, input.startDate],
    );
    if (overlapping) throw new AppError('CONFLICT', { detail: `Unit masih terikat kontrak ${overlapping.contract_no} pada masa itu.` });
    const id = ctx.services.newId();
    store.write((tx) => {
      const serial = nextSerial(tx, unit.kode);
      const idpel = makeIdpel(unit.kode, serial);
      tx.run(
        'INSERT INTO rusun_contracts (id, unit_id, payer_id, idpel, contract_no, start_date, end_date, charges_json, created_at) VALUES (?,?,?,?,?,?,?,?,?)',
        [id, input.unitId, input.payerId, idpel, `PKS/RSW/${input.startDate.slice(0, 4)}/${String(serial).padStart(4, '0')}`, input.startDate, input.endDate, JSON.stringify(input.charges), ctx.services.now().toISOString()],
      );
      auditCaller(ctx, tx, 'contract.create', 'rusun_contract', id, undefined, { ...input, idpel });
    });
    return contractById(store, id, today);
  },

  'rusun.contract.renew': (ctx, input) => {
    const { store } = ctx.services;
    const today = businessDate(ctx.services.now());
    const current = contractById(store, input.contractId, today);
    if (current.status === 'keluar') throw new AppError('CONFLICT', { detail: 'Penghuni sudah keluar; buat kontrak baru.' });
    const block = blockOf(store, current.id, today);
    if (block) throw new AppError('RENEWAL_BLOCKED', { reason: block.reason });
    if (input.endDate <= current.endDate) throw new AppError('INVALID_INPUT', { detail: 'akhir perpanjangan harus sesudah akhir kontrak' }, { endDate: `Harus sesudah ${current.endDate}` });
    const id = ctx.services.newId();
    store.write((tx) => {
      const serial = nextNumber(tx, `contract:${current.endDate.slice(0, 4)}`);
      const start = addDaysCivil(current.endDate, 1);
      // the renewal keeps the IDPEL: the tenant pays with the same number
      tx.run(
        'INSERT INTO rusun_contracts (id, unit_id, payer_id, idpel, contract_no, start_date, end_date, charges_json, created_at, renews_contract_id) VALUES (?,?,?,?,?,?,?,?,?,?)',
        [id, current.unitId, current.payerId, current.idpel, `PKS/RSW/${start.slice(0, 4)}/P${String(serial).padStart(4, '0')}`, start, input.endDate, JSON.stringify(current.charges), ctx.services.now().toISOString(), current.id],
      );
      auditCaller(ctx, tx, 'contract.renew', 'rusun_contract', id, { contractId: current.id, endDate: current.endDate }, { startDate: start, endDate: input.endDate });
    });
    return contractById(store, id, today);
  },

  'rusun.exit.request': (ctx, input) => {
    const { store } = ctx.services;
    const today = businessDate(ctx.services.now());
    const contract = contractById(store, input.contractId, today);
    if (contract.exit && !contract.exit.confirmed) throw new AppError('CONFLICT', { detail: 'Sudah ada pengajuan keluar yang menunggu konfirmasi.' });
    if (input.exitDate < contract.startDate || input.exitDate > contract.endDate) throw new AppError('INVALID_INPUT', { detail: 'tanggal keluar di luar masa kontrak' }, { exitDate: 'Di luar masa kontrak' });
    const id = ctx.services.newId();
    store.write((tx) => {
      tx.run('INSERT INTO rusun_exits (id, contract_id, exit_date, reason, requested_by, requested_at) VALUES (?,?,?,?,?,?)', [
        id, input.contractId, input.exitDate, input.reason, callerOf(ctx).user.id, ctx.services.now().toISOString(),
      ]);
      auditCaller(ctx, tx, 'exit.request', 'rusun_contract', input.contractId, undefined, input);
    });
    return contractById(store, input.contractId, today);
  },

  'rusun.exit.confirm': (ctx, input) => {
    const { store } = ctx.services;
    const exit = store.get<{ id: string; contract_id: string; confirmed_at: string | null }>('SELECT id, contract_id, confirmed_at FROM rusun_exits WHERE id = ?', [input.exitId]);
    if (!exit) throw new AppError('NOT_FOUND', { what: 'Pengajuan keluar' });
    if (exit.confirmed_at) throw new AppError('CONFLICT', { detail: 'Pengajuan keluar ini sudah dikonfirmasi.' });
    store.write((tx) => {
      tx.run('UPDATE rusun_exits SET confirmed_by = ?, confirmed_at = ? WHERE id = ? AND confirmed_at IS NULL', [callerOf(ctx).user.id, ctx.services.now().toISOString(), exit.id]);
      auditCaller(ctx, tx, 'exit.confirm', 'rusun_contract', exit.contract_id, { confirmed: false }, { confirmed: true, exitId: exit.id });
    });
    return contractById(store, exit.contract_id, businessDate(ctx.services.now()));
  },

  'rusun.fine.record': (ctx, input) => {
    const { store } = ctx.services;
    if (!store.get('SELECT 1 AS x FROM rusun_contracts WHERE id = ?', [input.contractId])) throw new AppError('NOT_FOUND', { what: 'Kontrak' });
    const id = ctx.services.newId();
    store.write((tx) => {
      tx.run('INSERT INTO rusun_fine_events (id, contract_id, tariff_code, event_date, note, recorded_by, recorded_at) VALUES (?,?,?,?,?,?,?)', [
        id, input.contractId, input.tariffCode, input.date, input.note, callerOf(ctx).user.id, ctx.services.now().toISOString(),
      ]);
      auditCaller(ctx, tx, 'fine.record', 'rusun_contract', input.contractId, undefined, input);
    });
    return { id };
  },

  'pasar.markets': ({ services }) =>
    services.store.all<MarketRow>('SELECT id, levy_id AS levyId, name, market_class AS marketClass, address FROM markets ORDER BY name'),

  'pasar.market.save': (ctx, input) => {
    const { store } = ctx.services;
    const id = input.id ?? ctx.services.newId();
    store.write((tx) => {
      const before = input.id ? tx.get('SELECT * FROM markets WHERE id = ?', [input.id]) : undefined;
      if (input.id && !before) throw new AppError('NOT_FOUND', { what: 'Pasar' });
      if (input.id) tx.run('UPDATE markets SET levy_id = ?, name = ?, market_class = ?, address = ? WHERE id = ?', [input.levyId, input.name, input.marketClass, input.address, id]);
      else tx.run('INSERT INTO markets (id, levy_id, name, market_class, address, created_at) VALUES (?,?,?,?,?,?)', [id, input.levyId, input.name, input.marketClass, input.address, ctx.services.now().toISOString()]);
      auditCaller(ctx, tx, input.id ? 'market.update' : 'market.create', 'market', id, before, input);
    });
    return { id, levyId: input.levyId, name: input.name, marketClass: input.marketClass, address: input.address };
  },

  'pasar.stall.save': (ctx, input) => {
    const { store } = ctx.services;
    if (!store.get('SELECT 1 AS x FROM markets WHERE id = ?', [input.marketId])) throw new AppError('NOT_FOUND', { what: 'Pasar' });
    const id = input.id ?? ctx.services.newId();
    const area = Math.round(input.areaM2 * 100);
    store.write((tx) => {
      if (tx.get('SELECT 1 AS x FROM stalls WHERE market_id = ? AND code = ? AND id <> ?', [input.marketId, input.code, id])) {
        throw new AppError('DUPLICATE', { what: `Petak ${input.code}` }, { code: 'Kode petak sudah ada di pasar ini' });
      }
      const before = input.id ? tx.get('SELECT * FROM stalls WHERE id = ?', [input.id]) : undefined;
      if (input.id && !before) throw new AppError('NOT_FOUND', { what: 'Petak' });
      if (input.id) tx.run('UPDATE stalls SET market_id = ?, code = ?, type = ?, area_m2x100 = ? WHERE id = ?', [input.marketId, input.code, input.type, area, id]);
      else tx.run('INSERT INTO stalls (id, market_id, code, type, area_m2x100, created_at) VALUES (?,?,?,?,?,?)', [id, input.marketId, input.code, input.type, area, ctx.services.now().toISOString()]);
      auditCaller(ctx, tx, input.id ? 'stall.update' : 'stall.create', 'stall', id, before, input);
    });
    return { id };
  },

  'pasar.permits': ({ services }, input) => {
    const pattern = containsPattern(input.search);
    return permitRows(services.store, "WHERE (?1 IS NULL OR p.name LIKE ?1 ESCAPE '\\' OR sp.idpel LIKE ?1 ESCAPE '\\' OR s.code LIKE ?1 ESCAPE '\\')", [pattern ?? null]);
  },

  'pasar.permit.create': (ctx, input) => {
    const { store } = ctx.services;
    if (input.endDate <= input.startDate) throw new AppError('INVALID_INPUT', { detail: 'tanggal akhir harus sesudah tanggal mulai' }, { endDate: 'Harus sesudah tanggal mulai' });
    const stall = store.get<{ kode: string; cls: string }>(
      'SELECT l.kode, m.market_class AS cls FROM stalls s JOIN markets m ON m.id = s.market_id JOIN levies l ON l.id = m.levy_id WHERE s.id = ?',
      [input.stallId],
    );
    if (!stall) throw new AppError('NOT_FOUND', { what: 'Petak' });
    if (!payerById(store, input.payerId)) throw new AppError('NOT_FOUND', { what: 'Wajib retribusi' });
    const clash = store.get<{ permit_no: string }>('SELECT permit_no FROM stall_permits WHERE stall_id = ? AND start_date <= ? AND end_date >= ?', [input.stallId, input.endDate, input.startDate]);
    if (clash) throw new AppError('CONFLICT', { detail: `Petak masih dipakai dengan izin ${clash.permit_no} pada masa itu.` });
    const id = ctx.services.newId();
    store.write((tx) => {
      const serial = nextSerial(tx, stall.kode);
      const idpel = makeIdpel(stall.kode, serial);
      tx.run('INSERT INTO stall_permits (id, stall_id, payer_id, idpel, permit_no, billing, start_date, end_date, created_at) VALUES (?,?,?,?,?,?,?,?,?)', [
        id, input.stallId, input.payerId, idpel, `SIP/${stall.cls}/${String(serial).padStart(4, '0')}`, input.billing, input.startDate, input.endDate, ctx.services.now().toISOString(),
      ]);
      auditCaller(ctx, tx, 'permit.create', 'stall_permit', id, undefined, { ...input, idpel });
    });
    const row = permitRows(store, 'WHERE sp.id = ?', [id])[0];
    if (!row) throw new AppError('NOT_FOUND', { what: 'Izin' });
    return row;
  },

  'lab.parameter.save': (ctx, input) => {
    const { store } = ctx.services;
    const id = input.id ?? ctx.services.newId();
    store.write((tx) => {
      if (tx.get('SELECT 1 AS x FROM lab_parameters WHERE code = ? AND id <> ?', [input.code, id])) throw new AppError('DUPLICATE', { what: `Parameter ${input.code}` }, { code: 'Kode sudah dipakai' });
      const before = input.id ? tx.get('SELECT * FROM lab_parameters WHERE id = ?', [input.id]) : undefined;
      if (input.id && !before) throw new AppError('NOT_FOUND', { what: 'Parameter' });
      if (input.id) tx.run('UPDATE lab_parameters SET levy_id = ?, code = ?, name = ?, unit = ?, method = ? WHERE id = ?', [input.levyId, input.code, input.name, input.unit, input.method, id]);
      else tx.run('INSERT INTO lab_parameters (id, levy_id, code, name, unit, method, created_at) VALUES (?,?,?,?,?,?,?)', [id, input.levyId, input.code, input.name, input.unit, input.method, ctx.services.now().toISOString()]);
      auditCaller(ctx, tx, input.id ? 'lab_parameter.update' : 'lab_parameter.create', 'lab_parameter', id, before, input);
    });
    return { id };
  },

  'lab.package.save': (ctx, input) => {
    const { store } = ctx.services;
    const id = input.id ?? ctx.services.newId();
    for (const p of input.parameterIds) if (!store.get('SELECT 1 AS x FROM lab_parameters WHERE id = ?', [p])) throw new AppError('NOT_FOUND', { what: `Parameter ${p}` });
    store.write((tx) => {
      if (tx.get('SELECT 1 AS x FROM lab_packages WHERE code = ? AND id <> ?', [input.code, id])) throw new AppError('DUPLICATE', { what: `Paket ${input.code}` }, { code: 'Kode sudah dipakai' });
      const before = input.id ? tx.get('SELECT * FROM lab_packages WHERE id = ?', [input.id]) : undefined;
      if (input.id && !before) throw new AppError('NOT_FOUND', { what: 'Paket' });
      if (input.id) {
        tx.run('UPDATE lab_packages SET levy_id = ?, code = ?, name = ? WHERE id = ?', [input.levyId, input.code, input.name, id]);
        tx.run('DELETE FROM lab_package_items WHERE package_id = ?', [id]);
      } else {
        tx.run('INSERT INTO lab_packages (id, levy_id, code, name, created_at) VALUES (?,?,?,?,?)', [id, input.levyId, input.code, input.name, ctx.services.now().toISOString()]);
      }
      for (const p of new Set(input.parameterIds)) tx.run('INSERT INTO lab_package_items (package_id, parameter_id) VALUES (?,?)', [id, p]);
      auditCaller(ctx, tx, input.id ? 'lab_package.update' : 'lab_package.create', 'lab_package', id, before, input);
    });
    return { id };
  },

  'lab.orders': ({ services }, input) => {
    const pattern = containsPattern(input.search);
    return labOrderRows(services.store, "WHERE (?1 IS NULL OR p.name LIKE ?1 ESCAPE '\\' OR o.order_no LIKE ?1 ESCAPE '\\' OR o.idpel LIKE ?1 ESCAPE '\\')", [pattern ?? null]);
  },

  'lab.order.create': (ctx, input) => {
    const { services } = ctx;
    const { store } = services;
    const levy = store.get<{ id: string; kode: string; name: string }>("SELECT id, kode, name FROM levies WHERE kind = 'air' ORDER BY kode LIMIT 1");
    if (!levy) throw new AppError('NOT_FOUND', { what: 'Retribusi pengujian air' });
    const payer = payerById(store, input.payerId);
    if (!payer) throw new AppError('NOT_FOUND', { what: 'Wajib retribusi' });
    const now = services.now();
    const today = businessDate(now);
    const tariff = tariffBook(store, levy.id);
    const lines: PlannedLine[] = [];
    const samples = input.samples.map((s, i) => {
      const pkg = s.packageId ? store.get<{ id: string; code: string; name: string }>('SELECT id, code, name FROM lab_packages WHERE id = ?', [s.packageId]) : undefined;
      if (s.packageId && !pkg) throw new AppError('NOT_FOUND', { what: 'Paket uji' });
      const inPackage = new Set(pkg ? store.all<{ parameter_id: string }>('SELECT parameter_id FROM lab_package_items WHERE package_id = ?', [pkg.id]).map((r) => r.parameter_id) : []);
      const params = [...new Set(s.parameterIds)].filter((p) => !inPackage.has(p)).map((p) => {
        const row = store.get<{ id: string; code: string; name: string }>('SELECT id, code, name FROM lab_parameters WHERE id = ?', [p]);
        if (!row) throw new AppError('NOT_FOUND', { what: 'Parameter uji' });
        return row;
      });
      if (!pkg && params.length === 0) throw new AppError('INVALID_INPUT', { detail: `sampel ${i + 1} belum memilih paket atau parameter` }, { [`samples.${i}`]: 'Pilih paket atau parameter' });
      if (pkg) {
        const t = tariff(`AIR_PAKET_${pkg.code}`, today);
        if (!t) throw new AppError('CONFLICT', { detail: `Tarif paket ${pkg.code} belum ditetapkan.` });
        lines.push({ kind: 'paket', description: `Sampel ${i + 1}: ${pkg.name}`, tariffId: t.id, quantity: 1, unitPrice: t.amount });
      }
      for (const p of params) {
        const t = tariff(`AIR_PARAM_${p.code}`, today);
        if (!t) throw new AppError('CONFLICT', { detail: `Tarif parameter ${p.code} belum ditetapkan.` });
        lines.push({ kind: 'parameter', description: `Sampel ${i + 1}: uji ${p.name}`, tariffId: t.id, quantity: 1, unitPrice: t.amount });
      }
      return { source: s.source, pkg, params };
    });
    const orderId = services.newId();
    let billId = '';
    store.write((tx) => {
      const serial = nextSerial(tx, levy.kode);
      const idpel = makeIdpel(levy.kode, serial);
      const orderNo = `LAB/${today.slice(0, 4)}/${String(nextNumber(tx, `lab:${services.config.terminalCode}:${today.slice(0, 4)}`)).padStart(4, '0')}-${services.config.terminalCode}`;
      tx.run('INSERT INTO lab_orders (id, levy_id, payer_id, idpel, order_no, received_at, created_by, created_at) VALUES (?,?,?,?,?,?,?,?)', [
        orderId, levy.id, payer.id, idpel, orderNo, now.toISOString(), callerOf(ctx).user.id, now.toISOString(),
      ]);
      samples.forEach((s, i) => {
        const sampleId = services.newId();
        tx.run('INSERT INTO lab_samples (id, order_id, sample_code, source, package_id) VALUES (?,?,?,?,?)', [sampleId, orderId, `${orderNo}-S${i + 1}`, s.source, s.pkg?.id ?? null]);
        for (const p of s.params) tx.run('INSERT INTO lab_sample_parameters (sample_id, parameter_id) VALUES (?,?)', [sampleId, p.id]);
      });
      const { ids } = insertPlannedBills(
        tx,
        [{
          levyId: levy.id, payerId: payer.id, payerName: payer.name, idpel, objectType: 'lab_order', objectId: orderId, objectLabel: `Order ${orderNo}`,
          period: today, issueDate: today, dueDate: addDaysCivil(today, 14), lines, principal: lines.reduce((s, l) => s + l.quantity * l.unitPrice, 0),
        }],
        { runId: null, terminal: services.config.terminalCode, createdAt: now.toISOString(), createdBy: callerOf(ctx).user.id, newId: services.newId },
      );
      billId = ids[0] ?? '';
      auditCaller(ctx, tx, 'lab_order.create', 'lab_order', orderId, undefined, { orderNo, idpel, samples: input.samples.length, billId });
    });
    const order = labOrderRows(store, 'WHERE o.id = ?', [orderId])[0];
    if (!order) throw new AppError('NOT_FOUND', { what: 'Order' });
    const bill = billingHandlers['bill.get'](ctx, { billId });
    return { order, bill: bill as Awaited<typeof bill> };
  },
};
