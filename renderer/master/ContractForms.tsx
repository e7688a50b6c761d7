// Rusunawa rental contracts: a new contract on a vacant unit, and what happens to a contract
// later — renewal (refused while the tenant is blocklisted), exit request and the admin's
// confirmation, fixed fines (denda sampah/air) that go onto the next bill as lines of their own.
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ContractRow, PayerRow, TariffRow, UnitRow } from '../../shared/contract';
import { formatRupiah } from '../../shared/money';
import { call } from '../api';
import { OpenBillsView } from '../billing/OpenBills';
import { useLang, useT } from '../i18n';
import { formatCivilDate } from '../lib/format';
import { useSession } from '../session/store';
import { navigate } from '../shell/router';
import { mayCall } from '../shell/routes';
import { Alert, Badge, Button, Field, Modal, SelectField, toast, type Tone } from '../ui';
import { CheckboxGroup, TextAreaField } from './controls';
import { FormModal, FormNote, useOpForm } from './form';
import { PayerPicker } from './PayerForm';
import { defaultContractEnd, defaultRenewalEnd, todayWib } from './parse';

export const CHARGES = ['AIR', 'SAMPAH'] as const;
export const FINE_CODES = ['DENDA_SAMPAH', 'DENDA_AIR'] as const;
export const CONTRACT_STATUSES = ['aktif', 'belum_mulai', 'berakhir', 'keluar'] as const;

export const statusTone: Record<ContractRow['status'], Tone> = { aktif: 'success', belum_mulai: 'info', berakhir: 'neutral', keluar: 'neutral' };

export function ContractBadges({ contract }: { contract: ContractRow }) {
  const t = useT();
  const lang = useLang();
  return (
    <div className="badges">
      <Badge tone={statusTone[contract.status]} testId="contract-status">
        {t(`contracts.status.${contract.status}`)}
      </Badge>
      {contract.exit && !contract.exit.confirmed ? (
        <Badge tone="warning" testId="contract-exit-pending">
          {t('contracts.exitPending', { date: formatCivilDate(contract.exit.exitDate, lang) })}
        </Badge>
      ) : null}
      {contract.exit?.confirmed && contract.status !== 'keluar' ? <Badge tone="info">{t('contracts.exitOn', { date: formatCivilDate(contract.exit.exitDate, lang) })}</Badge> : null}
      {contract.blocked ? (
        <span title={contract.blocked.reason}>
          <Badge tone="danger" dot testId="contract-blocked">
            {t('contracts.blocked')}
          </Badge>
        </span>
      ) : null}
    </div>
  );
}

export function CreateContractModal({ open, unitId, onClose, onSaved }: { open: boolean; unitId: string | null; onClose: () => void; onSaved: (c: ContractRow) => void }) {
  const t = useT();
  const form = useOpForm('rusun.contract.create');
  const [units, setUnits] = useState<UnitRow[] | null>(null);
  const [unit, setUnit] = useState('');
  const [payer, setPayer] = useState<PayerRow | null>(null);
  const [start, setStart] = useState(todayWib());
  const [end, setEnd] = useState(defaultContractEnd(todayWib()));
  const [endTouched, setEndTouched] = useState(false);
  const [charges, setCharges] = useState<string[]>([...CHARGES]);
  const { reset } = form;

  useEffect(() => {
    if (!open) return;
    const today = todayWib();
    setUnit(unitId ?? '');
    setPayer(null);
    setStart(today);
    setEnd(defaultContractEnd(today));
    setEndTouched(false);
    setCharges([...CHARGES]);
    reset();
    let current = true;
    call('office.units', { limit: 1000 })
      .then((r) => current && setUnits(r.rows))
      .catch(() => current && setUnits([]));
    return () => {
      current = false;
    };
  }, [open, unitId, reset]);

  const vacant = useMemo(() => (units ?? []).filter((u) => u.penghuniName === null || u.id === unitId), [units, unitId]);
  const save = async () => {
    const saved = await form.submit(
      { unitId: unit, payerId: payer?.id ?? '', startDate: start, endDate: end, charges: charges.filter((c): c is (typeof CHARGES)[number] => (CHARGES as readonly string[]).includes(c)) },
      unit === '' ? { unitId: t('contracts.pickUnit') } : {},
    );
    if (!saved) return;
    toast.success(t('contracts.created', { no: saved.contractNo, idpel: saved.idpel }));
    onSaved(saved);
    onClose();
  };
  const e = form.errors;
  return (
    <FormModal open={open} title={t('contracts.add')} testId="contract-form" submitLabel={t('contracts.submit')} busy={form.busy} failure={form.failure} errors={form.errors} onSubmit={() => void save()} onClose={onClose} wide>
      <SelectField
        label={t('contracts.unit')}
        hint={units ? t('contracts.unitHint', { count: vacant.length }) : t('app.loading')}
        value={unit}
        onChange={(x) => setUnit(x.target.value)}
        options={[{ value: '', label: t('contracts.pickUnit') }, ...vacant.map((u) => ({ value: u.id, label: `${u.blockName} ${u.number} · ${t('units.floorN', { floor: u.floor })}` }))]}
        error={e.unitId}
        testId="contract-unit"
      />
      <PayerPicker value={payer} onChange={setPayer} error={e.payerId ? t('contracts.pickPayer') : undefined} testId="contract-payer" />
      <div className="grid-2">
        <Field
          label={t('contracts.start')}
          type="date"
          value={start}
          onChange={(x) => {
            setStart(x.target.value);
            if (!endTouched && x.target.value) setEnd(defaultContractEnd(x.target.value));
          }}
          error={e.startDate}
          testId="contract-start"
        />
        <Field
          label={t('contracts.end')}
          hint={t('contracts.endHint')}
          type="date"
          value={end}
          onChange={(x) => {
            setEnd(x.target.value);
            setEndTouched(true);
          }}
          error={e.endDate}
          testId="contract-end"
        />
      </div>
      <CheckboxGroup
        legend={t('contracts.charges')}
        options={CHARGES.map((c) => ({ value: c, label: t(`contracts.charge.${c}`) }))}
        value={charges}
        onChange={setCharges}
        error={e.charges}
        columns={2}
        hint={t('contracts.chargesHint')}
        testId="contract-charges"
      />
    </FormModal>
  );
}

