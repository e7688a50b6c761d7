// Wajib retribusi: the create/edit form (NIK checked as it is typed) and the picker the
// contract, permit and lab-order forms use to choose one (or make a new one on the spot).
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import type { PayerRow } from '../../shared/contract';
import { checkNik } from '../../shared/nik';
import { call } from '../api';
import { useLang, useT } from '../i18n';
import { errorText } from '../lib/errors';
import { Badge, Button, Field, SelectField, toast } from '../ui';
import { FormModal, useOpForm, type FieldErrors } from './form';
import { TextAreaField } from './controls';
import { optional } from './parse';

interface PayerFormState {
  kind: 'orang' | 'badan';
  nik: string;
  name: string;
  phone: string;
  address: string;
}

const EMPTY: PayerFormState = { kind: 'orang', nik: '', name: '', phone: '', address: '' };

function fromRow(p: PayerRow): PayerFormState {
  return { kind: p.kind, nik: p.nik ?? '', name: p.name, phone: p.phone ?? '', address: p.address ?? '' };
}

/** the local NIK check: 16 digits, province, birth date, serial — the same check the backend makes */
export function nikProblem(nik: string, kind: 'orang' | 'badan', required: string): string | null {
  const v = nik.replace(/\s/g, '');
  if (v === '') return kind === 'orang' ? required : null;
  const r = checkNik(v);
  return r.ok ? null : r.message;
}

export function PayerModal({ open, payer, onClose, onSaved }: { open: boolean; payer: PayerRow | null; onClose: () => void; onSaved?: (p: PayerRow) => void }) {
  const t = useT();
  const lang = useLang();
  const form = useOpForm('payer.save');
  const [state, setState] = useState<PayerFormState>(EMPTY);
  const [version, setVersion] = useState<number | undefined>(undefined);
  const [nikLive, setNikLive] = useState<string | null>(null);
  const { reset } = form;

  useEffect(() => {
    if (!open) return;
    setState(payer ? fromRow(payer) : EMPTY);
    setVersion(payer?.version);
    setNikLive(null);
    reset();
  }, [open, payer, reset]);

  const set = <K extends keyof PayerFormState>(key: K, value: PayerFormState[K]) => setState((s) => ({ ...s, [key]: value }));

  const save = async () => {
    const nik = state.nik.replace(/\s/g, '');
    const local: FieldErrors = {};
    const problem = nikProblem(nik, state.kind, t('payers.nikRequired'));
    if (problem) local.nik = problem;
    const saved = await form.submit(
      {
        ...(payer ? { id: payer.id, version } : {}),
        kind: state.kind,
        ...(nik ? { nik } : {}),
        name: state.name.trim(),
        ...(optional(state.phone) ? { phone: optional(state.phone) } : {}),
        ...(optional(state.address) ? { address: optional(state.address) } : {}),
      },
      local,
    );
    if (!saved) return;
    toast.success(t(payer ? 'payers.updated' : 'payers.created', { name: saved.name }));
    onSaved?.(saved);
    onClose();
  };

  // someone else saved this payer meanwhile: take their version into the form
  const reload = async () => {
    if (!payer) return;
    try {
      const rows = await call('payer.search', { query: payer.nik ?? payer.name, limit: 50 });
      const fresh = rows.find((r) => r.id === payer.id);
      if (fresh) {
        setState(fromRow(fresh));
        setVersion(fresh.version);
        form.reset();
        toast.info(t('form.reloaded'));
      }
    } catch (err) {
      toast.error(errorText(err, lang));
    }
  };

  const errors = form.errors;
  return (
    <FormModal
      open={open}
      title={payer ? t('payers.edit', { name: payer.name }) : t('payers.add')}
      testId="payer-form"
      submitLabel={t('common.save')}
      busy={form.busy}
      failure={form.failure} errors={form.errors}
      onSubmit={() => void save()}
      onClose={onClose}
      onReload={() => void reload()}
    >
      <div className="grid-2">
        <SelectField
          label={t('payers.kind')}
          value={state.kind}
          onChange={(e) => set('kind', e.target.value as PayerFormState['kind'])}
          options={[
            { value: 'orang', label: t('payers.kind.orang') },
            { value: 'badan', label: t('payers.kind.badan') },
          ]}
          error={errors.kind}
          testId="payer-kind"
        />
        <Field
          label={t('payers.nik')}
          hint={state.kind === 'orang' ? t('payers.nikHint') : t('payers.nikHintBadan')}
          inputMode="numeric"
          maxLength={20}
          autoComplete="off"
          className="mono"
          value={state.nik}
          onChange={(e) => {
            set('nik', e.target.value);
            // say it once all 16 digits are there, not while they are being typed
            const v = e.target.value.replace(/\s/g, '');
            setNikLive(v.length >= 16 ? nikProblem(v, state.kind, t('payers.nikRequired')) : null);
          }}
          error={errors.nik ?? nikLive ?? undefined}
          testId="payer-nik"
        />
      </div>
      <Field label={t('payers.name')} value={state.name} onChange={(e) => set('name', e.target.value)} error={errors.name} testId="payer-name" maxLength={120} autoFocus />
      <Field label={t('payers.phone')} hint={t('payers.phoneHint')} inputMode="tel" value={state.phone} onChange={(e) => set('phone', e.target.value)} error={errors.phone} testId="payer-phone" maxLength={16} />
      <TextAreaField label={t('payers.address')} value={state.address} onChange={(e) => set('address', e.target.value)} error={errors.address} testId="payer-address" maxLength={200} rows={2} />
    </FormModal>
  );
}

