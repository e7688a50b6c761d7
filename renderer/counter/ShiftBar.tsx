// The clerk's shift, always in sight at the top of the counter: none yet (open it with the
// opening cash), open (since when, the cash the drawer should hold, receipts so far), or left
// open from an earlier day (close that one first — the backend takes no payment on it).
import { useEffect, useState, type FormEvent } from 'react';
import type { ShiftView } from '../../shared/contract';
import { call } from '../api';
import { useLang, useT } from '../i18n';
import { errorText } from '../lib/errors';
import { formatCivilDate, formatNumber, formatTime } from '../lib/format';
import { Alert, Button, Money, toast } from '../ui';
import { CloseShiftDialog } from './CloseShift';
import { formatRupiahInput, parseRupiahInput } from './deskRules';
import { shift } from './store';

function OpenShiftForm() {
  const t = useT();
  const lang = useLang();
  const [cash, setCash] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const openingCash = parseRupiahInput(cash) ?? 0;
    setBusy(true);
    setFailure(null);
    try {
      await call('shift.open', { openingCash });
      toast.success(t('shift.opened', { cash: formatRupiahInput(openingCash) }));
      await shift.load();
    } catch (err) {
      setFailure(errorText(err, lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="shift-open" onSubmit={submit} noValidate data-testid="shift-open-form">
      <label htmlFor="shift-opening-cash" className="shift-open-label">
        {t('shift.openingCash')}
      </label>
      <span className="rp-input">
        <span aria-hidden="true">Rp</span>
        <input
          id="shift-opening-cash"
          className="input"
          inputMode="numeric"
          autoComplete="off"
          value={formatRupiahInput(parseRupiahInput(cash))}
          onChange={(e) => setCash(e.target.value.replace(/\D/g, '').slice(0, 11))}
          placeholder="0"
          data-testid="shift-opening-cash"
        />
      </span>
      <Button type="submit" busy={busy} data-testid="shift-open">
        {t('shift.open')}
      </Button>
      {failure ? (
        <span className="idpel-error" role="alert" data-testid="shift-open-error">
          {failure}
        </span>
      ) : null}
    </form>
  );
}

function Facts({ current }: { current: ShiftView }) {
  const t = useT();
  const lang = useLang();
  return (
    <dl className="shift-facts">
      <div>
        <dt>{t('shift.since')}</dt>
        <dd>{`${formatTime(new Date(current.openedAt), lang)} WIB`}</dd>
      </div>
      <div>
        <dt>{t('shift.openingCashShort')}</dt>
        <dd>
          <Money value={current.openingCash} />
        </dd>
      </div>
      <div>
        <dt>{t('shift.expectedCash')}</dt>
        <dd data-testid="shift-expected">
          <Money value={current.expectedCash} />
        </dd>
      </div>
      <div>
        <dt>{t('shift.receipts')}</dt>
        <dd data-testid="shift-receipts">{formatNumber(current.receiptCount, lang)}</dd>
      </div>
    </dl>
  );
}

/** the shift strip; `onClosed` lets the screen refresh what depends on the shift */
export function ShiftBar({ onClosed, title }: { onClosed?: () => void; title?: string }) {
  const t = useT();
  const lang = useLang();
  const current = shift.use((s) => s.data);
  const error = shift.use((s) => s.error);
  const loadedAt = shift.use((s) => s.loadedAt);
  // the dialog keeps the shift it closes: after closing it shows that shift's report
  const [closing, setClosing] = useState<ShiftView | null>(null);

  useEffect(() => {
    void shift.load();
  }, []);

  const state = loadedAt === null ? 'loading' : current === null ? 'none' : current?.isStale ? 'stale' : 'open';
  return (
    <section className={`shift-bar state-${state}`} data-testid="shift-bar" data-state={state} aria-label={t('shift.label')}>
      <div className="shift-title">
        <h1>{title ?? t('counter.title')}</h1>
        <span className={`shift-badge state-${state}`} data-testid="shift-state">
          {state === 'open' ? t('shift.stateOpen') : state === 'stale' ? t('shift.stateStale') : state === 'none' ? t('shift.stateNone') : t('app.loading')}
        </span>
      </div>
      {state === 'none' ? <OpenShiftForm /> : null}
      {current && state === 'open' ? <Facts current={current} /> : null}
      {current && state === 'stale' ? (
        <div className="shift-stale" role="alert" data-testid="shift-stale">
          {t('shift.staleBody', { date: formatCivilDate(current.businessDate, lang, true) })}
        </div>
      ) : null}
      <span className="spacer" />
      {current ? (
        <Button variant={state === 'stale' ? 'danger' : 'secondary'} onClick={() => setClosing(current)} data-testid="shift-close">
          {t('shift.close')}
        </Button>
      ) : null}
      {error ? (
        <Alert tone="danger" testId="shift-error">
          {errorText(error, lang)}
        </Alert>
      ) : null}
      {closing ? (
        <CloseShiftDialog
          open
          shift={closing}
          onClose={() => {
            setClosing(null);
            void shift.load();
          }}
          onClosed={() => onClosed?.()}
        />
      ) : null}
    </section>
  );
}
