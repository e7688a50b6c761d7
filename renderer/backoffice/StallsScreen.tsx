import { useEffect, useMemo, useState } from 'react';
import type { MarketRow, StallRow } from '../../shared/contract';
import { OpenBillsModal } from '../billing/OpenBills';
import { useLang, useT } from '../i18n';
import { errorText } from '../lib/errors';
import { formatNumber } from '../lib/format';
import { intentStore } from '../master/intent';
import { areaText, MarketModal, StallModal } from '../master/PasarForms';
import { levies, markets } from '../master/store';
import { useSession } from '../session/store';
import { navigate } from '../shell/router';
import { mayCall } from '../shell/routes';
import { Alert, Badge, Button, Card, columnsFor, DataTable, Money, RefreshButton } from '../ui';
import { useServerList } from './serverList';
import { stalls } from './store';
import '../master/master.css';

function useColumns(actions: { edit: ((s: StallRow) => void) | null; permit: ((s: StallRow) => void) | null; bills: (s: StallRow) => void }) {
  const t = useT();
  const lang = useLang();
  const { edit, permit, bills } = actions;
  return useMemo(() => {
    const col = columnsFor<StallRow>();
    return col.columns([
      col.accessor('marketName', { header: t('stalls.col.market') }),
      col.accessor('code', { header: t('stalls.col.code'), cell: (c) => <strong className="mono">{c.getValue()}</strong> }),
      col.accessor('type', { header: t('stalls.col.type'), cell: (c) => <Badge tone="primary">{t(`stalls.type.${c.getValue()}`)}</Badge> }),
      col.accessor('areaM2', { header: t('stalls.col.area'), cell: (c) => areaText(c.getValue(), lang), meta: { align: 'end' } }),
      col.accessor('pedagangName', { header: t('stalls.col.pedagang'), cell: (c) => c.getValue() ?? <Badge>{t('stalls.vacant')}</Badge> }),
      col.accessor('idpel', { header: t('stalls.col.idpel'), cell: (c) => <span className="mono">{c.getValue() ?? t('common.none')}</span> }),
      col.accessor('billing', { header: t('stalls.col.billing'), cell: (c) => (c.getValue() ? t(`stalls.billing.${c.getValue() as 'harian' | 'bulanan'}`) : t('common.none')) }),
      col.accessor('openBills', {
        header: t('stalls.col.openBills'),
        cell: (c) => (c.getValue() > 0 ? <Badge tone="warning">{formatNumber(c.getValue(), lang)}</Badge> : formatNumber(0, lang)),
        meta: { align: 'end' },
      }),
      col.accessor('openPrincipal', { header: t('stalls.col.openPrincipal'), cell: (c) => <Money value={c.getValue()} />, meta: { align: 'end' } }),
      col.display({
        id: 'actions',
        header: '',
        cell: (c) => {
          const s = c.row.original;
          return (
            <div className="row-actions">
              {s.idpel ? (
                <Button size="sm" variant="ghost" onClick={() => bills(s)} data-testid="stall-bills">
                  {t('bills.open')}
                </Button>
              ) : permit ? (
                <Button size="sm" variant="ghost" onClick={() => permit(s)} data-testid="stall-permit">
                  {t('permits.newShort')}
                </Button>
              ) : null}
              {edit ? (
                <Button size="sm" variant="ghost" onClick={() => edit(s)} data-testid="stall-edit">
                  {t('common.edit')}
                </Button>
              ) : null}
            </div>
          );
        },
      }),
    ]);
  }, [t, lang, edit, permit, bills]);
}

function MarketsRow({ onEdit }: { onEdit: ((m: MarketRow) => void) | null }) {
  const t = useT();
  const lang = useLang();
  const data = markets.use((s) => s.data);
  const error = markets.use((s) => s.error);
  if (error)
    return (
      <Alert tone="danger" testId="markets-error">
        {errorText(error, lang)}
      </Alert>
    );
  if (!data) return null;
  return (
    <div className="tile-row" data-testid="markets">
      {data.map((m) => (
        <div key={m.id} className="mini-card" data-testid="market">
          <div className="row" style={{ gap: 'var(--s-2)' }}>
            <strong>{m.name}</strong>
            <Badge>{t('overview.marketClass', { class: m.marketClass })}</Badge>
            <span className="spacer" />
            {onEdit ? (
              <Button size="sm" variant="ghost" onClick={() => onEdit(m)} data-testid="market-edit">
                {t('common.edit')}
              </Button>
            ) : null}
          </div>
          <div className="muted small">{m.address}</div>
        </div>
      ))}
      {data.length === 0 ? <p className="muted">{t('overview.noMarkets')}</p> : null}
    </div>
  );
}

export function StallsScreen() {
  const t = useT();
  const lang = useLang();
  const role = useSession((s) => s.info?.user.role ?? null);
  const canMarket = role !== null && mayCall(role, 'pasar.market.save');
  const canStall = role !== null && mayCall(role, 'pasar.stall.save');
  const canPermit = role !== null && mayCall(role, 'pasar.permit.create');
  const list = useServerList(stalls);
  const marketRows = markets.use((s) => s.data) ?? [];
  const levyRows = levies.use((s) => s.data) ?? [];
  const [market, setMarket] = useState<MarketRow | 'new' | null>(null);
  const [stall, setStall] = useState<StallRow | 'new' | null>(null);
  const [billsOf, setBillsOf] = useState<string | null>(null);

  useEffect(() => {
    void markets.load();
    if (canMarket) void levies.load();
  }, [canMarket]);

  const actions = useMemo(
    () => ({
      edit: canStall ? (s: StallRow) => setStall(s) : null,
      permit: canPermit
        ? (s: StallRow) => {
            intentStore.setState({ permitStallId: s.id });
            navigate('permits');
          }
        : null,
      bills: (s: StallRow) => setBillsOf(s.idpel),
    }),
    [canStall, canPermit],
  );
  const columns = useColumns(actions);
  const reload = () => {
    list.reload();
    void markets.load();
  };

  return (
    <div className="page" data-testid="stalls-screen">
      <div className="page-head">
        <h1>{t('stalls.title')}</h1>
        <span className="spacer" />
        <RefreshButton onClick={reload} loading={list.loading} />
        {canMarket ? (
          <Button variant="secondary" onClick={() => setMarket('new')} data-testid="market-add">
            {t('markets.add')}
          </Button>
        ) : null}
        {canStall ? (
          <Button onClick={() => setStall('new')} disabled={marketRows.length === 0} data-testid="stall-add">
            {t('stalls.add')}
          </Button>
        ) : null}
      </div>
      <MarketsRow onEdit={canMarket ? (m) => setMarket(m) : null} />
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
      <MarketModal open={market !== null} market={market === 'new' ? null : market} levies={levyRows} onClose={() => setMarket(null)} onSaved={reload} />
      <StallModal open={stall !== null} stall={stall === 'new' ? null : stall} markets={marketRows} onClose={() => setStall(null)} onSaved={reload} />
      <OpenBillsModal idpel={billsOf} onClose={() => setBillsOf(null)} />
    </div>
  );
}
