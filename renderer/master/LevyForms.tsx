// Levy settings (kode retribusi, owner agency, late-payment interest, due day) and new tariffs.
import { useEffect, useMemo, useState } from 'react';
import type { LevyDetail, TariffRow } from '../../shared/contract';
import { formatRupiah } from '../../shared/money';
import { addPeriod } from '../../shared/time';
import { call } from '../api';
import { useLang, useT } from '../i18n';
import { errorText } from '../lib/errors';
import { formatCivilDate } from '../lib/format';
import { Alert, Field, SelectField, toast } from '../ui';
import { FormModal, FormNote, useOpForm, type FieldErrors } from './form';
import { bpToPercent, nextMonthWib, parseRupiah, parseWhole, percentToBp, todayWib } from './parse';

export const TARIFF_UNITS = ['bulan', 'hari', 'm2_hari', 'kejadian', 'parameter', 'paket'] as const;
export type TariffUnit = (typeof TARIFF_UNITS)[number];
export const LEVY_KINDS = ['rusunawa', 'pasar', 'air'] as const;
export const ROUNDINGS = ['floor', 'round', 'ceil'] as const;

interface LevyState {
  kode: string;
  name: string;
  ownerAgency: string;
  kind: LevyDetail['kind'];
  rate: string;
  cap: string;
  rounding: LevyDetail['interestRounding'];
  dueDay: string;
}

const EMPTY_LEVY: LevyState = { kode: '', name: '', ownerAgency: '', kind: 'rusunawa', rate: '1', cap: '24', rounding: 'floor', dueDay: '10' };

function levyState(l: LevyDetail): LevyState {
  return {
    kode: l.kode,
    name: l.name,
    ownerAgency: l.ownerAgency,
    kind: l.kind,
    rate: bpToPercent(l.interestRateBp),
    cap: String(l.interestCapMonths),
    rounding: l.interestRounding,
    dueDay: String(l.dueDay),
  };
}

