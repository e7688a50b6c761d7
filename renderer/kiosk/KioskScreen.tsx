// The kiosk start screen: scan or type an IDPEL (touch keypad), see what is owed. The contract
// has no kiosk payment (QRIS) operation yet, so the screen says to pay at the counter instead
// of offering a button that cannot pay.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { InquiryView } from '../counter/InquiryView';
import { useLang, useT } from '../i18n';
import { errorText } from '../lib/errors';
import { validateIdpelInput } from '../lib/idpel';
import { useScanner } from '../lib/useScanner';
import { Alert, Button } from '../ui';
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
    kioskInquiry.reset();
    setValue('');
    setLocalError(null);
    inputRef.current?.focus();
  };

  useScanner((code) => run(code));
  useIdleReset(restart, value !== '' || shown !== null || localError !== null);
  useEffect(() => inputRef.current?.focus(), []);

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

  if (shown) {
    return (
      <div className="kiosk" data-testid="kiosk-screen">
        <div className="kiosk-card kiosk-result">
          <InquiryView result={shown} large />
          {shown.bills.length > 0 ? (
            <Alert tone="info" testId="kiosk-pay-at-counter">
              {t('kiosk.payAtCounter')}
            </Alert>
          ) : null}
          <Button block onClick={restart} data-testid="kiosk-done" className="kiosk-big">
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
