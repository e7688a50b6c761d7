// The admin UPTD's transfer verification: the transfers recorded with a proof, the proof itself
// (an image inline, a PDF to open), and the decision — accept (the bills count as paid) or
// reject with a reason (the bills open again).
import { useEffect, useState, type FormEvent } from 'react';
import type { TransferRow } from '../../shared/contract';
import { call } from '../api';
import { useLang, useT } from '../i18n';
import { errorText } from '../lib/errors';
import { formatDateTime, formatNumber } from '../lib/format';
import { useSession } from '../session/store';
import { mayCall } from '../shell/routes';
import { Alert, Badge, Button, Card, Money, RefreshButton, Tabs, toast } from '../ui';
import { ReceiptModal } from './ReceiptModal';
import { recentPayments, transfers } from './store';
import './desk.css';

/** the proof as a blob: URL (the page's CSP allows blob: images); revoked when it is no longer shown */
function useProofUrl(paymentId: string | null): { url: string | null; mime: string | null; fileName: string | null; failure: string | null } {
  const lang = useLang();
  const [state, setState] = useState<{ url: string | null; mime: string | null; fileName: string | null; failure: string | null }>({ url: null, mime: null, fileName: null, failure: null });
  useEffect(() => {
    setState({ url: null, mime: null, fileName: null, failure: null });
    if (!paymentId) return;
    let url: string | null = null;
    let isCurrent = true;
    call('transfer.proof', { paymentId })
      .then((proof) => {
        if (!isCurrent) return;
        const binary = atob(proof.base64);
        const bytes = new Uint8Array(binary.length);
        for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
        url = URL.createObjectURL(new Blob([bytes], { type: proof.mime }));
        setState({ url, mime: proof.mime, fileName: proof.fileName, failure: null });
      })
      .catch((err: unknown) => isCurrent && setState({ url: null, mime: null, fileName: null, failure: errorText(err, lang) }));
    return () => {
      isCurrent = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [paymentId, lang]);
  return state;
}

function TransferDetail({ row, canDecide }: { row: TransferRow; canDecide: boolean }) {
  const t = useT();
  const lang = useLang();
  const proof = useProofUrl(row.paymentId);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<'terima' | 'tolak' | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [shown, setShown] = useState(false);
  useEffect(() => {
    setNote('');
    setFailure(null);
  }, [row.paymentId]);
  const decide = async (decision: 'terima' | 'tolak', e?: FormEvent) => {
    e?.preventDefault();
    if (busy) return;
    if (decision === 'tolak' && note.trim().length === 0) return setFailure(t('transfers.noteRequired'));
    setBusy(decision);
    setFailure(null);
    try {
      await call('transfer.verify', { paymentId: row.paymentId, decision, ...(note.trim() ? { note: note.trim() } : {}) });
      toast.success(t(decision === 'terima' ? 'transfers.accepted' : 'transfers.rejected', { receiptNo: row.receiptNo }));
      void transfers.load();
      void recentPayments.load();
    } catch (err) {
      setFailure(errorText(err, lang));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Card title={t('transfers.detail', { receiptNo: row.receiptNo })} data-testid="transfer-detail">
      <div className="stack">
        <dl className="closing-figures">
          <div>
            <dt>{t('counter.col.payer')}</dt>
            <dd style={{ fontSize: 'var(--t-base)' }}>{row.payerName}</dd>
          </div>
          <div>
            <dt>{t('counter.col.amount')}</dt>
            <dd>
              <Money value={row.total} />
            </dd>
          </div>
          <div>
            <dt>{t('desk.bankRef')}</dt>
            <dd className="mono" style={{ fontSize: 'var(--t-base)' }}>
              {row.bankReference}
            </dd>
          </div>
          <div>
            <dt>{t('transfers.recorded')}</dt>
            <dd style={{ fontSize: 'var(--t-base)' }}>
              {row.recordedBy ?? t('common.none')} · {formatDateTime(row.recordedAt, lang)}
            </dd>
          </div>
        </dl>
        <div className="proof-box" data-testid="transfer-proof">
          {proof.failure ? <Alert tone="danger">{proof.failure}</Alert> : null}
          {proof.url && proof.mime?.startsWith('image/') ? <img src={proof.url} alt={t('transfers.proofAlt', { name: row.fileName })} data-testid="transfer-proof-image" /> : null}
          {proof.url && proof.mime === 'application/pdf' ? (
            <a className="btn btn-secondary" href={proof.url} target="_blank" rel="noopener" download={proof.fileName ?? row.fileName} data-testid="transfer-proof-pdf">
              {t('transfers.openPdf', { name: row.fileName })}
            </a>
          ) : null}
          {!proof.url && !proof.failure ? <span className="muted">{t('app.loading')}</span> : null}
          <div className="muted" style={{ fontSize: 'var(--t-xs)' }}>
            {row.fileName} · {row.mime} · {formatNumber(Math.ceil(row.size / 1024), lang)} KB
          </div>
        </div>
        {row.decision ? (
          <Alert tone={row.decision.decision === 'terima' ? 'success' : 'warning'}>
            {t(row.decision.decision === 'terima' ? 'transfers.decidedAccept' : 'transfers.decidedReject', { by: row.decision.by, at: formatDateTime(row.decision.at, lang), note: row.decision.note ?? '' })}
          </Alert>
        ) : canDecide ? (
          <form className="stack" onSubmit={(e) => void decide('terima', e)} noValidate>
            <div className="field">
              <label htmlFor="transfer-note">{t('transfers.note')}</label>
              <textarea id="transfer-note" className="input close-note" rows={2} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} data-testid="transfer-note" />
            </div>
            {failure ? (
              <Alert tone="danger" testId="transfer-error">
                {failure}
              </Alert>
            ) : null}
            <div className="row">
              <Button type="submit" busy={busy === 'terima'} disabled={busy !== null} data-testid="transfer-accept">
                {t('transfers.accept')}
              </Button>
              <Button variant="danger" onClick={() => void decide('tolak')} busy={busy === 'tolak'} disabled={busy !== null} data-testid="transfer-reject">
                {t('transfers.reject')}
              </Button>
              <span className="spacer" />
              <Button variant="ghost" onClick={() => setShown(true)}>
                {t('payments.show')}
              </Button>
            </div>
          </form>
        ) : (
          <Alert tone="info">{t('transfers.adminOnly')}</Alert>
        )}
      </div>
      <ReceiptModal paymentId={shown ? row.paymentId : null} onClose={() => setShown(false)} />
    </Card>
  );
}

export function TransfersScreen() {
  const t = useT();
  const lang = useLang();
  const role = useSession((s) => s.info?.user.role ?? null);
  const canDecide = role !== null && mayCall(role, 'transfer.verify');
  const pendingOnly = transfers.use((s) => s.query);
  const rows = transfers.use((s) => s.data);
  const error = transfers.use((s) => s.error);
  const loading = transfers.use((s) => s.loading);
  const [selected, setSelected] = useState<string | null>(null);

  useEffect(() => {
    void transfers.load(true);
  }, []);

  const list = rows ?? [];
  const current = list.find((r) => r.paymentId === selected) ?? list[0] ?? null;
  return (
    <div className="page" data-testid="transfers-screen">
      <div className="page-head">
        <div>
          <h1>{t('transfers.title')}</h1>
          <div className="sub">{t('transfers.subtitle')}</div>
        </div>
        <span className="spacer" />
        <RefreshButton onClick={() => void transfers.load()} loading={loading} />
      </div>
      {error ? (
        <Alert tone="danger" title={t('error.title')}>
          {errorText(error, lang)}
        </Alert>
      ) : null}
      <div className="transfers-layout">
        <Card flush>
          <Tabs
            label={t('transfers.title')}
            tabs={[
              { key: 'pending', label: t('transfers.tab.pending') },
              { key: 'all', label: t('transfers.tab.all') },
            ]}
            active={pendingOnly ? 'pending' : 'all'}
            onChange={(k) => void transfers.load(k === 'pending')}
          >
            {list.length === 0 ? (
              <div className="table-empty" data-testid="transfers-empty">
                {t('transfers.none')}
              </div>
            ) : (
              <div className="table-wrap">
                <table className="data" data-testid="transfers-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('counter.col.time')}</th>
                      <th scope="col">{t('counter.col.receipt')}</th>
                      <th scope="col">{t('counter.col.payer')}</th>
                      <th scope="col" className="num">
                        {t('counter.col.amount')}
                      </th>
                      <th scope="col">{t('payments.col.status')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.map((r) => (
                      <tr key={r.paymentId} className={r.paymentId === current?.paymentId ? 'is-current' : undefined} onClick={() => setSelected(r.paymentId)} style={{ cursor: 'pointer' }} data-testid="transfer-row" data-receipt={r.receiptNo}>
                        <td>{formatDateTime(r.recordedAt, lang)}</td>
                        <td className="mono nowrap">
                          <button type="button" className="link-btn" onClick={() => setSelected(r.paymentId)}>
                            {r.receiptNo}
                          </button>
                        </td>
                        <td>{r.payerName}</td>
                        <td className="num">
                          <Money value={r.total} />
                        </td>
                        <td>
                          {r.decision ? (
                            <Badge tone={r.decision.decision === 'terima' ? 'success' : 'danger'}>{t(r.decision.decision === 'terima' ? 'transfers.status.accepted' : 'transfers.status.rejected')}</Badge>
                          ) : (
                            <Badge tone="warning">{t('receipt.status.menunggu_verifikasi')}</Badge>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Tabs>
        </Card>
        {current ? <TransferDetail row={current} canDecide={canDecide} /> : null}
      </div>
    </div>
  );
}
