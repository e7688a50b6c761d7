// One bill (bill.get): who, what, for which period, its lines, what it comes to today with the
// fine, its payments — and its printed SKRD, or the STRD once it is overdue.
import { useEffect, useState } from 'react';
import type { BillDetail, BillStatus } from '../../shared/contract';
import { call } from '../api';
import { useLang, useT } from '../i18n';
import { errorText } from '../lib/errors';
import { formatBasisPoints, formatCivilDate, formatDateTime, formatNumber, formatPeriod } from '../lib/format';
import { useRouteParams } from '../shell/router';
import { Alert, Badge, Button, Card, Money, type Tone } from '../ui';
import { printBill } from './OpenBills';
import './billing.css';

export const billStatusTone: Record<BillStatus, Tone> = { belum_bayar: 'warning', lunas: 'success', menunggu_verifikasi: 'info', batal: 'neutral', dihapuskan: 'neutral' };

/** an STRD is the demand for an unpaid bill past its due date (the same rule the STRD document applies) */
export function isOverdue(bill: Pick<BillDetail, 'status' | 'dueDate' | 'due'>): boolean {
  return bill.status === 'belum_bayar' && bill.dueDate < bill.due.asOf && bill.due.fineMonths > 0;
}

type Loaded = { state: 'loading' } | { state: 'failed'; text: string } | { state: 'ready'; bill: BillDetail };