export function LevyModal({ open, levy, onClose, onSaved }: { open: boolean; levy: LevyDetail | null; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const lang = useLang();
  const form = useOpForm('levy.save');
  const [state, setState] = useState<LevyState>(EMPTY_LEVY);
  const [version, setVersion] = useState<number | undefined>(undefined);
  const { reset } = form;

  useEffect(() => {
    if (!open) return;
    setState(levy ? levyState(levy) : EMPTY_LEVY);
    setVersion(levy?.version);
    reset();
  }, [open, levy, reset]);

  const set = <K extends keyof LevyState>(key: K, value: LevyState[K]) => setState((s) => ({ ...s, [key]: value }));

  const save = async () => {
    const local: FieldErrors = {};
    const bp = percentToBp(state.rate);
    const cap = parseWhole(state.cap);
    const due = parseWhole(state.dueDay);
    if (bp === null) local.interestRateBp = t('levies.rateInvalid');
    if (cap === null) local.interestCapMonths = t('form.wholeNumber');
    if (due === null) local.dueDay = t('form.wholeNumber');
    const saved = await form.submit(
      {
        ...(levy ? { id: levy.id, version } : {}),
        kode: state.kode.trim(),
        name: state.name.trim(),
        ownerAgency: state.ownerAgency.trim(),
        kind: state.kind,
        interestRateBp: bp ?? 0,
        interestCapMonths: cap ?? 0,
        interestRounding: state.rounding,
        dueDay: due ?? 1,
      },
      local,
    );
    if (!saved) return;
    toast.success(t(levy ? 'levies.updated' : 'levies.created', { name: saved.name }));
    onSaved();
    onClose();
  };

  const reload = async () => {
    if (!levy) return;
    try {
      const fresh = (await call('levy.list', {})).find((l) => l.id === levy.id);
      if (fresh) {
        setState(levyState(fresh));
        setVersion(fresh.version);
        form.reset();
        toast.info(t('form.reloaded'));
      }
      onSaved();
    } catch (err) {
      toast.error(errorText(err, lang));
    }
  };

  const e = form.errors;
  return (
    <FormModal
      open={open}
      title={levy ? t('levies.edit', { name: levy.name }) : t('levies.add')}
      testId="levy-form"
      submitLabel={t('common.save')}
      busy={form.busy}
      failure={form.failure} errors={form.errors}
      onSubmit={() => void save()}
      onClose={onClose}
      onReload={() => void reload()}
      wide
    >
      <div className="grid-3">
        <Field label={t('levies.kode')} hint={t('levies.kodeHint')} className="mono" inputMode="numeric" maxLength={10} value={state.kode} onChange={(x) => set('kode', x.target.value)} error={e.kode} testId="levy-kode" autoFocus />
        <SelectField
          label={t('levies.kind')}
          value={state.kind}
          onChange={(x) => set('kind', x.target.value as LevyState['kind'])}
          options={LEVY_KINDS.map((k) => ({ value: k, label: t(`levyKind.${k}`) }))}
          error={e.kind}
          testId="levy-kind"
        />
        <Field label={t('levies.dueDay')} hint={t('levies.dueDayHint')} inputMode="numeric" value={state.dueDay} onChange={(x) => set('dueDay', x.target.value)} error={e.dueDay} testId="levy-due-day" />
      </div>
      <Field label={t('levies.name')} value={state.name} onChange={(x) => set('name', x.target.value)} error={e.name} testId="levy-name" maxLength={120} />
      <Field label={t('levies.agency')} value={state.ownerAgency} onChange={(x) => set('ownerAgency', x.target.value)} error={e.ownerAgency} testId="levy-agency" maxLength={160} />
      <fieldset className="fieldset">
        <legend>{t('levies.interest')}</legend>
        <div className="grid-3">
          <Field label={t('levies.rate')} hint={t('levies.rateHint')} inputMode="decimal" value={state.rate} onChange={(x) => set('rate', x.target.value)} error={e.interestRateBp} testId="levy-rate" />
          <Field label={t('levies.cap')} hint={t('levies.capHint')} inputMode="numeric" value={state.cap} onChange={(x) => set('cap', x.target.value)} error={e.interestCapMonths} testId="levy-cap" />
          <SelectField
            label={t('levies.rounding')}
            value={state.rounding}
            onChange={(x) => set('rounding', x.target.value as LevyState['rounding'])}
            options={ROUNDINGS.map((r) => ({ value: r, label: t(`levies.rounding.${r}`) }))}
            error={e.interestRounding}
            testId="levy-rounding"
          />
        </div>
      </fieldset>
      {levy ? <FormNote>{t('levies.versionNote', { version: version ?? levy.version })}</FormNote> : null}
    </FormModal>
  );
}

export interface TariffPreset {
  code: string;
  description?: string;
  unit?: TariffUnit;
}

interface TariffState {
  code: string;
  description: string;
  amount: string;
  unit: TariffUnit;
  effectiveFrom: string;
  legalBasis: string;
}

/** a new tariff from a date; the old one is never changed */
export function TariffModal({ open, levy, existing, preset, onClose, onSaved }: { open: boolean; levy: LevyDetail | null; existing: readonly TariffRow[]; preset?: TariffPreset | null; onClose: () => void; onSaved: (row: TariffRow) => void }) {
  const t = useT();
  const lang = useLang();
  const form = useOpForm('tariff.create');
  const today = todayWib();
  const [state, setState] = useState<TariffState>({ code: '', description: '', amount: '', unit: 'bulan', effectiveFrom: `${nextMonthWib()}-01`, legalBasis: '' });
  const { reset } = form;

  useEffect(() => {
    if (!open) return;
    const last = preset ? existing.find((r) => r.code === preset.code) : undefined;
    setState({
      code: preset?.code ?? '',
      description: preset?.description ?? last?.description ?? '',
      amount: '',
      unit: preset?.unit ?? (last?.unit as TariffUnit | undefined) ?? 'bulan',
      effectiveFrom: `${addPeriod(today.slice(0, 7), 1)}-01`,
      legalBasis: last?.legalBasis ?? '',
    });
    reset();
    // the preset decides the form when it opens; later list reloads must not wipe what is typed
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, preset, reset]);

  const codes = useMemo(() => [...new Set(existing.map((r) => r.code))].sort(), [existing]);
  const inForce = existing.find((r) => r.code === state.code.trim().toUpperCase() && r.inForce) ?? null;
  const set = <K extends keyof TariffState>(key: K, value: TariffState[K]) => setState((s) => ({ ...s, [key]: value }));
  const pickCode = (code: string) => {
    const upper = code.toUpperCase();
    const known = existing.find((r) => r.code === upper);
    setState((s) => ({ ...s, code: upper, ...(known ? { description: known.description, unit: known.unit as TariffUnit, legalBasis: s.legalBasis || known.legalBasis } : {}) }));
  };

  const save = async () => {
    if (!levy) return;
    const amount = parseRupiah(state.amount);
    const local: FieldErrors = amount === null ? { amount: t('form.rupiahInvalid') } : {};
    const saved = await form.submit(
      {
        levyId: levy.id,
        code: state.code.trim().toUpperCase(),
        description: state.description.trim(),
        amount: amount ?? 0,
        unit: state.unit,
        effectiveFrom: state.effectiveFrom,
        legalBasis: state.legalBasis.trim(),
      },
      local,
    );
    if (!saved) return;
    toast.success(t('tariffs.created', { code: saved.code, amount: formatRupiah(saved.amount), date: formatCivilDate(saved.effectiveFrom, lang) }));
    onSaved(saved);
    onClose();
  };

  const e = form.errors;
  return (
    <FormModal
      open={open}
      title={levy ? t('tariffs.add', { levy: levy.name }) : ''}
      testId="tariff-form"
      submitLabel={t('tariffs.submit')}
      busy={form.busy}
      failure={form.failure} errors={form.errors}
      onSubmit={() => void save()}
      onClose={onClose}
      wide
    >
      <Alert tone="info" testId="tariff-rule">
        {t('tariffs.rule')}
      </Alert>
      <div className="grid-2">
        <Field
          label={t('tariffs.code')}
          hint={t('tariffs.codeHint')}
          className="mono"
          list="tariff-codes"
          value={state.code}
          onChange={(x) => pickCode(x.target.value)}
          error={e.code}
          testId="tariff-code"
          maxLength={40}
          autoFocus={!preset}
        />
        <SelectField
          label={t('tariffs.unit')}
          value={state.unit}
          onChange={(x) => set('unit', x.target.value as TariffUnit)}
          options={TARIFF_UNITS.map((u) => ({ value: u, label: t(`tariffs.unit.${u}`) }))}
          error={e.unit}
          testId="tariff-unit"
        />
      </div>
      <datalist id="tariff-codes">
        {codes.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      <Field label={t('tariffs.description')} value={state.description} onChange={(x) => set('description', x.target.value)} error={e.description} testId="tariff-description" maxLength={160} />
      <div className="grid-2">
        <Field
          label={t('tariffs.amount')}
          hint={inForce ? t('tariffs.currentAmount', { amount: formatRupiah(inForce.amount), date: formatCivilDate(inForce.effectiveFrom, lang) }) : t('tariffs.amountHint')}
          inputMode="numeric"
          value={state.amount}
          onChange={(x) => set('amount', x.target.value)}
          error={e.amount}
          testId="tariff-amount"
          autoFocus={Boolean(preset)}
        />
        <Field
          label={t('tariffs.effectiveFrom')}
          type="date"
          value={state.effectiveFrom}
          onChange={(x) => set('effectiveFrom', x.target.value)}
          error={e.effectiveFrom}
          hint={state.effectiveFrom && state.effectiveFrom < today ? t('tariffs.pastDate') : t('tariffs.effectiveHint')}
          testId="tariff-effective"
        />
      </div>
      <Field label={t('tariffs.legalBasis')} hint={t('tariffs.legalBasisHint')} value={state.legalBasis} onChange={(x) => set('legalBasis', x.target.value)} error={e.legalBasis} testId="tariff-legal" maxLength={200} />
    </FormModal>
  );
}