function RenewModal({ open, contract, onClose, onSaved }: { open: boolean; contract: ContractRow; onClose: () => void; onSaved: (c: ContractRow) => void }) {
  const t = useT();
  const lang = useLang();
  const form = useOpForm('rusun.contract.renew');
  const [end, setEnd] = useState(defaultRenewalEnd(contract.endDate));
  const { reset } = form;
  useEffect(() => {
    if (!open) return;
    setEnd(defaultRenewalEnd(contract.endDate));
    reset();
  }, [open, contract.endDate, reset]);
  const save = async () => {
    const saved = await form.submit({ contractId: contract.id, endDate: end });
    if (!saved) return;
    toast.success(t('contracts.renewed', { no: saved.contractNo, date: formatCivilDate(saved.endDate, lang) }));
    onSaved(saved);
    onClose();
  };
  return (
    <FormModal open={open} title={t('contracts.renewTitle', { no: contract.contractNo })} testId="renew-form" submitLabel={t('contracts.renew')} busy={form.busy} failure={form.failure} errors={form.errors} onSubmit={() => void save()} onClose={onClose}>
      {contract.blocked && form.failure?.code !== 'RENEWAL_BLOCKED' ? (
        <Alert tone="warning" title={t('contracts.blockedTitle')} testId="renew-blocked-note">
          {contract.blocked.reason}
        </Alert>
      ) : null}
      <p>{t('contracts.renewFrom', { date: formatCivilDate(contract.endDate, lang) })}</p>
      <Field label={t('contracts.renewEnd')} type="date" value={end} onChange={(x) => setEnd(x.target.value)} error={form.errors.endDate} testId="renew-end" />
      <FormNote>{t('contracts.renewNote')}</FormNote>
    </FormModal>
  );
}

function ExitModal({ open, contract, onClose, onSaved }: { open: boolean; contract: ContractRow; onClose: () => void; onSaved: (c: ContractRow) => void }) {
  const t = useT();
  const form = useOpForm('rusun.exit.request');
  const [date, setDate] = useState(todayWib());
  const [reason, setReason] = useState('');
  const { reset } = form;
  useEffect(() => {
    if (!open) return;
    setDate(todayWib());
    setReason('');
    reset();
  }, [open, reset]);
  const save = async () => {
    const saved = await form.submit({ contractId: contract.id, exitDate: date, reason: reason.trim() });
    if (!saved) return;
    toast.success(t('contracts.exitRequested', { name: saved.payerName }));
    onSaved(saved);
    onClose();
  };
  return (
    <FormModal open={open} title={t('contracts.exitTitle', { name: contract.payerName })} testId="exit-form" submitLabel={t('contracts.exitSubmit')} busy={form.busy} failure={form.failure} errors={form.errors} onSubmit={() => void save()} onClose={onClose}>
      <Field label={t('contracts.exitDate')} type="date" value={date} min={contract.startDate} max={contract.endDate} onChange={(x) => setDate(x.target.value)} error={form.errors.exitDate} testId="exit-date" />
      <TextAreaField label={t('contracts.exitReason')} value={reason} onChange={(x) => setReason(x.target.value)} error={form.errors.reason} testId="exit-reason" maxLength={300} />
      <FormNote>{t('contracts.exitNote')}</FormNote>
    </FormModal>
  );
}

