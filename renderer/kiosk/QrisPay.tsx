// The QRIS payment at the kiosk: a big QR code of the centre's payload with the amount and the
// time left, the status asked every 3 s; then "Pembayaran berhasil" with the receipt number, or
// "QRIS kedaluwarsa, buat ulang". The receipt prints here once, right after paying (kiosk.receipt:
// the kiosk role may not read other receipts); its number is shown large for a copy at the counter.
import { useEffect, useState } from 'react';
import type { OpenBill } from '../../shared/contract';
import { useLang, useT } from '../i18n';
import { errorText } from '../lib/errors';
import { formatPeriod } from '../lib/format';
import { useNow } from '../lib/useNow';
import { Alert, Button, Money } from '../ui';
import { call } from '../api';
import { printRecordedReceipt, storedPaper } from '../counter/printing';
import { formatCountdown, kioskQris, secondsLeft } from './qris';

/** the visitor's receipt, printed once on the kiosk's roll (58 or 80 mm, as this PC is set) */
function PrintReceipt({ qrisId }: { qrisId: string }) {
  const t = useT();
  const lang = useLang();
  const [state, setState] = useState<{ phase: 'idle' | 'printing' | 'printed'; error: unknown }>({ phase: 'idle', error: null });
  const print = async () => {
    setState({ phase: 'printing', error: null });
    try {
      const paper = storedPaper() === '58mm' ? '58mm' : '80mm';
      const { receipt, copyNo } = await call('kiosk.receipt', { qrisId, paper });
      await printRecordedReceipt(receipt, paper, copyNo);
      setState({ phase: 'printed', error: null });
    } catch (err) {
      setState({ phase: 'idle', error: err });
    }
  };
  if (state.phase === 'printed') {
    return (
      <p className="kiosk-note-lg" role="status" data-testid="kiosk-receipt-printed">
        {t('kiosk.qris.printed')}
      </p>
    );
  }
  return (
    <>
      {state.error ? (
        <Alert tone="danger" testId="kiosk-receipt-error">
          {errorText(state.error, lang)}
        </Alert>
      ) : null}
      <Button className="kiosk-big" onClick={() => void print()} disabled={state.phase === 'printing'} data-testid="kiosk-print-receipt">
        {state.phase === 'printing' ? t('kiosk.qris.printing') : t('kiosk.qris.print')}
      </Button>
    </>
  );
}

/** the QR as a data: image from bwip-js, loaded with the first QRIS (the library is large) */
function useQrImage(payload: string | null): { src: string | null; failed: boolean } {
  const [state, setState] = useState<{ src: string | null; failed: boolean }>({ src: null, failed: false });
  useEffect(() => {
    setState({ src: null, failed: false });
    if (!payload) return;
    let live = true;
    import('../print/codes')
      .then(({ qrImage }) => live && setState({ src: qrImage(payload, 60).src, failed: false }))
      .catch(() => live && setState({ src: null, failed: true }));
    return () => {
      live = false;
    };
  }, [payload]);
  return state;
}

export interface QrisPayProps {
  payerName: string;
  bill: OpenBill;
  /** more open bills after this one */
  moreBills: number;
  onDone: () => void;
  /** pay the next bill (the inquiry is asked again) */
  onNext: () => void;
}

