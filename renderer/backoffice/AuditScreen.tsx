import { useEffect, useMemo, useState } from 'react';
import type { AuditEntry } from '../../shared/contract';
import { useLang, useT } from '../i18n';
import { errorText } from '../lib/errors';
import { formatDateTime, formatNumber } from '../lib/format';
import { Alert, Badge, Button, Card, columnsFor, DataTable, Modal, RefreshButton, type ServerPaging } from '../ui';
import { audit, auditVerify } from './store';

const DEBOUNCE_MS = 300;
const NO_ENTRIES: AuditEntry[] = [];

function json(value: unknown): string {
  if (value === null || value === undefined) return '—';
  return JSON.stringify(value, null, 2);
}

function EntryDetail({ entry, onClose }: { entry: AuditEntry | null; onClose: () => void }) {
  const t = useT();
  const lang = useLang();
  return (
    <Modal open={entry !== null} onClose={onClose} title={entry ? t('audit.detail', { seq: entry.seq }) : ''} wide testId="audit-detail">
      {entry ? (
        <>
          <dl className="detail">
            <dt>{t('audit.col.at')}</dt>
            <dd>{formatDateTime(entry.at, lang)}</dd>
            <dt>{t('audit.col.actor')}</dt>
            <dd>{entry.actorName ?? t('audit.system')}</dd>
            <dt>{t('audit.col.action')}</dt>
            <dd className="mono">{entry.action}</dd>
            <dt>{t('audit.col.entity')}</dt>
            <dd className="mono">
              {entry.entity}
              {entry.entityId ? ` · ${entry.entityId}` : ''}
            </dd>
            <dt>{t('audit.col.hash')}</dt>
            <dd className="hash">{entry.hash}</dd>
          </dl>
          <div className="grid-2">
            <div className="stack" style={{ gap: 'var(--s-2)' }}>
              <strong>{t('audit.before')}</strong>
              <pre className="json">{json(entry.before)}</pre>
            </div>
            <div className="stack" style={{ gap: 'var(--s-2)' }}>
              <strong>{t('audit.after')}</strong>
              <pre className="json">{json(entry.after)}</pre>
            </div>
          </div>
        </>
      ) : null}
    </Modal>
  );
}

function VerifyResult() {
  const t = useT();
  const lang = useLang();
  const result = auditVerify.use((s) => s.data);
  const error = auditVerify.use((s) => s.error);
  if (error)
    return (
      <Alert tone="danger" testId="audit-verify-result">
        {errorText(error, lang)}
      </Alert>
    );
  if (!result) return null;
  if (result.ok)
    return (
      <Alert tone="success" testId="audit-verify-result">
        <span data-state="ok">{t('audit.verifyOk', { checked: formatNumber(result.checked, lang) })}</span>
        {result.headHash ? <div className="hash">{t('audit.verifyOkHead', { hash: result.headHash })}</div> : null}
      </Alert>
    );
  return (
    <Alert tone="danger" testId="audit-verify-result">
      <span data-state="bad">{t('audit.verifyBad', { seq: result.firstBadSeq ?? '?', checked: formatNumber(result.checked, lang) })}</span>
    </Alert>
  );
}

export function AuditScreen() {
  const t = useT();
  const lang = useLang();
  const query = audit.use((s) => s.query);
  const data = audit.use((s) => s.data);
  const error = audit.use((s) => s.error);
  const loading = audit.use((s) => s.loading);
  const verifying = auditVerify.use((s) => s.loading);
  const [entity, setEntity] = useState(query.entity);
  const [open, setOpen] = useState<AuditEntry | null>(null);

  useEffect(() => {
    void audit.load();
  }, []);

  useEffect(() => {
    if (entity === audit.store.getState().query.entity) return;
    const timer = window.setTimeout(() => void audit.load({ ...audit.store.getState().query, entity, pageIndex: 0 }), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [entity]);

  const columns = useMemo(() => {
    const col = columnsFor<AuditEntry>();
    return col.columns([
      col.accessor('seq', { header: t('audit.col.seq'), meta: { align: 'end', width: '4.5rem' } }),
      col.accessor('at', { header: t('audit.col.at'), cell: (c) => formatDateTime(c.getValue(), lang), meta: { nowrap: true } }),
      col.accessor('actorName', { header: t('audit.col.actor'), cell: (c) => c.getValue() ?? <span className="muted">{t('audit.system')}</span> }),
      col.accessor('action', { header: t('audit.col.action'), cell: (c) => <Badge tone="info">{c.getValue()}</Badge> }),
      col.accessor('entity', { header: t('audit.col.entity'), cell: (c) => <span className="mono">{c.getValue()}</span> }),
      col.accessor('entityId', { header: t('audit.col.entityId'), cell: (c) => <span className="mono">{c.getValue() ?? t('common.none')}</span> }),
      col.accessor('hash', { header: t('audit.col.hash'), cell: (c) => <span className="hash" title={c.getValue()}>{c.getValue().slice(0, 12)}…</span> }),
      col.display({
        id: 'open',
        header: '',
        cell: (c) => (
          <Button size="sm" variant="ghost" onClick={() => setOpen(c.row.original)} aria-label={t('audit.detail', { seq: c.row.original.seq })}>
            {t('audit.show')}
          </Button>
        ),
      }),
    ]);
  }, [t, lang]);

  const paging: ServerPaging = {
    total: data?.total ?? 0,
    pageIndex: query.pageIndex,
    pageSize: query.pageSize,
    onChange: (p) => void audit.load({ ...audit.store.getState().query, ...p }),
  };

  return (
    <div className="page" data-testid="audit-screen">
      <div className="page-head">
        <div>
          <h1>{t('audit.title')}</h1>
          <div className="sub">{t('audit.subtitle')}</div>
        </div>
        <span className="spacer" />
        <RefreshButton onClick={() => void audit.load()} loading={loading} />
        <Button onClick={() => void auditVerify.load()} busy={verifying} data-testid="audit-verify">
          {verifying ? t('audit.verifying') : t('audit.verify')}
        </Button>
      </div>
      <VerifyResult />
      {error ? (
        <Alert tone="danger" title={t('error.title')} testId="audit-error">
          {errorText(error, lang)}
        </Alert>
      ) : null}
      <Card flush>
        <DataTable
          testId="audit-table"
          label={t('audit.title')}
          columns={columns}
          data={data?.entries ?? NO_ENTRIES}
          getRowId={(r) => String(r.seq)}
          server={paging}
          busy={loading}
          empty={data ? t('table.empty') : t('app.loading')}
          tools={
            <label className="row" style={{ gap: 'var(--s-2)', fontSize: 'var(--t-sm)', fontWeight: 600 }}>
              {t('audit.entity')}
              <input
                className="input"
                style={{ width: '14rem' }}
                type="search"
                value={entity}
                maxLength={64}
                placeholder={t('audit.entityPlaceholder')}
                onChange={(e) => setEntity(e.target.value)}
                data-testid="audit-entity"
              />
            </label>
          }
        />
      </Card>
      <EntryDetail entry={open} onClose={() => setOpen(null)} />
    </div>
  );
}
