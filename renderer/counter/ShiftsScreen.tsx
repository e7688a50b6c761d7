// Shifts and deposits: the clerk's own shift (open or close it), the shifts of a business date
// with their closing reports, and the deposit (STS) of the cash of closed shifts into the
// regional treasury with the bank's reference — after which the cash on hand is zero.
import { useEffect, useState, type FormEvent } from 'react';
import { contract, type ClosingReport, type ShiftView } from '../../shared/contract';
import { formatRupiah } from '../../shared/money';
import { businessDate } from '../../shared/time';
import { call } from '../api';
import { useLang, useT } from '../i18n';
import { errorText } from '../lib/errors';
import { formatCivilDate, formatDateTime, formatNumber } from '../lib/format';
import { fieldErrors } from '../lib/validation';
import { Alert, Button, Card, Field, Modal, Money, StatTile, toast } from '../ui';
import { ClosingReportView } from './CloseShift';
import { ShiftBar } from './ShiftBar';
import { deposits, shift, shiftList } from './store';
import './desk.css';

function ShiftReportModal({ shiftId, onClose }: { shiftId: string | null; onClose: () => void }) {
  const t = useT();
  const lang = useLang();
  const [report, setReport] = useState<ClosingReport | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    setReport(null);
    setFailure(null);
    if (!shiftId) return;
    let isCurrent = true;
    call('shift.report', { shiftId })
      .then((r) => isCurrent && setReport(r))
      .catch((err: unknown) => isCurrent && setFailure(errorText(err, lang)));
    return () => {
      isCurrent = false;
    };
  }, [shiftId, lang]);
  return (
    <Modal open={shiftId !== null} wide onClose={onClose} title={report ? t('close.reportTitle', { date: formatCivilDate(report.shift.businessDate, lang) }) : t('app.loading')} testId="shift-report">
      {failure ? <Alert tone="danger">{failure}</Alert> : null}
      {report ? <ClosingReportView report={report} /> : null}
    </Modal>
  );
}

