// Retribusi & tarif: the levies with their interest settings, and every tariff of one levy with
// its effective date — the one in force marked. Tariffs are never edited: a new one starts at a date.
import { useEffect, useMemo, useState } from 'react';
import type { LevyDetail, TariffRow } from '../../shared/contract';
import { useLang, useT } from '../i18n';
import { errorText } from '../lib/errors';
import { formatBasisPoints, formatCivilDate } from '../lib/format';
import { useSession } from '../session/store';
import { mayCall } from '../shell/routes';
import { Alert, Badge, Button, Card, columnsFor, DataTable, Money, Tabs } from '../ui';
import { LevyModal, TariffModal, type TariffPreset, type TariffUnit } from './LevyForms';
import { todayWib } from './parse';
import { levies, tariffs } from './store';
import './master.css';

const NO_TARIFFS: TariffRow[] = [];

export function tariffState(row: TariffRow, today: string): 'inForce' | 'scheduled' | 'old' {
  if (row.inForce) return 'inForce';
  return row.effectiveFrom > today ? 'scheduled' : 'old';
}

export function LeviesScreen() {
  const t = useT();
  const lang = useLang();
  const role = useSession((s) => s.info?.user.role ?? null);
  const canSaveLevy = role !== null && mayCall(role, 'levy.save');
  const canAddTariff = role !== null && mayCall(role, 'tariff.create');
  const list = levies.use((s) => s.data);
  const listError = levies.use((s) => s.error);
  const loading = levies.use((s) => s.loading);
  const levyId = tariffs.use((s) => s.query);
  const rows = tariffs.use((s) => s.data);
  const rowsError = tariffs.use((s) => s.error);
  const rowsLoading = tariffs.use((s) => s.loading);
  const [editing, setEditing] = useState<LevyDetail | 'new' | null>(null);
  const [adding, setAdding] = useState<TariffPreset | 'blank' | null>(null);
  const today = todayWib();

  useEffect(() => {
    void levies.load();
  }, []);
  // the tariffs of the tab chosen before (or of the first levy) each time the levies arrive
  useEffect(() => {
    if (!list || list.length === 0) return;
    const chosen = tariffs.store.getState().query;
    void tariffs.load(list.some((l) => l.id === chosen) ? chosen : list[0]?.id ?? '');
  }, [list]);

  const levy = list?.find((l) => l.id === levyId) ?? null;
  const shownRows = rows && levy ? rows : NO_TARIFFS;

  const levyColumns = useMemo(() => {
    const col = columnsFor<LevyDetail>();
    return col.columns([
      col.accessor('kode', { header: t('levies.col.kode'), cell: (c) => <span className="mono">{c.getValue()}</span>, meta: { nowrap: true } }),
      col.accessor('name', { header: t('levies.col.name'), cell: (c) => <strong>{c.getValue()}</strong> }),
      col.accessor('ownerAgency', { header: t('levies.col.agency') }),
      col.accessor('kind', { header: t('levies.col.kind'), cell: (c) => <Badge tone="primary">{t(`levyKind.${c.getValue()}`)}</Badge> }),
      col.accessor('interestRateBp', {
        header: t('levies.col.interest'),
        cell: (c) => (
          <>
            <div className="nowrap">{t('levies.interestValue', { rate: formatBasisPoints(c.getValue(), lang), months: c.row.original.interestCapMonths })}</div>
            <div className="muted small">{t(`levies.rounding.${c.row.original.interestRounding}`)}</div>
          </>
        ),
      }),
      col.accessor('dueDay', { header: t('levies.col.dueDay'), cell: (c) => t('levies.dueDayValue', { day: c.getValue() }), meta: { nowrap: true } }),
      col.accessor('version', { header: t('levies.col.version'), meta: { align: 'end', width: '4.5rem' } }),
      ...(canSaveLevy
        ? [
            col.display({
              id: 'actions',
              header: '',
              cell: (c) => (
                <Button size="sm" variant="ghost" onClick={() => setEditing(c.row.original)} data-testid="levy-edit">
                  {t('common.edit')}
                </Button>
              ),
              meta: { width: '5rem' },
            }),
          ]
        : []),
    ]);
  }, [t, lang, canSaveLevy]);

  const tariffColumns = useMemo(() => {
    const col = columnsFor<TariffRow>();
    return col.columns([
      col.accessor('code', { header: t('tariffs.col.code'), cell: (c) => <span className="mono">{c.getValue()}</span>, meta: { nowrap: true } }),
      col.accessor('description', { header: t('tariffs.col.description') }),
      col.accessor('unit', { header: t('tariffs.col.unit'), cell: (c) => t(`tariffs.unit.${c.getValue() as TariffUnit}`), meta: { nowrap: true } }),
      col.accessor('amount', { header: t('tariffs.col.amount'), cell: (c) => <Money value={c.getValue()} />, meta: { align: 'end' } }),
      col.accessor('effectiveFrom', { header: t('tariffs.col.effectiveFrom'), cell: (c) => formatCivilDate(c.getValue(), lang), meta: { nowrap: true } }),
      col.accessor((r) => tariffState(r, today), {
        id: 'state',
        header: t('tariffs.col.state'),
        cell: (c) => {
          const s = c.getValue();
          return (
            <Badge tone={s === 'inForce' ? 'success' : s === 'scheduled' ? 'info' : 'neutral'} testId={`tariff-state-${s}`}>
              {t(`tariffs.state.${s}`)}
            </Badge>
          );
        },
      }),
      col.accessor('legalBasis', { header: t('tariffs.col.legalBasis'), cell: (c) => <span className="small">{c.getValue()}</span> }),
      ...(canAddTariff
        ? [
            col.display({
              id: 'actions',
              header: '',
              cell: (c) =>
                c.row.original.inForce ? (
                  <Button
                    size="sm"
                    variant="ghost"
                    onClick={() => setAdding({ code: c.row.original.code, description: c.row.original.description, unit: c.row.original.unit as TariffUnit })}
                    title={t('tariffs.newForCode', { code: c.row.original.code })}
                    data-testid="tariff-new-for-code"
                  >
                    {t('tariffs.newShort')}
                  </Button>
                ) : null,
              meta: { width: '6.5rem' },
            }),
          ]
        : []),
    ]);
  }, [t, lang, today, canAddTariff]);

  return (
    <div className="page" data-testid="levies-screen">
      <div className="page-head">
        <div>
          <h1>{t('levies.title')}</h1>
          <div className="sub">{t('levies.subtitle')}</div>
        </div>
        <span className="spacer" />
        <Button
          variant="secondary"
          onClick={() => {
            void levies.load();
            if (levyId) void tariffs.load(levyId);
          }}
          busy={loading || rowsLoading}
        >
          {loading ? t('common.refreshing') : t('common.refresh')}
        </Button>
        {canSaveLevy ? (
          <Button variant="secondary" onClick={() => setEditing('new')} data-testid="levy-add">
            {t('levies.add')}
          </Button>
        ) : null}
      </div>
      {listError ? (
        <Alert tone="danger" title={t('error.title')} testId="levies-error">
          {errorText(listError, lang)}
        </Alert>
      ) : null}
      <Card title={t('levies.list')} flush>
        <DataTable testId="levies-table" label={t('levies.list')} columns={levyColumns} data={list ?? []} getRowId={(r) => r.id} empty={list ? t('table.empty') : t('app.loading')} />
      </Card>
      {list && list.length > 0 ? (
        <Card
          title={t('tariffs.title')}
          flush
          actions={
            canAddTariff && levy ? (
              <Button size="sm" onClick={() => setAdding('blank')} data-testid="tariff-add">
                {t('tariffs.addShort')}
              </Button>
            ) : null
          }
        >
          <Tabs
            label={t('tariffs.title')}
            active={levyId}
            onChange={(id) => void tariffs.load(id)}
            tabs={list.map((l) => ({ key: l.id, label: t(`levyKind.${l.kind}`) }))}
          >
            <p className="card-note">{t('tariffs.note')}</p>
            {rowsError ? (
              <div className="card-pad">
                <Alert tone="danger" testId="tariffs-error">
                  {errorText(rowsError, lang)}
                </Alert>
              </div>
            ) : null}
            <DataTable
              testId="tariffs-table"
              label={t('tariffs.title')}
              columns={tariffColumns}
              data={shownRows}
              getRowId={(r) => r.id}
              filterable
              pageSize={50}
              busy={rowsLoading}
              empty={rows ? t('table.empty') : t('app.loading')}
            />
          </Tabs>
        </Card>
      ) : null}
      <LevyModal open={editing !== null} levy={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={() => void levies.load()} />
      <TariffModal
        open={adding !== null}
        levy={levy}
        existing={shownRows}
        preset={adding === 'blank' ? null : adding}
        onClose={() => setAdding(null)}
        onSaved={() => void tariffs.load(levyId)}
      />
    </div>
  );
}
