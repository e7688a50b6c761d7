// Markets and their stalls (kios, los, lapak) with the area in m² to two decimals.
import { useEffect, useState } from 'react';
import type { LevyDetail, MarketRow, StallRow } from '../../shared/contract';
import { useLang, useT } from '../i18n';
import { formatNumber } from '../lib/format';
import { Field, SelectField, toast } from '../ui';
import { TextAreaField } from './controls';
import { FormModal, useOpForm, type FieldErrors } from './form';
import { parseArea } from './parse';

export const STALL_TYPES = ['kios', 'los', 'lapak'] as const;
export const MARKET_CLASSES = ['I', 'II', 'III'] as const;

export function MarketModal({ open, market, levies, onClose, onSaved }: { open: boolean; market: MarketRow | null; levies: readonly LevyDetail[]; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const form = useOpForm('pasar.market.save');
  const options = levies.filter((l) => l.kind === 'pasar').map((l) => ({ value: l.id, label: `${l.name} (${l.kode})` }));
  const [state, setState] = useState({ levyId: '', name: '', marketClass: 'I' as MarketRow['marketClass'], address: '' });
  const { reset } = form;
  useEffect(() => {
    if (!open) return;
    setState(market ? { levyId: market.levyId, name: market.name, marketClass: market.marketClass, address: market.address } : { levyId: options[0]?.value ?? '', name: '', marketClass: 'I', address: '' });
    reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, market, reset]);
  const save = async () => {
    const saved = await form.submit({ ...(market ? { id: market.id } : {}), levyId: state.levyId, name: state.name.trim(), marketClass: state.marketClass, address: state.address.trim() });
    if (!saved) return;
    toast.success(t(market ? 'markets.updated' : 'markets.created', { name: saved.name }));
    onSaved();
    onClose();
  };
  const e = form.errors;
  return (
    <FormModal open={open} title={market ? t('markets.edit', { name: market.name }) : t('markets.add')} testId="market-form" submitLabel={t('common.save')} busy={form.busy} failure={form.failure} errors={form.errors} onSubmit={() => void save()} onClose={onClose}>
      <SelectField label={t('markets.levy')} value={state.levyId} onChange={(x) => setState((s) => ({ ...s, levyId: x.target.value }))} options={options} error={e.levyId} testId="market-levy" />
      <div className="grid-2">
        <Field label={t('markets.name')} value={state.name} onChange={(x) => setState((s) => ({ ...s, name: x.target.value }))} error={e.name} testId="market-name" maxLength={120} autoFocus />
        <SelectField
          label={t('markets.class')}
          hint={t('markets.classHint')}
          value={state.marketClass}
          onChange={(x) => setState((s) => ({ ...s, marketClass: x.target.value as MarketRow['marketClass'] }))}
          options={MARKET_CLASSES.map((c) => ({ value: c, label: t('overview.marketClass', { class: c }) }))}
          error={e.marketClass}
          testId="market-class"
        />
      </div>
      <TextAreaField label={t('markets.address')} value={state.address} onChange={(x) => setState((s) => ({ ...s, address: x.target.value }))} error={e.address} testId="market-address" maxLength={200} rows={2} />
    </FormModal>
  );
}

/** the area as the form shows it back: 12.5 → "12,5" (Indonesian) */
export function areaText(area: number, lang: 'id' | 'en'): string {
  return formatNumber(area, lang, Number.isInteger(area) ? 0 : Number.isInteger(area * 10) ? 1 : 2);
}

export function StallModal({ open, stall, markets, onClose, onSaved }: { open: boolean; stall: StallRow | null; markets: readonly MarketRow[]; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const lang = useLang();
  const form = useOpForm('pasar.stall.save');
  const [state, setState] = useState({ marketId: '', code: '', type: 'kios' as StallRow['type'], area: '' });
  const { reset } = form;
  useEffect(() => {
    if (!open) return;
    const marketId = stall ? (markets.find((m) => m.name === stall.marketName)?.id ?? '') : (markets[0]?.id ?? '');
    setState(stall ? { marketId, code: stall.code, type: stall.type, area: String(stall.areaM2).replace('.', lang === 'id' ? ',' : '.') } : { marketId, code: '', type: 'kios', area: '' });
    reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, stall, reset]);
  const save = async () => {
    const area = parseArea(state.area);
    const local: FieldErrors = area === null ? { areaM2: t('stalls.areaInvalid') } : {};
    const code = state.code.trim().toUpperCase();
    const saved = await form.submit({ ...(stall ? { id: stall.id } : {}), marketId: state.marketId, code, type: state.type, areaM2: area ?? 0 }, local);
    if (!saved) return;
    toast.success(t(stall ? 'stalls.updated' : 'stalls.created', { code }));
    onSaved();
    onClose();
  };
  const e = form.errors;
  return (
    <FormModal open={open} title={stall ? t('stalls.edit', { code: stall.code }) : t('stalls.add')} testId="stall-form" submitLabel={t('common.save')} busy={form.busy} failure={form.failure} errors={form.errors} onSubmit={() => void save()} onClose={onClose}>
      <SelectField label={t('stalls.market')} value={state.marketId} onChange={(x) => setState((s) => ({ ...s, marketId: x.target.value }))} options={markets.map((m) => ({ value: m.id, label: m.name }))} error={e.marketId} testId="stall-market" />
      <div className="grid-3">
        <Field label={t('stalls.code')} hint={t('stalls.codeHint')} className="mono" value={state.code} onChange={(x) => setState((s) => ({ ...s, code: x.target.value }))} error={e.code} testId="stall-code" maxLength={12} autoFocus />
        <SelectField
          label={t('stalls.type')}
          value={state.type}
          onChange={(x) => setState((s) => ({ ...s, type: x.target.value as StallRow['type'] }))}
          options={STALL_TYPES.map((k) => ({ value: k, label: t(`stalls.type.${k}`) }))}
          error={e.type}
          testId="stall-type"
        />
        <Field label={t('stalls.area')} hint={t('stalls.areaHint')} inputMode="decimal" value={state.area} onChange={(x) => setState((s) => ({ ...s, area: x.target.value }))} error={e.areaM2} testId="stall-area" />
      </div>
    </FormModal>
  );
}
