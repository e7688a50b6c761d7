// Laporan penerimaan harian: the receipts of one business date per clerk, per levy and per
// channel, the voids apart (they are not revenue), and every payment; printed on A4 for the
// kepala UPTD to sign.
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { DailyReport } from '../../shared/contract';
import { formatRupiah } from '../../shared/money';
import { businessDate } from '../../shared/time';
import { useLang, useT } from '../i18n';
import { errorText } from '../lib/errors';
import { formatCivilDate, formatDateTime, formatNumber } from '../lib/format';
import { channelLabel } from '../lib/labels';
import { useSession } from '../session/store';
import { Alert, Badge, Button, Card, columnsFor, DataTable, Money, RefreshButton, StatTile, toast } from '../ui';
import { printDailyReport, useOffice } from './printing';
import { ReceiptModal } from './ReceiptModal';
import { dailyReport } from './store';
import './desk.css';

type PaymentRow = DailyReport['payments'][number];

function SmallTable({ title, head, rows, foot, testId, className }: { title: string; head: string[]; rows: ReactNode[][]; foot?: ReactNode[]; testId: string; className?: string }) {
  const t = useT();
  return (
    <Card title={title} flush data-testid={testId} className={className}>
      {rows.length === 0 ? (
        <div className="table-empty">{t('daily.empty')}</div>
      ) : (
        <table className="data">
          <thead>
            <tr>
              {head.map((h, i) => (
                <th key={i} scope="col" className={i > 0 && i >= head.length - 3 ? 'num' : undefined}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i} data-testid={`${testId}-row`}>
                {r.map((c, j) => (
                  <td key={j} className={j > 0 && j >= head.length - 3 ? 'num' : undefined}>
                    {c}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          {foot ? (
            <tfoot>
              <tr>
                {foot.map((c, j) => (
                  <th key={j} scope={j === 0 ? 'row' : undefined} className={j > 0 && j >= head.length - 3 ? 'num' : undefined}>
                    {c}
                  </th>
                ))}
              </tr>
            </tfoot>
          ) : null}
        </table>
      )}
    </Card>
  );
}

export function DailyReportScreen() {
  const t = useT();
  const lang = useLang();
  const signer = useSession((s) => (s.info?.user.role === 'kepala' ? s.info.user.fullName : undefined));
  const office = useOffice();
  const date = dailyReport.use((s) => s.query);
  const report = dailyReport.use((s) => s.data);
  const error = dailyReport.use((s) => s.error);
  const loading = dailyReport.use((s) => s.loading);
  const [printing, setPrinting] = useState(false);
  const [shown, setShown] = useState<string | null>(null);

  useEffect(() => {
    void dailyReport.load(dailyReport.store.getState().query || businessDate(new Date()));
  }, []);

  const columns = useMemo(() => {
    const col = columnsFor<PaymentRow>();
    return col.columns([
      col.accessor('paidAt', { header: t('counter.col.time'), cell: (c) => formatDateTime(c.getValue(), lang), meta: { nowrap: true } }),
      col.accessor('receiptNo', {
        header: t('counter.col.receipt'),
        // the receipt itself (items, fine, void reason) one click away
        cell: (c) => (
          <Button size="sm" variant="ghost" className="mono" onClick={() => setShown(c.row.original.paymentId)} data-testid={`daily-show-${c.getValue()}`}>
            {c.getValue()}
          </Button>
        ),
        meta: { nowrap: true },
      }),
      col.accessor('payerName', { header: t('counter.col.payer') }),
      col.accessor('levyName', { header: t('counter.col.levy') }),
      col.accessor('channel', { header: t('counter.col.channel'), cell: (c) => channelLabel(c.getValue(), lang) }),
      col.accessor((p) => p.clerkName ?? '', { id: 'clerk', header: t('counter.col.clerk') }),
      col.accessor('total', {
        header: t('counter.col.amount'),
        cell: (c) =>
          c.row.original.voided ? (
            <span className="row" style={{ gap: 'var(--s-1)', justifyContent: 'flex-end', flexWrap: 'nowrap' }}>
              <Badge tone="danger">{t('daily.voided')}</Badge>
              <s>
                <Money value={c.getValue()} />
              </s>
            </span>
          ) : (
            <Money value={c.getValue()} />
          ),
        meta: { align: 'end' },
      }),
    ]);
  }, [t, lang]);

  const print = async () => {
    if (!report) return;
    setPrinting(true);
    try {
      await printDailyReport(report, office, signer);
      toast.info(t('daily.printed'));
    } catch (err) {
      toast.error(errorText(err, lang));
    } finally {
      setPrinting(false);
    }
  };

  const today = businessDate(new Date());
  return (
    <div className="page" data-testid="daily-screen">
      <div className="page-head">
        <div>
          <h1>{t('daily.title')}</h1>
          <div className="sub">{date ? t('daily.subtitle', { date: formatCivilDate(date, lang, true) }) : ''}</div>
        </div>
        <span className="spacer" />
        <label className="row" style={{ gap: 'var(--s-2)' }}>
          <span className="muted">{t('status.businessDate')}</span>
          <input type="date" className="input date-input" value={date} max={today} onChange={(e) => e.target.value && void dailyReport.load(e.target.value)} data-testid="daily-date" />
        </label>
        <RefreshButton onClick={() => void dailyReport.load()} loading={loading} />
        <Button onClick={() => void print()} busy={printing} disabled={!report} data-testid="daily-print">
          {t('daily.print')}
        </Button>
      </div>
      {error ? (
        <Alert tone="danger" title={t('error.title')}>
          {errorText(error, lang)}
        </Alert>
      ) : null}
      {report ? (
        <>
          <div className="stats daily-stats">
            <StatTile testId="daily-count" label={t('daily.count')} value={formatNumber(report.count, lang)} sub={t('daily.countSub')} />
            <StatTile testId="daily-total" tone="success" label={t('daily.total')} value={<Money value={report.total} />} sub={formatCivilDate(report.date, lang)} />
            <StatTile testId="daily-voids" tone="danger" label={t('daily.voids')} value={formatNumber(report.voids.length, lang)} sub={t('daily.voidsSub', { amount: formatRupiah(report.voidedTotal) })} />
            <StatTile testId="daily-clerks" tone="info" label={t('daily.clerks')} value={formatNumber(report.byClerk.length, lang)} sub={t('daily.clerksSub')} />
          </div>
          <div className="grid-2 daily-grid">
            <SmallTable
              title={t('daily.byClerk')}
              testId="daily-by-clerk"
              head={[t('counter.col.clerk'), t('counter.col.count'), t('counter.col.total')]}
              rows={report.byClerk.map((c) => [
                <span key="n">
                  {c.clerkName} <span className="muted mono">{c.terminalCode}</span>
                </span>,
                formatNumber(c.count, lang),
                <Money key="m" value={c.total} />,
              ])}
              foot={[t('common.total'), formatNumber(report.byClerk.reduce((s, c) => s + c.count, 0), lang), <Money key="f" value={report.byClerk.reduce((s, c) => s + c.total, 0)} />]}
            />
            <SmallTable
              title={t('daily.byChannel')}
              testId="daily-by-channel"
              head={[t('counter.col.channel'), t('counter.col.count'), t('counter.col.total')]}
              rows={report.byChannel.map((c) => [channelLabel(c.channel, lang), formatNumber(c.count, lang), <Money key="m" value={c.total} />])}
              foot={[t('common.total'), formatNumber(report.byChannel.reduce((s, c) => s + c.count, 0), lang), <Money key="f" value={report.byChannel.reduce((s, c) => s + c.total, 0)} />]}
            />
            <SmallTable
              title={t('daily.byLevy')}
              className="daily-levy"
              testId="daily-by-levy"
              head={[t('counter.col.levy'), t('inquiry.col.principal'), t('inquiry.col.fine'), t('counter.col.total')]}
              rows={report.byLevy.map((l) => [
                <span key="n">
                  {l.levyName}
                  <div className="muted" style={{ fontSize: 'var(--t-xs)' }}>
                    {t('daily.levyCount', { count: formatNumber(l.count, lang) })}
                  </div>
                </span>,
                <Money key="p" value={l.principal} />,
                <Money key="f" value={l.fine} />,
                <Money key="t" value={l.total} />,
              ])}
              foot={[t('common.total'), <Money key="p" value={report.byLevy.reduce((s, l) => s + l.principal, 0)} />, <Money key="f" value={report.byLevy.reduce((s, l) => s + l.fine, 0)} />, <Money key="t" value={report.byLevy.reduce((s, l) => s + l.total, 0)} />]}
            />
          </div>
          <Card title={t('daily.voidsTitle', { count: report.voids.length })} flush data-testid="daily-voids-list">
            {report.voids.length === 0 ? (
              <div className="table-empty">{t('daily.noVoids')}</div>
            ) : (
              <table className="data">
                <thead>
                  <tr>
                    <th scope="col">{t('counter.col.receipt')}</th>
                    <th scope="col">{t('daily.paidDate')}</th>
                    <th scope="col">{t('voids.col.reason')}</th>
                    <th scope="col">{t('voids.col.requestedBy')}</th>
                    <th scope="col">{t('daily.approvedBy')}</th>
                    <th scope="col" className="num">
                      {t('counter.col.amount')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {report.voids.map((v) => (
                    <tr key={v.receiptNo} data-testid="daily-void-row">
                      <td className="mono nowrap">{v.receiptNo}</td>
                      <td className="nowrap">{formatCivilDate(v.paidDate, lang)}</td>
                      <td>{v.reason}</td>
                      <td>{v.requestedBy}</td>
                      <td>{v.approvedBy}</td>
                      <td className="num">
                        <Money value={v.total} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Card>
          <Card title={t('daily.payments', { count: report.payments.length })} flush>
            <DataTable testId="daily-payments" label={t('daily.payments', { count: report.payments.length })} columns={columns} data={report.payments} getRowId={(p) => p.receiptNo} filterable pageSize={25} initialSort={[{ id: 'paidAt', desc: false }]} />
          </Card>
        </>
      ) : null}
      <ReceiptModal paymentId={shown} onClose={() => setShown(null)} />
    </div>
  );
}
