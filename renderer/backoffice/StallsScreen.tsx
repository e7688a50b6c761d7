import { useMemo } from 'react';
import type { StallRow } from '../../shared/contract';
import { useLang, useT } from '../i18n';
import { errorText } from '../lib/errors';
import { formatNumber } from '../lib/format';
import { Alert, Badge, Button, Card, columnsFor, DataTable, Money } from '../ui';
import { useServerList } from './serverList';
import { stalls } from './store';

function useColumns() {
  const t = useT();
  const lang = useLang();
  return useMemo(() => {
    const col = columnsFor<StallRow>();
    return col.columns([
      col.accessor('marketName', { header: t('stalls.col.market') }),
      col.accessor('code', { header: t('stalls.col.code'), cell: (c) => <strong className="mono">{c.getValue()}</strong> }),
      col.accessor('type', { header: t('stalls.col.type'), cell: (c) => <Badge tone="primary">{t(`stalls.type.${c.getValue()}`)}</Badge> }),
      col.accessor('areaM2', { header: t('stalls.col.area'), cell: (c) => formatNumber(c.getValue(), lang, Number.isInteger(c.getValue()) ? 0 : 1), meta: { align: 'end' } }),
      col.accessor('pedagangName', { header: t('stalls.col.pedagang'), cell: (c) => c.getValue() ?? <Badge>{t('stalls.vacant')}</Badge> }),
      col.accessor('idpel', { header: t('stalls.col.idpel'), cell: (c) => <span className="mono">{c.getValue() ?? t('common.none')}</span> }),
      col.accessor('billing', { header: t('stalls.col.billing'), cell: (c) => (c.getValue() ? t(`stalls.billing.${c.getValue() as 'harian' | 'bulanan'}`) : t('common.none')) }),
      col.accessor('openBills', {
        header: t('stalls.col.openBills'),
        cell: (c) => (c.getValue() > 0 ? <Badge tone="warning">{formatNumber(c.getValue(), lang)}</Badge> : formatNumber(0, lang)),
        meta: { align: 'end' },
      }),
      col.accessor('openPrincipal', { header: t('stalls.col.openPrincipal'), cell: (c) => <Money value={c.getValue()} />, meta: { align: 'end' } }),
    ]);
  }, [t, lang]);
}

export function StallsScreen() {
  const t = useT();
  const lang = useLang();
  const columns = useColumns();
  const list = useServerList(stalls);
  return (
    <div className="page" data-testid="stalls-screen">
      <div className="page-head">
        <h1>{t('stalls.title')}</h1>
        <span className="spacer" />
        <Button variant="secondary" onClick={list.reload} busy={list.loading}>
          {list.loading ? t('common.refreshing') : t('common.refresh')}
        </Button>
      </div>
      {list.error ? (
        <Alert tone="danger" title={t('error.title')} testId="stalls-error">
          {errorText(list.error, lang)}
        </Alert>
      ) : null}
      <Card flush>
        <DataTable
          testId="stalls-table"
          label={t('stalls.title')}
          columns={columns}
          data={list.rows}
          getRowId={(r) => r.id}
          server={list.paging}
          busy={list.loading}
          empty={list.hasData ? t('table.empty') : t('app.loading')}
          tools={
            <input
              className="input search-input"
              type="search"
              value={list.search}
              onChange={(e) => list.setSearch(e.target.value)}
              placeholder={t('stalls.search')}
              aria-label={t('stalls.search')}
              maxLength={64}
              data-testid="stalls-search"
            />
          }
        />
      </Card>
    </div>
  );
}
