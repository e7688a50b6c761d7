// The sync screen (#/sinkronisasi): how this terminal stands with the central API, a "sync now"
// button, the queue of unsent entries, the entries the centre rejected (kept, never dropped), the
// overpayments a double payment left behind (the admin decides refund or credit), and — for the
// admin — the central server this terminal is enrolled with.
import { useEffect, useRef, useState } from 'react';
import type { OutboxEntry, OverpaymentRow, SyncStatus } from '../../shared/contract';
import { useLang, useT } from '../i18n';
import { errorText } from '../lib/errors';
import { channelLabel } from '../lib/labels';
import { formatDateTime, formatNumber, formatPeriod } from '../lib/format';
import { useNow } from '../lib/useNow';
import { Segmented, TextAreaField } from '../master/controls';
import { FormModal, useOpForm } from '../master/form';
import { useSession } from '../session/store';
import { mayCall } from '../shell/routes';
import { Alert, Badge, Button, Card, Field, Money, StatTile, Tabs, toast } from '../ui';
import { outboxDead, outboxPending, overpayments, syncNow, syncStatus } from './store';
import { formatAge, outboxKindLabel, syncState, syncStateText } from './status';
import './sync.css';

type TabKey = 'queue' | 'dead' | 'overpayments';

function StatusCard({ status }: { status: SyncStatus | null }) {
  const t = useT();
  const lang = useLang();
  const now = useNow(15_000);
  const state = syncState(status);
  const age = status && status.pending > 0 ? formatAge(status.oldestPendingAt, now, lang) : null;
  return (
    <Card title={t('sync.card.status')} data-testid="sync-status-card">
      <div className="stats sync-stats">
        <StatTile
          label={t('sync.stat.state')}
          value={state === 'online' ? t('sync.tile.online') : syncStateText(state, lang)}
          tone={state === 'online' ? 'success' : state === 'offline' ? 'danger' : 'info'}
          sub={status?.lastSuccessAt ? t('sync.stat.lastSuccess', { at: formatDateTime(status.lastSuccessAt, lang) }) : t('sync.summary.never')}
          testId="sync-stat-state"
        />
        <StatTile
          label={t('sync.stat.pending')}
          value={formatNumber(status?.pending ?? 0, lang)}
          tone={status && status.pending > 0 ? 'warning' : 'success'}
          sub={age ? t('sync.indicator.waiting', { age }) : t('sync.stat.pendingNone')}
          testId="sync-stat-pending"
        />
        <StatTile
          label={t('sync.stat.dead')}
          value={formatNumber(status?.deadLetters ?? 0, lang)}
          tone={status && status.deadLetters > 0 ? 'danger' : 'success'}
          sub={t('sync.stat.deadSub')}
          testId="sync-stat-dead"
        />
        <StatTile
          label={t('sync.stat.overpayments')}
          value={formatNumber(status?.overpaymentsOpen ?? 0, lang)}
          tone={status && status.overpaymentsOpen > 0 ? 'warning' : 'success'}
          sub={t('sync.stat.deferred', { count: formatNumber(status?.deferred ?? 0, lang) })}
          testId="sync-stat-overpayments"
        />
      </div>
      {status?.lastError ? (
        <div style={{ marginTop: 'var(--s-4)' }}>
          <Alert tone="danger" title={status.lastErrorAt ? t('sync.lastErrorAt', { at: formatDateTime(status.lastErrorAt, lang) }) : t('sync.lastError')} testId="sync-last-error">
            {status.lastError}
          </Alert>
        </div>
      ) : null}
      <dl className="sync-facts">
        <dt>{t('sync.fact.server')}</dt>
        <dd className="mono" data-testid="sync-central-url">
          {status?.centralUrl ?? t('sync.notConfigured')}
        </dd>
        <dt>{t('sync.fact.lastSuccess')}</dt>
        <dd>{status?.lastSuccessAt ? formatDateTime(status.lastSuccessAt, lang) : t('common.none')}</dd>
        <dt>{t('sync.fact.oldest')}</dt>
        <dd>{status?.oldestPendingAt ? formatDateTime(status.oldestPendingAt, lang) : t('common.none')}</dd>
      </dl>
    </Card>
  );
}

