// Tunggakan: who is late, by how long (1, 2, 3+ months), with principal and today's fine, and
// the renewal blocklist — its reason in plain sight and, for the admin, a way to lift it with a
// written reason. Prints as an A4 list.
import { useEffect, useMemo, useState } from 'react';
import type { ArrearsRow } from '../../shared/contract';
import { formatRupiah } from '../../shared/money';
import { useLang, useT } from '../i18n';
import { errorText } from '../lib/errors';
import { formatCivilDate, formatDateTime, formatNumber } from '../lib/format';
import { FilterSelect, Segmented, TextAreaField } from '../master/controls';
import { FormModal, useOpForm } from '../master/form';
import { blocks, markets } from '../master/store';
import { useSession } from '../session/store';
import { mayCall } from '../shell/routes';
import { Alert, Badge, Button, Card, columnsFor, DataTable, Money, RefreshButton, StatTile, toast } from '../ui';
import { OpenBillsModal } from './OpenBills';
import { arrears, type ArrearsFilter } from './store';
import './billing.css';

const NONE: ArrearsRow[] = [];
const BUCKETS = ['', '1', '2', '3+'] as const;

export const bucketTone = (b: ArrearsRow['bucket']) => (b === '3+' ? 'danger' : b === '2' ? 'warning' : 'info');

