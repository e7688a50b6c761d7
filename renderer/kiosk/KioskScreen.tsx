// The kiosk start screen: scan or type an IDPEL (touch keypad), see what is owed, and pay the
// oldest open bill with a QRIS made by the centre. Where this terminal is not enrolled with the
// centre (no QRIS possible) the screen says to pay at the counter instead.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { OpenBill } from '../../shared/contract';
import { InquiryView } from '../counter/InquiryView';
import { useLang, useT } from '../i18n';
import { errorText } from '../lib/errors';
import { formatPeriod } from '../lib/format';
import { validateIdpelInput } from '../lib/idpel';
import { useScanner } from '../lib/useScanner';
import { syncStatus } from '../sync/store';
import { Alert, Button, Money } from '../ui';
import { isPaying, kioskQris } from './qris';
import { QrisPay } from './QrisPay';
import { KIOSK_IDLE_MS, kioskInquiry } from './store';
import './kiosk.css';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'back'] as const;

function useIdleReset(onIdle: () => void, active: boolean): void {
  const handler = useRef(onIdle);
  handler.current = onIdle;
  useEffect(() => {
    if (!active) return;
    let timer = window.setTimeout(() => handler.current(), KIOSK_IDLE_MS);
    const poke = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => handler.current(), KIOSK_IDLE_MS);
    };
    const events = ['pointerdown', 'keydown', 'wheel'] as const;
    for (const e of events) window.addEventListener(e, poke, true);
    return () => {
      window.clearTimeout(timer);
      for (const e of events) window.removeEventListener(e, poke, true);
    };
  }, [active]);
}

export function KioskScreen() {
  const t = useT();
  const lang = useLang();
  const [value, setValue] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const query = kioskInquiry.use((s) => s.query);
  const result = kioskInquiry.use((s) => s.data);
  const error = kioskInquiry.use((s) => s.error);
  const loading = kioskInquiry.use((s) => s.loading);
  const shown = result && result.idpel === query ? result : null;
  const phase = kioskQris.use((s) => s.phase);
  const paying = isPaying(phase);
  const [payingFor, setPayingFor] = useState<{ payerName: string; bill: OpenBill; moreBills: number } | null>(null);
  // QRIS needs the centre: a terminal that is not enrolled cannot make one
  const qrisAvailable = syncStatus.use((s) => s.data?.configured ?? true);

  const run = (raw: string) => {
    const checked = validateIdpelInput(raw, lang);
    if (!checked.ok) {
      setLocalError(checked.message);
      return;
    }
    setLocalError(null);
    setValue(checked.idpel);
    void kioskInquiry.load(checked.idpel);
  };

  const restart = () => {
    kioskQris.cancel();
    setPayingFor(null);
    kioskInquiry.reset();
    setValue('');
    setLocalError(null);
    inputRef.current?.focus();
  };

  const payOldest = () => {
    const oldest = shown?.bills[0];
    if (!shown || !oldest) return;
    setPayingFor({ payerName: shown.payerName, bill: oldest, moreBills: shown.bills.length - 1 });
    void kioskQris.start(shown.idpel, oldest.billId);
  };

  const nextBill = () => {
    kioskQris.cancel();
    setPayingFor(null);
    if (query) void kioskInquiry.load(query);
  };

  // a new visitor's scan starts over; while someone is paying, scans are ignored
  useScanner(
    (code) => {
      kioskQris.cancel();
      setPayingFor(null);
      run(code);
    },
    { enabled: !paying },
  );
  // the payment screens stay up while the visitor pays; every other screen resets when left alone
  useIdleReset(restart, !paying && (value !== '' || shown !== null || localError !== null || phase !== 'idle'));
  useEffect(() => inputRef.current?.focus(), []);
  // a kiosk signed out (or this screen left) leaves no QRIS polling behind
  useEffect(() => () => kioskQris.cancel(), []);

  const press = (key: (typeof KEYS)[number]) => {
    setLocalError(null);
    if (key === 'clear') setValue('');
    else if (key === 'back') setValue((v) => v.slice(0, -1));
    else setValue((v) => (v.length < 24 ? v + key : v));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    run(value);
  };

  const message = localError ?? (error ? errorText(error, lang) : null);

  if (phase !== 'idle' && payingFor) {
    return (
      <div className="kiosk" data-testid="kiosk-screen">
        <QrisPay payerName={payingFor.payerName} bill={payingFor.bill} moreBills={payingFor.moreBills} onDone={restart} onNext={nextBill} />
      </div>
    );
  }

  if (shown) {
    const oldest = shown.bills[0];
    return (
      <div className="kiosk" data-testid="kiosk-screen">
        <div className="kiosk-card kiosk-result">
          <InquiryView result={shown} large />
          {oldest && qrisAvailable ? (
            <div className="kiosk-pay">
              <Button className="kiosk-big kiosk-pay-btn" onClick={payOldest} data-testid="kiosk-qris-start">
                <span>{t('kiosk.qris.start')}</span>
                <span className="kiosk-pay-amount">
                  <Money value={oldest.total} />
                </span>
              </Button>
              <p className="muted kiosk-note-lg">{t(shown.bills.length > 1 ? 'kiosk.qris.startOldest' : 'kiosk.qris.startOne', { period: formatPeriod(oldest.period, lang) })}</p>
            </div>
          ) : oldest ? (
            <Alert tone="info" testId="kiosk-pay-at-counter">
              {t('kiosk.payAtCounter')}
            </Alert>
          ) : null}
          <Button block variant={oldest && qrisAvailable ? 'secondary' : 'primary'} onClick={restart} data-testid="kiosk-done" className="kiosk-big">
            {t('kiosk.done')}
          </Button>
        </div>
      </div>
    );
  }

  return (
    <div className="kiosk" data-testid="kiosk-screen">
      <form className="kiosk-card kiosk-start" onSubmit={submit} noValidate>
        <div className="kiosk-left">
          <h1>{t('kiosk.title')}</h1>
          <p className="kiosk-intro">{t('kiosk.intro')}</p>
          <label className="visually-hidden" htmlFor="kiosk-idpel">
            {t('idpel.label')}
          </label>
          <input
            ref={inputRef}
            id="kiosk-idpel"
            className="kiosk-idpel mono"
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            maxLength={40}
            placeholder={t('idpel.label')}
            value={value}
            onChange={(e) => {
              setValue(e.target.value);
              setLocalError(null);
            }}
            aria-invalid={message ? true : undefined}
            aria-describedby={message ? 'kiosk-idpel-error' : undefined}
            data-testid="kiosk-idpel"
          />
          {message ? (
            <p id="kiosk-idpel-error" className="kiosk-error" role="alert" data-testid="kiosk-error">
              {message}
            </p>
          ) : null}
          <Button type="submit" block busy={loading} className="kiosk-big" data-testid="kiosk-check">
            {t('kiosk.check')}
          </Button>
          <p className="muted kiosk-note">{t('kiosk.idleReset')}</p>
        </div>
        <div className="keypad" role="group" aria-label={t('idpel.label')}>
          {KEYS.map((key) => (
            <button
              key={key}
              type="button"
              className={`key${key === 'clear' || key === 'back' ? ' key-fn' : ''}`}
              onClick={() => press(key)}
              aria-label={key === 'back' ? t('kiosk.backspace') : key === 'clear' ? t('kiosk.clear') : key}
              data-testid={`key-${key}`}
            >
              {key === 'back' ? '⌫' : key === 'clear' ? t('kiosk.clear') : key}
            </button>
          ))}
        </div>
      </form>
    </div>
  );
}
