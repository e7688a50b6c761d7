// Rusunawa blocks and units.
import { useEffect, useState } from 'react';
import type { BlockRow, LevyDetail, UnitRow } from '../../shared/contract';
import { useT } from '../i18n';
import { Field, SelectField, toast } from '../ui';
import { FormModal, useOpForm, type FieldErrors } from './form';
import { parseWhole } from './parse';

function levyOptions(levies: readonly LevyDetail[], kind: LevyDetail['kind']) {
  return levies.filter((l) => l.kind === kind).map((l) => ({ value: l.id, label: `${l.name} (${l.kode})` }));
}

export function BlockModal({ open, block, levies, onClose, onSaved }: { open: boolean; block: BlockRow | null; levies: readonly LevyDetail[]; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const form = useOpForm('rusun.block.save');
  const options = levyOptions(levies, 'rusunawa');
  const [state, setState] = useState({ levyId: '', name: '', floors: '', address: '' });
  const { reset } = form;
  useEffect(() => {
    if (!open) return;
    setState(block ? { levyId: block.levyId, name: block.name, floors: String(block.floors), address: block.address } : { levyId: options[0]?.value ?? '', name: '', floors: '5', address: '' });
    reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, block, reset]);
  const set = (key: keyof typeof state, value: string) => setState((s) => ({ ...s, [key]: value }));
  const save = async () => {
    const floors = parseWhole(state.floors);
    const local: FieldErrors = floors === null ? { floors: t('form.wholeNumber') } : {};
    const saved = await form.submit({ ...(block ? { id: block.id } : {}), levyId: state.levyId, name: state.name.trim(), floors: floors ?? 0, address: state.address.trim() }, local);
    if (!saved) return;
    toast.success(t(block ? 'blocks.updated' : 'blocks.created', { name: saved.name }));
    onSaved();
    onClose();
  };
  const e = form.errors;
  return (
    <FormModal open={open} title={block ? t('blocks.edit', { name: block.name }) : t('blocks.add')} testId="block-form" submitLabel={t('common.save')} busy={form.busy} failure={form.failure} errors={form.errors} onSubmit={() => void save()} onClose={onClose}>
      <SelectField label={t('blocks.levy')} value={state.levyId} onChange={(x) => set('levyId', x.target.value)} options={options} error={e.levyId} testId="block-levy" />
      <div className="grid-2">
        <Field label={t('blocks.name')} hint={t('blocks.nameHint')} value={state.name} onChange={(x) => set('name', x.target.value)} error={e.name} testId="block-name" maxLength={60} autoFocus />
        <Field label={t('blocks.floors')} inputMode="numeric" value={state.floors} onChange={(x) => set('floors', x.target.value)} error={e.floors} testId="block-floors" />
      </div>
      <Field label={t('blocks.address')} value={state.address} onChange={(x) => set('address', x.target.value)} error={e.address} testId="block-address" maxLength={200} />
    </FormModal>
  );
}

export function UnitModal({ open, unit, blocks, onClose, onSaved }: { open: boolean; unit: UnitRow | null; blocks: readonly BlockRow[]; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const form = useOpForm('rusun.unit.save');
  const [state, setState] = useState({ blockId: '', floor: '1', number: '' });
  const { reset } = form;
  useEffect(() => {
    if (!open) return;
    // the units list names the block; its id comes from the blocks list (block names are unique)
    const blockId = unit ? (blocks.find((b) => b.name === unit.blockName)?.id ?? '') : (blocks[0]?.id ?? '');
    setState(unit ? { blockId, floor: String(unit.floor), number: unit.number } : { blockId, floor: '1', number: '' });
    reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, unit, reset]);
  const set = (key: keyof typeof state, value: string) => setState((s) => ({ ...s, [key]: value }));
  const block = blocks.find((b) => b.id === state.blockId);
  const save = async () => {
    const floor = parseWhole(state.floor);
    const local: FieldErrors = floor === null ? { floor: t('form.wholeNumber') } : block && floor > block.floors ? { floor: t('units.floorTooHigh', { floors: block.floors }) } : {};
    const saved = await form.submit({ ...(unit ? { id: unit.id } : {}), blockId: state.blockId, floor: floor ?? 0, number: state.number.trim().toUpperCase() }, local);
    if (!saved) return;
    toast.success(t(unit ? 'units.updated' : 'units.created', { number: state.number.trim().toUpperCase() }));
    onSaved();
    onClose();
  };
  const e = form.errors;
  return (
    <FormModal open={open} title={unit ? t('units.edit', { number: unit.number }) : t('units.add')} testId="unit-form" submitLabel={t('common.save')} busy={form.busy} failure={form.failure} errors={form.errors} onSubmit={() => void save()} onClose={onClose}>
      <SelectField label={t('units.block')} value={state.blockId} onChange={(x) => set('blockId', x.target.value)} options={blocks.map((b) => ({ value: b.id, label: b.name }))} error={e.blockId} testId="unit-block" />
      <div className="grid-2">
        <Field label={t('units.floor')} hint={block ? t('units.floorHint', { floors: block.floors }) : undefined} inputMode="numeric" value={state.floor} onChange={(x) => set('floor', x.target.value)} error={e.floor} testId="unit-floor" />
        <Field label={t('units.number')} hint={t('units.numberHint')} className="mono" value={state.number} onChange={(x) => set('number', x.target.value)} error={e.number} testId="unit-number" maxLength={12} autoFocus />
      </div>
    </FormModal>
  );
}
