// Operations of billing: bill runs, bill detail (SKRD/STRD), inquiry, search, arrears, blocklist.
import { AppError } from '../../shared/errors';
import { businessDate } from '../../shared/time';
import { amountDue } from '../../shared/fines';
import type { BillDetail, RunResult } from '../../shared/contract/billing';
import { appendAudit } from '../audit/audit';
import { callerOf, type HandlersFor } from '../api/context';
import { planRun, previewOf, insertPlannedBills } from './runs';
import { inquire } from './inquiry';
import { blockOf, listArrears } from './arrears';
import { linesOf, ruleOf, type LevyRuleRow } from './due';
import { billState, openBillCondition } from './status';
import { objectLabelOf } from './objects';
import { readMeta } from '../office/meta';

const running = new Set<string>();

export const billingHandlers: HandlersFor<
  'billing.preview' | 'billing.run' | 'billing.runs' | 'bill.get' | 'inquiry.idpel' | 'inquiry.search' | 'arrears.list' | 'blocklist.lift'
> = {
  'billing.preview': ({ services }, input) => previewOf(planRun(services.store, input.kind, input.period)),

  'billing.run': (ctx, input) => {
    const { services } = ctx;
    const caller = callerOf(ctx);
    const key = `${input.kind}|${input.period}`;
    if (running.has(key)) throw new AppError('RUN_BUSY', { kind: input.kind, period: input.period });
    running.add(key);
    try {
      const plan = planRun(services.store, input.kind, input.period);
      const now = services.now();
      const runId = services.newId();
      return services.store.write((tx): RunResult => {
        const { created, alreadyThere } = insertPlannedBills(tx, plan.bills, {
          runId,
          terminal: services.config.terminalCode,
          createdAt: now.toISOString(),
          createdBy: caller.user.id,
          newId: services.newId,
        });
        const result: RunResult = {
          runId,
          kind: plan.kind,
          period: plan.period,
          created: created.length,
          total: created.reduce((s, b) => s + b.principal, 0),
          existing: plan.existing + alreadyThere,
          skipped: plan.skipped.length,
        };
        tx.run('INSERT INTO bill_runs (id, kind, period, created, total, existing, skipped, at, by_user) VALUES (?,?,?,?,?,?,?,?,?)', [
          runId,
          result.kind,
          result.period,
          result.created,
          result.total,
          result.existing,
          result.skipped,
          now.toISOString(),
          caller.user.id,
        ]);
        appendAudit(tx, {
          id: services.newId(),
          at: now,
          actorId: caller.user.id,
          actorName: caller.user.fullName,
          action: 'billing.run',
          entity: 'bill_run',
          entityId: runId,
          after: result,
        });
        return result;
      });
    } finally {
      running.delete(key);
    }
  },

  'billing.runs': ({ services }) => ({
    runs: services.store.all<RunResult & { at: string; byName: string }>(
      `SELECT r.id AS runId, r.kind, r.period, r.created, r.total, r.existing, r.skipped, r.at, coalesce(u.full_name, '-') AS byName
         FROM bill_runs r LEFT JOIN users u ON u.id = r.by_user ORDER BY r.at DESC LIMIT 100`,
    ),
  }),

  'bill.get': ({ services }, input) => {
    const { store } = services;
    const row = store.get<
      LevyRuleRow & {
        id: string; skrd_no: string; idpel: string; kode: string; levy_name: string; owner_agency: string; payer_name: string;
        payer_address: string | null; object_type: string; object_id: string; period: string; issue_date: string; due_date: string; principal: number;
      }
    >(
      `SELECT b.id, b.skrd_no, b.idpel, l.kode, l.name AS levy_name, l.owner_agency, p.name AS payer_name, p.address AS payer_address,
              b.object_type, b.object_id, b.period, b.issue_date, b.due_date, b.principal,
              l.interest_rate_bp, l.interest_cap_months, l.interest_rounding
         FROM bills b JOIN levies l ON l.id = b.levy_id JOIN payers p ON p.id = b.payer_id WHERE b.id = ?`,
      [input.billId],
    );
    if (!row) throw new AppError('NOT_FOUND', { what: 'Tagihan' });
    const asOf = businessDate(services.now());
    const status = billState(store, row.id);
    const due = amountDue({ principal: row.principal, dueDate: row.due_date }, asOf, ruleOf(row));
    const label = objectLabelOf(store, row.object_type, row.object_id);
    const detail: BillDetail = {
      billId: row.id,
      skrdNo: row.skrd_no,
      idpel: row.idpel,
      levyKode: row.kode,
      levyName: row.levy_name,
      ownerAgency: row.owner_agency,
      payerName: row.payer_name,
      payerAddress: row.payer_address,
      objectLabel: label,
      period: row.period,
      issueDate: row.issue_date,
      dueDate: row.due_date,
      status,
      lines: linesOf(store, row.id),
      principal: row.principal,
      due: status === 'belum_bayar'
        ? { asOf, fineMonths: due.months, fine: due.fine, total: due.total, interestRateBp: row.interest_rate_bp }
        : { asOf, fineMonths: 0, fine: 0, total: 0, interestRateBp: row.interest_rate_bp },
      payments: store.all<{ receiptNo: string; paidAt: string; amount: number; fine: number; voided: number }>(
        `SELECT p.receipt_no AS receiptNo, p.paid_at AS paidAt, i.amount, i.fine,
                EXISTS (SELECT 1 FROM payment_voids v WHERE v.payment_id = p.id) AS voided
           FROM payment_items i JOIN payments p ON p.id = i.payment_id WHERE i.bill_id = ? ORDER BY p.paid_at`,
        [row.id],
      ).map((p) => ({ ...p, voided: p.voided === 1 })),
      officeName: readMeta(store, 'office_name'),
      officeAddress: readMeta(store, 'office_address'),
    };
    return detail;
  },

  'inquiry.idpel': ({ services }, input) => inquire(services.store, input.idpel, businessDate(services.now())),

  'inquiry.search': ({ services }, input) => {
    const { store } = services;
    const entries = services.search.search(store, input.query, input.limit);
    return {
      hits: entries.map((e) => {
        const open = store.get<{ n: number; s: number }>(
          'SELECT count(*) AS n, coalesce(sum(o.principal), 0) AS s FROM open_bills o WHERE o.idpel = ?',
          [e.idpel],
        );
        return {
          idpel: e.idpel,
          payerName: e.payerName,
          nik: e.nik,
          objectLabel: e.objectLabel,
          levyName: e.levyName,
          levyKind: e.levyKind,
          openBills: open?.n ?? 0,
          openPrincipal: open?.s ?? 0,
        };
      }),
    };
  },

  'arrears.list': ({ services }, input) => {
    const asOf = businessDate(services.now());
    const rows = listArrears(services.store, asOf, input);
    return {
      rows,
      asOf,
      totals: { payers: rows.length, principal: rows.reduce((s, r) => s + r.principal, 0), fine: rows.reduce((s, r) => s + r.fine, 0) },
    };
  },

  'blocklist.lift': (ctx, input) => {
    const { services } = ctx;
    const caller = callerOf(ctx);
    const asOf = businessDate(services.now());
    const block = blockOf(services.store, input.contractId, asOf);
    if (!block) throw new AppError('CONFLICT', { detail: 'Penghuni ini tidak sedang diblokir.' });
    const overdue = services.store.get<{ n: number }>(
      `SELECT count(*) AS n FROM bills b WHERE b.object_type = 'rusun_contract' AND b.object_id = ? AND b.due_date < ? AND ${openBillCondition('b')}`,
      [input.contractId, asOf],
    )?.n ?? 0;
    const now = services.now();
    const id = services.newId();
    services.store.write((tx) => {
      tx.run('INSERT INTO blocklist_overrides (id, contract_id, reason, open_bills_at_lift, by_user, at) VALUES (?,?,?,?,?,?)', [
        id, input.contractId, input.reason, overdue, caller.user.id, now.toISOString(),
      ]);
      appendAudit(tx, {
        id: services.newId(),
        at: now,
        actorId: caller.user.id,
        actorName: caller.user.fullName,
        action: 'blocklist.lift',
        entity: 'rusun_contract',
        entityId: input.contractId,
        before: { blocked: block },
        after: { blocked: null, reason: input.reason, openBillsAtLift: overdue },
      });
    });
    return { ok: true };
  },
};
