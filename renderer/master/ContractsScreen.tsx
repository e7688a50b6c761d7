import { useEffect, useMemo, useState } from 'react';
import type { ContractRow } from '../../shared/contract';
import { useLang, useT } from '../i18n';
import { errorText } from '../lib/errors';
import { formatCivilDate } from '../lib/format';
import { useSession } from '../session/store';
import { mayCall } from '../shell/routes';
import { Alert, Button, Card, columnsFor, DataTable, RefreshButton } from '../ui';
import { ContractBadges, ContractModal, CONTRACT_STATUSES, CreateContractModal } from './ContractForms';
import { FilterSelect, SearchBox } from './controls';
import { takeIntent } from './intent';
import { contracts, useSearch, type ContractQuery } from './store';
import './master.css';

const NONE: ContractRow[] = [];

export function ContractsScreen() {
  const t = useT();
  const lang = useLang();
  const role = useSession((s) => s.info?.user.role ?? null);
  const canCreate = role !== null && mayCall(role, 'rusun.contract.create');
  const data = contracts.use((s) => s.data);
  const error = contracts.use((s) => s.error);
  const loading = contracts.use((s) => s.loading);
  const status = contracts.use((s) => s.query.status);
  const [search, setSearch] = useSearch(
    contracts,
    (q) => q.search,
    (q, search): ContractQuery => ({ ...q, search }),
  );
  const [open, setOpen] = useState<ContractRow | null>(null);
  const [creating, setCreating] = useState<{ unitId: string | null } | null>(null);

  // "Kontrak baru" from a vacant unit in the units list
  useEffect(() => {
    const unitId = takeIntent('contractUnitId');
    if (unitId && canCreate) setCreating({ unitId });
  }, [canCreate]);

  const columns = useMemo(() => {
    const col = columnsFor<ContractRow>();
    return col.columns([
      col.accessor('contractNo', {
        header: t('contracts.col.no'),
        cell: (c) => (
          <>
            <div className="mono nowrap">{c.getValue()}</div>
            <div className="muted small">{c.row.original.charges.map((x) => t(x === 'AIR' ? 'contracts.charge.AIR' : 'contracts.charge.SAMPAH')).join(' · ')}</div>
          </>
        ),
      }),
      col.accessor('unitLabel', { header: t('contracts.col.unit'), meta: { nowrap: true } }),
      col.accessor('payerName', {
        header: t('contracts.col.payer'),
        cell: (c) => (
          <>
            <strong>{c.getValue()}</strong>
            <div className="mono muted small">{c.row.original.idpel}</div>
          </>
        ),
      }),
      col.accessor('startDate', {
        header: t('contracts.col.period'),
        cell: (c) => (
          <span className="nowrap">
            {formatCivilDate(c.getValue(), lang)} – {formatCivilDate(c.row.original.endDate, lang)}
          </span>
        ),
      }),
      col.accessor('status', { header: t('contracts.col.status'), cell: (c) => <ContractBadges contract={c.row.original} /> }),
      col.display({
        id: 'actions',
        header: '',
        cell: (c) => (
          <Button size="sm" variant="secondary" onClick={() => setOpen(c.row.original)} data-testid="contract-open">
            {t('contracts.manage')}
          </Button>
        ),
        meta: { width: '6rem' },
      }),
    ]);
  }, [t, lang]);

  const reload = () => void contracts.load();
  return (
    <div className="page" data-testid="contracts-screen">
      <div className="page-head">
        <div>
          <h1>{t('contracts.title')}</h1>
          <div className="sub">{t('contracts.subtitle')}</div>
        </div>
        <span className="spacer" />
        <RefreshButton onClick={reload} loading={loading} />
        {canCreate ? (
          <Button onClick={() => setCreating({ unitId: null })} data-testid="contract-add">
            {t('contracts.add')}
          </Button>
        ) : null}
      </div>
      {error ? (
        <Alert tone="danger" title={t('error.title')} testId="contracts-error">
          {errorText(error, lang)}
        </Alert>
      ) : null}
      <Card flush>
        <DataTable
          testId="contracts-table"
          label={t('contracts.title')}
          columns={columns}
          data={data ?? NONE}
          getRowId={(r) => r.id}
          busy={loading}
          empty={data ? t('table.empty') : t('app.loading')}
          tools={
            <>
              <SearchBox value={search} onChange={setSearch} placeholder={t('contracts.search')} testId="contracts-search" />
              <FilterSelect
                label={t('contracts.col.status')}
                value={status}
                onChange={(v) => void contracts.load({ ...contracts.store.getState().query, status: v as ContractQuery['status'] })}
                options={[{ value: '', label: t('common.all') }, ...CONTRACT_STATUSES.map((s) => ({ value: s, label: t(`contracts.status.${s}`) }))]}
                testId="contracts-status"
              />
            </>
          }
        />
      </Card>
      <CreateContractModal open={creating !== null} unitId={creating?.unitId ?? null} onClose={() => setCreating(null)} onSaved={reload} />
      <ContractModal
        contract={open}
        onClose={() => setOpen(null)}
        onChanged={(c) => {
          setOpen(c);
          reload();
        }}
      />
    </div>
  );
}
