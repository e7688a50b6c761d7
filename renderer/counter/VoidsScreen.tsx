// The kepala UPTD's void approvals: each pending request with its receipt and the clerk's
// reason; approve (the payment is voided by a new reversing record, the bill reopens) or
// reject with a note. Nobody decides their own request.
import { useEffect, useState, type FormEvent } from 'react';
import type { VoidRequestRow } from '../../shared/contract';
import { call } from '../api';
import { useLang, useT } from '../i18n';
import { errorText } from '../lib/errors';
import { formatDateTime } from '../lib/format';
import { useSession } from '../session/store';
import { Alert, Button, Card, Modal, Money, RefreshButton, Tabs, toast } from '../ui';
import { DecisionBadge } from './PaymentsScreen';
import { ReceiptModal } from './ReceiptModal';
import { recentPayments, voidRequests } from './store';
import './desk.css';

type Decision = { row: VoidRequestRow; decision: 'setuju' | 'tolak' };

function DecideModal({ pending, onClose }: { pending: Decision | null; onClose: () => void }) {
  const t = useT();
  const lang = useLang();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    setNote('');
    setFailure(null);
  }, [pending]);
  const isReject = pending?.decision === 'tolak';
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!pending || busy) return;
    if (isReject && note.trim().length === 0) return setFailure(t('voids.noteRequired'));
    setBusy(true);
    setFailure(null);
    try {
      await call('void.decide', { requestId: pending.row.id, decision: pending.decision, ...(note.trim() ? { note: note.trim() } : {}) });
      toast.success(t(pending.decision === 'setuju' ? 'voids.doneApproved' : 'voids.doneRejected', { receiptNo: pending.row.receiptNo }));
      onClose();
      void voidRequests.load();
      void recentPayments.load();
    } catch (err) {
      setFailure(errorText(err, lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={pending !== null}
      onClose={() => !busy && onClose()}
      title={pending ? t(isReject ? 'voids.rejectTitle' : 'voids.approveTitle', { receiptNo: pending.row.receiptNo }) : ''}
      testId="void-decide"
      footer={
        <>
          <Button variant="ghost" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" form="void-decide-form" variant={isReject ? 'secondary' : 'danger'} busy={busy} data-testid="void-decide-submit">
            {isReject ? t('voids.reject') : t('voids.approve')}
          </Button>
        </>
      }
    >
      <form id="void-decide-form" className="stack" onSubmit={submit} noValidate>
        {pending ? (
          <Alert tone={isReject ? 'info' : 'warning'}>
            {t(isReject ? 'voids.rejectBody' : 'voids.approveBody', { payer: pending.row.payerName, reason: pending.row.reason })}
          </Alert>
        ) : null}
        <div className="field">
          <label htmlFor="void-note">{isReject ? t('voids.noteReject') : t('voids.note')}</label>
          <textarea id="void-note" className="input close-note" rows={2} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} autoFocus data-testid="void-note" />
        </div>
        {failure ? (
          <Alert tone="danger" testId="void-decide-error">
            {failure}
          </Alert>
        ) : null}
      </form>
    </Modal>
  );
}

export function VoidsScreen() {
  const t = useT();
  const lang = useLang();
  const me = useSession((s) => s.info?.user.id ?? null);
  const pendingOnly = voidRequests.use((s) => s.query);
  const rows = voidRequests.use((s) => s.data);
  const error = voidRequests.use((s) => s.error);
  const loading = voidRequests.use((s) => s.loading);
  const [deciding, setDeciding] = useState<Decision | null>(null);
  const [shown, setShown] = useState<string | null>(null);

  useEffect(() => {
    void voidRequests.load(true);
  }, []);

  const list = rows ?? [];
  return (
    <div className="page" data-testid="voids-screen">
      <div className="page-head">
        <div>
          <h1>{t('voids.title')}</h1>
          <div className="sub">{t('voids.subtitle')}</div>
        </div>
        <span className="spacer" />
        <RefreshButton onClick={() => void voidRequests.load()} loading={loading} />
      </div>
      {error ? (
        <Alert tone="danger" title={t('error.title')}>
          {errorText(error, lang)}
        </Alert>
      ) : null}
      <Card flush>
        <Tabs
          label={t('voids.title')}
          tabs={[
            { key: 'pending', label: t('voids.tab.pending') },
            { key: 'all', label: t('voids.tab.all') },
          ]}
          active={pendingOnly ? 'pending' : 'all'}
          onChange={(k) => void voidRequests.load(k === 'pending')}
        >
          {list.length === 0 ? (
            <div className="table-empty" data-testid="voids-empty">
              {pendingOnly ? t('voids.nonePending') : t('voids.none')}
            </div>
          ) : (
            <div className="table-wrap">
              <table className="data" data-testid="voids-table">
                <thead>
                  <tr>
                    <th scope="col">{t('voids.col.requestedAt')}</th>
                    <th scope="col">{t('counter.col.receipt')}</th>
                    <th scope="col">{t('counter.col.payer')}</th>
                    <th scope="col" className="num">
                      {t('counter.col.amount')}
                    </th>
                    <th scope="col">{t('voids.col.reason')}</th>
                    <th scope="col">{t('voids.col.requestedBy')}</th>
                    <th scope="col">{t('users.col.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((r) => {
                    const isOwn = r.requestedById === me;
                    return (
                      <tr key={r.id} data-testid="void-row" data-receipt={r.receiptNo}>
                        <td className="nowrap">{formatDateTime(r.requestedAt, lang)}</td>
                        <td className="mono nowrap">{r.receiptNo}</td>
                        <td>{r.payerName}</td>
                        <td className="num">
                          <Money value={r.total} />
                        </td>
                        <td>{r.reason}</td>
                        <td>{r.requestedBy}</td>
                        <td>
                          <span className="row" style={{ gap: 'var(--s-1)', flexWrap: 'nowrap' }}>
                            <Button size="sm" variant="ghost" onClick={() => setShown(r.paymentId)}>
                              {t('payments.show')}
                            </Button>
                            {r.decision ? (
                              <DecisionBadge row={r} />
                            ) : isOwn ? (
                              <span className="muted" style={{ fontSize: 'var(--t-xs)' }}>
                                {t('voids.own')}
                              </span>
                            ) : (
                              <>
                                <Button size="sm" variant="danger" onClick={() => setDeciding({ row: r, decision: 'setuju' })} data-testid={`void-approve-${r.receiptNo}`}>
                                  {t('voids.approve')}
                                </Button>
                                <Button size="sm" variant="secondary" onClick={() => setDeciding({ row: r, decision: 'tolak' })} data-testid={`void-reject-${r.receiptNo}`}>
                                  {t('voids.reject')}
                                </Button>
                              </>
                            )}
                          </span>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </Tabs>
      </Card>
      <DecideModal pending={deciding} onClose={() => setDeciding(null)} />
      <ReceiptModal paymentId={shown} onClose={() => setShown(null)} />
    </div>
  );
}