export function QrisPay({ payerName, bill, moreBills, onDone, onNext }: QrisPayProps) {
  const t = useT();
  const lang = useLang();
  const phase = kioskQris.use((s) => s.phase);
  const qris = kioskQris.use((s) => s.qris);
  const error = kioskQris.use((s) => s.error);
  const target = kioskQris.use((s) => s.target);
  const now = useNow(1000).getTime();
  const qr = useQrImage(phase === 'pending' && qris ? qris.payload : null);
  const left = qris ? secondsLeft(qris.expiresAt, now) : 0;
  const again = () => {
    if (target) void kioskQris.start(target.idpel, target.billId);
  };

  if (phase === 'paid' && qris) {
    return (
      <div className="kiosk-card kiosk-outcome tone-success" data-testid="kiosk-qris-paid">
        <div className="kiosk-outcome-mark" aria-hidden="true">
          ✓
        </div>
        <h1>{t('kiosk.qris.paid')}</h1>
        <p className="kiosk-intro">{t('kiosk.qris.paidFor', { payer: payerName, period: formatPeriod(bill.period, lang) })}</p>
        <div className="kiosk-receipt">
          <span className="kiosk-receipt-label">{t('kiosk.qris.receiptNo')}</span>
          <span className="kiosk-receipt-no mono" data-testid="kiosk-receipt-no">
            {qris.receiptNo}
          </span>
          <span className="kiosk-receipt-amount">
            <Money value={qris.amount} />
          </span>
        </div>
        <p className="muted kiosk-note-lg">{t('kiosk.qris.keepNumber')}</p>
        <PrintReceipt qrisId={qris.qrisId} />
        <div className="kiosk-actions">
          {moreBills > 0 ? (
            <Button variant="secondary" className="kiosk-big" onClick={onNext} data-testid="kiosk-next-bill">
              {t('kiosk.qris.nextBill', { count: moreBills })}
            </Button>
          ) : null}
          <Button className="kiosk-big" onClick={onDone} data-testid="kiosk-done">
            {t('kiosk.done')}
          </Button>
        </div>
      </div>
    );
  }

  if (phase === 'expired' || phase === 'reversed' || phase === 'failed') {
    const title = phase === 'expired' ? t('kiosk.qris.expired') : phase === 'reversed' ? t('kiosk.qris.reversed') : t('kiosk.qris.failed');
    return (
      <div className="kiosk-card kiosk-outcome tone-warning" data-testid={`kiosk-qris-${phase}`}>
        <div className="kiosk-outcome-mark" aria-hidden="true">
          !
        </div>
        <h1>{title}</h1>
        {phase === 'failed' && error ? (
          <Alert tone="danger" testId="kiosk-qris-error">
            {errorText(error, lang)}
          </Alert>
        ) : (
          <p className="kiosk-intro">{phase === 'expired' ? t('kiosk.qris.expiredBody') : t('kiosk.qris.reversedBody')}</p>
        )}
        <div className="kiosk-actions">
          <Button variant="secondary" className="kiosk-big" onClick={onDone} data-testid="kiosk-qris-back">
            {t('kiosk.qris.back')}
          </Button>
          <Button className="kiosk-big" onClick={again} data-testid="kiosk-qris-recreate">
            {phase === 'failed' ? t('kiosk.qris.retry') : t('kiosk.qris.recreate')}
          </Button>
        </div>
      </div>
    );
  }

  // creating, pending, confirming
  const waitingForReceipt = phase === 'confirming';
  return (
    <div className="kiosk-card kiosk-qris" data-testid="kiosk-qris" data-phase={phase}>
      <div className="kiosk-qr-box">
        {waitingForReceipt ? (
          <div className="kiosk-qr-wait" data-testid="kiosk-qris-confirming">
            <span className="spinner" aria-hidden="true" />
            {t('kiosk.qris.confirming')}
          </div>
        ) : qr.src ? (
          <img className="kiosk-qr" src={qr.src} alt={t('kiosk.qris.qrAlt')} data-testid="kiosk-qr" />
        ) : (
          <div className="kiosk-qr-wait">
            <span className="spinner" aria-hidden="true" />
            {qr.failed ? t('kiosk.qris.qrFailed') : t('kiosk.qris.creating')}
          </div>
        )}
        <div className="kiosk-qris-brand">QRIS</div>
      </div>
      <div className="kiosk-qris-side">
        <h1>{t('kiosk.qris.title')}</h1>
        <p className="kiosk-intro">{t('kiosk.qris.scan')}</p>
        <div className="kiosk-qris-amount">
          <span className="muted">{t('kiosk.qris.amount')}</span>
          <strong data-testid="kiosk-qris-amount">
            <Money value={qris?.amount ?? bill.total} />
          </strong>
        </div>
        <dl className="kiosk-qris-facts">
          <div>
            <dt>{t('kiosk.qris.payer')}</dt>
            <dd>{payerName}</dd>
          </div>
          <div>
            <dt>{t('kiosk.qris.bill')}</dt>
            <dd>
              {formatPeriod(bill.period, lang)}
              <span className="mono kiosk-qris-skrd">{bill.skrdNo}</span>
            </dd>
          </div>
          <div>
            <dt>{t('kiosk.qris.expiresIn')}</dt>
            <dd className={left <= 60 ? 'kiosk-countdown is-low' : 'kiosk-countdown'} data-testid="kiosk-qris-countdown">
              {qris ? (left > 0 ? formatCountdown(left) : t('kiosk.qris.checking')) : '—'}
            </dd>
          </div>
          <div>
            <dt>{t('kiosk.qris.id')}</dt>
            <dd className="mono kiosk-qris-id" data-testid="kiosk-qris-id">
              {qris?.qrisId ?? '—'}
            </dd>
          </div>
        </dl>
        {moreBills > 0 ? <p className="kiosk-note-lg muted">{t('kiosk.qris.oldestOnly', { count: moreBills })}</p> : null}
        {error ? (
          <p className="kiosk-note-lg muted" role="status" data-testid="kiosk-qris-retrying">
            {t('kiosk.qris.retrying')}
          </p>
        ) : null}
        <p className="kiosk-note-lg">{t('kiosk.qris.waitNote')}</p>
        <Button variant="secondary" className="kiosk-big" block onClick={onDone} data-testid="kiosk-qris-cancel">
          {t('kiosk.qris.cancel')}
        </Button>
      </div>
    </div>
  );
}
