import { useEffect, useMemo, useState } from 'react';
import type { LabPackageRow, LabParameterRow } from '../../shared/contract';
import { formatRupiah } from '../../shared/money';
import { useLang, useT } from '../i18n';
import { errorText } from '../lib/errors';
import { percent } from '../lib/format';
import { Alert, Badge, Button, Card, columnsFor, DataTable, Money, Tabs } from '../ui';
import { labCatalog } from './store';

type Tab = 'parameters' | 'packages';

function useParameterColumns() {
  const t = useT();
  return useMemo(() => {
    const col = columnsFor<LabParameterRow>();
    return col.columns([
      col.accessor('code', { header: t('lab.col.code'), cell: (c) => <span className="mono">{c.getValue()}</span>, meta: { nowrap: true } }),
      col.accessor('name', { header: t('lab.col.name') }),
      col.accessor('unit', { header: t('lab.col.unit') }),
      col.accessor('method', { header: t('lab.col.method') }),
      col.accessor('tariff', { header: t('lab.col.tariff'), cell: (c) => <Money value={c.getValue()} />, meta: { align: 'end' } }),
    ]);
  }, [t]);
}

function usePackageColumns(parameters: LabParameterRow[]) {
  const t = useT();
  const names = useMemo(() => new Map(parameters.map((p) => [p.code, p.name])), [parameters]);
  return useMemo(() => {
    const col = columnsFor<LabPackageRow>();
    return col.columns([
      col.accessor('code', { header: t('lab.col.code'), cell: (c) => <span className="mono">{c.getValue()}</span>, meta: { nowrap: true } }),
      col.accessor('name', { header: t('lab.col.name'), cell: (c) => <strong>{c.getValue()}</strong> }),
      col.accessor((r) => r.parameterCodes.join(' '), {
        id: 'parameters',
        header: t('lab.col.parameters'),
        enableSorting: false,
        cell: (c) => (
          <div className="chips">
            {c.row.original.parameterCodes.map((code) => (
              <span key={code} className="chip" title={names.get(code) ?? code}>
                {names.get(code) ?? code}
              </span>
            ))}
          </div>
        ),
      }),
      col.accessor('tariff', { header: t('lab.col.tariff'), cell: (c) => <Money value={c.getValue()} />, meta: { align: 'end' } }),
      col.accessor('sumOfParameters', { header: t('lab.col.sum'), cell: (c) => <Money value={c.getValue()} />, meta: { align: 'end' } }),
      col.accessor((r) => r.sumOfParameters - r.tariff, {
        id: 'saving',
        header: t('lab.col.saving'),
        meta: { align: 'end' },
        cell: (c) => {
          const saving = c.getValue();
          if (saving <= 0) return <Badge tone="warning">{t('lab.noSaving')}</Badge>;
          return (
            <span className="nowrap" style={{ color: 'var(--c-success)', fontWeight: 600 }}>
              {t('lab.savingValue', { amount: formatRupiah(saving), pct: percent(saving, c.row.original.sumOfParameters) })}
            </span>
          );
        },
      }),
    ]);
  }, [t, names]);
}

const NO_PARAMETERS: LabParameterRow[] = [];
const NO_PACKAGES: LabPackageRow[] = [];

export function LabCatalogScreen() {
  const t = useT();
  const lang = useLang();
  const data = labCatalog.use((s) => s.data);
  const error = labCatalog.use((s) => s.error);
  const loading = labCatalog.use((s) => s.loading);
  const [tab, setTab] = useState<Tab>('parameters');
  const parameters = data?.parameters ?? NO_PARAMETERS;
  const packages = data?.packages ?? NO_PACKAGES;
  const parameterColumns = useParameterColumns();
  const packageColumns = usePackageColumns(parameters);

  useEffect(() => {
    void labCatalog.load();
  }, []);

  return (
    <div className="page" data-testid="lab-screen">
      <div className="page-head">
        <h1>{t('lab.title')}</h1>
        <span className="spacer" />
        <Button variant="secondary" onClick={() => void labCatalog.load()} busy={loading}>
          {loading ? t('common.refreshing') : t('common.refresh')}
        </Button>
      </div>
      {error ? (
        <Alert tone="danger" title={t('error.title')} testId="lab-error">
          {errorText(error, lang)}
        </Alert>
      ) : null}
      {data ? (
        <Card flush>
          <Tabs<Tab>
            label={t('lab.title')}
            active={tab}
            onChange={setTab}
            tabs={[
              { key: 'parameters', label: t('lab.tab.parameters', { count: parameters.length }) },
              { key: 'packages', label: t('lab.tab.packages', { count: packages.length }) },
            ]}
          >
            {tab === 'parameters' ? (
              <DataTable testId="lab-parameters" label={t('lab.tab.parameters', { count: parameters.length })} columns={parameterColumns} data={parameters} getRowId={(r) => r.id} filterable />
            ) : (
              <DataTable testId="lab-packages" label={t('lab.tab.packages', { count: packages.length })} columns={packageColumns} data={packages} getRowId={(r) => r.id} filterable />
            )}
          </Tabs>
        </Card>
      ) : null}
    </div>
  );
}
