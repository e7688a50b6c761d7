import { useMemo, useState } from 'react';
import type { PayerRow } from '../../shared/contract';
import { useLang, useT } from '../i18n';
import { errorText } from '../lib/errors';
import { useSession } from '../session/store';
import { mayCall } from '../shell/routes';
import { Alert, Badge, Button, Card, columnsFor, DataTable, RefreshButton } from '../ui';
import { SearchBox } from './controls';
import { PayerModal } from './PayerForm';
import { asText, payers, useSearch, withText } from './store';
import './master.css';

const NONE: PayerRow[] = [];

export function PayersScreen() {
  const t = useT();
  const lang = useLang();
  const role = useSession((s) => s.info?.user.role ?? null);
  const canSave = role !== null && mayCall(role, 'payer.save');
  const data = payers.use((s) => s.data);
  const error = payers.use((s) => s.error);
  const loading = payers.use((s) => s.loading);
  const [search, setSearch] = useSearch(payers, asText, withText);
  const [editing, setEditing] = useState<PayerRow | null | 'new'>(null);

  const columns = useMemo(() => {
    const col = columnsFor<PayerRow>();
    return col.columns([
      col.accessor('name', { header: t('payers.col.name'), cell: (c) => <strong>{c.getValue()}</strong> }),
      col.accessor('kind', { header: t('payers.col.kind'), cell: (c) => <Badge tone={c.getValue() === 'badan' ? 'info' : 'neutral'}>{t(`payers.kind.${c.getValue()}`)}</Badge>, meta: { width: '7rem' } }),
      col.accessor('nik', { header: t('payers.col.nik'), cell: (c) => <span className="mono">{c.getValue() ?? t('common.none')}</span>, meta: { nowrap: true } }),
      col.accessor('phone', { header: t('payers.col.phone'), cell: (c) => <span className="mono">{c.getValue() ?? t('common.none')}</span>, meta: { nowrap: true } }),
      col.accessor('address', { header: t('payers.col.address'), cell: (c) => c.getValue() ?? <span className="muted">{t('common.none')}</span> }),
      ...(canSave
        ? [
            col.display({
              id: 'actions',
              header: '',
              cell: (c) => (
                <Button size="sm" variant="ghost" onClick={() => setEditing(c.row.original)} data-testid="payer-edit">
                  {t('common.edit')}
                </Button>
              ),
              meta: { width: '5rem' },
            }),
          ]
        : []),
    ]);
  }, [t, canSave]);

  return (
    <div className="page" data-testid="payers-screen">
      <div className="page-head">
        <div>
          <h1>{t('payers.title')}</h1>
          <div className="sub">{t('payers.subtitle')}</div>
        </div>
        <span className="spacer" />
        <RefreshButton onClick={() => void payers.load()} loading={loading} />
        {canSave ? (
          <Button onClick={() => setEditing('new')} data-testid="payer-add">
            {t('payers.add')}
          </Button>
        ) : null}
      </div>
      {error ? (
        <Alert tone="danger" title={t('error.title')} testId="payers-error">
          {errorText(error, lang)}
        </Alert>
      ) : null}
      <Card flush>
        <DataTable
          testId="payers-table"
          label={t('payers.title')}
          columns={columns}
          data={data ?? NONE}
          getRowId={(r) => r.id}
          busy={loading}
          empty={data ? t('table.empty') : t('app.loading')}
          tools={<SearchBox value={search} onChange={setSearch} placeholder={t('payers.search')} testId="payers-search" />}
        />
      </Card>
      <PayerModal
        open={editing !== null}
        payer={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        onSaved={() => void payers.load()}
      />
    </div>
  );
}
