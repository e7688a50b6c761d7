import { useEffect, useMemo, useState } from 'react';
import type { LabPackageRow, LabParameterRow } from '../../shared/contract';
import { formatRupiah } from '../../shared/money';
import { useLang, useT } from '../i18n';
import { errorText } from '../lib/errors';
import { percent } from '../lib/format';
import { LabTariffModal, PackageModal, packageTariffCode, ParameterModal, paramTariffCode } from '../master/LabForms';
import type { TariffPreset } from '../master/LevyForms';
import { levies } from '../master/store';
import { useSession } from '../session/store';
import { mayCall } from '../shell/routes';
import { Alert, Badge, Button, Card, columnsFor, DataTable, Money, RefreshButton, Tabs } from '../ui';
import { labCatalog } from './store';
import '../master/master.css';

type Tab = 'parameters' | 'packages';

interface Actions {
  edit: ((row: LabParameterRow | LabPackageRow) => void) | null;
  tariff: ((preset: TariffPreset) => void) | null;
}

function TariffCell({ value, preset, tariff }: { value: number; preset: TariffPreset; tariff: Actions['tariff'] }) {
  const t = useT();
  return (
    <div className="tariff-cell">
      {value > 0 ? <Money value={value} /> : <Badge tone="warning">{t('labm.noTariff')}</Badge>}
      {tariff ? (
        <Button size="sm" variant="ghost" onClick={() => tariff(preset)} title={t('labm.setTariff', { code: preset.code })} data-testid="lab-tariff">
          {t('labm.tariffShort')}
        </Button>
      ) : null}
    </div>
  );
}

function EditCell({ onEdit }: { onEdit: (() => void) | null }) {
  const t = useT();
  return onEdit ? (
    <Button size="sm" variant="ghost" onClick={onEdit} data-testid="lab-edit">
      {t('common.edit')}
    </Button>
  ) : null;
}

function useParameterColumns({ edit, tariff }: Actions) {
  const t = useT();
  return useMemo(() => {
    const col = columnsFor<LabParameterRow>();
    return col.columns([
      col.accessor('code', { header: t('lab.col.code'), cell: (c) => <span className="mono">{c.getValue()}</span>, meta: { nowrap: true } }),
      col.accessor('name', { header: t('lab.col.name') }),
      col.accessor('unit', { header: t('lab.col.unit') }),
      col.accessor('method', { header: t('lab.col.method') }),
      col.accessor('tariff', {
        header: t('lab.col.tariff'),
        cell: (c) => <TariffCell value={c.getValue()} tariff={tariff} preset={{ code: paramTariffCode(c.row.original.code), description: `Uji ${c.row.original.name}`, unit: 'parameter' }} />,
        meta: { align: 'end' },
      }),
      ...(edit ? [col.display({ id: 'actions', header: '', cell: (c) => <EditCell onEdit={() => edit(c.row.original)} />, meta: { width: '5rem' } })] : []),
    ]);
  }, [t, edit, tariff]);
}

function usePackageColumns(parameters: LabParameterRow[], { edit, tariff }: Actions) {
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
      col.accessor('tariff', {
        header: t('lab.col.tariff'),
        cell: (c) => <TariffCell value={c.getValue()} tariff={tariff} preset={{ code: packageTariffCode(c.row.original.code), description: `Paket ${c.row.original.name}`, unit: 'paket' }} />,
        meta: { align: 'end' },
      }),
      col.accessor('sumOfParameters', { header: t('lab.col.sum'), cell: (c) => <Money value={c.getValue()} />, meta: { align: 'end' } }),
      col.accessor((r) => r.sumOfParameters - r.tariff, {
        id: 'saving',
        header: t('lab.col.saving'),
        meta: { align: 'end' },
        cell: (c) => {
          const saving = c.getValue();
          if (c.row.original.tariff === 0) return <span className="muted">{t('common.none')}</span>;
          if (saving <= 0) return <Badge tone="warning">{t('lab.noSaving')}</Badge>;
          return (
            <span className="nowrap" style={{ color: 'var(--c-success)', fontWeight: 600 }}>
              {t('lab.savingValue', { amount: formatRupiah(saving), pct: percent(saving, c.row.original.sumOfParameters) })}
            </span>
          );
        },
      }),
      ...(edit ? [col.display({ id: 'actions', header: '', cell: (c) => <EditCell onEdit={() => edit(c.row.original)} />, meta: { width: '5rem' } })] : []),
    ]);
  }, [t, names, edit, tariff]);
}

