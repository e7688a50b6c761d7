import { lazy, Suspense, useEffect, useMemo } from 'react';
import type { LevyRow, OfficeOverview } from '../../shared/contract';
import { useLang, useT } from '../i18n';
import { errorText } from '../lib/errors';
import { formatBasisPoints, formatNumber, percent } from '../lib/format';
import { levyKindLabel } from '../lib/labels';
import { Alert, Badge, Bar, Card, columnsFor, DataTable, Money, RefreshButton } from '../ui';
import { overview } from './store';
import './backoffice.css';

// the chart library is the biggest piece of the bundle: load it only when the overview opens
const OpenPrincipalChart = lazy(() => import('./OpenPrincipalChart').then((m) => ({ default: m.OpenPrincipalChart })));

function useLevyColumns() {
  const t = useT();
  const lang = useLang();
  return useMemo(() => {
    const col = columnsFor<LevyRow>();
    return col.columns([
      col.accessor('name', {
        header: t('overview.col.name'),
        cell: (c) => (
          <>
            <div>{c.getValue()}</div>
            <div className="mono muted" style={{ fontSize: 'var(--t-xs)' }} title={t('overview.col.kode')}>
              {c.row.original.kode}
            </div>
          </>
        ),
      }),
      col.accessor('ownerAgency', { header: t('overview.col.agency') }),
      col.accessor('kind', { header: t('overview.col.kind'), cell: (c) => <Badge tone="primary">{levyKindLabel(c.getValue(), lang)}</Badge> }),
      col.accessor('interestRateBp', {
        header: t('overview.col.interest'),
        cell: (c) => t('overview.col.interestValue', { rate: formatBasisPoints(c.getValue(), lang), months: c.row.original.interestCapMonths }),
        meta: { nowrap: true },
      }),
      col.accessor('objects', { header: t('overview.col.objects'), cell: (c) => formatNumber(c.getValue(), lang), meta: { align: 'end' } }),
      col.accessor('openBills', { header: t('overview.col.openBills'), cell: (c) => formatNumber(c.getValue(), lang), meta: { align: 'end' } }),
      col.accessor('openPrincipal', { header: t('overview.col.openPrincipal'), cell: (c) => <Money value={c.getValue()} />, meta: { align: 'end' } }),
    ]);
  }, [t, lang]);
}

function Blocks({ blocks }: { blocks: OfficeOverview['blocks'] }) {
  const t = useT();
  const lang = useLang();
  return (
    <Card title={t('overview.blocks')} data-testid="overview-blocks">
      {blocks.length === 0 ? (
        <p className="muted">{t('overview.noBlocks')}</p>
      ) : (
        <ul className="plain-list">
          {blocks.map((b) => {
            const pct = percent(b.occupied, b.units);
            return (
              <li key={b.id} data-testid="overview-block">
                <div className="row">
                  <strong>{b.name}</strong>
                  <span className="muted">{t('overview.blockLine', { floors: b.floors, units: formatNumber(b.units, lang) })}</span>
                  <span className="spacer" />
                  <span className="muted" style={{ fontSize: 'var(--t-xs)' }}>
                    {t('overview.occupancy', { occupied: formatNumber(b.occupied, lang), units: formatNumber(b.units, lang), pct })}
                  </span>
                </div>
                <Bar pct={pct} tone={pct >= 90 ? 'success' : pct < 60 ? 'warning' : 'primary'} label={`${b.name} ${pct}%`} />
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}

function Markets({ markets }: { markets: OfficeOverview['markets'] }) {
  const t = useT();
  const lang = useLang();
  return (
    <Card title={t('overview.markets')} data-testid="overview-markets">
      {markets.length === 0 ? (
        <p className="muted">{t('overview.noMarkets')}</p>
      ) : (
        <ul className="plain-list">
          {markets.map((m) => {
            const total = m.kios + m.los + m.lapak;
            return (
              <li key={m.id} data-testid="overview-market">
                <div className="row">
                  <strong>{m.name}</strong>
                  <Badge>{t('overview.marketClass', { class: m.marketClass })}</Badge>
                  <span className="spacer" />
                  <span className="muted" style={{ fontSize: 'var(--t-xs)' }}>
                    {t('overview.permittedLine', { permitted: formatNumber(m.permitted, lang), total: formatNumber(total, lang) })}
                  </span>
                </div>
                <div className="stall-counts">
                  <span>
                    <b>{formatNumber(m.kios, lang)}</b> {t('overview.kios')}
                  </span>
                  <span>
                    <b>{formatNumber(m.los, lang)}</b> {t('overview.los')}
                  </span>
                  <span>
                    <b>{formatNumber(m.lapak, lang)}</b> {t('overview.lapak')}
                  </span>
                </div>
                <Bar pct={percent(m.permitted, total)} label={`${m.name} ${t('overview.permitted')}`} />
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}

function Lab({ lab }: { lab: OfficeOverview['lab'] }) {
  const t = useT();
  const lang = useLang();
  return (
    <Card title={t('overview.lab')} data-testid="overview-lab" className="fill">
      <div className="figures vertical">
        <div className="figure">
          <div className="fv">{formatNumber(lab.parameters, lang)}</div>
          <div className="fl">{t('overview.labParameters')}</div>
        </div>
        <div className="figure">
          <div className="fv">{formatNumber(lab.packages, lang)}</div>
          <div className="fl">{t('overview.labPackages')}</div>
        </div>
        <div className="figure">
          <div className="fv">{formatNumber(lab.ordersThisMonth, lang)}</div>
          <div className="fl">{t('overview.labOrders')}</div>
        </div>
      </div>
    </Card>
  );
}

export function OverviewScreen() {
  const t = useT();
  const lang = useLang();
  const data = overview.use((s) => s.data);
  const error = overview.use((s) => s.error);
  const loading = overview.use((s) => s.loading);
  const columns = useLevyColumns();

  useEffect(() => {
    void overview.load();
  }, []);

  return (
    <div className="page" data-testid="overview-screen">
      <div className="page-head">
        <div>
          <h1>{data?.officeName ?? t('overview.title')}</h1>
          {data ? <div className="sub">{data.officeAddress}</div> : null}
        </div>
        <span className="spacer" />
        <RefreshButton onClick={() => void overview.load()} loading={loading} data-testid="overview-refresh" />
      </div>
      {error ? (
        <Alert tone="danger" title={t('error.title')} testId="overview-error">
          {errorText(error, lang)}
        </Alert>
      ) : null}
      {data ? (
        <>
          <Card title={t('overview.levies')} flush>
            <DataTable testId="overview-levies" label={t('overview.levies')} columns={columns} data={data.levies} getRowId={(r) => r.id} />
          </Card>
          <div className="overview-grid">
            <Card title={t('overview.chart')}>
              <Suspense fallback={<div className="skeleton">{t('app.loading')}</div>}>
                <OpenPrincipalChart levies={data.levies} />
              </Suspense>
            </Card>
            <Lab lab={data.lab} />
          </div>
          <div className="grid-2">
            <Blocks blocks={data.blocks} />
            <Markets markets={data.markets} />
          </div>
        </>
      ) : null}
    </div>
  );
}
