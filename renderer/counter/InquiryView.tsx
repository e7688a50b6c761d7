// What one IDPEL owes today: every open bill with its lines, principal and fine apart, and the
// total. Used at the counter and, larger, at the kiosk.
import type { InquiryResult } from '../../shared/contract';
import { useLang, useT } from '../i18n';
import { formatCivilDate, formatNumber, formatPeriod } from '../lib/format';
import { levyKindLabel } from '../lib/labels';
import { Alert, Badge, Money } from '../ui';
import './inquiry.css';

export function InquiryView({ result, large = false }: { result: InquiryResult; large?: boolean }) {
  const t = useT();
  const lang = useLang();
  return (
    <div className={large ? 'inquiry large' : 'inquiry'} data-testid="inquiry-result">
      <div className="inquiry-head">
        <div>
          <div className="inquiry-payer" data-testid="inquiry-payer">
            {result.payerName}
          </div>
          <div className="muted">
            {result.objectLabel} · {result.levyName} <Badge tone="primary">{levyKindLabel(result.levyKind, lang)}</Badge>
          </div>
          <div className="mono muted inquiry-idpel">{result.idpel}</div>
        </div>
        <span className="spacer" />
        <div className="inquiry-total">
          <div className="muted">{t('inquiry.total')}</div>
          <div className="inquiry-total-value" data-testid="inquiry-total">
            <Money value={result.total} />
          </div>
          <div className="muted inquiry-asof">{t('inquiry.asOf', { date: formatCivilDate(result.asOf, lang) })}</div>
        </div>
      </div>
      {result.blocked ? (
        <Alert tone="warning" testId="inquiry-blocked">
          {t('inquiry.blocked', { since: formatCivilDate(result.blocked.since, lang), reason: result.blocked.reason })}
        </Alert>
      ) : null}
      {result.bills.length === 0 ? (
        <Alert tone="success" testId="inquiry-none">
          {t('inquiry.none')}
        </Alert>
      ) : (
        <table className="data inquiry-bills" aria-label={t('inquiry.billCount', { count: result.bills.length })}>
          <thead>
            <tr>
              <th scope="col">{t('inquiry.col.skrd')}</th>
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
            </tr>
          </thead>
          <tbody>
            {result.bills.map((bill) => (
              <tr key={bill.billId} data-testid="inquiry-bill">
                <td>
                  <div className="mono">{bill.skrdNo}</div>
                  <ul className="bill-lines">
                    {bill.lines.map((line, i) => (
                      <li key={i}>
                        <span>{line.description}</span>
                        <Money value={line.amount} />
                      </li>
                    ))}
                  </ul>
                </td>
                <td className="nowrap">{formatPeriod(bill.period, lang)}</td>
                <td className="nowrap">
                  {formatCivilDate(bill.dueDate, lang)}
                  {bill.isOverdue ? (
                    <div>
                      <Badge tone="danger">{t('inquiry.overdue')}</Badge>
                    </div>
                  ) : null}
                </td>
                <td className="num">
                  <Money value={bill.principal} />
                </td>
                <td className="num">
                  <Money value={bill.fine} />
                  {bill.fineMonths > 0 ? <div className="muted fine-months">{t('inquiry.fineMonths', { months: formatNumber(bill.fineMonths, lang) })}</div> : null}
                </td>
                <td className="num">
                  <strong>
                    <Money value={bill.total} />
                  </strong>
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={3}>
                {t('inquiry.billCount', { count: result.bills.length })}
              </th>
              <td className="num">
                <Money value={result.principal} />
              </td>
              <td className="num">
                <Money value={result.fine} />
              </td>
              <td className="num">
                <strong>
                  <Money value={result.total} />
                </strong>
              </td>
            </tr>
          </tfoot>
        </table>
      )}
    </div>
  );
}
