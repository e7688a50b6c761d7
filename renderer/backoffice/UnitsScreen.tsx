import { useEffect, useMemo, useState } from 'react';
import type { BlockRow, UnitRow } from '../../shared/contract';
import { OpenBillsModal } from '../billing/OpenBills';
import { useLang, useT } from '../i18n';
import { errorText } from '../lib/errors';
import { formatCivilDate, formatNumber } from '../lib/format';
import { intentStore } from '../master/intent';
import { BlockModal, UnitModal } from '../master/RusunForms';
import { blocks, levies } from '../master/store';
import { useSession } from '../session/store';
import { navigate } from '../shell/router';
import { mayCall } from '../shell/routes';
import { Alert, Badge, Button, Card, columnsFor, DataTable, Money, RefreshButton } from '../ui';
import { useServerList } from './serverList';
import { units } from './store';
import '../master/master.css';

function useColumns(actions: { edit: ((u: UnitRow) => void) | null; contract: ((u: UnitRow) => void) | null; bills: (u: UnitRow) => void }) {
  const t = useT();
  const lang = useLang();
  const { edit, contract, bills } = actions;
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
      col.display({
        id: 'actions',
        header: '',
        cell: (c) => {
          const u = c.row.original;
          return (
            <div className="row-actions">
              {u.idpel ? (
                <Button size="sm" variant="ghost" onClick={() => bills(u)} data-testid="unit-bills">
                  {t('bills.open')}
                </Button>
              ) : contract ? (
                <Button size="sm" variant="ghost" onClick={() => contract(u)} data-testid="unit-contract">
                  {t('contracts.newShort')}
                </Button>
              ) : null}
              {edit ? (
                <Button size="sm" variant="ghost" onClick={() => edit(u)} data-testid="unit-edit">
                  {t('common.edit')}
                </Button>
              ) : null}
            </div>
          );
        },
      }),
    ]);
  }, [t, lang, edit, contract, bills]);
}

function BlocksCard({ onEdit }: { onEdit: ((b: BlockRow) => void) | null }) {
  const t = useT();
  const lang = useLang();
  const data = blocks.use((s) => s.data);
  const error = blocks.use((s) => s.error);
  if (error)
    return (
      <Alert tone="danger" testId="blocks-error">
        {errorText(error, lang)}
      </Alert>
    );
  if (!data) return null;
  return (
    <div className="tile-row" data-testid="blocks">
      {data.map((b) => (
        <div key={b.id} className="mini-card" data-testid="block">
          <div className="row" style={{ gap: 'var(--s-2)' }}>
            <strong>{b.name}</strong>
            <span className="muted small">{t('overview.blockLine', { floors: b.floors, units: formatNumber(b.units, lang) })}</span>
            <span className="spacer" />
            {onEdit ? (
              <Button size="sm" variant="ghost" onClick={() => onEdit(b)} data-testid="block-edit">
                {t('common.edit')}
              </Button>
            ) : null}
          </div>
          <div className="muted small">{b.address}</div>
        </div>
      ))}
      {data.length === 0 ? <p className="muted">{t('overview.noBlocks')}</p> : null}
    </div>
  );
}

export function UnitsScreen() {
  const t = useT();
  const lang = useLang();
  const role = useSession((s) => s.info?.user.role ?? null);
  const canBlock = role !== null && mayCall(role, 'rusun.block.save');
  const canUnit = role !== null && mayCall(role, 'rusun.unit.save');
  const canContract = role !== null && mayCall(role, 'rusun.contract.create');
  const list = useServerList(units);
  const blockRows = blocks.use((s) => s.data) ?? [];
  const levyRows = levies.use((s) => s.data) ?? [];
  const [block, setBlock] = useState<BlockRow | 'new' | null>(null);
  const [unit, setUnit] = useState<UnitRow | 'new' | null>(null);
  const [billsOf, setBillsOf] = useState<string | null>(null);

  useEffect(() => {
    void blocks.load();
    if (canBlock) void levies.load();
  }, [canBlock]);

  const actions = useMemo(
    () => ({
      edit: canUnit ? (u: UnitRow) => setUnit(u) : null,
      contract: canContract
        ? (u: UnitRow) => {
            intentStore.setState({ contractUnitId: u.id });
            navigate('contracts');
          }
        : null,
      bills: (u: UnitRow) => setBillsOf(u.idpel),
    }),
    [canUnit, canContract],
  );
  const columns = useColumns(actions);
  const reload = () => {
    list.reload();
    void blocks.load();
  };

  return (
    <div className="page" data-testid="units-screen">
      <div className="page-head">
        <h1>{t('units.title')}</h1>
        <span className="spacer" />
        <RefreshButton onClick={reload} loading={list.loading} />
        {canBlock ? (
          <Button variant="secondary" onClick={() => setBlock('new')} data-testid="block-add">
            {t('blocks.add')}
          </Button>
        ) : null}
        {canUnit ? (
          <Button onClick={() => setUnit('new')} disabled={blockRows.length === 0} data-testid="unit-add">
            {t('units.add')}
          </Button>
        ) : null}
      </div>
      <BlocksCard onEdit={canBlock ? (b) => setBlock(b) : null} />
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
      <BlockModal open={block !== null} block={block === 'new' ? null : block} levies={levyRows} onClose={() => setBlock(null)} onSaved={reload} />
      <UnitModal open={unit !== null} unit={unit === 'new' ? null : unit} blocks={blockRows} onClose={() => setUnit(null)} onSaved={reload} />
      <OpenBillsModal idpel={billsOf} onClose={() => setBillsOf(null)} />
    </div>
  );
}
