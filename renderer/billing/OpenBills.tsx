// The open bills of one IDPEL (inquiry.idpel: principal and today's fine apart), each with the
// way to its detail and its printed SKRD — or STRD when it is overdue. Used in a modal from the
// contract, permit and arrears lists, and on the bill search screen.
import { useEffect, useState } from 'react';
import type { InquiryResult, OpenBill } from '../../shared/contract';
import { call } from '../api';
import { useLang, useT } from '../i18n';
import { errorText } from '../lib/errors';
import { formatCivilDate, formatNumber, formatPeriod } from '../lib/format';
import { navigate } from '../shell/router';
import { Alert, Badge, Button, Modal, Money } from '../ui';
import './billing.css';

export function openBill(billId: string): void {
  navigate('bill', [billId]);
}

export function printBill(kind: 'skrd' | 'strd', billId: string): void {
  navigate('print', [kind, billId]);
}

function BillActions({ bill }: { bill: OpenBill }) {
  const t = useT();
  return (
    <div className="bill-actions">
      <Button size="sm" variant="ghost" onClick={() => openBill(bill.billId)} data-testid="open-bill-detail">
        {t('bills.detail')}
      </Button>
      <Button size="sm" variant="secondary" onClick={() => printBill(bill.isOverdue ? 'strd' : 'skrd', bill.billId)} data-testid={bill.isOverdue ? 'open-bill-strd' : 'open-bill-skrd'}>
        {bill.isOverdue ? t('bills.printStrd') : t('bills.printSkrd')}
      </Button>
    </div>
  );
}

export function OpenBillsTable({ result, compact = false }: { result: InquiryResult; compact?: boolean }) {
  const t = useT();
  const lang = useLang();
  return (
    <div className="stack" style={{ gap: 'var(--s-3)' }} data-testid="open-bills">
      <div className="open-bills-head">
        <div className={compact ? 'visually-hidden' : undefined}>
          <strong>{result.payerName}</strong>
          <div className="muted small">
            {result.objectLabel} · {result.levyName}
          </div>
          <div className="mono muted small">{result.idpel}</div>
        </div>
        <span className="spacer" />
        <div className="num">
          <div className="muted small">{t('bills.totalAsOf', { date: formatCivilDate(result.asOf, lang) })}</div>
          <div className="big-money">
            <Money value={result.total} testId="open-bills-total" />
          </div>
        </div>
      </div>
      {result.blocked && !compact ? (
        <Alert tone="warning" testId="open-bills-blocked">
          {t('inquiry.blocked', { since: formatCivilDate(result.blocked.since, lang), reason: result.blocked.reason })}
        </Alert>
      ) : null}
      {result.bills.length === 0 ? (
        <Alert tone="success" testId="open-bills-none">
          {t('inquiry.none')}
        </Alert>
      ) : (
        <div className="table-wrap">
          <table className="data" aria-label={t('bills.openTitle')}>
            <thead>
              <tr>
                <th scope="col">{t('inquiry.col.period')}</th>
                <th scope="col">{t('inquiry.col.due')}</th>
                <th scope="col" className="num">
                  {t('inquiry.col.principal')}
                </th>
                <th scope="col" className="num">
                  {t('inquiry.col.fine')}
                </th>
                <th scope="col" className="num">
                  {t('inquiry.col.total')}
                </th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {result.bills.map((b) => (
                <tr key={b.billId} data-testid="open-bill">
                  <td>
                    <div className="nowrap">
                      <strong>{formatPeriod(b.period, lang)}</strong>
                    </div>
                    <div className="mono muted small nowrap">{b.skrdNo}</div>
                  </td>
                  <td className="nowrap">
                    {formatCivilDate(b.dueDate, lang)}
                    {b.isOverdue ? (
                      <div>
                        <Badge tone="danger">{t('inquiry.overdue')}</Badge>
                      </div>
                    ) : null}
                  </td>
                  <td className="num">
                    <Money value={b.principal} />
                  </td>
                  <td className="num">
                    <Money value={b.fine} />
                    {b.fineMonths > 0 ? <div className="muted small">{t('inquiry.fineMonths', { months: formatNumber(b.fineMonths, lang) })}</div> : null}
                  </td>
                  <td className="num">
                    <strong>
                      <Money value={b.total} />
                    </strong>
                  </td>
                  <td>
                    <BillActions bill={b} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

type Loaded = { state: 'loading' } | { state: 'failed'; text: string } | { state: 'ready'; result: InquiryResult };

/** the open bills of an IDPEL, fetched when asked for */
export function useOpenBills(idpel: string | null): Loaded | null {
  const lang = useLang();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  useEffect(() => {
    if (!idpel) {
      setLoaded(null);
      return;
    }
    let current = true;
    setLoaded({ state: 'loading' });
    call('inquiry.idpel', { idpel })
      .then((result) => {
        if (current) setLoaded({ state: 'ready', result });
      })
      .catch((err: unknown) => {
        if (current) setLoaded({ state: 'failed', text: errorText(err, lang) });
      });
    return () => {
      current = false;
    };
  }, [idpel, lang]);
  return loaded;
}

export function OpenBillsView({ idpel, compact = false }: { idpel: string; compact?: boolean }) {
  const t = useT();
  const loaded = useOpenBills(idpel);
  if (!loaded || loaded.state === 'loading') return <div className="skeleton">{t('app.loading')}</div>;
  if (loaded.state === 'failed')
    return (
      <Alert tone="danger" testId="open-bills-error">
        {loaded.text}
      </Alert>
    );
  return <OpenBillsTable result={loaded.result} compact={compact} />;
}

/** a modal with the open bills of one IDPEL; `null` closes it */
export function OpenBillsModal({ idpel, onClose }: { idpel: string | null; onClose: () => void }) {
  const t = useT();
  return (
    <Modal open={idpel !== null} onClose={onClose} title={t('bills.openTitle')} wide testId="open-bills-modal">
      {idpel ? <OpenBillsView idpel={idpel} /> : null}
    </Modal>
  );
}
