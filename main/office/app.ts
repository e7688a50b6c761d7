// Read-only views of the office for the counter home and the back-office overview.
import type { CounterToday, LabPackageRow, LabParameterRow, LevyRow, OfficeOverview, StallRow, UnitRow } from '../../shared/contract/office';
import { businessDate, businessMonth } from '../../shared/time';
import { callerOf, type HandlersFor } from '../api/context';
import { openBillCondition, receivedPaymentCondition } from '../billing/status';
import { containsPattern } from '../store/like';
import { readMeta } from './meta';
import type { ReadApi } from '../store/types';

const LIVE_PAYMENT = receivedPaymentCondition('p');

/** tariff in force on a date for a levy's tariff code */
export function tariffAmount(db: ReadApi, levyId: string, code: string, onDate: string): number | null {
  return (
    db.get<{ amount: number }>(
      'SELECT amount FROM tariffs WHERE levy_id = ? AND code = ? AND effective_from <= ? ORDER BY effective_from DESC LIMIT 1',
      [levyId, code, onDate],
    )?.amount ?? null
  );
}


export const officeHandlers: HandlersFor<'dashboard.counterToday' | 'office.overview' | 'office.units' | 'office.stalls' | 'office.labCatalog'> = {
  'dashboard.counterToday': (ctx) => {
    const { store } = ctx.services;
    const today = businessDate(ctx.services.now());
    const me = callerOf(ctx).user.id;
    const byLevy = store.all<{ levyId: string; count: number; total: number }>(
      `SELECT b.levy_id AS levyId, count(DISTINCT p.id) AS count, sum(pi.amount) AS total
         FROM payments p JOIN payment_items pi ON pi.payment_id = p.id JOIN bills b ON b.id = pi.bill_id
        WHERE p.business_date = ? AND ${LIVE_PAYMENT}
        GROUP BY b.levy_id`,
      [today],
    );
    // levies with no payment today still appear, with zeroes
    const levies = store.all<{ levyId: string; kode: string; name: string; kind: CounterToday['byLevy'][number]['kind'] }>(
      'SELECT id AS levyId, kode, name, kind FROM levies ORDER BY kode',
    );
    const figures = levies.map((l) => {
      const found = byLevy.find((r) => r.levyId === l.levyId);
      return { ...l, count: found?.count ?? 0, total: found?.total ?? 0 };
    });
    const totals = store.get<{ count: number; total: number }>(
      `SELECT count(*) AS count, coalesce(sum(total), 0) AS total FROM payments p WHERE business_date = ? AND ${LIVE_PAYMENT}`,
      [today],
    ) ?? { count: 0, total: 0 };
    const mine = store.get<{ count: number; total: number }>(
      `SELECT count(*) AS count, coalesce(sum(total), 0) AS total FROM payments p WHERE business_date = ? AND clerk_id = ? AND ${LIVE_PAYMENT}`,
      [today, me],
    ) ?? { count: 0, total: 0 };
    const byChannel = store.all<{ channel: string; count: number; total: number }>(
      `SELECT channel, count(*) AS count, sum(total) AS total FROM payments p WHERE business_date = ? AND ${LIVE_PAYMENT} GROUP BY channel ORDER BY channel`,
      [today],
    );
    const openRow = store.get<{ n: number; s: number; on_: number; os: number }>(
      `SELECT count(*) AS n, coalesce(sum(principal), 0) AS s,
              coalesce(sum(due_date < ?), 0) AS on_, coalesce(sum(CASE WHEN due_date < ? THEN principal ELSE 0 END), 0) AS os
         FROM open_bills b`,
      [today, today],
    );
    const recent = store.all<CounterToday['recent'][number]>(
      `SELECT p.receipt_no AS receiptNo, p.paid_at AS paidAt, py.name AS payerName,
              (SELECT b.idpel FROM payment_items pi JOIN bills b ON b.id = pi.bill_id WHERE pi.payment_id = p.id LIMIT 1) AS idpel,
              (SELECT l.name FROM payment_items pi JOIN bills b ON b.id = pi.bill_id JOIN levies l ON l.id = b.levy_id WHERE pi.payment_id = p.id LIMIT 1) AS levyName,
              p.channel, p.total AS amount, u.full_name AS clerkName
         FROM payments p JOIN payers py ON py.id = p.payer_id LEFT JOIN users u ON u.id = p.clerk_id
        WHERE p.business_date = ? AND ${LIVE_PAYMENT}
        ORDER BY p.paid_at DESC LIMIT 15`,
      [today],
    );
    return {
      businessDate: today,
      receiptCount: totals.count,
      total: totals.total,
      byLevy: figures,
      byChannel,
      mine,
      openBills: openRow?.n ?? 0,
      openPrincipal: openRow?.s ?? 0,
      overdueBills: openRow?.on_ ?? 0,
      overduePrincipal: openRow?.os ?? 0,
      recent,
    };
  },

  'office.overview': ({ services }) => {
    const { store } = services;
    const month = businessMonth(services.now());
    const levies = store.all<LevyRow>(
      `SELECT l.id, l.kode, l.name, l.owner_agency AS ownerAgency, l.kind,
              l.interest_rate_bp AS interestRateBp, l.interest_cap_months AS interestCapMonths,
              CASE l.kind
                WHEN 'rusunawa' THEN (SELECT count(*) FROM rusun_units u JOIN rusun_blocks k ON k.id = u.block_id WHERE k.levy_id = l.id)
                WHEN 'pasar' THEN (SELECT count(*) FROM stalls s JOIN markets m ON m.id = s.market_id WHERE m.levy_id = l.id)
                ELSE (SELECT count(*) FROM lab_parameters lp WHERE lp.levy_id = l.id) END AS objects,
              (SELECT count(*) FROM open_bills b WHERE b.levy_id = l.id) AS openBills,
              (SELECT coalesce(sum(b.principal), 0) FROM open_bills b WHERE b.levy_id = l.id) AS openPrincipal
         FROM levies l ORDER BY l.kode`,
    );
    const today = businessDate(services.now());
    const blocks = store.all<OfficeOverview['blocks'][number]>(
      `SELECT k.id, k.name, k.floors,
              (SELECT count(*) FROM rusun_units u WHERE u.block_id = k.id) AS units,
              (SELECT count(DISTINCT u.id) FROM rusun_units u JOIN rusun_contracts c ON c.unit_id = u.id
                WHERE u.block_id = k.id AND c.start_date <= ? AND c.end_date >= ?
                  AND NOT EXISTS (SELECT 1 FROM rusun_exits x WHERE x.contract_id = c.id AND x.confirmed_at IS NOT NULL AND x.exit_date <= ?)) AS occupied
         FROM rusun_blocks k ORDER BY k.name`,
      [today, today, today],
    );
    const markets = store.all<OfficeOverview['markets'][number]>(
      `SELECT m.id, m.name, m.market_class AS marketClass,
              (SELECT count(*) FROM stalls s WHERE s.market_id = m.id AND s.type = 'kios') AS kios,
              (SELECT count(*) FROM stalls s WHERE s.market_id = m.id AND s.type = 'los') AS los,
              (SELECT count(*) FROM stalls s WHERE s.market_id = m.id AND s.type = 'lapak') AS lapak,
              (SELECT count(DISTINCT s.id) FROM stalls s JOIN stall_permits sp ON sp.stall_id = s.id
                WHERE s.market_id = m.id AND sp.start_date <= ? AND sp.end_date >= ?) AS permitted
         FROM markets m ORDER BY m.name`,
      [today, today],
    );
    const lab = {
      parameters: store.get<{ n: number }>('SELECT count(*) AS n FROM lab_parameters')?.n ?? 0,
      packages: store.get<{ n: number }>('SELECT count(*) AS n FROM lab_packages')?.n ?? 0,
      ordersThisMonth: store.get<{ n: number }>('SELECT count(*) AS n FROM lab_orders WHERE substr(received_at, 1, 7) = ?', [month])?.n ?? 0,
    };
    return { officeName: readMeta(store, 'office_name'), officeAddress: readMeta(store, 'office_address'), levies, blocks, markets, lab };
  },

  'office.units': ({ services }, input) => {
    const { store } = services;
    const today = businessDate(services.now());
    const pattern = containsPattern(input.search);
    const base = `FROM rusun_units u JOIN rusun_blocks k ON k.id = u.block_id
      LEFT JOIN rusun_contracts c ON c.unit_id = u.id AND c.start_date <= ?1 AND c.end_date >= ?1
        AND NOT EXISTS (SELECT 1 FROM rusun_exits x WHERE x.contract_id = c.id AND x.confirmed_at IS NOT NULL AND x.exit_date <= ?1)
      LEFT JOIN payers py ON py.id = c.payer_id
      WHERE (?2 IS NULL OR u.number LIKE ?2 ESCAPE '\\' OR py.name LIKE ?2 ESCAPE '\\' OR c.idpel LIKE ?2 ESCAPE '\\' OR k.name LIKE ?2 ESCAPE '\\')`;
    const rows = store.all<UnitRow>(
      `SELECT u.id, k.name AS blockName, u.floor, u.number, py.name AS penghuniName, c.idpel, c.end_date AS contractEnd,
              (SELECT count(*) FROM bills b WHERE b.object_type = 'rusun_contract' AND b.object_id = c.id AND ${openBillCondition('b')}) AS openBills,
              (SELECT coalesce(sum(b.principal), 0) FROM bills b WHERE b.object_type = 'rusun_contract' AND b.object_id = c.id AND ${openBillCondition('b')}) AS openPrincipal
       ${base} ORDER BY k.name, u.floor, u.number LIMIT ?3 OFFSET ?4`,
      [today, pattern, input.limit, input.offset],
    );
    const total = store.get<{ n: number }>(`SELECT count(*) AS n ${base}`, [today, pattern])?.n ?? 0;
    return { rows, total };
  },

  'office.stalls': ({ services }, input) => {
    const { store } = services;
    const today = businessDate(services.now());
    const pattern = containsPattern(input.search);
    const base = `FROM stalls s JOIN markets m ON m.id = s.market_id
      LEFT JOIN stall_permits sp ON sp.stall_id = s.id AND sp.start_date <= ?1 AND sp.end_date >= ?1
      LEFT JOIN payers py ON py.id = sp.payer_id
      WHERE (?2 IS NULL OR s.code LIKE ?2 ESCAPE '\\' OR py.name LIKE ?2 ESCAPE '\\' OR sp.idpel LIKE ?2 ESCAPE '\\' OR m.name LIKE ?2 ESCAPE '\\')`;
    const rows = store.all<StallRow & { area: number }>(
      `SELECT s.id, m.name AS marketName, s.code, s.type, s.area_m2x100 AS area, py.name AS pedagangName, sp.idpel, sp.billing,
              (SELECT count(*) FROM bills b WHERE b.object_type = 'stall_permit' AND b.object_id = sp.id AND ${openBillCondition('b')}) AS openBills,
              (SELECT coalesce(sum(b.principal), 0) FROM bills b WHERE b.object_type = 'stall_permit' AND b.object_id = sp.id AND ${openBillCondition('b')}) AS openPrincipal
       ${base} ORDER BY m.name, s.type, s.code LIMIT ?3 OFFSET ?4`,
      [today, pattern, input.limit, input.offset],
    );
    const total = store.get<{ n: number }>(`SELECT count(*) AS n ${base}`, [today, pattern])?.n ?? 0;
    return { rows: rows.map(({ area, ...r }) => ({ ...r, areaM2: area / 100 })), total };
  },

  'office.labCatalog': ({ services }) => {
    const { store } = services;
    const today = businessDate(services.now());
    const params = store.all<Omit<LabParameterRow, 'tariff'> & { levyId: string }>(
      'SELECT id, code, name, unit, method, levy_id AS levyId FROM lab_parameters ORDER BY code',
    );
    const parameters = params.map(({ levyId, ...p }) => ({ ...p, tariff: tariffAmount(store, levyId, `AIR_PARAM_${p.code}`, today) ?? 0 }));
    const byId = new Map(parameters.map((p) => [p.id, p]));
    const packages = store
      .all<{ id: string; code: string; name: string; levyId: string }>('SELECT id, code, name, levy_id AS levyId FROM lab_packages ORDER BY code')
      .map((pk): LabPackageRow => {
        const items = store.all<{ parameter_id: string }>('SELECT parameter_id FROM lab_package_items WHERE package_id = ?', [pk.id]);
        const members = items.map((i) => byId.get(i.parameter_id)).filter((p): p is NonNullable<typeof p> => p !== undefined);
        return {
          id: pk.id,
          code: pk.code,
          name: pk.name,
          parameterCodes: members.map((m) => m.code),
          tariff: tariffAmount(store, pk.levyId, `AIR_PAKET_${pk.code}`, today) ?? 0,
          sumOfParameters: members.reduce((s, m) => s + m.tariff, 0),
        };
      });
    return { parameters, packages };
  },
};