const PICK_DEBOUNCE_MS = 250;

/** choose a payer: search by name, NIK or phone; or make a new one without leaving the form */
export function PayerPicker({ value, onChange, error, testId = 'payer-pick' }: { value: PayerRow | null; onChange: (p: PayerRow | null) => void; error?: string | undefined; testId?: string }) {
  const t = useT();
  const lang = useLang();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<PayerRow[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    if (value) return;
    const q = query.trim();
    if (q.length < 2) {
      setHits(null);
      return;
    }
    let current = true;
    const timer = window.setTimeout(() => {
      call('payer.search', { query: q, limit: 8 })
        .then((rows) => current && (setHits(rows), setFailure(null)))
        .catch((err: unknown) => current && setFailure(errorText(err, lang)));
    }, PICK_DEBOUNCE_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [query, value, lang]);

  return (
    <div className="field payer-pick" data-testid={testId}>
      <span className="field-label">{t('payers.pick')}</span>
      {value ? (
        <div className="picked">
          <div>
            <strong data-testid={`${testId}-name`}>{value.name}</strong>
            <div className="muted mono small">{value.nik ?? t('payers.noNik')}</div>
          </div>
          <span className="spacer" />
          <Button size="sm" variant="secondary" onClick={() => onChange(null)} data-testid={`${testId}-change`}>
            {t('payers.change')}
          </Button>
        </div>
      ) : (
        <>
          <div className="row" style={{ gap: 'var(--s-2)', flexWrap: 'nowrap' }}>
            <input
              className="input"
              type="search"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              placeholder={t('payers.pickPlaceholder')}
              aria-label={t('payers.pickPlaceholder')}
              aria-invalid={error ? true : undefined}
              data-testid={`${testId}-search`}
            />
            <Button variant="secondary" onClick={() => setCreating(true)} data-testid={`${testId}-new`}>
              {t('payers.new')}
            </Button>
          </div>
          {failure ? <span className="error">{failure}</span> : null}
          {hits ? (
            hits.length === 0 ? (
              <span className="hint">{t('payers.noHits')}</span>
            ) : (
              <ul className="pick-list" data-testid={`${testId}-hits`}>
                {hits.map((p) => (
                  <li key={p.id}>
                    <button type="button" onClick={() => onChange(p)} data-testid={`${testId}-hit`}>
                      <strong>{p.name}</strong>
                      <span className="mono muted">{p.nik ?? t('payers.noNik')}</span>
                      {p.kind === 'badan' ? <Badge>{t('payers.kind.badan')}</Badge> : null}
                    </button>
                  </li>
                ))}
              </ul>
            )
          ) : (
            <span className="hint">{t('payers.pickHint')}</span>
          )}
        </>
      )}
      {error ? (
        <span className="error" data-testid={`${testId}-error`}>
          {error}
        </span>
      ) : null}
      {creating
        ? createPortal(
            <div onKeyDown={(e) => e.stopPropagation()}>
              <PayerModal open={creating} payer={null} onClose={() => setCreating(false)} onSaved={(p) => onChange(p)} />
            </div>,
            document.body,
          )
        : null}
    </div>
  );
}