/** the admin's central server settings: the current enrolment and a form to enrol (again) */
function CentralSettings({ status }: { status: SyncStatus | null }) {
  const t = useT();
  const form = useOpForm('sync.enrol');
  const configured = status?.configured ?? false;
  const [open, setOpen] = useState(false);
  const [centralUrl, setCentralUrl] = useState('');
  const [enrolmentCode, setEnrolmentCode] = useState('');
  const [officeCode, setOfficeCode] = useState('');
  const showForm = !configured || open;

  // the first known address fills the field once: what the admin types afterwards stays
  const filled = useRef(false);
  useEffect(() => {
    if (filled.current || !status?.centralUrl) return;
    filled.current = true;
    setCentralUrl(status.centralUrl);
  }, [status?.centralUrl]);

  const submit = async () => {
    const result = await form.submit({ centralUrl: centralUrl.trim(), enrolmentCode: enrolmentCode.trim(), officeCode: officeCode.trim().toUpperCase() });
    if (!result) return;
    syncStatus.store.setState({ data: result, error: null, loadedAt: Date.now() });
    void syncStatus.load();
    setEnrolmentCode('');
    setOpen(false);
    toast.success(t('sync.enrol.done', { url: result.centralUrl ?? centralUrl }));
  };

  return (
    <Card title={t('sync.enrol.title')} data-testid="sync-settings">
      <div className="stack">
        {configured ? (
          <Alert tone="success" testId="sync-enrolled">
            {t('sync.enrol.current', { url: status?.centralUrl ?? '' })}
          </Alert>
        ) : (
          <Alert tone="warning" testId="sync-not-enrolled">
            {t('sync.enrol.none')}
          </Alert>
        )}
        {showForm ? (
          <form
            className="stack"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              if (!form.busy) void submit();
            }}
            data-testid="sync-enrol-form"
          >
            {form.failure ? (
              <Alert tone="danger" testId="sync-enrol-error">
                {form.failure.text}
              </Alert>
            ) : null}
            <Field
              label={t('sync.enrol.url')}
              value={centralUrl}
              onChange={(e) => setCentralUrl(e.target.value)}
              error={form.errors.centralUrl}
              placeholder="https://e-retribusi.example.go.id"
              inputMode="url"
              autoComplete="off"
              spellCheck={false}
              maxLength={200}
              testId="sync-enrol-url"
            />
            <Field
              label={t('sync.enrol.code')}
              hint={t('sync.enrol.codeHint')}
              value={enrolmentCode}
              onChange={(e) => setEnrolmentCode(e.target.value)}
              error={form.errors.enrolmentCode}
              autoComplete="off"
              spellCheck={false}
              maxLength={64}
              testId="sync-enrol-code"
            />
            <Field
              label={t('sync.enrol.office')}
              hint={t('sync.enrol.officeHint')}
              value={officeCode}
              onChange={(e) => setOfficeCode(e.target.value.toUpperCase())}
              error={form.errors.officeCode}
              autoComplete="off"
              spellCheck={false}
              maxLength={32}
              className="mono"
              testId="sync-enrol-office"
            />
            {configured ? <p className="sync-sub">{t('sync.enrol.replaceNote')}</p> : null}
            <div className="row">
              <Button type="submit" busy={form.busy} data-testid="sync-enrol-submit">
                {form.busy ? t('sync.enrol.busy') : t('sync.enrol.submit')}
              </Button>
              {configured ? (
                <Button
                  variant="ghost"
                  onClick={() => {
                    setOpen(false);
                    form.reset();
                  }}
                  disabled={form.busy}
                >
                  {t('common.cancel')}
                </Button>
              ) : null}
            </div>
          </form>
        ) : (
          <div>
            <Button variant="secondary" onClick={() => setOpen(true)} data-testid="sync-enrol-open">
              {t('sync.enrol.change')}
            </Button>
          </div>
        )}
      </div>
    </Card>
  );
}

