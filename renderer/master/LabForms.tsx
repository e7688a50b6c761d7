// The lab catalogue's parameters and packages, and the tariff each of them needs
// (AIR_PARAM_<code>, AIR_PAKET_<code>) before an order can use it.
import { useEffect, useMemo, useState } from 'react';
import type { LabPackageRow, LabParameterRow, LevyDetail, TariffRow } from '../../shared/contract';
import { formatRupiah } from '../../shared/money';
import { call } from '../api';
import { useLang, useT } from '../i18n';
import { errorText } from '../lib/errors';
import { Alert, Field, toast } from '../ui';
import { CheckboxGroup } from './controls';
import { FormModal, useOpForm } from './form';
import { TariffModal, type TariffPreset } from './LevyForms';

export const paramTariffCode = (code: string) => `AIR_PARAM_${code}`;
export const packageTariffCode = (code: string) => `AIR_PAKET_${code}`;

export function ParameterModal({ open, parameter, levy, onClose, onSaved }: { open: boolean; parameter: LabParameterRow | null; levy: LevyDetail | null; onClose: () => void; onSaved: (code: string, name: string, isNew: boolean) => void }) {
  const t = useT();
  const form = useOpForm('lab.parameter.save');
  const [state, setState] = useState({ code: '', name: '', unit: '', method: '' });
  const { reset } = form;
  useEffect(() => {
    if (!open) return;
    setState(parameter ? { code: parameter.code, name: parameter.name, unit: parameter.unit, method: parameter.method } : { code: '', name: '', unit: '', method: '' });
    reset();
  }, [open, parameter, reset]);
  const set = (key: keyof typeof state, value: string) => setState((s) => ({ ...s, [key]: value }));
  const save = async () => {
    const code = state.code.trim().toUpperCase();
    const saved = await form.submit({ ...(parameter ? { id: parameter.id } : {}), levyId: levy?.id ?? '', code, name: state.name.trim(), unit: state.unit.trim(), method: state.method.trim() });
    if (!saved) return;
    toast.success(t(parameter ? 'labm.parameterUpdated' : 'labm.parameterCreated', { code }));
    onSaved(code, state.name.trim(), !parameter);
    onClose();
  };
  const e = form.errors;
  return (
    <FormModal open={open} title={parameter ? t('labm.parameterEdit', { name: parameter.name }) : t('labm.parameterAdd')} testId="parameter-form" submitLabel={t('common.save')} busy={form.busy} failure={form.failure} errors={form.errors} onSubmit={() => void save()} onClose={onClose}>
      <div className="grid-2">
        <Field label={t('lab.col.code')} hint={t('labm.codeHint')} className="mono" value={state.code} onChange={(x) => set('code', x.target.value)} error={e.code} testId="parameter-code" maxLength={20} autoFocus />
        <Field label={t('lab.col.unit')} hint={t('labm.unitHint')} value={state.unit} onChange={(x) => set('unit', x.target.value)} error={e.unit} testId="parameter-unit" maxLength={20} />
      </div>
      <Field label={t('lab.col.name')} value={state.name} onChange={(x) => set('name', x.target.value)} error={e.name} testId="parameter-name" maxLength={80} />
      <Field label={t('lab.col.method')} value={state.method} onChange={(x) => set('method', x.target.value)} error={e.method} testId="parameter-method" maxLength={80} />
      {!parameter ? <p className="form-note">{t('labm.tariffAfter', { code: paramTariffCode(state.code.trim().toUpperCase() || '…') })}</p> : null}
    </FormModal>
  );
}

export function PackageModal({ open, pkg, parameters, levy, onClose, onSaved }: { open: boolean; pkg: LabPackageRow | null; parameters: readonly LabParameterRow[]; levy: LevyDetail | null; onClose: () => void; onSaved: (code: string, name: string, isNew: boolean) => void }) {
  const t = useT();
  const form = useOpForm('lab.package.save');
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const { reset } = form;
  const byCode = useMemo(() => new Map(parameters.map((p) => [p.code, p.id])), [parameters]);
  useEffect(() => {
    if (!open) return;
    setCode(pkg?.code ?? '');
    setName(pkg?.name ?? '');
    setChosen(pkg ? pkg.parameterCodes.map((c) => byCode.get(c)).filter((id): id is string => id !== undefined) : []);
    reset();
  }, [open, pkg, byCode, reset]);
  const sum = parameters.filter((p) => chosen.includes(p.id)).reduce((s, p) => s + p.tariff, 0);
  const save = async () => {
    const upper = code.trim().toUpperCase();
    const saved = await form.submit({ ...(pkg ? { id: pkg.id } : {}), levyId: levy?.id ?? '', code: upper, name: name.trim(), parameterIds: chosen });
    if (!saved) return;
    toast.success(t(pkg ? 'labm.packageUpdated' : 'labm.packageCreated', { code: upper }));
    onSaved(upper, name.trim(), !pkg);
    onClose();
  };
  const e = form.errors;
  return (
    <FormModal open={open} title={pkg ? t('labm.packageEdit', { name: pkg.name }) : t('labm.packageAdd')} testId="package-form" submitLabel={t('common.save')} busy={form.busy} failure={form.failure} errors={form.errors} onSubmit={() => void save()} onClose={onClose} wide>
      <div className="grid-2">
        <Field label={t('lab.col.code')} hint={t('labm.codeHint')} className="mono" value={code} onChange={(x) => setCode(x.target.value)} error={e.code} testId="package-code" maxLength={20} autoFocus />
        <Field label={t('lab.col.name')} value={name} onChange={(x) => setName(x.target.value)} error={e.name} testId="package-name" maxLength={80} />
      </div>
      <CheckboxGroup
        legend={t('labm.packageParameters', { count: chosen.length })}
        options={parameters.map((p) => ({ value: p.id, label: p.name, sub: `${p.code} · ${formatRupiah(p.tariff)}` }))}
        value={chosen}
        onChange={setChosen}
        error={e.parameterIds}
        columns={3}
        hint={t('labm.sumOfParameters', { amount: formatRupiah(sum) })}
        testId="package-parameters"
      />
    </FormModal>
  );
}

/** "Tetapkan tarif" for a parameter or package: the tariff screen's form, with the code filled in */
export function LabTariffModal({ preset, levy, onClose, onSaved }: { preset: TariffPreset | null; levy: LevyDetail | null; onClose: () => void; onSaved: () => void }) {
  const lang = useLang();
  const [rows, setRows] = useState<TariffRow[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    if (!preset || !levy) return;
    let current = true;
    call('tariff.list', { levyId: levy.id })
      .then((r) => current && setRows(r))
      .catch((err: unknown) => current && setFailure(errorText(err, lang)));
    return () => {
      current = false;
    };
  }, [preset, levy, lang]);
  return (
    <>
      {failure ? <Alert tone="danger">{failure}</Alert> : null}
      <TariffModal open={preset !== null} levy={levy} existing={rows} preset={preset} onClose={onClose} onSaved={onSaved} />
    </>
  );
}
