// The IDPEL box at the top of the counter: typed, pasted or scanned (the scanner is caught
// wherever the focus is — also inside this box and the cash field), checked locally (digits,
// length, check digit), then asked of the backend with inquiry.idpel.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { checkIdpel } from '../../shared/idpel';
import { useLang, useT } from '../i18n';
import { errorText } from '../lib/errors';
import { validateIdpelInput } from '../lib/idpel';
import { useScanner } from '../lib/useScanner';
import { isClientError } from '../api/client';
import { Button } from '../ui';
import { inquiry } from './store';

/** a burst typed into a capture field counts as a scan only when it is a whole, valid IDPEL */
export const isWholeIdpel = (code: string) => checkIdpel(code).ok;

/** the IDPEL box: sits in the counter's header row; `locked` while a payment is being recorded */
export function IdpelForm({ locked = false }: { locked?: boolean }) {
  const t = useT();
  const lang = useLang();
  const [value, setValue] = useState(() => inquiry.store.getState().query);
  const [localError, setLocalError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const error = inquiry.use((s) => s.error);
  const loading = inquiry.use((s) => s.loading);
  const query = inquiry.use((s) => s.query);

  const run = (raw: string) => {
    const checked = validateIdpelInput(raw, lang);
    if (!checked.ok) {
      setLocalError(checked.message);
      inputRef.current?.focus();
      return;
    }
    setLocalError(null);
    setValue(checked.idpel);
    void inquiry.load(checked.idpel);
  };

  useScanner(
    (code) => {
      setValue(code);
      run(code);
    },
    { enabled: !locked, acceptInField: isWholeIdpel },
  );

  // F2 jumps to the box from anywhere on the counter screen
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'F2') {
        e.preventDefault();
        inputRef.current?.focus();
        inputRef.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // closing the panel empties the box too
  useEffect(() => {
    if (query === '') setValue('');
  }, [query]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    run(value);
  };

  // a refused IDPEL (not registered, bad check digit) is shown beside the field
  const apiFieldError = isClientError(error) && error.fields.idpel ? errorText(error, lang) : null;
  const fieldError = localError ?? apiFieldError;

  // one slim row (label, box, button, message) so the figures below never move down
  return (
    <form className="idpel-form" onSubmit={submit} noValidate data-testid="idpel-search">
      <label htmlFor="idpel-input" className="idpel-label">
        {t('idpel.label')}
      </label>
      <input
        ref={inputRef}
        id="idpel-input"
        className="input idpel-input mono"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        maxLength={40}
        title={t('idpel.hint')}
        placeholder={t('idpel.placeholder')}
        value={value}
        data-scan-capture=""
        disabled={locked}
        onFocus={(e) => e.currentTarget.select()}
        onChange={(e) => {
          setValue(e.target.value);
          setLocalError(null);
        }}
        aria-invalid={fieldError ? true : undefined}
        aria-describedby={fieldError ? 'idpel-input-error' : undefined}
        data-testid="idpel-input"
      />
      <Button type="submit" busy={loading} disabled={locked} data-testid="idpel-submit">
        {loading ? t('idpel.searching') : t('idpel.search')}
      </Button>
      {fieldError ? (
        <span id="idpel-input-error" className="idpel-error" role="alert" data-testid="idpel-input-error">
          {fieldError}
        </span>
      ) : (
        <span className="idpel-hint muted">{t('idpel.hint')}</span>
      )}
    </form>
  );
}