function OutboxTable({ entries, dead, testId }: { entries: OutboxEntry[]; dead: boolean; testId: string }) {
  const t = useT();
  const lang = useLang();
  return (
    <div className="table-wrap">
      <table className="data" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{t('sync.col.created')}</th>
            <th scope="col">{t('sync.col.kind')}</th>
            <th scope="col">{t('sync.col.record')}</th>
            <th scope="col" className="num">
              {t('sync.col.attempts')}
            </th>
            {dead ? (
              <>
                <th scope="col">{t('sync.col.deadAt')}</th>
                <th scope="col">{t('sync.col.reason')}</th>
              </>
            ) : (
              <>
                <th scope="col">{t('sync.col.next')}</th>
                <th scope="col">{t('sync.col.lastError')}</th>
              </>
            )}
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} data-testid={dead ? 'sync-dead-row' : 'sync-queue-row'} data-kind={e.kind}>
              <td className="nowrap">{e.createdAt ? formatDateTime(e.createdAt, lang) : t('common.none')}</td>
              <td className="nowrap">{outboxKindLabel(e.kind, lang)}</td>
              <td>
                <span className="mono sync-record" title={e.recordId}>
                  {e.recordId}
                </span>
              </td>
              <td className="num">{formatNumber(e.attempts, lang)}</td>
              {dead ? (
                <>
                  <td className="nowrap">{e.deadAt ? formatDateTime(e.deadAt, lang) : t('common.none')}</td>
                  <td className="sync-reason">{e.deadReason ?? e.lastError ?? t('common.none')}</td>
                </>
              ) : (
                <>
                  <td className="nowrap">{e.nextAttemptAt ? formatDateTime(e.nextAttemptAt, lang) : t('sync.col.nextNow')}</td>
                  <td className={e.lastError ? 'sync-reason' : 'muted'}>{e.lastError ?? t('common.none')}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function OutboxPanel({ dead }: { dead: boolean }) {
  const t = useT();
  const lang = useLang();
  const resource = dead ? outboxDead : outboxPending;
  const data = resource.use((s) => s.data);
  const error = resource.use((s) => s.error);
  useEffect(() => {
    void resource.load();
  }, [resource]);
  const entries = data?.entries ?? [];
  const total = data?.total ?? 0;
  return (
    <div data-testid={dead ? 'sync-dead-panel' : 'sync-queue-panel'}>
      <div className="sync-panel-note">
        <Alert tone={dead && total > 0 ? 'warning' : 'info'} testId={dead ? 'sync-dead-note' : 'sync-queue-note'}>
          {dead ? t('sync.dead.note') : t('sync.queue.note')}
        </Alert>
      </div>
      {error ? (
        <div className="sync-panel-note">
          <Alert tone="danger" title={t('error.title')}>
            {errorText(error, lang)}
          </Alert>
        </div>
      ) : null}
      {data === null && !error ? (
        <div className="table-empty">{t('app.loading')}</div>
      ) : entries.length === 0 ? (
        <div className="table-empty" data-testid={dead ? 'sync-dead-empty' : 'sync-queue-empty'}>
          {dead ? t('sync.dead.none') : t('sync.queue.none')}
        </div>
      ) : (
        <>
          <OutboxTable entries={entries} dead={dead} testId={dead ? 'sync-dead-table' : 'sync-queue-table'} />
          {total > entries.length ? <div className="pager">{t('sync.shown', { shown: formatNumber(entries.length, lang), total: formatNumber(total, lang) })}</div> : null}
        </>
      )}
    </div>
  );
}

function DecideModal({ row, onClose }: { row: OverpaymentRow | null; onClose: () => void }) {
  const t = useT();
  const lang = useLang();
  const form = useOpForm('overpayment.decide');
  const [decision, setDecision] = useState<'refund' | 'credit'>('refund');
  const [note, setNote] = useState('');
  const { reset } = form;
  useEffect(() => {
    setDecision('refund');
    setNote('');
    reset();
  }, [row?.id, reset]);
  if (!row) return null;
  const submit = async () => {
    const result = await form.submit({ id: row.id, decision, note: note.trim() });
    if (!result) return;
    toast.success(t(decision === 'refund' ? 'sync.op.decidedRefund' : 'sync.op.decidedCredit', { skrd: row.skrdNo }));
    void overpayments.load();
    void syncStatus.load();
    onClose();
  };
  return (
    <FormModal
      open
      title={t('sync.op.decideTitle', { skrd: row.skrdNo })}
      testId="overpayment-decide"
      submitLabel={t('sync.op.decideSubmit')}
      busy={form.busy}
      failure={form.failure}
      errors={form.errors}
      onSubmit={() => void submit()}
      onClose={onClose}
    >
      <dl className="sync-facts" style={{ marginTop: 0 }}>
        <dt>{t('sync.op.col.payer')}</dt>
        <dd>
          {row.payerName} · <span className="mono">{row.idpel}</span>
        </dd>
        <dt>{t('sync.op.col.bill')}</dt>
        <dd>
          <span className="mono">{row.skrdNo}</span> · {formatPeriod(row.period, lang)}
        </dd>
        <dt>{t('sync.op.col.amount')}</dt>
        <dd>
          <strong>
            <Money value={row.amount} />
          </strong>
        </dd>
        <dt>{t('sync.op.col.kept')}</dt>
        <dd>
          <span className="mono">{row.keptReceipt}</span> · {channelLabel(row.keptChannel, lang)}
        </dd>
        <dt>{t('sync.op.col.extra')}</dt>
        <dd>
          <span className="mono">{row.extraReceipt}</span> · {channelLabel(row.extraChannel, lang)}
        </dd>
      </dl>
      <fieldset className="sync-choice" data-testid="overpayment-decision">
        <legend className="visually-hidden">{t('sync.op.decision')}</legend>
        <label>
          <input type="radio" name="op-decision" value="refund" checked={decision === 'refund'} onChange={() => setDecision('refund')} data-testid="overpayment-refund" />
          <span>
            <strong>{t('sync.op.refund')}</strong>
            <small>{t('sync.op.refundHint')}</small>
          </span>
        </label>
        <label>
          <input type="radio" name="op-decision" value="credit" checked={decision === 'credit'} onChange={() => setDecision('credit')} data-testid="overpayment-credit" />
          <span>
            <strong>{t('sync.op.credit')}</strong>
            <small>{t('sync.op.creditHint')}</small>
          </span>
        </label>
      </fieldset>
      <TextAreaField label={t('sync.op.note')} hint={t('sync.op.noteHint')} value={note} onChange={(e) => setNote(e.target.value)} error={form.errors.note} maxLength={500} className="input textarea sync-note" testId="overpayment-note" />
    </FormModal>
  );
}

function OverpaymentPanel({ canDecide }: { canDecide: boolean }) {
  const t = useT();
  const lang = useLang();
  const openOnly = overpayments.use((s) => s.query);
  const rows = overpayments.use((s) => s.data);
  const error = overpayments.use((s) => s.error);
  const [deciding, setDeciding] = useState<OverpaymentRow | null>(null);
  useEffect(() => {
    void overpayments.load();
  }, []);
  const list = rows ?? [];
  return (
    <div data-testid="sync-overpayments-panel">
      <div className="sync-toolbar">
        <Segmented
          label={t('sync.op.filter')}
          value={openOnly ? 'open' : 'all'}
          onChange={(v) => void overpayments.load(v === 'open')}
          options={[
            { value: 'open', label: t('sync.op.filterOpen') },
            { value: 'all', label: t('common.all') },
          ]}
          testId="overpayment-filter"
        />
        <span className="sync-sub">{canDecide ? t('sync.op.note.admin') : t('sync.op.note.readOnly')}</span>
      </div>
      {error ? (
        <div className="sync-panel-note">
          <Alert tone="danger" title={t('error.title')}>
            {errorText(error, lang)}
          </Alert>
        </div>
      ) : null}
      {rows === null && !error ? (
        <div className="table-empty">{t('app.loading')}</div>
      ) : list.length === 0 ? (
        <div className="table-empty" data-testid="overpayments-empty">
          {openOnly ? t('sync.op.noneOpen') : t('sync.op.none')}
        </div>
      ) : (
        <div className="table-wrap">
          <table className="data" data-testid="overpayments-table">
            <thead>
              <tr>
                <th scope="col">{t('sync.op.col.detected')}</th>
                <th scope="col">{t('sync.op.col.bill')}</th>
                <th scope="col">{t('sync.op.col.payer')}</th>
                <th scope="col" className="num">
                  {t('sync.op.col.amount')}
                </th>
                <th scope="col">{t('sync.op.col.kept')}</th>
                <th scope="col">{t('sync.op.col.extra')}</th>
                <th scope="col">{t('sync.op.col.decision')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((r) => (
                <tr key={r.id} data-testid="overpayment-row" data-id={r.id}>
                  <td className="nowrap">{formatDateTime(r.detectedAt, lang)}</td>
                  <td>
                    <div className="mono sync-receipt">{r.skrdNo}</div>
                    <div className="sync-sub">
                      {formatPeriod(r.period, lang)} · <span className="mono">{r.idpel}</span>
                    </div>
                  </td>
                  <td>{r.payerName}</td>
                  <td className="num">
                    <strong>
                      <Money value={r.amount} />
                    </strong>
                  </td>
                  <td>
                    <div className="mono sync-receipt">{r.keptReceipt}</div>
                    <div className="sync-sub">{channelLabel(r.keptChannel, lang)}</div>
                  </td>
                  <td>
                    <div className="mono sync-receipt">{r.extraReceipt}</div>
                    <div className="sync-sub">{channelLabel(r.extraChannel, lang)}</div>
                  </td>
                  <td>
                    {r.decision ? (
                      <div className="sync-decision" data-testid="overpayment-decided">
                        <Badge tone={r.decision.decision === 'refund' ? 'info' : 'success'}>{t(r.decision.decision === 'refund' ? 'sync.op.refund' : 'sync.op.credit')}</Badge>
                        <div className="sync-sub">{t('sync.op.decidedBy', { by: r.decision.by, at: formatDateTime(r.decision.at, lang) })}</div>
                        <div>{r.decision.note}</div>
                      </div>
                    ) : canDecide ? (
                      <Button size="sm" onClick={() => setDeciding(r)} data-testid="overpayment-decide-open">
                        {t('sync.op.decide')}
                      </Button>
                    ) : (
                      <Badge tone="warning">{t('sync.op.waiting')}</Badge>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <DecideModal row={deciding} onClose={() => setDeciding(null)} />
    </div>
  );
}

export function SyncScreen() {
  const t = useT();
  const lang = useLang();
  const role = useSession((s) => s.info?.user.role ?? null);
  const status = syncStatus.use((s) => s.data);
  const statusError = syncStatus.use((s) => s.error);
  const canSeeOutbox = role !== null && mayCall(role, 'sync.outbox');
  const canDecide = role !== null && mayCall(role, 'overpayment.decide');
  const canEnrol = role !== null && mayCall(role, 'sync.enrol');
  const [tab, setTab] = useState<TabKey>(canSeeOutbox ? 'queue' : 'overpayments');
  const [syncing, setSyncing] = useState(false);

  useEffect(() => {
    void syncStatus.load();
  }, []);

  const running = syncing || (status?.running ?? false);
  const runNow = async () => {
    if (syncing) return;
    setSyncing(true);
    try {
      const after = await syncNow();
      if (after.lastError) toast.error(t('sync.now.failed', { error: after.lastError }));
      else toast.success(t('sync.now.done'));
    } catch (err) {
      toast.error(errorText(err, lang));
    } finally {
      setSyncing(false);
      if (canSeeOutbox) {
        void outboxPending.load();
        void outboxDead.load();
      }
      void overpayments.load();
    }
  };

  const tabs = [
    ...(canSeeOutbox
      ? [
          { key: 'queue' as const, label: t('sync.tab.queue', { count: formatNumber(status?.pending ?? 0, lang) }) },
          { key: 'dead' as const, label: t('sync.tab.dead', { count: formatNumber(status?.deadLetters ?? 0, lang) }) },
        ]
      : []),
    { key: 'overpayments' as const, label: t('sync.tab.overpayments', { count: formatNumber(status?.overpaymentsOpen ?? 0, lang) }) },
  ];

  return (
    <div className="page" data-testid="sync-screen">
      <div className="page-head">
        <div>
          <h1>{t('sync.title')}</h1>
          <div className="sub">{t('sync.subtitle')}</div>
        </div>
        <span className="spacer" />
        <Button onClick={() => void runNow()} busy={running} disabled={!status?.configured} data-testid="sync-now">
          {running ? t('sync.now.running') : t('sync.now')}
        </Button>
      </div>
      {statusError ? (
        <Alert tone="danger" title={t('error.title')}>
          {errorText(statusError, lang)}
        </Alert>
      ) : null}
      <div className={canEnrol ? 'sync-top' : 'sync-top single'}>
        <StatusCard status={status} />
        {canEnrol ? <CentralSettings status={status} /> : null}
      </div>
      <Card flush>
        <Tabs label={t('sync.title')} tabs={tabs} active={tab} onChange={setTab}>
          {tab === 'overpayments' ? <OverpaymentPanel canDecide={canDecide} /> : <OutboxPanel key={tab} dead={tab === 'dead'} />}
        </Tabs>
        {!canSeeOutbox ? (
          <div className="sync-panel-note" style={{ paddingBottom: 'var(--s-3)' }}>
            <span className="sync-sub">{t('sync.queue.backOfficeOnly')}</span>
          </div>
        ) : null}
      </Card>
    </div>
  );
}
