import { useMemo } from 'react';
import type { UnitRow } from '../../shared/contract';
import { useLang, useT } from '../i18n';
import { errorText } from '../lib/errors';
import { formatCivilDate, formatNumber } from '../lib/format';
import { Alert, Badge, Button, Card, columnsFor, DataTable, Money } from '../ui';
import { useServerList } from './serverList';
import { units } from './store';

function useColumns() {
  const t = useT();
  const lang = useLang();
  return useMemo(() => {
    const col = columnsFor<UnitRow>();
    return col.columns([
      col.accessor('blockName', { header: t('units.col.block') }),
      col.accessor('floor', { header: t('units.col.floor'), meta: { align: 'end' } }),
      col.accessor('number', { header: t('units.col.number'), cell: (c) => <strong>{c.getValue()}</strong> }),
      col.accessor('penghuniName', { header: t('units.col.penghuni'), cell: (c) => c.getValue() ?? <Badge>{t('units.vacant')}</Badge> }),
      col.accessor('idpel', { header: t('units.col.idpel'), cell: (c) => <span className="mono">{c.getValue() ?? t('common.none')}</span> }),
      col.accessor('contractEnd', { header: t('units.col.contractEnd'), cell: (c) => (c.getValue() ? formatCivilDate(c.getValue() as string, lang) : t('common.none')), meta: { nowrap: true } }),
      col.accessor('openBills', {
        header: t('units.col.openBills'),
        cell: (c) => (c.getValue() > 0 ? <Badge tone="warning">{formatNumber(c.getValue(), lang)}</Badge> : formatNumber(0, lang)),
        meta: { align: 'end' },
      }),
      col.accessor('openPrincipal', { header: t('units.col.openPrincipal'), cell: (c) => <Money value={c.getValue()} />, meta: { align: 'end' } }),
    ]);
  }, [t, lang]);
}

export function UnitsScreen() {
  const t = useT();
  const lang = useLang();
  const columns = useColumns();
  const list = useServerList(units);
  return (
    <div className="page" data-testid="units-screen">
      <div className="page-head">
        <h1>{t('units.title')}</h1>
        <span className="spacer" />
        <Button variant="secondary" onClick={list.reload} busy={list.loading}>
          {list.loading ? t('common.refreshing') : t('common.refresh')}
        </Button>
      </div>
      {list.error ? (
        <Alert tone="danger" title={t('error.title')} testId="units-error">
          {errorText(list.error, lang)}
        </Alert>
      ) : null}
      <Card flush>
        <DataTable
          testId="units-table"
          label={t('units.title')}
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
              placeholder={t('units.search')}
              aria-label={t('units.search')}
              maxLength={64}
              data-testid="units-search"
            />
          }
        />
      </Card>
    </div>
  );
}
