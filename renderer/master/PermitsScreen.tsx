// Izin penempatan: which trader may use which stall, billed daily or monthly.
import { useEffect, useMemo, useState } from 'react';
import type { PayerRow, PermitRow, StallRow } from '../../shared/contract';
import { call } from '../api';
import { OpenBillsModal } from '../billing/OpenBills';
import { useLang, useT } from '../i18n';
import { errorText } from '../lib/errors';
import { formatCivilDate } from '../lib/format';
import { useSession } from '../session/store';
import { mayCall } from '../shell/routes';
import { Alert, Badge, Button, Card, columnsFor, DataTable, Field, RefreshButton, SelectField, toast } from '../ui';
import { SearchBox } from './controls';
import { FormModal, useOpForm } from './form';
import { takeIntent } from './intent';
import { areaText } from './PasarForms';
import { PayerPicker } from './PayerForm';
import { addMonthsCivil, addDaysCivil } from '../../shared/time';
import { todayWib } from './parse';
import { asText, permits, useSearch, withText } from './store';
import './master.css';

const NONE: PermitRow[] = [];

export function permitState(p: Pick<PermitRow, 'startDate' | 'endDate'>, today: string): 'aktif' | 'belum_mulai' | 'berakhir' {
  if (p.startDate > today) return 'belum_mulai';
  return p.endDate < today ? 'berakhir' : 'aktif';
}

