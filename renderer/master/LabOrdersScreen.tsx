// Order uji lab: a customer brings samples; each sample is tested for a package and/or single
// parameters. Registering the order makes its bill at once (SKRD ready to print).
import { useEffect, useMemo, useState } from 'react';
import type { BillDetail, LabOrderRow, LabPackageRow, LabParameterRow, PayerRow } from '../../shared/contract';
import { formatRupiah } from '../../shared/money';
import { labCatalog } from '../backoffice/store';
import { openBill, printBill } from '../billing/OpenBills';
import { useLang, useT } from '../i18n';
import { errorText } from '../lib/errors';
import { formatDateTime } from '../lib/format';
import { useSession } from '../session/store';
import { mayCall } from '../shell/routes';
import { Alert, Badge, Button, Card, columnsFor, DataTable, Field, Modal, Money, RefreshButton, SelectField, toast } from '../ui';
import { CheckboxGroup, SearchBox } from './controls';
import { FormModal, useOpForm, type FieldErrors } from './form';
import { PayerPicker } from './PayerForm';
import { asText, labOrders, useSearch, withText } from './store';
import './master.css';

const NONE: LabOrderRow[] = [];

export interface SampleDraft {
  source: string;
  packageId: string;
  parameterIds: string[];
}

const EMPTY_SAMPLE: SampleDraft = { source: '', packageId: '', parameterIds: [] };

/** what a sample costs with today's catalogue tariffs: the package, plus parameters not in it */
export function sampleEstimate(sample: SampleDraft, parameters: readonly LabParameterRow[], packages: readonly LabPackageRow[]): number {
  const pkg = packages.find((p) => p.id === sample.packageId);
  const inPackage = new Set(pkg?.parameterCodes ?? []);
  const extra = parameters.filter((p) => sample.parameterIds.includes(p.id) && !inPackage.has(p.code));
  return (pkg?.tariff ?? 0) + extra.reduce((s, p) => s + p.tariff, 0);
}

function SampleEditor({
  index,
  sample,
  parameters,
  packages,
  errors,
  onChange,
  onRemove,
}: {
  index: number;
  sample: SampleDraft;
  parameters: readonly LabParameterRow[];
  packages: readonly LabPackageRow[];
  errors: FieldErrors;
  onChange: (s: SampleDraft) => void;
  onRemove: (() => void) | null;
}) {
  const t = useT();
  const pkg = packages.find((p) => p.id === sample.packageId);
  const inPackage = new Set(pkg?.parameterCodes ?? []);
  const extras = parameters.filter((p) => !inPackage.has(p.code));
  const choiceError = errors[`samples.${index}`] ?? errors[`samples.${index}.parameterIds`];
  return (
    <fieldset className="sample" data-testid="lab-sample">
      <legend>
        {t('labo.sample', { n: index + 1 })}
        <span className="muted"> · {formatRupiah(sampleEstimate(sample, parameters, packages))}</span>
      </legend>
      <div className="grid-sample">
        <Field label={t('labo.source')} hint={t('labo.sourceHint')} value={sample.source} onChange={(e) => onChange({ ...sample, source: e.target.value })} error={errors[`samples.${index}.source`]} testId={`sample-${index}-source`} maxLength={80} />
        <SelectField
          label={t('labo.package')}
          value={sample.packageId}
          onChange={(e) => onChange({ ...sample, packageId: e.target.value })}
          options={[{ value: '', label: t('labo.noPackage') }, ...packages.map((p) => ({ value: p.id, label: `${p.name} · ${formatRupiah(p.tariff)}` }))]}
          error={errors[`samples.${index}.packageId`]}
          testId={`sample-${index}-package`}
        />
      </div>
      {pkg ? <p className="form-note">{t('labo.packageHas', { list: pkg.parameterCodes.join(', ') })}</p> : null}
      <CheckboxGroup
        legend={pkg ? t('labo.extraParameters') : t('labo.parameters')}
        options={extras.map((p) => ({ value: p.id, label: p.name, sub: formatRupiah(p.tariff) }))}
        value={sample.parameterIds.filter((id) => extras.some((p) => p.id === id))}
        onChange={(ids) => onChange({ ...sample, parameterIds: ids })}
        error={choiceError}
        columns={3}
        testId={`sample-${index}-parameters`}
      />
      {onRemove ? (
        <div>
          <Button size="sm" variant="ghost" onClick={onRemove} data-testid={`sample-${index}-remove`}>
            {t('labo.removeSample')}
          </Button>
        </div>
      ) : null}
    </fieldset>
  );
}

function CreateOrderModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (r: { order: LabOrderRow; bill: BillDetail }) => void }) {
  const t = useT();
  const form = useOpForm('lab.order.create');
  const catalog = labCatalog.use((s) => s.data);
  const [payer, setPayer] = useState<PayerRow | null>(null);
  const [samples, setSamples] = useState<SampleDraft[]>([EMPTY_SAMPLE]);
  const { reset } = form;
  useEffect(() => {
    if (!open) return;
    setPayer(null);
    setSamples([EMPTY_SAMPLE]);
    reset();
    void labCatalog.load();
  }, [open, reset]);
  const parameters = catalog?.parameters ?? [];
  const packages = catalog?.packages ?? [];
  const total = samples.reduce((s, x) => s + sampleEstimate(x, parameters, packages), 0);
  const save = async () => {
    const local: FieldErrors = {};
    samples.forEach((s, i) => {
      if (!s.packageId && s.parameterIds.length === 0) local[`samples.${i}`] = t('labo.pickSomething');
    });
    const result = await form.submit(
      {
        payerId: payer?.id ?? '',
        samples: samples.map((s) => ({ source: s.source.trim(), ...(s.packageId ? { packageId: s.packageId } : {}), parameterIds: s.parameterIds })),
      },
      local,
    );
    if (!result) return;
    toast.success(t('labo.created', { no: result.order.orderNo }));
    onCreated(result);
    onClose();
  };
  const e = form.errors;
  return (
    <FormModal open={open} title={t('labo.add')} testId="lab-order-form" submitLabel={t('labo.submit', { amount: formatRupiah(total) })} busy={form.busy} failure={form.failure} errors={form.errors} onSubmit={() => void save()} onClose={onClose} wide>
      <PayerPicker value={payer} onChange={setPayer} error={e.payerId ? t('contracts.pickPayer') : undefined} testId="lab-order-payer" />
      {samples.map((s, i) => (
        <SampleEditor
          key={i}
          index={i}
          sample={s}
          parameters={parameters}
          packages={packages}
          errors={e}
          onChange={(next) => setSamples((all) => all.map((x, j) => (j === i ? next : x)))}
          onRemove={samples.length > 1 ? () => setSamples((all) => all.filter((_, j) => j !== i)) : null}
        />
      ))}
      {e.samples ? <span className="error">{e.samples}</span> : null}
      <div className="row">
        <Button variant="secondary" onClick={() => setSamples((all) => [...all, EMPTY_SAMPLE])} disabled={samples.length >= 20} data-testid="lab-order-add-sample">
          {t('labo.addSample')}
        </Button>
        <span className="spacer" />
        <span className="muted">{t('labo.estimate')}</span>
        <strong className="big-money" data-testid="lab-order-estimate">
          {formatRupiah(total)}
        </strong>
      </div>
    </FormModal>
  );
}

function CreatedModal({ result, onClose }: { result: { order: LabOrderRow; bill: BillDetail } | null; onClose: () => void }) {
  const t = useT();
  return (
    <Modal
      open={result !== null}
      onClose={onClose}
      title={result ? t('labo.createdTitle', { no: result.order.orderNo }) : ''}
      testId="lab-order-created"
      footer={
        result ? (
          <>
            <Button variant="ghost" onClick={onClose}>
              {t('common.close')}
            </Button>
            <Button variant="secondary" onClick={() => openBill(result.bill.billId)} data-testid="lab-order-created-detail">
              {t('bills.detail')}
            </Button>
            <Button onClick={() => printBill('skrd', result.bill.billId)} data-testid="lab-order-created-skrd">
              {t('bills.printSkrd')}
            </Button>
          </>
        ) : null
      }
    >
      {result ? (
        <div className="stack">
          <Alert tone="success">{t('labo.createdBody')}</Alert>
          <dl className="detail">
            <dt>{t('labo.col.payer')}</dt>
            <dd>{result.order.payerName}</dd>
            <dt>{t('labo.col.idpel')}</dt>
            <dd className="mono">{result.order.idpel}</dd>
            <dt>{t('inquiry.col.skrd')}</dt>
            <dd className="mono">{result.bill.skrdNo}</dd>
            <dt>{t('labo.col.samples')}</dt>
            <dd>{result.order.samples.length}</dd>
            <dt>{t('inquiry.col.total')}</dt>
            <dd>
              <strong>
                <Money value={result.bill.principal} testId="lab-order-created-total" />
              </strong>
            </dd>
          </dl>
        </div>
      ) : null}
    </Modal>
  );
}

