// The counter screen: the shift strip, the IDPEL box, the cash desk and today's figures.
import { useEffect, useMemo } from 'react';
import type { CounterToday, LevyFigures, RecentPayment } from '../../shared/contract';
import { useLang, useT } from '../i18n';
import { errorText } from '../lib/errors';
import { formatCivilDate, formatDateTime, formatNumber, formatTime, percent } from '../lib/format';
import { channelLabel } from '../lib/labels';
import { Alert, Bar, Button, Card, columnsFor, DataTable, Money, RefreshButton, StatTile } from '../ui';
import { Desk } from './Desk';
import { useDesk } from './deskStore';
import { IdpelForm } from './IdpelSearch';
import { ShiftBar } from './ShiftBar';
import { COUNTER_REFRESH_MS, counterToday, shift } from './store';
import './counter.css';
import './desk.css';

function useRecentColumns() {
  const t = useT();
  const lang = useLang();
  return useMemo(() => {
    const col = columnsFor<RecentPayment>();
    return col.columns([
      col.accessor('paidAt', { header: t('counter.col.time'), cell: (c) => formatDateTime(c.getValue(), lang), meta: { nowrap: true } }),
      col.accessor('receiptNo', { header: t('counter.col.receipt'), cell: (c) => <span className="mono">{c.getValue()}</span> }),
      col.accessor('payerName', { header: t('counter.col.payer') }),
      col.accessor('idpel', { header: t('counter.col.idpel'), cell: (c) => <span className="mono">{c.getValue()}</span> }),
      col.accessor('levyName', { header: t('counter.col.levy') }),
      col.accessor('channel', { header: t('counter.col.channel'), cell: (c) => channelLabel(c.getValue(), lang) }),
      col.accessor('amount', { header: t('counter.col.amount'), cell: (c) => <Money value={c.getValue()} />, meta: { align: 'end' } }),
      col.accessor('clerkName', { header: t('counter.col.clerk'), cell: (c) => c.getValue() ?? t('common.none') }),
    ]);
  }, [t, lang]);
}

