// Penerbitan tagihan: choose a run and its period → preview (how many bills, the total, what
// already exists, what is skipped and why, a few sample bills) → issue them in one transaction.
import { useEffect, useMemo, useState } from 'react';
import type { RunKind, RunPreview, RunResult } from '../../shared/contract';
import { formatRupiah } from '../../shared/money';
import { call } from '../api';
import { useLang, useT } from '../i18n';
import { errorText } from '../lib/errors';
import { formatDateTime, formatNumber, formatPeriod } from '../lib/format';
import { useNow } from '../lib/useNow';
import { Segmented } from '../master/controls';
import { useSession } from '../session/store';
import { mayCall } from '../shell/routes';
import { Alert, Badge, Button, Card, columnsFor, DataTable, Modal, Money, StatTile } from '../ui';
import { defaultPeriod, elapsedSeconds, groupSkips, isDaily, isValidPeriod, RUN_KINDS, shiftPeriod } from './runs';
import { runHistory } from './store';
import './billing.css';

type PreviewState = { state: 'idle' } | { state: 'loading' } | { state: 'failed'; text: string } | { state: 'ready'; preview: RunPreview };
type RunState = { state: 'idle' } | { state: 'confirm' } | { state: 'running'; startedAt: number; expected: number } | { state: 'done'; result: RunResult } | { state: 'failed'; text: string };

type HistoryRow = RunResult & { at: string; byName: string };

function SkipGroups({ preview }: { preview: RunPreview }) {
  const t = useT();
  const lang = useLang();
  const groups = groupSkips(preview.skipped);
  return (
    <Card title={t('runs.skipped', { count: formatNumber(preview.skipped.length, lang) })} data-testid="run-skipped">
      {groups.length === 0 ? (
        <p className="muted">{t('runs.noSkips')}</p>
      ) : (
        <div className="skip-groups">
          {groups.map((g) => (
            <details key={g.reason} className="skip-group" data-testid={`run-skip-${g.reason}`}>
              <summary>
                <span>{t(`runs.skip.${g.reason}`)}</span>
                <Badge tone={g.reason === 'tarif_tidak_ada' ? 'danger' : 'neutral'} testId={`run-skip-${g.reason}-count`}>
                  {formatNumber(g.count, lang)}
                </Badge>
              </summary>
              <ul>
                {g.items.map((s, i) => (
                  <li key={`${s.objectLabel}-${i}`}>
                    <strong>{s.objectLabel}</strong> <span className="muted">— {s.detail}</span>
                  </li>
                ))}
              </ul>
            </details>
          ))}
        </div>
      )}
    </Card>
  );
}