function CreatePermitModal({ open, stallId, onClose, onSaved }: { open: boolean; stallId: string | null; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const lang = useLang();
  const form = useOpForm('pasar.permit.create');
  const [stalls, setStalls] = useState<StallRow[] | null>(null);
  const [stall, setStall] = useState('');
  const [payer, setPayer] = useState<PayerRow | null>(null);
  const [billing, setBilling] = useState<'harian' | 'bulanan'>('bulanan');
  const [start, setStart] = useState(todayWib());
  const [end, setEnd] = useState(addDaysCivil(addMonthsCivil(todayWib(), 12), -1));
  const { reset } = form;
  useEffect(() => {
    if (!open) return;
    const today = todayWib();
    setStall(stallId ?? '');
    setPayer(null);
    setBilling('bulanan');
    setStart(today);
    setEnd(addDaysCivil(addMonthsCivil(today, 12), -1));
    reset();
    let current = true;
    call('office.stalls', { limit: 1000 })
      .then((r) => current && setStalls(r.rows))
      .catch(() => current && setStalls([]));
    return () => {
      current = false;
    };
  }, [open, stallId, reset]);
  const vacant = useMemo(() => (stalls ?? []).filter((s) => s.pedagangName === null || s.id === stallId), [stalls, stallId]);
  const save = async () => {
    const saved = await form.submit({ stallId: stall, payerId: payer?.id ?? '', billing, startDate: start, endDate: end }, stall === '' ? { stallId: t('permits.pickStall') } : {});
    if (!saved) return;
    toast.success(t('permits.created', { no: saved.permitNo, idpel: saved.idpel }));
    onSaved();
    onClose();
  };
  const e = form.errors;
  return (
    <FormModal open={open} title={t('permits.add')} testId="permit-form" submitLabel={t('permits.submit')} busy={form.busy} failure={form.failure} errors={form.errors} onSubmit={() => void save()} onClose={onClose} wide>
      <SelectField
        label={t('permits.stall')}
        hint={stalls ? t('permits.stallHint', { count: vacant.length }) : t('app.loading')}
        value={stall}
        onChange={(x) => setStall(x.target.value)}
        options={[
          { value: '', label: t('permits.pickStall') },
          ...vacant.map((s) => ({ value: s.id, label: `${s.marketName} ${s.code} · ${t(`stalls.type.${s.type}`)} ${areaText(s.areaM2, lang)} m²` })),
        ]}
        error={e.stallId}
        testId="permit-stall"
      />
      <PayerPicker value={payer} onChange={setPayer} error={e.payerId ? t('contracts.pickPayer') : undefined} testId="permit-payer" />
      <div className="grid-3">
        <SelectField
          label={t('permits.billing')}
          value={billing}
          onChange={(x) => setBilling(x.target.value as 'harian' | 'bulanan')}
          options={[
            { value: 'bulanan', label: t('stalls.billing.bulanan') },
            { value: 'harian', label: t('stalls.billing.harian') },
          ]}
          error={e.billing}
          testId="permit-billing"
        />
        <Field label={t('contracts.start')} type="date" value={start} onChange={(x) => setStart(x.target.value)} error={e.startDate} testId="permit-start" />
        <Field label={t('contracts.end')} type="date" value={end} onChange={(x) => setEnd(x.target.value)} error={e.endDate} testId="permit-end" />
      </div>
    </FormModal>
  );
}

export function PermitsScreen() {
  const t = useT();
  const lang = useLang();
  const role = useSession((s) => s.info?.user.role ?? null);
  const canCreate = role !== null && mayCall(role, 'pasar.permit.create');
  const data = permits.use((s) => s.data);
  const error = permits.use((s) => s.error);
  const loading = permits.use((s) => s.loading);
  const [search, setSearch] = useSearch(permits, asText, withText);
  const [creating, setCreating] = useState<{ stallId: string | null } | null>(null);
  const [billsOf, setBillsOf] = useState<string | null>(null);
  const today = todayWib();

  useEffect(() => {
    const stallId = takeIntent('permitStallId');
    if (stallId && canCreate) setCreating({ stallId });
  }, [canCreate]);

  const columns = useMemo(() => {
    const col = columnsFor<PermitRow>();
    return col.columns([
      col.accessor('permitNo', { header: t('permits.col.no'), cell: (c) => <span className="mono nowrap">{c.getValue()}</span> }),
      col.accessor('stallLabel', { header: t('permits.col.stall') }),
      col.accessor('payerName', {
        header: t('permits.col.payer'),
        cell: (c) => (
          <>
            <strong>{c.getValue()}</strong>
            <div className="mono muted small">{c.row.original.idpel}</div>
          </>
        ),
      }),
      col.accessor('billing', { header: t('permits.col.billing'), cell: (c) => t(`stalls.billing.${c.getValue()}`) }),
      col.accessor('startDate', {
        header: t('permits.col.period'),
        cell: (c) => (
          <span className="nowrap">
            {formatCivilDate(c.getValue(), lang)} – {formatCivilDate(c.row.original.endDate, lang)}
          </span>
        ),
      }),
      col.accessor((r) => permitState(r, today), {
        id: 'state',
        header: t('permits.col.state'),
        cell: (c) => <Badge tone={c.getValue() === 'aktif' ? 'success' : c.getValue() === 'belum_mulai' ? 'info' : 'neutral'}>{t(`contracts.status.${c.getValue()}`)}</Badge>,
      }),
      col.display({
        id: 'actions',
        header: '',
        cell: (c) => (
          <Button size="sm" variant="ghost" onClick={() => setBillsOf(c.row.original.idpel)} data-testid="permit-bills">
            {t('bills.open')}
          </Button>
        ),
        meta: { width: '7rem' },
      }),
    ]);
  }, [t, lang, today]);

  return (
    <div className="page" data-testid="permits-screen">
      <div className="page-head">
        <div>
          <h1>{t('permits.title')}</h1>
          <div className="sub">{t('permits.subtitle')}</div>
        </div>
        <span className="spacer" />
        <RefreshButton onClick={() => void permits.load()} loading={loading} />
        {canCreate ? (
          <Button onClick={() => setCreating({ stallId: null })} data-testid="permit-add">
            {t('permits.add')}
          </Button>
        ) : null}
      </div>
      {error ? (
        <Alert tone="danger" title={t('error.title')} testId="permits-error">
          {errorText(error, lang)}
        </Alert>
      ) : null}
      <Card flush>
        <DataTable
          testId="permits-table"
          label={t('permits.title')}
          columns={columns}
          data={data ?? NONE}
          getRowId={(r) => r.id}
          busy={loading}
          empty={data ? t('table.empty') : t('app.loading')}
          tools={<SearchBox value={search} onChange={setSearch} placeholder={t('permits.search')} testId="permits-search" />}
        />
      </Card>
      <CreatePermitModal open={creating !== null} stallId={creating?.stallId ?? null} onClose={() => setCreating(null)} onSaved={() => void permits.load()} />
      <OpenBillsModal idpel={billsOf} onClose={() => setBillsOf(null)} />
    </div>
  );
}
