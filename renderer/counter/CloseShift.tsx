// Closing a shift: the cash counted per denomination (Rp 100.000 down to Rp 100) with a live
// total, the cash the drawer should hold and the difference; above the office's limit a kepala
// UPTD approves on the spot with their username and password. Then the closing report, on screen
// as it prints, for the 80 mm roll or A4.
import { lazy, Suspense, useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { DENOMINATIONS, type ClosingReport, type ShiftView } from '../../shared/contract';
import { formatRupiah } from '../../shared/money';
import { call } from '../api';
import { isClientError } from '../api/client';
import { useLang, useT } from '../i18n';
import { errorText } from '../lib/errors';
import { formatCivilDate, formatNumber } from '../lib/format';
import { PAPERS, type Paper } from '../print/paper';
import { CLOSING_PAPERS } from '../print/receiptMeta';
import { useSession } from '../session/store';
import { Alert, Button, Field, Modal, Money, toast } from '../ui';
import { printClosingReport, useOffice } from './printing';
import { counterSettings, counterToday, deposits, shiftList } from './store';

const ClosingPreviewBody = lazy(() => import('./previews').then((m) => ({ default: m.ClosingPreviewBody })));

export type Counts = Partial<Record<string, string>>;

export function countedTotal(counts: Counts): number {
  return DENOMINATIONS.reduce((sum, value) => sum + value * (Number(counts[String(value)] ?? '') || 0), 0);
}

/** the counts as shift.close wants them: only the denominations actually counted */
export function denominationInput(counts: Counts): Record<string, number> {
  const out: Record<string, number> = {};
  for (const value of DENOMINATIONS) {
    const n = Number(counts[String(value)] ?? '') || 0;
    if (n > 0) out[String(value)] = n;
  }
  return out;
}

/** the closing report as it prints on the roll, with the print buttons */
export function ClosingReportView({ report }: { report: ClosingReport }) {
  const t = useT();
  const lang = useLang();
  const office = useOffice();
  const [busy, setBusy] = useState<Paper | null>(null);
  const print = async (paper: Paper) => {
    setBusy(paper);
    try {
      await printClosingReport(report, paper, office);
      toast.info(t('close.printed', { paper: PAPERS[paper].label }));
    } catch (err) {
      toast.error(errorText(err, lang));
    } finally {
      setBusy(null);
    }
  };
  const total = report.byChannel.reduce((s, c) => s + c.total, 0);
  return (
    <div className="closing-view" data-testid="closing-report">
      <div className="closing-summary">
        <dl className="closing-figures">
          <div>
            <dt>{t('close.receipts')}</dt>
            <dd data-testid="closing-receipts">{formatNumber(report.receiptCount, lang)}</dd>
          </div>
          <div>
            <dt>{t('close.received')}</dt>
            <dd data-testid="closing-total">
              <Money value={total} />
            </dd>
          </div>
          <div>
            <dt>{t('close.expected')}</dt>
            <dd data-testid="closing-expected">
              <Money value={report.shift.expectedCash} />
            </dd>
          </div>
          <div>
            <dt>{t('close.counted')}</dt>
            <dd data-testid="closing-counted">{report.countedCash === null ? t('common.none') : <Money value={report.countedCash} />}</dd>
          </div>
          <div>
            <dt>{t('close.difference')}</dt>
            <dd data-testid="closing-difference" className={report.difference ? 'is-diff' : undefined}>
              {report.difference === null ? t('common.none') : <Money value={report.difference} />}
            </dd>
          </div>
          <div>
            <dt>{t('close.voids')}</dt>
            <dd data-testid="closing-voids">{formatNumber(report.voids.length, lang)}</dd>
          </div>
        </dl>
        {report.approvedBy ? <Alert tone="info">{t('close.approvedBy', { name: report.approvedBy })}</Alert> : null}
        <div className="row">
          {CLOSING_PAPERS.map((p) => (
            <Button key={p} variant={p === '80mm' ? 'primary' : 'secondary'} onClick={() => void print(p)} busy={busy === p} data-testid={`closing-print-${p}`}>
              {t('close.print', { paper: PAPERS[p].label })}
            </Button>
          ))}
        </div>
      </div>
      <div className="receipt-preview closing-preview" data-paper="80mm">
        <Suspense fallback={<div className="skeleton">{t('app.loading')}</div>}>
          <ClosingPreviewBody report={report} office={office} />
        </Suspense>
      </div>
    </div>
  );
}

export function CloseShiftDialog({ open, shift, onClose, onClosed }: { open: boolean; shift: ShiftView; onClose: () => void; onClosed?: () => void }) {
  const t = useT();
  const lang = useLang();
  const limit = counterSettings.use((s) => s.data?.shiftDifferenceLimit ?? null);
  const [expected, setExpected] = useState(shift.expectedCash);
  const [counts, setCounts] = useState<Counts>({});
  const [note, setNote] = useState('');
  const [approver, setApprover] = useState({ username: '', password: '' });
  const [isAsked, setIsAsked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [report, setReport] = useState<ClosingReport | null>(null);
  const inputs = useRef<(HTMLInputElement | null)[]>([]);
  const approverRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!open) return;
    setCounts({});
    setNote('');
    setApprover({ username: '', password: '' });
    setIsAsked(false);
    setFailure(null);
    setReport(null);
    void counterSettings.load();
    // the expected cash again: a payment may have come in since the strip was drawn
    call('shift.report', { shiftId: shift.id })
      .then((r) => setExpected(r.shift.expectedCash))
      .catch(() => undefined);
    window.requestAnimationFrame(() => inputs.current[0]?.focus());
  }, [open, shift.id]);

  const counted = countedTotal(counts);
  const difference = counted - expected;
  const needsApproval = isAsked || (limit !== null && Math.abs(difference) > limit);

  const onCountKey = (e: KeyboardEvent<HTMLInputElement>, index: number) => {
    if (e.key !== 'Enter') return;
    e.preventDefault(); // Enter goes to the next denomination: a half-counted drawer is never closed by accident
    const next = inputs.current[index + 1];
    if (next) next.focus();
    else if (needsApproval) approverRef.current?.focus();
    else document.getElementById('close-submit')?.focus();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (needsApproval && (!approver.username.trim() || !approver.password)) {
      setFailure(t('close.approvalMissing'));
      approverRef.current?.focus();
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const result = await call('shift.close', {
        shiftId: shift.id,
        denominations: denominationInput(counts),
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(needsApproval ? { approval: { username: approver.username.trim(), password: approver.password } } : {}),
      });
      setReport(result);
      toast.success(t('close.done', { difference: formatRupiah(result.difference ?? 0) }));
      void counterToday.load();
      void deposits.load();
      void shiftList.load();
      onClosed?.();
    } catch (err) {
      setFailure(errorText(err, lang));
      if (isClientError(err) && err.code === 'APPROVAL_REQUIRED') {
        setIsAsked(true);
        window.requestAnimationFrame(() => approverRef.current?.focus());
      }
      setApprover((a) => ({ ...a, password: '' }));
    } finally {
      setBusy(false);
    }
  };

  if (report) {
    return (
      <Modal open={open} wide onClose={onClose} title={t('close.reportTitle', { date: formatCivilDate(report.shift.businessDate, lang) })} testId="close-shift" footer={<Button onClick={onClose} data-testid="close-done">{t('common.close')}</Button>}>
        <ClosingReportView report={report} />
      </Modal>
    );
  }

  return (
    <Modal
      open={open}
      wide
      onClose={() => !busy && onClose()}
      title={t('close.title', { date: formatCivilDate(shift.businessDate, lang) })}
      testId="close-shift"
      footer={
        <>
          <Button variant="ghost" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button id="close-submit" type="submit" form="close-shift-form" busy={busy} variant={needsApproval ? 'danger' : 'primary'} data-testid="close-submit">
            {needsApproval ? t('close.submitApproved') : t('close.submit')}
          </Button>
        </>
      }
    >
      <form id="close-shift-form" className="close-form" onSubmit={submit} noValidate>
        <div className="denoms" role="group" aria-label={t('close.denominations')}>
          {DENOMINATIONS.map((value, i) => {
            const raw = counts[String(value)] ?? '';
            const n = Number(raw) || 0;
            return (
              <div key={value} className="denom-row">
                <label htmlFor={`denom-${value}`}>{formatRupiah(value)}</label>
                <span aria-hidden="true">×</span>
                <input
                  ref={(el) => {
                    inputs.current[i] = el;
                  }}
                  id={`denom-${value}`}
                  className="input"
                  inputMode="numeric"
                  autoComplete="off"
                  value={raw}
                  placeholder="0"
                  onChange={(e) => setCounts((c) => ({ ...c, [String(value)]: e.target.value.replace(/\D/g, '').slice(0, 6) }))}
                  onKeyDown={(e) => onCountKey(e, i)}
                  onFocus={(e) => e.currentTarget.select()}
                  data-testid={`denom-${value}`}
                />
                <span className="num denom-amount">
                  <Money value={value * n} />
                </span>
              </div>
            );
          })}
        </div>
        <div className="close-side">
          <dl className="close-figures">
            <div>
              <dt>{t('close.counted')}</dt>
              <dd data-testid="close-counted">
                <Money value={counted} />
              </dd>
            </div>
            <div>
              <dt>{t('close.expected')}</dt>
              <dd data-testid="close-expected">
                <Money value={expected} />
              </dd>
            </div>
            <div className={difference === 0 ? 'is-even' : 'is-diff'}>
              <dt>{t('close.difference')}</dt>
              <dd data-testid="close-difference">{difference > 0 ? `+${formatRupiah(difference)}` : formatRupiah(difference)}</dd>
            </div>
          </dl>
          <div className="muted close-limit">{limit === null ? '' : t('close.limit', { limit: formatRupiah(limit) })}</div>
          {needsApproval ? (
            <div className="approval" data-testid="close-approval">
              <Alert tone="warning">{t('close.needsApproval', { difference: formatRupiah(difference) })}</Alert>
              <div className="grid-2">
                <Field ref={approverRef} label={t('close.approverUser')} autoComplete="off" autoCapitalize="none" spellCheck={false} value={approver.username} onChange={(e) => setApprover((a) => ({ ...a, username: e.target.value }))} testId="close-approver" />
                <Field label={t('close.approverPassword')} type="password" autoComplete="off" value={approver.password} onChange={(e) => setApprover((a) => ({ ...a, password: e.target.value }))} testId="close-approver-password" />
              </div>
            </div>
          ) : null}
          <div className="field">
            <label htmlFor="close-note">{t('close.note')}</label>
            <textarea id="close-note" className="input close-note" rows={2} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} data-testid="close-note" />
          </div>
          {failure ? (
            <Alert tone="danger" testId="close-error">
              {failure}
            </Alert>
          ) : null}
        </div>
      </form>
    </Modal>
  );
}