function ConfirmExitModal({ open, contract, onClose, onSaved }: { open: boolean; contract: ContractRow; onClose: () => void; onSaved: (c: ContractRow) => void }) {
  const t = useT();
  const lang = useLang();
  const form = useOpForm('rusun.exit.confirm');
  const { reset } = form;
  useEffect(() => {
    if (open) reset();
  }, [open, reset]);
  const exit = contract.exit;
  const save = async () => {
    if (!exit) return;
    const saved = await form.submit({ exitId: exit.id });
    if (!saved) return;
    toast.success(t('contracts.exitConfirmed', { name: saved.payerName }));
    onSaved(saved);
    onClose();
  };
  return (
    <FormModal open={open} title={t('contracts.confirmTitle')} testId="confirm-exit" submitLabel={t('contracts.confirm')} busy={form.busy} failure={form.failure} errors={form.errors} onSubmit={() => void save()} onClose={onClose}>
      {exit ? (
        <>
          <p>{t('contracts.confirmBody', { name: contract.payerName, unit: contract.unitLabel, date: formatCivilDate(exit.exitDate, lang) })}</p>
          <dl className="detail">
            <dt>{t('contracts.exitReason')}</dt>
            <dd>{exit.reason}</dd>
          </dl>
          <FormNote>{t('contracts.confirmNote')}</FormNote>
        </>
      ) : null}
    </FormModal>
  );
}

function FineModal({ open, contract, onClose, onSaved }: { open: boolean; contract: ContractRow; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const lang = useLang();
  const form = useOpForm('rusun.fine.record');
  const [code, setCode] = useState<(typeof FINE_CODES)[number]>('DENDA_SAMPAH');
  const [date, setDate] = useState(todayWib());
  const [note, setNote] = useState('');
  const [rates, setRates] = useState<TariffRow[] | null>(null);
  const { reset } = form;
  useEffect(() => {
    if (!open) return;
    setCode('DENDA_SAMPAH');
    setDate(todayWib());
    setNote('');
    reset();
    let current = true;
    // the fine's tariff: said before recording, so a missing one is not a surprise at the bill run
    call('levy.list', {})
      .then((levies) => {
        const rusun = levies.find((l) => l.kind === 'rusunawa');
        return rusun ? call('tariff.list', { levyId: rusun.id }) : [];
      })
      .then((rows) => current && setRates(rows))
      .catch(() => current && setRates(null));
    return () => {
      current = false;
    };
  }, [open, reset]);
  const rate = rates?.filter((r) => r.code === code && r.effectiveFrom <= date).sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0] ?? null;
  const save = async () => {
    const saved = await form.submit({ contractId: contract.id, tariffCode: code, date, note: note.trim() });
    if (!saved) return;
    toast.success(t('contracts.fineRecorded', { name: contract.payerName }));
    onSaved();
    onClose();
  };
  return (
    <FormModal open={open} title={t('contracts.fineTitle', { name: contract.payerName })} testId="fine-form" submitLabel={t('contracts.fineSubmit')} busy={form.busy} failure={form.failure} errors={form.errors} onSubmit={() => void save()} onClose={onClose}>
      <div className="grid-2">
        <SelectField
          label={t('contracts.fineKind')}
          value={code}
          onChange={(x) => setCode(x.target.value as (typeof FINE_CODES)[number])}
          options={FINE_CODES.map((c) => ({ value: c, label: t(`contracts.fine.${c}`) }))}
          error={form.errors.tariffCode}
          testId="fine-code"
          hint={rates === null ? undefined : rate ? t('contracts.fineRate', { amount: formatRupiah(rate.amount), date: formatCivilDate(rate.effectiveFrom, lang) }) : undefined}
        />
        <Field label={t('contracts.fineDate')} type="date" value={date} onChange={(x) => setDate(x.target.value)} error={form.errors.date} testId="fine-date" />
      </div>
      {rates !== null && !rate ? (
        <Alert tone="warning" testId="fine-no-tariff">
          {t('contracts.fineNoTariff', { code })}
        </Alert>
      ) : null}
      <TextAreaField label={t('contracts.fineNote')} hint={t('contracts.fineNoteHint')} value={note} onChange={(x) => setNote(x.target.value)} error={form.errors.note} testId="fine-note" maxLength={300} />
      <FormNote>{t('contracts.fineRule')}</FormNote>
    </FormModal>
  );
}