const NO_PARAMETERS: LabParameterRow[] = [];
const NO_PACKAGES: LabPackageRow[] = [];

export function LabCatalogScreen() {
  const t = useT();
  const lang = useLang();
  const role = useSession((s) => s.info?.user.role ?? null);
  const canParam = role !== null && mayCall(role, 'lab.parameter.save');
  const canPackage = role !== null && mayCall(role, 'lab.package.save');
  const canTariff = role !== null && mayCall(role, 'tariff.create');
  const data = labCatalog.use((s) => s.data);
  const error = labCatalog.use((s) => s.error);
  const loading = labCatalog.use((s) => s.loading);
  const levyList = levies.use((s) => s.data);
  const airLevy = levyList?.find((l) => l.kind === 'air') ?? null;
  const [tab, setTab] = useState<Tab>('parameters');
  const [param, setParam] = useState<LabParameterRow | 'new' | null>(null);
  const [pkg, setPkg] = useState<LabPackageRow | 'new' | null>(null);
  const [tariffFor, setTariffFor] = useState<TariffPreset | null>(null);
  const parameters = data?.parameters ?? NO_PARAMETERS;
  const packages = data?.packages ?? NO_PACKAGES;

  const paramActions = useMemo<Actions>(() => ({ edit: canParam ? (r) => setParam(r as LabParameterRow) : null, tariff: canTariff ? setTariffFor : null }), [canParam, canTariff]);
  const packageActions = useMemo<Actions>(() => ({ edit: canPackage ? (r) => setPkg(r as LabPackageRow) : null, tariff: canTariff ? setTariffFor : null }), [canPackage, canTariff]);
  const parameterColumns = useParameterColumns(paramActions);
  const packageColumns = usePackageColumns(parameters, packageActions);

  useEffect(() => {
    void labCatalog.load();
    if (canParam || canTariff) void levies.load();
  }, [canParam, canTariff]);

  // a new parameter or package is offered its tariff straight away: no tariff, no orders
  const saved = (kind: 'param' | 'package') => (code: string, name: string, isNew: boolean) => {
    void labCatalog.load();
    if (isNew && canTariff)
      setTariffFor(kind === 'param' ? { code: paramTariffCode(code), description: `Uji ${name}`, unit: 'parameter' } : { code: packageTariffCode(code), description: `Paket ${name}`, unit: 'paket' });
  };

  return (
    <div className="page" data-testid="lab-screen">
      <div className="page-head">
        <div>
          <h1>{t('lab.title')}</h1>
          <div className="sub">{t('labm.subtitle')}</div>
        </div>
        <span className="spacer" />
        <RefreshButton onClick={() => void labCatalog.load()} loading={loading} />
        {canParam ? (
          <Button variant="secondary" onClick={() => setParam('new')} disabled={!airLevy} data-testid="parameter-add">
            {t('labm.parameterAdd')}
          </Button>
        ) : null}
        {canPackage ? (
          <Button onClick={() => setPkg('new')} disabled={!airLevy || parameters.length === 0} data-testid="package-add">
            {t('labm.packageAdd')}
          </Button>
        ) : null}
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
      <ParameterModal open={param !== null} parameter={param === 'new' ? null : param} levy={airLevy} onClose={() => setParam(null)} onSaved={saved('param')} />
      <PackageModal open={pkg !== null} pkg={pkg === 'new' ? null : pkg} parameters={parameters} levy={airLevy} onClose={() => setPkg(null)} onSaved={saved('package')} />
      <LabTariffModal preset={tariffFor} levy={airLevy} onClose={() => setTariffFor(null)} onSaved={() => void labCatalog.load()} />
    </div>
  );
}