export function BillDetailScreen() {
  const t = useT();
  const lang = useLang();
  const [billId] = useRouteParams();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!billId) return;
    let current = true;
    setLoaded({ state: 'loading' });
    call('bill.get', { billId })
      .then((bill) => current && setLoaded({ state: 'ready', bill }))
      .catch((err: unknown) => current && setLoaded({ state: 'failed', text: errorText(err, lang) }));
    return () => {
      current = false;
    };
  }, [billId, attempt, lang]);

  const bill = loaded.state === 'ready' ? loaded.bill : null;
  const overdue = bill ? isOverdue(bill) : false;
  return (
    <div className="page" data-testid="bill-screen">
      <div className="page-head">
        <div>
          <h1>{bill ? t('bill.title', { no: bill.skrdNo }) : t('nav.bill')}</h1>
          {bill ? (
            <div className="sub row" style={{ gap: 'var(--s-2)' }}>
              <span>{bill.levyName}</span>
              <Badge tone={billStatusTone[bill.status]} testId="bill-status">
                {t(`bill.status.${bill.status}`)}
              </Badge>
              {overdue ? <Badge tone="danger">{t('inquiry.overdue')}</Badge> : null}
            </div>
          ) : null}
        </div>
        <span className="spacer" />
        <Button variant="ghost" onClick={() => window.history.back()} data-testid="bill-back">
          {t('common.back')}
        </Button>
        <Button variant="ghost" onClick={() => setAttempt((n) => n + 1)}>
          {t('common.refresh')}
        </Button>
        {bill ? (
          <>
            <Button variant={overdue ? 'secondary' : 'primary'} onClick={() => printBill('skrd', bill.billId)} data-testid="bill-print-skrd">
              {t('bills.printSkrd')}
            </Button>
            <Button
              variant={overdue ? 'primary' : 'secondary'}
              onClick={() => printBill('strd', bill.billId)}
              disabled={!overdue}
              title={overdue ? undefined : t('bill.strdOnlyOverdue')}
              data-testid="bill-print-strd"
            >
              {t('bills.printStrd')}
            </Button>
          </>
        ) : null}
      </div>
      {loaded.state === 'loading' ? <div className="skeleton">{t('app.loading')}</div> : null}
      {loaded.state === 'failed' ? (
        <Alert tone="danger" title={t('error.title')} testId="bill-error">
          {loaded.text}
        </Alert>
      ) : null}
      {bill ? (
        <>
          <div className="bill-grid">
            <Card title={t('bill.parties')}>
              <dl className="detail">
                <dt>{t('bill.payer')}</dt>
                <dd>
                  <strong data-testid="bill-payer">{bill.payerName}</strong>
                  {bill.payerAddress ? <div className="muted small">{bill.payerAddress}</div> : null}
                </dd>
                <dt>{t('bill.idpel')}</dt>
                <dd className="mono">{bill.idpel}</dd>
                <dt>{t('bill.object')}</dt>
                <dd>{bill.objectLabel}</dd>
                <dt>{t('bill.levy')}</dt>
                <dd>
                  {bill.levyName}
                  <div className="muted small">
                    <span className="mono">{bill.levyKode}</span> · {bill.ownerAgency}
                  </div>
                </dd>
              </dl>
            </Card>
            <Card title={t('bill.dates')}>
              <dl className="detail">
                <dt>{t('inquiry.col.period')}</dt>
                <dd>{formatPeriod(bill.period, lang)}</dd>
                <dt>{t('bill.issueDate')}</dt>
                <dd>{formatCivilDate(bill.issueDate, lang)}</dd>
                <dt>{t('inquiry.col.due')}</dt>
                <dd>{formatCivilDate(bill.dueDate, lang)}</dd>
                <dt>{t('bill.interest')}</dt>
                <dd>{t('bill.interestValue', { rate: formatBasisPoints(bill.due.interestRateBp, lang) })}</dd>
              </dl>
            </Card>
            <Card title={t('bill.amountToday', { date: formatCivilDate(bill.due.asOf, lang) })}>
              {bill.status === 'belum_bayar' ? (
                <dl className="amounts">
                  <dt>{t('inquiry.principal')}</dt>
                  <dd>
                    <Money value={bill.principal} />
                  </dd>
                  <dt>
                    {t('inquiry.fine')}
                    {bill.due.fineMonths > 0 ? <span className="muted small"> ({t('inquiry.fineMonths', { months: formatNumber(bill.due.fineMonths, lang) })})</span> : null}
                  </dt>
                  <dd data-testid="bill-fine">
                    <Money value={bill.due.fine} />
                  </dd>
                  <dt className="grand">{t('inquiry.total')}</dt>
                  <dd className="grand" data-testid="bill-total">
                    <Money value={bill.due.total} />
                  </dd>
                </dl>
              ) : (
                <p className="muted">{t(`bill.statusNote.${bill.status}`)}</p>
              )}
            </Card>
          </div>
          <Card title={t('bill.lines')} flush>
            <table className="data" aria-label={t('bill.lines')} data-testid="bill-lines">
              <thead>
                <tr>
                  <th scope="col">{t('bill.col.description')}</th>
                  <th scope="col" className="num">
                    {t('bill.col.quantity')}
                  </th>
                  <th scope="col" className="num">
                    {t('bill.col.unitPrice')}
                  </th>
                  <th scope="col" className="num">
                    {t('bill.col.amount')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {bill.lines.map((l, i) => (
                  <tr key={i} data-testid="bill-line">
                    <td>
                      {l.description}
                      {l.kind === 'denda_tetap' ? (
                        <>
                          {' '}
                          <Badge tone="warning">{t('bill.fixedFine')}</Badge>
                        </>
                      ) : null}
                    </td>
                    <td className="num">{formatNumber(l.quantity, lang)}</td>
                    <td className="num">
                      <Money value={l.unitPrice} />
                    </td>
                    <td className="num">
                      <Money value={l.amount} />
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={3}>
                    {t('inquiry.principal')}
                  </th>
                  <td className="num">
                    <strong>
                      <Money value={bill.principal} />
                    </strong>
                  </td>
                </tr>
              </tfoot>
            </table>
          </Card>
          <Card title={t('bill.payments')} flush>
            {bill.payments.length === 0 ? (
              <div className="table-empty">{t('bill.noPayments')}</div>
            ) : (
              <table className="data" aria-label={t('bill.payments')} data-testid="bill-payments">
                <thead>
                  <tr>
                    <th scope="col">{t('counter.col.receipt')}</th>
                    <th scope="col">{t('counter.col.time')}</th>
                    <th scope="col" className="num">
                      {t('inquiry.col.fine')}
                    </th>
                    <th scope="col" className="num">
                      {t('counter.col.amount')}
                    </th>
                    <th scope="col" />
                  </tr>
                </thead>
                <tbody>
                  {bill.payments.map((p) => (
                    <tr key={p.receiptNo} className={p.voided ? 'voided' : undefined}>
                      <td className="mono">{p.receiptNo}</td>
                      <td className="nowrap">{formatDateTime(p.paidAt, lang)}</td>
                      <td className="num">
                        <Money value={p.fine} />
                      </td>
                      <td className="num">
                        <Money value={p.amount} />
                      </td>
                      <td>{p.voided ? <Badge tone="neutral">{t('bill.voided')}</Badge> : null}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Card>
        </>
      ) : null}
    </div>
  );
}
