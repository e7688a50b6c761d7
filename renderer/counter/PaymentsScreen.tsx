// The clerk's last payments: look at a receipt and print it again (SALINAN), or ask the kepala
// UPTD to void a cash payment with a reason. The clerk's own void requests and their outcome
// are listed under it.
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { contract, type VoidRequestRow } from '../../shared/contract';
import { call } from '../api';
import { useLang, useT } from '../i18n';
import { errorText } from '../lib/errors';
import { formatDateTime } from '../lib/format';
import { channelLabel } from '../lib/labels';
import { fieldErrors } from '../lib/validation';
import { useSession } from '../session/store';
import { mayCall } from '../shell/routes';
import { Alert, Badge, Button, Card, columnsFor, DataTable, Modal, Money, RefreshButton, toast } from '../ui';
import { ReceiptModal, ReceiptStatus } from './ReceiptModal';
import { recentPayments, voidRequests } from './store';
import './desk.css';

type RecentRow = { paymentId: string; receiptNo: string; paidAt: string; payerName: string; idpel: string; total: number; channel: string; status: 'sah' | 'menunggu_verifikasi' | 'dibatalkan' | 'ditolak' };

function VoidRequestModal({ row, onClose }: { row: RecentRow | null; onClose: () => void }) {
  const t = useT();
  const lang = useLang();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setReason('');
    setError(null);
  }, [row]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!row || busy) return;
    const local = fieldErrors(contract['void.request'].input, { paymentId: row.paymentId, reason });
    if (local.reason) return setError(local.reason);
    setBusy(true);
    setError(null);
    try {
      await call('void.request', { paymentId: row.paymentId, reason: reason.trim() });
      toast.success(t('payments.voidRequested', { receiptNo: row.receiptNo }));
      onClose();
      void voidRequests.load();
      void recentPayments.load();
    } catch (err) {
      setError(errorText(err, lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={row !== null}
      onClose={() => !busy && onClose()}
      title={t('payments.voidTitle', { receiptNo: row?.receiptNo ?? '' })}
      testId="void-request"
      footer={
        <>
          <Button variant="ghost" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" form="void-request-form" variant="danger" busy={busy} data-testid="void-request-submit">
            {t('payments.voidSubmit')}
          </Button>
        </>
      }
    >
      <form id="void-request-form" className="stack" onSubmit={submit} noValidate>
        {row ? (
          <Alert tone="info">
            {t('payments.voidWhat', { payer: row.payerName })}
            <Money value={row.total} />
          </Alert>
        ) : null}
        <div className="field">
          <label htmlFor="void-reason">{t('payments.voidReason')}</label>
          <textarea
            id="void-reason"
            className="input close-note"
            rows={3}
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-invalid={error ? true : undefined}
            autoFocus
            data-testid="void-reason"
          />
          {error ? (
            <span className="error" data-testid="void-reason-error">
              {error}
            </span>
          ) : (
            <span className="hint">{t('payments.voidReasonHint')}</span>
          )}
        </div>
      </form>
    </Modal>
  );
}

export function DecisionBadge({ row }: { row: VoidRequestRow }) {
  const t = useT();
  if (!row.decision) return <Badge tone="warning">{t('voids.pending')}</Badge>;
  return <Badge tone={row.decision.decision === 'setuju' ? 'success' : 'neutral'}>{row.decision.decision === 'setuju' ? t('voids.approved', { by: row.decision.by }) : t('voids.rejected', { by: row.decision.by })}</Badge>;
}

export function PaymentsScreen() {
  const t = useT();
  const lang = useLang();
  const me = useSession((s) => s.info?.user ?? null);
  const canVoid = me !== null && mayCall(me.role, 'void.request');
  const mineOnly = recentPayments.use((s) => s.query);
  const data = recentPayments.use((s) => s.data);
  const error = recentPayments.use((s) => s.error);
  const loading = recentPayments.use((s) => s.loading);
  const requests = voidRequests.use((s) => s.data);
  const [shown, setShown] = useState<string | null>(null);
  const [voiding, setVoiding] = useState<RecentRow | null>(null);

  useEffect(() => {
    void recentPayments.load();
    void voidRequests.load(false);
  }, []);

  const pendingIds = useMemo(() => new Set((requests ?? []).filter((r) => !r.decision).map((r) => r.paymentId)), [requests]);
  const columns = useMemo(() => {
    const col = columnsFor<RecentRow>();
    return col.columns([
      col.accessor('paidAt', { header: t('counter.col.time'), cell: (c) => formatDateTime(c.getValue(), lang), meta: { nowrap: true } }),
      col.accessor('receiptNo', { header: t('counter.col.receipt'), cell: (c) => <span className="mono">{c.getValue()}</span>, meta: { nowrap: true } }),
      col.accessor('payerName', { header: t('counter.col.payer') }),
      col.accessor('idpel', { header: t('counter.col.idpel'), cell: (c) => <span className="mono">{c.getValue()}</span> }),
      col.accessor('channel', { header: t('counter.col.channel'), cell: (c) => channelLabel(c.getValue(), lang) }),
      col.accessor('total', { header: t('counter.col.amount'), cell: (c) => <Money value={c.getValue()} />, meta: { align: 'end' } }),
      col.accessor('status', {
        header: t('payments.col.status'),
        cell: (c) => (
          <span className="row" style={{ gap: 'var(--s-1)' }}>
            <ReceiptStatus status={c.getValue()} />
            {pendingIds.has(c.row.original.paymentId) ? <Badge tone="warning">{t('payments.voidPending')}</Badge> : null}
          </span>
        ),
      }),
      col.display({
        id: 'actions',
        header: t('users.col.actions'),
        cell: (c) => {
          const row = c.row.original;
          const mayAsk = canVoid && row.channel === 'tunai' && row.status === 'sah' && !pendingIds.has(row.paymentId);
          return (
            <span className="row" style={{ gap: 'var(--s-1)', flexWrap: 'nowrap' }}>
              <Button size="sm" variant="secondary" onClick={() => setShown(row.paymentId)} data-testid={`payment-show-${row.receiptNo}`}>
                {t('payments.show')}
              </Button>
              {mayAsk ? (
                <Button size="sm" variant="ghost" onClick={() => setVoiding(row)} data-testid={`payment-void-${row.receiptNo}`}>
                  {t('payments.void')}
                </Button>
              ) : null}
            </span>
          );
        },
      }),
    ]);
  }, [t, lang, canVoid, pendingIds]);

  const mine = (requests ?? []).filter((r) => me !== null && r.requestedById === me.id);
  return (
    <div className="page" data-testid="payments-screen">
      <div className="page-head">
        <div>
          <h1>{t('payments.title')}</h1>
          <div className="sub">{t('payments.subtitle')}</div>
        </div>
        <span className="spacer" />
        <label className="auto-print">
          <input type="checkbox" checked={mineOnly} onChange={(e) => void recentPayments.load(e.target.checked)} data-testid="payments-mine" /> {t('payments.mineOnly')}
        </label>
        <RefreshButton onClick={() => void recentPayments.load()} loading={loading} />
      </div>
      {error ? (
        <Alert tone="danger" title={t('error.title')}>
          {errorText(error, lang)}
        </Alert>
      ) : null}
      <Card flush>
        <DataTable testId="payments-table" label={t('payments.title')} columns={columns} data={data?.rows ?? []} getRowId={(r) => r.paymentId} filterable pageSize={10} empty={t('payments.none')} busy={loading} />
      </Card>
      {mine.length > 0 ? (
        <Card title={t('payments.myRequests')} flush>
          <table className="data" data-testid="my-void-requests">
            <thead>
              <tr>
                <th scope="col">{t('voids.col.requestedAt')}</th>
                <th scope="col">{t('counter.col.receipt')}</th>
                <th scope="col">{t('voids.col.reason')}</th>
                <th scope="col" className="num">
                  {t('counter.col.amount')}
                </th>
                <th scope="col">{t('payments.col.status')}</th>
              </tr>
            </thead>
            <tbody>
              {mine.map((r) => (
                <tr key={r.id} data-testid="my-void-request">
                  <td className="nowrap">{formatDateTime(r.requestedAt, lang)}</td>
                  <td className="mono">{r.receiptNo}</td>
                  <td>
                    {r.reason}
                    {r.decision?.note ? <div className="muted">{r.decision.note}</div> : null}
                  </td>
                  <td className="num">
                    <Money value={r.total} />
                  </td>
                  <td>
                    <DecisionBadge row={r} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      ) : null}
      <ReceiptModal paymentId={shown} onClose={() => setShown(null)} />
      <VoidRequestModal row={voiding} onClose={() => setVoiding(null)} />
    </div>
  );
}