export function LabOrdersScreen() {
  const t = useT();
  const lang = useLang();
  const role = useSession((s) => s.info?.user.role ?? null);
  const canCreate = role !== null && mayCall(role, 'lab.order.create');
  const data = labOrders.use((s) => s.data);
  const error = labOrders.use((s) => s.error);
  const loading = labOrders.use((s) => s.loading);
  const [search, setSearch] = useSearch(labOrders, asText, withText);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<{ order: LabOrderRow; bill: BillDetail } | null>(null);

  const columns = useMemo(() => {
    const col = columnsFor<LabOrderRow>();
    return col.columns([
      col.accessor('orderNo', { header: t('labo.col.no'), cell: (c) => <span className="mono nowrap">{c.getValue()}</span> }),
      col.accessor('receivedAt', { header: t('labo.col.receivedAt'), cell: (c) => formatDateTime(c.getValue(), lang), meta: { nowrap: true } }),
      col.accessor('payerName', {
        header: t('labo.col.payer'),
        cell: (c) => (
          <>
            <strong>{c.getValue()}</strong>
            <div className="mono muted small">{c.row.original.idpel}</div>
          </>
        ),
      }),
      col.accessor((r) => r.samples.map((s) => s.source).join(' '), {
        id: 'samples',
        header: t('labo.col.samples'),
        enableSorting: false,
        cell: (c) => (
          <ul className="sample-list">
            {c.row.original.samples.map((s) => (
              <li key={s.sampleCode}>
                <span>{s.source}</span>
                <span className="chips">
                  {s.packageCode ? <span className="chip chip-strong">{s.packageCode}</span> : null}
                  {s.parameterCodes.map((p) => (
                    <span key={p} className="chip">
                      {p}
                    </span>
                  ))}
                </span>
              </li>
            ))}
          </ul>
        ),
      }),
      col.accessor('principal', { header: t('labo.col.amount'), cell: (c) => <Money value={c.getValue()} />, meta: { align: 'end' } }),
      col.accessor('paid', { header: t('labo.col.paid'), cell: (c) => (c.getValue() ? <Badge tone="success">{t('labo.paid')}</Badge> : <Badge tone="warning">{t('labo.unpaid')}</Badge>) }),
      col.display({
        id: 'actions',
        header: '',
        cell: (c) => (
          <div className="row-actions">
            <Button size="sm" variant="ghost" onClick={() => openBill(c.row.original.billId)} data-testid="lab-order-bill">
              {t('bills.detail')}
            </Button>
            <Button size="sm" variant="secondary" onClick={() => printBill('skrd', c.row.original.billId)} data-testid="lab-order-skrd">
              {t('bills.printSkrd')}
            </Button>
          </div>
        ),
      }),
    ]);
  }, [t, lang]);

  return (
    <div className="page" data-testid="lab-orders-screen">
      <div className="page-head">
        <div>
          <h1>{t('labo.title')}</h1>
          <div className="sub">{t('labo.subtitle')}</div>
        </div>
        <span className="spacer" />
        <RefreshButton onClick={() => void labOrders.load()} loading={loading} />
        {canCreate ? (
          <Button onClick={() => setCreating(true)} data-testid="lab-order-add">
            {t('labo.add')}
          </Button>
        ) : null}
      </div>
      {error ? (
        <Alert tone="danger" title={t('error.title')} testId="lab-orders-error">
          {errorText(error, lang)}
        </Alert>
      ) : null}
      <Card flush>
        <DataTable
          testId="lab-orders-table"
          label={t('labo.title')}
          columns={columns}
          data={data ?? NONE}
          getRowId={(r) => r.id}
          busy={loading}
          empty={data ? t('table.empty') : t('app.loading')}
          tools={<SearchBox value={search} onChange={setSearch} placeholder={t('labo.search')} testId="lab-orders-search" />}
        />
      </Card>
      <CreateOrderModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(r) => {
          setCreated(r);
          void labOrders.load();
        }}
      />
      <CreatedModal result={created} onClose={() => setCreated(null)} />
    </div>
  );
}