type Sub = 'renew' | 'exit' | 'confirm' | 'fine' | null;

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** one contract: its facts, its open bills, and what may be done with it */
export function ContractModal({ contract, onClose, onChanged }: { contract: ContractRow | null; onClose: () => void; onChanged: (c: ContractRow | null) => void }) {
  const t = useT();
  const lang = useLang();
  const role = useSession((s) => s.info?.user.role ?? null);
  const may = (op: Parameters<typeof mayCall>[1]) => role !== null && mayCall(role, op);
  const [sub, setSub] = useState<Sub>(null);
  const [showBills, setShowBills] = useState(false);
  useEffect(() => {
    setSub(null);
    setShowBills(false);
  }, [contract?.id]);
  if (!contract) return null;
  const pendingExit = contract.exit && !contract.exit.confirmed ? contract.exit : null;
  const changed = (c: ContractRow) => onChanged(c);
  return (
    <>
      <Modal
        open
        onClose={onClose}
        title={t('contracts.detailTitle', { no: contract.contractNo })}
        wide
        testId="contract-detail"
        footer={
          <>
            {may('rusun.fine.record') && contract.status !== 'keluar' ? (
              <Button variant="secondary" onClick={() => setSub('fine')} data-testid="contract-fine">
                {t('contracts.fineAction')}
              </Button>
            ) : null}
            {may('rusun.exit.request') && !pendingExit && contract.status !== 'keluar' && !contract.exit?.confirmed ? (
              <Button variant="secondary" onClick={() => setSub('exit')} data-testid="contract-exit">
                {t('contracts.exitAction')}
              </Button>
            ) : null}
            {may('rusun.exit.confirm') && pendingExit ? (
              <Button variant="secondary" onClick={() => setSub('confirm')} data-testid="contract-confirm-exit">
                {t('contracts.confirm')}
              </Button>
            ) : null}
            {may('rusun.contract.renew') && contract.status !== 'keluar' ? (
              <Button onClick={() => setSub('renew')} data-testid="contract-renew">
                {t('contracts.renew')}
              </Button>
            ) : null}
          </>
        }
      >
        <div className="stack">
          {contract.blocked ? (
            <Alert
              tone="danger"
              title={t('contracts.blockedTitle')}
              testId="contract-blocked-reason"
              actions={
                <Button size="sm" variant="secondary" onClick={() => navigate('arrears')}>
                  {t('contracts.toArrears')}
                </Button>
              }
            >
              {contract.blocked.reason} · {t('contracts.blockedSince', { date: formatCivilDate(contract.blocked.since, lang) })}
            </Alert>
          ) : null}
          {pendingExit ? (
            <Alert tone="warning" testId="contract-exit-note">
              {t('contracts.exitPendingNote', { date: formatCivilDate(pendingExit.exitDate, lang), reason: pendingExit.reason })}
            </Alert>
          ) : null}
          <dl className="detail two-col">
            <Row label={t('contracts.col.payer')}>
              <strong>{contract.payerName}</strong>
            </Row>
            <Row label={t('contracts.col.unit')}>{contract.unitLabel}</Row>
            <Row label={t('contracts.col.idpel')}>
              <span className="mono">{contract.idpel}</span>
            </Row>
            <Row label={t('contracts.col.period')}>
              {formatCivilDate(contract.startDate, lang)} – {formatCivilDate(contract.endDate, lang)}
            </Row>
            <Row label={t('contracts.charges')}>{contract.charges.length ? contract.charges.map((c) => t(c === 'AIR' ? 'contracts.charge.AIR' : 'contracts.charge.SAMPAH')).join(', ') : t('common.none')}</Row>
            <Row label={t('contracts.col.status')}>
              <ContractBadges contract={contract} />
            </Row>
          </dl>
          {showBills ? (
            <OpenBillsView idpel={contract.idpel} compact />
          ) : (
            <div>
              <Button variant="secondary" onClick={() => setShowBills(true)} data-testid="contract-bills">
                {t('bills.open')}
              </Button>
            </div>
          )}
        </div>
      </Modal>
      <RenewModal open={sub === 'renew'} contract={contract} onClose={() => setSub(null)} onSaved={() => onChanged(null)} />
      <ExitModal open={sub === 'exit'} contract={contract} onClose={() => setSub(null)} onSaved={changed} />
      <ConfirmExitModal open={sub === 'confirm'} contract={contract} onClose={() => setSub(null)} onSaved={changed} />
      <FineModal open={sub === 'fine'} contract={contract} onClose={() => setSub(null)} onSaved={() => onChanged(contract)} />
    </>
  );
}