function LiftModal({ row, onClose, onDone }: { row: ArrearsRow | null; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const form = useOpForm('blocklist.lift');
  const [reason, setReason] = useState('');
  const { reset } = form;
  useEffect(() => {
    if (!row) return;
    setReason('');
    reset();
  }, [row, reset]);
  const save = async () => {
    if (!row?.contractId) return;
    const done = await form.submit({ contractId: row.contractId, reason: reason.trim() });
    if (!done) return;
    toast.success(t('arrears.lifted', { name: row.payerName }));
    onDone();
    onClose();
  };
  return (
    <FormModal
      open={row !== null}
      title={row ? t('arrears.liftTitle', { name: row.payerName }) : ''}
      testId="lift-form"
      submitLabel={t('arrears.liftSubmit')}
      busy={form.busy}
      failure={form.failure} errors={form.errors}
      onSubmit={() => void save()}
      onClose={onClose}
    >
      {row?.blocked ? (
        <Alert tone="danger" title={t('arrears.blockedSince', { date: formatCivilDate(row.blocked.since, 'id') })}>
          {row.blocked.reason}
        </Alert>
      ) : null}
      <TextAreaField
        label={t('arrears.liftReason')}
        hint={t('arrears.liftReasonHint', { count: reason.trim().length })}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={form.errors.reason}
        testId="lift-reason"
        maxLength={500}
        rows={4}
        autoFocus
      />
      <p className="form-note">{t('arrears.liftNote')}</p>
    </FormModal>
  );
}

/** the list as it goes onto A4: every row, no buttons */
function PrintReport({ rows, asOf, totals, filterText }: { rows: ArrearsRow[]; asOf: string; totals: { payers: number; principal: number; fine: number }; filterText: string }) {
  const t = useT();
  const lang = useLang();
  const office = useSession((s) => s.info?.officeName ?? '');
  return (
    <div className="print-report" aria-hidden="true" data-testid="arrears-print">
      <style>{'@page { size: A4 portrait; margin: 12mm 10mm 14mm; }'}</style>
      <header className="pr-head">
        <div className="pr-office">{office}</div>
        <h1>{t('arrears.printTitle')}</h1>
        <div>{t('arrears.printAsOf', { date: formatCivilDate(asOf, lang) })}</div>
        <div className="pr-filter">{filterText}</div>
      </header>
      <table className="pr-table">
        <thead>
          <tr>
            <th>{t('arrears.col.no')}</th>
            <th>{t('arrears.col.payer')}</th>
            <th>{t('arrears.col.object')}</th>
            <th className="num">{t('arrears.col.bills')}</th>
            <th className="num">{t('arrears.col.age')}</th>
            <th className="num">{t('arrears.col.principal')}</th>
            <th className="num">{t('arrears.col.fine')}</th>
            <th className="num">{t('arrears.col.total')}</th>
            <th>{t('arrears.col.blocked')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.idpel}>
              <td className="num">{i + 1}</td>
              <td>
                <strong>{r.payerName}</strong>
                <div className="pr-mono">{r.idpel}</div>
                {r.phone ? <div>{r.phone}</div> : null}
              </td>
              <td>
                {r.objectLabel}
                <div>{r.levyName}</div>
              </td>
              <td className="num">{r.openBills}</td>
              <td className="num">{t('arrears.months', { months: r.oldestMonths })}</td>
              <td className="num">{formatRupiah(r.principal)}</td>
              <td className="num">{formatRupiah(r.fine)}</td>
              <td className="num">
                <strong>{formatRupiah(r.total)}</strong>
              </td>
              <td>{r.blocked ? t('arrears.blocked') : ''}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th colSpan={5}>{t('arrears.printTotal', { count: formatNumber(totals.payers, lang) })}</th>
            <td className="num">{formatRupiah(totals.principal)}</td>
            <td className="num">{formatRupiah(totals.fine)}</td>
            <td className="num">
              <strong>{formatRupiah(totals.principal + totals.fine)}</strong>
            </td>
            <td />
          </tr>
        </tfoot>
      </table>
      <footer className="pr-foot">{t('arrears.printedAt', { at: formatDateTime(new Date().toISOString(), lang) })}</footer>
    </div>
  );
}

export function ArrearsScreen() {
  const t = useT();
  const lang = useLang();
  const role = useSession((s) => s.info?.user.role ?? null);
  const canLift = role !== null && mayCall(role, 'blocklist.lift');
  const filter = arrears.use((s) => s.query);
  const data = arrears.use((s) => s.data);
  const error = arrears.use((s) => s.error);
  const loading = arrears.use((s) => s.loading);
  const blockRows = blocks.use((s) => s.data) ?? [];
  const marketRows = markets.use((s) => s.data) ?? [];
  const [lifting, setLifting] = useState<ArrearsRow | null>(null);
  const [billsOf, setBillsOf] = useState<string | null>(null);

  useEffect(() => {
    void arrears.load();
    void blocks.load();
    void markets.load();
  }, []);

  const setFilter = (patch: Partial<ArrearsFilter>) => void arrears.load({ ...arrears.store.getState().query, ...patch });

  const columns = useMemo(() => {
    const col = columnsFor<ArrearsRow>();
    return col.columns([
      col.accessor('payerName', {
        header: t('arrears.col.payer'),
        cell: (c) => (
          <>
            <strong>{c.getValue()}</strong>
            <div className="mono muted small">{c.row.original.idpel}</div>
            {c.row.original.phone ? <div className="muted small">{c.row.original.phone}</div> : null}
          </>
        ),
      }),
      col.accessor('objectLabel', {
        header: t('arrears.col.object'),
        cell: (c) => (
          <>
            <div className="cell-words">{c.getValue()}</div>
            <div className="muted small nowrap">{t(`levyKind.${c.row.original.levyKind}`)}</div>
          </>
        ),
        meta: { width: '10rem' },
      }),
      col.accessor('openBills', { header: t('arrears.col.bills'), cell: (c) => formatNumber(c.getValue(), lang), meta: { align: 'end', width: '4.5rem' } }),
      col.accessor('oldestMonths', {
        header: t('arrears.col.age'),
        cell: (c) => (
          <Badge tone={bucketTone(c.row.original.bucket)} testId="arrears-bucket">
            {t('arrears.months', { months: c.getValue() })}
          </Badge>
        ),
        meta: { align: 'end', width: '5rem' },
      }),
      col.accessor('principal', { header: t('arrears.col.principal'), cell: (c) => <Money value={c.getValue()} />, meta: { align: 'end' } }),
      col.accessor('fine', { header: t('arrears.col.fine'), cell: (c) => <Money value={c.getValue()} />, meta: { align: 'end' } }),
      col.accessor('total', { header: t('arrears.col.total'), cell: (c) => <strong><Money value={c.getValue()} /></strong>, meta: { align: 'end' } }),
      col.accessor((r) => (r.blocked ? 1 : 0), {
        id: 'blocked',
        header: t('arrears.col.blocked'),
        cell: (c) => {
          const b = c.row.original.blocked;
          if (!b) return null;
          return (
            <div className="blocked-cell" data-testid="arrears-blocked">
              <Badge tone="danger" dot>
                {t('arrears.blocked')}
              </Badge>
              <div className="small muted" data-testid="arrears-blocked-reason">
                {b.reason}
              </div>
            </div>
          );
        },
        meta: { width: '15rem' },
      }),
      col.display({
        id: 'actions',
        header: '',
        cell: (c) => (
          <div className="row-actions stacked">
            <Button size="sm" variant="ghost" onClick={() => setBillsOf(c.row.original.idpel)} data-testid="arrears-bills">
              {t('bills.open')}
            </Button>
            {canLift && c.row.original.blocked && c.row.original.contractId ? (
              <Button size="sm" variant="secondary" onClick={() => setLifting(c.row.original)} data-testid="arrears-lift">
                {t('arrears.lift')}
              </Button>
            ) : null}
          </div>
        ),
      }),
    ]);
  }, [t, lang, canLift]);

  const rows = data?.rows ?? NONE;
  const totals = data?.totals ?? { payers: 0, principal: 0, fine: 0 };
  const blockedCount = rows.filter((r) => r.blocked).length;
  const filterText = [
    filter.levyKind ? t(`levyKind.${filter.levyKind}`) : t('arrears.allLevies'),
    filter.blockId ? (blockRows.find((b) => b.id === filter.blockId)?.name ?? '') : '',
    filter.marketId ? (marketRows.find((m) => m.id === filter.marketId)?.name ?? '') : '',
    filter.bucket ? t('arrears.bucketLabel', { bucket: filter.bucket }) : t('arrears.allAges'),
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <div className="page" data-testid="arrears-screen">
      <div className="page-head">
        <div>
          <h1>{t('arrears.title')}</h1>
          <div className="sub">{data ? t('arrears.subtitle', { date: formatCivilDate(data.asOf, lang) }) : t('app.loading')}</div>
        </div>
        <span className="spacer" />
        <RefreshButton onClick={() => void arrears.load()} loading={loading} />
        <Button onClick={() => window.print()} disabled={!data} data-testid="arrears-print-button">
          {t('arrears.print')}
        </Button>
      </div>
      {error ? (
        <Alert tone="danger" title={t('error.title')} testId="arrears-error">
          {errorText(error, lang)}
        </Alert>
      ) : null}
      <div className="stats stats-4">
        <StatTile testId="arrears-payers" tone="warning" label={t('arrears.payers')} value={formatNumber(totals.payers, lang)} sub={t('arrears.blockedCount', { count: formatNumber(blockedCount, lang) })} />
        <StatTile testId="arrears-principal" label={t('arrears.principal')} value={<Money value={totals.principal} />} />
        <StatTile testId="arrears-fine" tone="danger" label={t('arrears.fine')} value={<Money value={totals.fine} />} sub={t('arrears.fineSub')} />
        <StatTile testId="arrears-total" tone="info" label={t('arrears.total')} value={<Money value={totals.principal + totals.fine} />} />
      </div>
      <Card flush>
        <DataTable
          testId="arrears-table"
          label={t('arrears.title')}
          columns={columns}
          data={rows}
          getRowId={(r) => r.idpel}
          busy={loading}
          filterable
          empty={data ? t('arrears.none') : t('app.loading')}
          tools={
            <>
              <FilterSelect
                label={t('arrears.levy')}
                value={filter.levyKind}
                onChange={(v) => setFilter({ levyKind: v as ArrearsFilter['levyKind'], ...(v !== 'rusunawa' ? { blockId: '' } : {}), ...(v !== 'pasar' ? { marketId: '' } : {}) })}
                options={[{ value: '', label: t('arrears.allLevies') }, ...(['rusunawa', 'pasar', 'air'] as const).map((k) => ({ value: k, label: t(`levyKind.${k}`) }))]}
                testId="arrears-levy"
              />
              {filter.levyKind === 'rusunawa' ? (
                <FilterSelect label={t('arrears.block')} value={filter.blockId} onChange={(v) => setFilter({ blockId: v })} options={[{ value: '', label: t('common.all') }, ...blockRows.map((b) => ({ value: b.id, label: b.name }))]} testId="arrears-block" />
              ) : null}
              {filter.levyKind === 'pasar' ? (
                <FilterSelect label={t('arrears.market')} value={filter.marketId} onChange={(v) => setFilter({ marketId: v })} options={[{ value: '', label: t('common.all') }, ...marketRows.map((m) => ({ value: m.id, label: m.name }))]} testId="arrears-market" />
              ) : null}
              <Segmented
                label={t('arrears.age')}
                value={filter.bucket}
                onChange={(v) => setFilter({ bucket: v })}
                options={BUCKETS.map((b) => ({ value: b, label: b === '' ? t('arrears.allAges') : t('arrears.bucketLabel', { bucket: b }) }))}
                testId="arrears-bucket-filter"
              />
            </>
          }
        />
      </Card>
      {data ? <PrintReport rows={rows} asOf={data.asOf} totals={totals} filterText={filterText} /> : null}
      <LiftModal row={lifting} onClose={() => setLifting(null)} onDone={() => void arrears.load()} />
      <OpenBillsModal idpel={billsOf} onClose={() => setBillsOf(null)} />
    </div>
  );
}