function Breakdown({ title, nameHeader, rows, total, testId }: { title: string; nameHeader: string; rows: { key: string; name: string; sub?: string; count: number; total: number }[]; total: number; testId: string }) {
  const t = useT();
  const lang = useLang();
  return (
    <Card title={title} data-testid={testId} flush>
      {rows.length === 0 ? (
        <div className="table-empty">{t('counter.noPaymentsYet')}</div>
      ) : (
        <table className="data" aria-label={title}>
          <thead>
            <tr>
              <th scope="col">{nameHeader}</th>
              <th scope="col" className="num">
                {t('counter.col.count')}
              </th>
              <th scope="col" className="num">
                {t('counter.col.total')}
              </th>
              <th scope="col" style={{ width: '22%' }}>
                {t('counter.col.share')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const pct = percent(r.total, total);
              return (
                <tr key={r.key} data-testid={`${testId}-row`}>
                  <td>
                    <div>{r.name}</div>
                    {r.sub ? <div className="muted mono" style={{ fontSize: 'var(--t-xs)' }}>{r.sub}</div> : null}
                  </td>
                  <td className="num">{formatNumber(r.count, lang)}</td>
                  <td className="num">
                    <Money value={r.total} />
                  </td>
                  <td>
                    <div className="share">
                      <Bar pct={pct} label={`${r.name} ${pct}%`} />
                      <span className="muted">{pct}%</span>
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </Card>
  );
}

function Figures({ today }: { today: CounterToday }) {
  const t = useT();
  const lang = useLang();
  const recentColumns = useRecentColumns();
  const levyRows = today.byLevy.map((l: LevyFigures) => ({ key: l.levyId, name: l.name, sub: l.kode, count: l.count, total: l.total }));
  const channelRows = today.byChannel.map((c) => ({ key: c.channel, name: channelLabel(c.channel, lang), count: c.count, total: c.total }));
  return (
    <>
      <div className="stats">
        <StatTile
          testId="stat-receipts"
          label={t('counter.stat.receipts')}
          value={formatNumber(today.receiptCount, lang)}
          sub={t('counter.stat.receiptsSub')}
        />
        <StatTile testId="stat-total" tone="success" label={t('counter.stat.total')} value={<Money value={today.total} />} sub={formatCivilDate(today.businessDate, lang)} />
        <StatTile
          testId="stat-mine"
          tone="info"
          label={t('counter.stat.mine')}
          value={<Money value={today.mine.total} />}
          sub={t('counter.stat.mineCount', { count: formatNumber(today.mine.count, lang) })}
        />
        <StatTile
          testId="stat-open"
          tone="warning"
          label={t('counter.stat.open')}
          value={<Money value={today.openPrincipal} />}
          sub={t('counter.stat.openSub', { count: formatNumber(today.openBills, lang) })}
        />
        <StatTile
          testId="stat-overdue"
          tone="danger"
          label={t('counter.stat.overdue')}
          value={<Money value={today.overduePrincipal} />}
          sub={t('counter.stat.overdueSub', { count: formatNumber(today.overdueBills, lang) })}
        />
      </div>
      <div className="grid-2">
        <Breakdown title={t('counter.byLevy')} nameHeader={t('counter.col.levy')} rows={levyRows} total={today.total} testId="counter-by-levy" />
        <Breakdown title={t('counter.byChannel')} nameHeader={t('counter.col.channel')} rows={channelRows} total={today.total} testId="counter-by-channel" />
      </div>
      <Card title={t('counter.recent')} flush>
        <DataTable
          testId="counter-recent"
          label={t('counter.recent')}
          columns={recentColumns}
          data={today.recent}
          getRowId={(r) => r.receiptNo}
          pageSize={10}
          filterable
          empty={t('counter.noPaymentsYet')}
          initialSort={[{ id: 'paidAt', desc: true }]}
        />
      </Card>
    </>
  );
}

/** why cash cannot be taken right now, with the way out */
function ShiftNotice() {
  const t = useT();
  const current = shift.use((s) => s.data);
  if (current?.isStale) {
    return (
      <Alert tone="danger" testId="desk-shift-stale">
        {t('desk.shiftStale')}
      </Alert>
    );
  }
  return (
    <Alert
      tone="warning"
      testId="desk-shift-none"
      actions={
        <Button size="sm" variant="secondary" onClick={() => document.getElementById('shift-opening-cash')?.focus()}>
          {t('shift.open')}
        </Button>
      }
    >
      {t('desk.shiftNone')}
    </Alert>
  );
}

export function CounterHome() {
  const t = useT();
  const lang = useLang();
  const today = counterToday.use((s) => s.data);
  const error = counterToday.use((s) => s.error);
  const loading = counterToday.use((s) => s.loading);
  const loadedAt = counterToday.use((s) => s.loadedAt);
  const stage = useDesk((s) => s.stage);

  useEffect(() => {
    void counterToday.load();
    const timer = window.setInterval(() => void counterToday.load(), COUNTER_REFRESH_MS);
    return () => window.clearInterval(timer);
  }, []);

  return (
    <div className="page counter-page" data-testid="counter-home">
      <ShiftBar onClosed={() => void counterToday.load()} />
      <IdpelForm locked={stage === 'paying'} />
      <Desk shiftNotice={<ShiftNotice />} />
      <div className="page-head counter-today-head">
        <div>
          <h2>{t('counter.todayTitle')}</h2>
          <div className="sub">{today ? t('counter.subtitle', { date: formatCivilDate(today.businessDate, lang, true) }) : t('app.loading')}</div>
        </div>
        <span className="spacer" />
        <span className="muted" style={{ fontSize: 'var(--t-xs)' }} title={t('counter.autoRefresh')} data-testid="counter-updated">
          {loadedAt ? t('common.updatedAt', { time: `${formatTime(loadedAt, lang)} WIB` }) : ''}
        </span>
        <RefreshButton size="sm" onClick={() => void counterToday.load()} loading={loading} data-testid="counter-refresh" />
      </div>
      {error ? (
        <Alert tone="danger" title={t('error.title')} testId="counter-error">
          {errorText(error, lang)}
        </Alert>
      ) : null}
      {today ? <Figures today={today} /> : null}
    </div>
  );
}