function Samples({ preview }: { preview: RunPreview }) {
  const t = useT();
  return (
    <Card title={t('runs.samples', { count: preview.sample.length })} data-testid="run-samples">
      {preview.sample.length === 0 ? (
        <p className="muted">{t('runs.noSamples')}</p>
      ) : (
        <div className="samples">
          {preview.sample.map((s) => (
            <div key={s.idpel} className="sample-bill" data-testid="run-sample">
              <div className="sample-bill-head">
                <div>
                  <strong>{s.objectLabel}</strong> · {s.payerName}
                  <div className="mono muted small">{s.idpel}</div>
                </div>
                <span className="spacer" />
                <strong>
                  <Money value={s.principal} />
                </strong>
              </div>
              <ul className="bill-lines-list">
                {s.lines.map((l, i) => (
                  <li key={i}>
                    <span>{l.description}</span>
                    <Money value={l.amount} />
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      )}
    </Card>
  );
}

function Running({ run }: { run: { startedAt: number; expected: number } }) {
  const t = useT();
  const lang = useLang();
  const now = useNow(250);
  return (
    <div className="run-progress" role="status" aria-live="polite" data-testid="run-progress">
      <div className="row">
        <span className="spinner" aria-hidden="true" />
        <strong>{t('runs.running', { count: formatNumber(run.expected, lang) })}</strong>
        <span className="spacer" />
        <span className="muted" data-testid="run-elapsed">
          {t('runs.elapsed', { seconds: elapsedSeconds(run.startedAt, now.getTime()) })}
        </span>
      </div>
      <div className="progress indeterminate" role="progressbar" aria-label={t('runs.running', { count: run.expected })}>
        <span />
      </div>
      <p className="muted small">{t('runs.runningNote')}</p>
    </div>
  );
}

function useHistoryColumns() {
  const t = useT();
  const lang = useLang();
  return useMemo(() => {
    const col = columnsFor<HistoryRow>();
    return col.columns([
      col.accessor('at', { header: t('runs.col.at'), cell: (c) => formatDateTime(c.getValue(), lang), meta: { nowrap: true } }),
      col.accessor('kind', { header: t('runs.col.kind'), cell: (c) => t(`runs.kind.${c.getValue()}`) }),
      col.accessor('period', { header: t('runs.col.period'), cell: (c) => formatPeriod(c.getValue(), lang), meta: { nowrap: true } }),
      col.accessor('created', { header: t('runs.col.created'), cell: (c) => formatNumber(c.getValue(), lang), meta: { align: 'end' } }),
      col.accessor('existing', { header: t('runs.col.existing'), cell: (c) => formatNumber(c.getValue(), lang), meta: { align: 'end' } }),
      col.accessor('skipped', { header: t('runs.col.skipped'), cell: (c) => formatNumber(c.getValue(), lang), meta: { align: 'end' } }),
      col.accessor('total', { header: t('runs.col.total'), cell: (c) => <Money value={c.getValue()} />, meta: { align: 'end' } }),
      col.accessor('byName', { header: t('runs.col.by') }),
    ]);
  }, [t, lang]);
}

export function BillRunsScreen() {
  const t = useT();
  const lang = useLang();
  const role = useSession((s) => s.info?.user.role ?? null);
  const canRun = role !== null && mayCall(role, 'billing.run');
  const [kind, setKind] = useState<RunKind>('rusunawa');
  const [period, setPeriod] = useState(() => defaultPeriod('rusunawa'));
  const [preview, setPreview] = useState<PreviewState>({ state: 'idle' });
  const [run, setRun] = useState<RunState>({ state: 'idle' });
  const history = runHistory.use((s) => s.data);
  const historyError = runHistory.use((s) => s.error);
  const historyColumns = useHistoryColumns();
  const valid = isValidPeriod(kind, period);

  useEffect(() => {
    void runHistory.load();
  }, []);

  const chooseKind = (k: RunKind) => {
    if (k === kind) return;
    // switching between a monthly and the daily run changes what a period is
    if (isDaily(k) !== isDaily(kind)) setPeriod(defaultPeriod(k));
    setKind(k);
    setPreview({ state: 'idle' });
    setRun({ state: 'idle' });
  };
  const choosePeriod = (p: string) => {
    setPeriod(p);
    setPreview({ state: 'idle' });
    setRun({ state: 'idle' });
  };

  const loadPreview = async (k = kind, p = period) => {
    setPreview({ state: 'loading' });
    try {
      setPreview({ state: 'ready', preview: await call('billing.preview', { kind: k, period: p }) });
    } catch (err) {
      setPreview({ state: 'failed', text: errorText(err, lang) });
    }
  };

  const issue = async () => {
    const expected = preview.state === 'ready' ? preview.preview.toCreate : 0;
    setRun({ state: 'running', startedAt: Date.now(), expected });
    try {
      const result = await call('billing.run', { kind, period });
      setRun({ state: 'done', result });
      void runHistory.load();
      void loadPreview(kind, period);
    } catch (err) {
      setRun({ state: 'failed', text: errorText(err, lang) });
    }
  };

  const shown = preview.state === 'ready' ? preview.preview : null;
  const running = run.state === 'running';
  return (
    <div className="page" data-testid="runs-screen">
      <div className="page-head">
        <div>
          <h1>{t('runs.title')}</h1>
          <div className="sub">{t('runs.subtitle')}</div>
        </div>
      </div>
      {!canRun ? (
        <Alert tone="info" testId="runs-readonly">
          {t('runs.readOnly')}
        </Alert>
      ) : null}
      <Card>
        <form
          className="run-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (valid && !running) void loadPreview();
          }}
          noValidate
        >
          <div className="field">
            <span className="field-label">{t('runs.kind')}</span>
            <Segmented label={t('runs.kind')} value={kind} onChange={chooseKind} options={RUN_KINDS.map((k) => ({ value: k, label: t(`runs.kind.${k}`) }))} testId="run-kind" />
          </div>
          <div className="field">
            <label htmlFor="run-period">{isDaily(kind) ? t('runs.date') : t('runs.month')}</label>
            <div className="period-picker">
              <Button variant="secondary" onClick={() => choosePeriod(shiftPeriod(kind, period, -1))} aria-label={t('runs.prev')} disabled={running}>
                ‹
              </Button>
              <input
                id="run-period"
                className="input"
                type={isDaily(kind) ? 'date' : 'month'}
                value={period}
                onChange={(e) => choosePeriod(e.target.value)}
                aria-invalid={valid ? undefined : true}
                disabled={running}
                data-testid="run-period"
              />
              <Button variant="secondary" onClick={() => choosePeriod(shiftPeriod(kind, period, 1))} aria-label={t('runs.next')} disabled={running}>
                ›
              </Button>
            </div>
            {!valid ? <span className="error">{t('runs.periodInvalid')}</span> : null}
          </div>
          <span className="spacer" />
          <Button type="submit" variant="secondary" busy={preview.state === 'loading'} disabled={!valid || running} data-testid="run-preview">
            {t('runs.preview')}
          </Button>
          {canRun ? (
            <Button onClick={() => setRun({ state: 'confirm' })} disabled={!shown || running || preview.state !== 'ready'} data-testid="run-issue">
              {t('runs.issue')}
            </Button>
          ) : null}
        </form>
      </Card>
      {preview.state === 'failed' ? (
        <Alert tone="danger" testId="run-preview-error">
          {preview.text}
        </Alert>
      ) : null}
      {run.state === 'running' ? <Running run={run} /> : null}
      {run.state === 'failed' ? (
        <Alert tone="danger" title={t('runs.failed')} testId="run-error">
          {run.text}
        </Alert>
      ) : null}
      {run.state === 'done' ? (
        <Alert tone={run.result.created > 0 ? 'success' : 'info'} title={t('runs.doneTitle', { kind: t(`runs.kind.${run.result.kind}`), period: formatPeriod(run.result.period, lang) })} testId="run-result">
          <span data-testid="run-result-text">
            {t('runs.doneBody', { created: formatNumber(run.result.created, lang), existing: formatNumber(run.result.existing, lang), total: formatRupiah(run.result.total) })}
          </span>
          {run.result.skipped > 0 ? <div className="small">{t('runs.doneSkipped', { count: formatNumber(run.result.skipped, lang) })}</div> : null}
        </Alert>
      ) : null}
      {shown ? (
        <>
          <div className="stats stats-4" data-testid="run-preview-result">
            <StatTile testId="run-to-create" label={t('runs.toCreate')} value={formatNumber(shown.toCreate, lang)} sub={t('runs.toCreateSub', { levy: shown.levyName })} />
            <StatTile testId="run-total" tone="success" label={t('runs.total')} value={<Money value={shown.total} />} sub={formatPeriod(shown.period, lang)} />
            <StatTile testId="run-existing" tone="info" label={t('runs.existing')} value={formatNumber(shown.existing, lang)} sub={t('runs.existingSub')} />
            <StatTile testId="run-skipped-count" tone="warning" label={t('runs.skippedTile')} value={formatNumber(shown.skipped.length, lang)} sub={t('runs.skippedSub')} />
          </div>
          <p className="run-summary" data-testid="run-summary">
            {t('runs.summary', { toCreate: formatNumber(shown.toCreate, lang), existing: formatNumber(shown.existing, lang) })}
          </p>
          <div className="grid-2 align-start">
            <SkipGroups preview={shown} />
            <Samples preview={shown} />
          </div>
        </>
      ) : preview.state === 'idle' ? (
        <p className="muted">{t('runs.hint')}</p>
      ) : null}
      <Card title={t('runs.history')} flush>
        {historyError ? (
          <div className="card-pad">
            <Alert tone="danger">{errorText(historyError, lang)}</Alert>
          </div>
        ) : null}
        <DataTable testId="runs-history" label={t('runs.history')} columns={historyColumns} data={history?.runs ?? []} getRowId={(r) => r.runId} pageSize={10} empty={history ? t('runs.noHistory') : t('app.loading')} />
      </Card>
      <Modal
        open={run.state === 'confirm'}
        onClose={() => setRun({ state: 'idle' })}
        title={t('runs.confirmTitle')}
        testId="run-confirm"
        footer={
          <>
            <Button variant="ghost" onClick={() => setRun({ state: 'idle' })}>
              {t('common.cancel')}
            </Button>
            <Button onClick={() => void issue()} data-testid="run-confirm-submit">
              {t('runs.confirmSubmit', { count: shown ? formatNumber(shown.toCreate, lang) : '0' })}
            </Button>
          </>
        }
      >
        {shown ? (
          <div className="stack">
            <p>
              {shown.toCreate > 0
                ? t('runs.confirmBody', { count: formatNumber(shown.toCreate, lang), kind: t(`runs.kind.${kind}`), period: formatPeriod(shown.period, lang), total: formatRupiah(shown.total) })
                : t('runs.confirmNothing', { existing: formatNumber(shown.existing, lang) })}
            </p>
            <p className="form-note">{t('runs.confirmNote')}</p>
          </div>
        ) : null}
      </Modal>
    </div>
  );
}