function ShiftTable({ rows, onReport }: { rows: ShiftView[]; onReport: (id: string) => void }) {
  const t = useT();
  const lang = useLang();
  if (rows.length === 0) return <div className="table-empty">{t('shifts.none')}</div>;
  return (
    <div className="table-wrap">
      <table className="data" data-testid="shifts-table">
        <thead>
          <tr>
            <th scope="col">{t('counter.col.clerk')}</th>
            <th scope="col">{t('shifts.col.terminal')}</th>
            <th scope="col">{t('shifts.col.opened')}</th>
            <th scope="col">{t('shifts.col.closed')}</th>
            <th scope="col" className="num">
              {t('shift.receipts')}
            </th>
            <th scope="col" className="num">
              {t('close.expected')}
            </th>
            <th scope="col" className="num">
              {t('close.counted')}
            </th>
            <th scope="col" className="num">
              {t('close.difference')}
            </th>
            <th scope="col">
              <span className="visually-hidden">{t('users.col.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={s.id} data-testid="shift-row">
              <td>{s.clerkName}</td>
              <td className="mono">{s.terminalCode}</td>
              <td className="nowrap">{formatDateTime(s.openedAt, lang)}</td>
              <td className="nowrap">{s.closed ? formatDateTime(s.closed.closedAt, lang) : s.isStale ? t('shift.stateStale') : t('shift.stateOpen')}</td>
              <td className="num">{formatNumber(s.receiptCount, lang)}</td>
              <td className="num">
                <Money value={s.expectedCash} />
              </td>
              <td className="num">{s.closed ? <Money value={s.closed.countedCash} /> : t('common.none')}</td>
              <td className="num">{s.closed ? <Money value={s.closed.difference} /> : t('common.none')}</td>
              <td>
                <Button size="sm" variant="secondary" onClick={() => onReport(s.id)} data-testid="shift-report-open">
                  {t('shifts.report')}
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function DepositCard() {
  const t = useT();
  const lang = useLang();
  const view = deposits.use((s) => s.data);
  const error = deposits.use((s) => s.error);
  const [reference, setReference] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void deposits.load();
  }, []);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const local = fieldErrors(contract['deposit.create'].input, { bankReference: reference });
    if (local.bankReference) return setFieldError(local.bankReference);
    setBusy(true);
    setFieldError(null);
    try {
      const before = view?.cashOnHand ?? 0;
      await call('deposit.create', { bankReference: reference.trim() }).then((next) => deposits.store.setState({ data: next, loadedAt: Date.now(), error: null }));
      toast.success(t('deposit.done', { amount: formatRupiah(before) }));
      setReference('');
    } catch (err) {
      setFieldError(errorText(err, lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={t('deposit.title')} data-testid="deposit-card">
      <div className="stack">
        {error ? <Alert tone="danger">{errorText(error, lang)}</Alert> : null}
        <div className="deposit-top">
          <StatTile testId="deposit-cash" tone={view && view.cashOnHand > 0 ? 'warning' : 'success'} label={t('deposit.cashOnHand')} value={<Money value={view?.cashOnHand ?? 0} />} sub={t('deposit.fromShifts', { count: view?.undepositedShifts.length ?? 0 })} />
          <form className="deposit-form" onSubmit={submit} noValidate>
            <Field
              label={t('deposit.reference')}
              hint={t('deposit.referenceHint')}
              value={reference}
              onChange={(e) => {
                setReference(e.target.value);
                setFieldError(null);
              }}
              error={fieldError}
              maxLength={64}
              autoComplete="off"
              className="mono"
              testId="deposit-reference"
              disabled={!view || view.cashOnHand <= 0}
            />
            <Button type="submit" busy={busy} disabled={!view || view.cashOnHand <= 0} data-testid="deposit-submit">
              {t('deposit.submit')}
            </Button>
          </form>
        </div>
        {view && view.undepositedShifts.length > 0 ? (
          <table className="data" data-testid="deposit-shifts">
            <thead>
              <tr>
                <th scope="col">{t('counter.col.clerk')}</th>
                <th scope="col">{t('status.businessDate')}</th>
                <th scope="col" className="num">
                  {t('deposit.cash')}
                </th>
              </tr>
            </thead>
            <tbody>
              {view.undepositedShifts.map((s) => (
                <tr key={s.shiftId}>
                  <td>{s.clerkName}</td>
                  <td>{formatCivilDate(s.businessDate, lang)}</td>
                  <td className="num">
                    <Money value={s.cash} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        <h3 className="deposit-history-title">{t('deposit.history')}</h3>
        {view && view.deposits.length > 0 ? (
          <table className="data" data-testid="deposit-history">
            <thead>
              <tr>
                <th scope="col">{t('deposit.col.sts')}</th>
                <th scope="col">{t('counter.col.time')}</th>
                <th scope="col">{t('deposit.reference')}</th>
                <th scope="col">{t('deposit.col.by')}</th>
                <th scope="col" className="num">
                  {t('deposit.col.shifts')}
                </th>
                <th scope="col" className="num">
                  {t('counter.col.amount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {view.deposits.map((d) => (
                <tr key={d.id} data-testid="deposit-row">
                  <td className="mono nowrap">{d.stsNo}</td>
                  <td className="nowrap">{formatDateTime(d.depositedAt, lang)}</td>
                  <td className="mono">{d.bankReference}</td>
                  <td>{d.byName}</td>
                  <td className="num">{formatNumber(d.shifts, lang)}</td>
                  <td className="num">
                    <Money value={d.amount} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <div className="muted">{t('deposit.none')}</div>
        )}
      </div>
    </Card>
  );
}

export function ShiftsScreen() {
  const t = useT();
  const lang = useLang();
  const date = shiftList.use((s) => s.query);
  const rows = shiftList.use((s) => s.data);
  const error = shiftList.use((s) => s.error);
  const [reportOf, setReportOf] = useState<string | null>(null);

  useEffect(() => {
    void shiftList.load(businessDate(new Date()));
  }, []);

  return (
    <div className="page" data-testid="shifts-screen">
      <ShiftBar
        title={t('shifts.title')}
        onClosed={() => {
          void shiftList.load();
          void deposits.load();
          void shift.load();
        }}
      />
      <div className="shifts-layout">
        <Card
          title={t('shifts.ofDate', { date: date ? formatCivilDate(date, lang, true) : '' })}
          actions={<input type="date" className="input date-input" value={date} max={businessDate(new Date())} onChange={(e) => e.target.value && void shiftList.load(e.target.value)} aria-label={t('shifts.date')} data-testid="shifts-date" />}
          flush
        >
          {error ? <Alert tone="danger">{errorText(error, lang)}</Alert> : null}
          <ShiftTable rows={rows ?? []} onReport={setReportOf} />
        </Card>
        <DepositCard />
      </div>
      <ShiftReportModal shiftId={reportOf} onClose={() => setReportOf(null)} />
    </div>
  );
}
