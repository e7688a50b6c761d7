// The cash desk under the IDPEL box: the payer's open bills on the left (principal and fine
// apart, the oldest chosen), the payment on the right (cash received, quick-cash buttons,
// change — or a transfer with its proof), and after the payment the unmistakable LUNAS state
// with the receipt as it was printed. Keyboard first; every key has a button too.
//
// The common case (one payer, the oldest bill, exact cash) from the scan to a printed receipt:
//   scan (IDPEL + Enter, from the scanner)  →  Enter (take the bill, uang pas)  →  Enter (pay)
// and the receipt prints by itself: two key presses. F8 pays in one (straight from the entry).
import { lazy, Suspense, useEffect, useRef, useState, type ChangeEvent, type ReactNode } from 'react';
import type { OpenBill, Receipt } from '../../shared/contract';
import { formatRupiah } from '../../shared/money';
import { isClientError } from '../api/client';
import { useLang, useT } from '../i18n';
import { errorText } from '../lib/errors';
import { formatCivilDate, formatDateTime, formatNumber, formatPeriod } from '../lib/format';
import { levyKindLabel } from '../lib/labels';
import { isEditable } from '../lib/scanner';
import { PAPERS, type Paper } from '../print/paper';
import { RECEIPT_PAPERS } from '../print/receiptMeta';
import { Alert, Badge, Button, Card, Money } from '../ui';
import { checkProofBytes, formatRupiahInput, parseRupiahInput, quickCash } from './deskRules';
import {
  accept,
  back,
  chooseAll,
  deskStore,
  extend,
  moveCursor,
  nextPayer,
  pay,
  payNow,
  printReceipt,
  setAutoPrint,
  setBankReference,
  setCursor,
  setMode,
  setPaper,
  setProof,
  setTender,
  shrink,
  summaryOf,
  toggleAt,
  useDesk,
} from './deskStore';
import { counterSettings, inquiry, shift } from './store';

function focusId(id: string, select = false) {
  // after React has put the element on the page
  window.requestAnimationFrame(() => {
    const el = document.getElementById(id);
    if (el instanceof HTMLElement && !(el as HTMLInputElement).disabled) {
      el.focus();
      if (select && el instanceof HTMLInputElement) el.select();
    }
  });
}

/** keys that act only where typing has no other meaning: the cash field, the bill list, nothing */
function isDeskFocus(el: Element | null): boolean {
  if (!el || el === document.body) return true;
  if (el.id === 'desk-tender') return true;
  if (el.closest('.desk-bills')) return !isEditable(el) && el.tagName !== 'BUTTON';
  return false;
}

/** the counter's keys: F8 pay, F9 print, Esc next/back, Enter go on, ↑↓ Space + − the bills */
export function useDeskKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.altKey || e.metaKey) return;
      if (document.querySelector('dialog[open]')) return; // a dialog has the keyboard
      const s = deskStore.getState();
      const active = document.activeElement;
      const here = isDeskFocus(active);
      const key = e.key;
      if (key === 'F8') {
        e.preventDefault();
        if (s.stage === 'entry') payNow();
        else if (s.stage === 'ready') void pay();
        return;
      }
      if (key === 'F9') {
        e.preventDefault();
        if (s.receipt) void printReceipt();
        return;
      }
      if (key === 'Escape') {
        if (isEditable(active) && !here && active?.id !== 'idpel-input') return;
        e.preventDefault();
        if (s.stage === 'ready') back();
        else nextPayer();
        return;
      }
      if (key === 'Enter' && here) {
        if (s.stage === 'entry') {
          e.preventDefault();
          accept();
        } else if (s.stage === 'ready') {
          e.preventDefault(); // the focused Bayar button must not pay a second time
          void pay();
        }
        return;
      }
      if (s.stage !== 'entry' || !here) return;
      if (key === 'ArrowDown' || key === 'ArrowUp') {
        e.preventDefault();
        moveCursor(key === 'ArrowDown' ? 1 : -1);
      } else if (key === ' ' || key === 'Spacebar') {
        e.preventDefault();
        toggleAt(s.cursor);
      } else if (key === '+') {
        e.preventDefault();
        extend();
      } else if (key === '-') {
        e.preventDefault();
        shrink();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** moves the focus where the next key belongs whenever the stage changes */
function useDeskFocus(): void {
  const stage = useDesk((s) => s.stage);
  const payer = useDesk((s) => s.payer);
  const mode = useDesk((s) => s.mode);
  useEffect(() => {
    if (stage === 'entry') focusId(mode === 'tunai' ? 'desk-tender' : 'desk-bank-ref');
    else if (stage === 'ready') focusId('desk-pay');
    else if (stage === 'paid' || stage === 'idle') focusId('idpel-input', true);
  }, [stage, payer, mode]);
}

function KeyCap({ children }: { children: ReactNode }) {
  return <kbd className="keycap">{children}</kbd>;
}

export function KeyLegend() {
  const t = useT();
  return (
    <div className="key-legend" data-testid="desk-keys">
      <span>
        <KeyCap>F2</KeyCap> {t('desk.key.idpel')}
      </span>
      <span>
        <KeyCap>↑</KeyCap>
        <KeyCap>↓</KeyCap> <KeyCap>{t('desk.key.spaceCap')}</KeyCap> {t('desk.key.choose')}
      </span>
      <span>
        <KeyCap>+</KeyCap>
        <KeyCap>−</KeyCap> {t('desk.key.months')}
      </span>
      <span>
        <KeyCap>Enter</KeyCap> {t('desk.key.enter')}
      </span>
      <span>
        <KeyCap>F8</KeyCap> {t('desk.key.pay')}
      </span>
      <span>
        <KeyCap>F9</KeyCap> {t('desk.key.print')}
      </span>
      <span>
        <KeyCap>Esc</KeyCap> {t('desk.key.next')}
      </span>
    </div>
  );
}

function BillRow({ bill, index, isChosen, isCursor, disabled }: { bill: OpenBill; index: number; isChosen: boolean; isCursor: boolean; disabled: boolean }) {
  const t = useT();
  const lang = useLang();
  return (
    <tr
      className={['bill-row', isChosen ? 'is-chosen' : '', isCursor ? 'is-cursor' : ''].join(' ').trim()}
      data-testid="desk-bill"
      data-chosen={isChosen ? 'true' : 'false'}
      aria-selected={isChosen}
      onClick={() => {
        if (disabled) return;
        setCursor(index);
        toggleAt(index);
      }}
    >
      <td className="bill-check">
        <input
          type="checkbox"
          checked={isChosen}
          disabled={disabled}
          tabIndex={-1}
          aria-label={t('desk.chooseBill', { period: formatPeriod(bill.period, lang) })}
          onChange={() => undefined}
          data-testid="desk-bill-check"
        />
      </td>
      <td>
        <div className="bill-period">
          {formatPeriod(bill.period, lang)}
          {bill.isOverdue ? <Badge tone="danger">{t('inquiry.overdue')}</Badge> : null}
        </div>
        <div className="mono muted bill-skrd">{bill.skrdNo}</div>
        <ul className="bill-lines">
          {bill.lines.map((line, i) => (
            <li key={i}>
              <span>{line.description}</span>
              <Money value={line.amount} />
            </li>
          ))}
        </ul>
      </td>
      <td className="nowrap">{formatCivilDate(bill.dueDate, lang)}</td>
      <td className="num">
        <Money value={bill.principal} />
      </td>
      <td className="num">
        <span className={bill.fine > 0 ? 'fine' : undefined}>
          <Money value={bill.fine} />
        </span>
        {bill.fineMonths > 0 ? <div className="muted fine-months">{t('inquiry.fineMonths', { months: formatNumber(bill.fineMonths, lang) })}</div> : null}
      </td>
      <td className="num">
        <strong>
          <Money value={bill.total} />
        </strong>
      </td>
    </tr>
  );
}

function BillPicker() {
  const t = useT();
  const lang = useLang();
  const payer = useDesk((s) => s.payer);
  const selected = useDesk((s) => s.selected);
  const cursor = useDesk((s) => s.cursor);
  const stage = useDesk((s) => s.stage);
  const allowSkip = counterSettings.use((s) => s.data?.allowSkipOlderBills ?? false);
  const listRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    listRef.current?.querySelector('.is-cursor')?.scrollIntoView({ block: 'nearest' });
  }, [cursor]);
  if (!payer) return null;
  const sum = summaryOf({ payer, selected, tender: '', mode: 'tunai' });
  const disabled = stage !== 'entry';
  return (
    <Card
      className="desk-bills"
      data-testid="desk-bills"
      title={
        <span className="payer-title">
          <span data-testid="desk-payer">{payer.payerName}</span>
          <span className="muted payer-sub">
            {payer.objectLabel} · {payer.levyName}
          </span>
        </span>
      }
      actions={
        <span className="row" style={{ gap: 'var(--s-2)' }}>
          <Badge tone="primary">{levyKindLabel(payer.levyKind, lang)}</Badge>
          <span className="mono muted">{payer.idpel}</span>
        </span>
      }
      flush
    >
      {payer.blocked ? (
        <div className="desk-note">
          <Alert tone="warning" testId="inquiry-blocked">
            {t('inquiry.blocked', { since: formatCivilDate(payer.blocked.since, lang), reason: payer.blocked.reason })}
          </Alert>
        </div>
      ) : null}
      {payer.bills.length === 0 ? (
        <div className="desk-note">
          <Alert tone="success" testId="inquiry-none">
            {t('inquiry.none')}
          </Alert>
        </div>
      ) : (
        <>
          <div className="bill-scroll" ref={listRef} tabIndex={-1}>
            <table className="data bill-table" aria-label={t('desk.billsLabel')} aria-multiselectable="true" data-testid="inquiry-result">
              <thead>
                <tr>
                  <th scope="col" className="bill-check">
                    <span className="visually-hidden">{t('desk.col.choose')}</span>
                  </th>
                  <th scope="col">{t('desk.col.bill')}</th>
                  <th scope="col">{t('inquiry.col.due')}</th>
                  <th scope="col" className="num">
                    {t('inquiry.col.principal')}
                  </th>
                  <th scope="col" className="num">
                    {t('inquiry.col.fine')}
                  </th>
                  <th scope="col" className="num">
                    {t('inquiry.col.total')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {payer.bills.map((bill, i) => (
                  <BillRow key={bill.billId} bill={bill} index={i} isChosen={selected.includes(bill.billId)} isCursor={i === cursor && !disabled} disabled={disabled} />
                ))}
              </tbody>
            </table>
          </div>
          <div className="bill-foot">
            <span data-testid="desk-chosen">{t('desk.chosen', { count: sum.count, of: payer.bills.length })}</span>
            <span className="muted">
              {t('inquiry.col.principal')} <Money value={sum.principal} /> · {t('inquiry.col.fine')} <Money value={sum.fine} />
            </span>
            <span className="spacer" />
            <Button size="sm" variant="secondary" onClick={shrink} disabled={disabled || sum.count === 0} data-testid="desk-shrink" title="−">
              {t('desk.lessMonth')}
            </Button>
            <Button size="sm" variant="secondary" onClick={extend} disabled={disabled || sum.count === payer.bills.length} data-testid="desk-extend" title="+">
              {t('desk.moreMonth')}
            </Button>
            <Button size="sm" variant="ghost" onClick={chooseAll} disabled={disabled || sum.count === payer.bills.length} data-testid="desk-all">
              {t('desk.all')}
            </Button>
          </div>
          <div className="bill-rule muted">{allowSkip ? t('desk.skipAllowed') : t('desk.oldestFirst')}</div>
        </>
      )}
    </Card>
  );
}

function ProofInput() {
  const t = useT();
  const lang = useLang();
  const proof = useDesk((s) => s.proof);
  const stage = useDesk((s) => s.stage);
  const maxBytes = counterSettings.use((s) => s.data?.transferMaxBytes ?? 5_242_880);
  const [problem, setProblem] = useState<string | null>(null);
  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    setProblem(null);
    if (!file) return setProof(null);
    if (file.size > maxBytes) {
      setProof(null);
      return setProblem(t('desk.proof.size', { max: formatNumber(Math.floor(maxBytes / 1024), lang) }));
    }
    const checked = checkProofBytes(file.name, file.type, new Uint8Array(await file.arrayBuffer()), maxBytes);
    if (!checked.ok) {
      setProof(null);
      return setProblem(t(checked.reason === 'size' ? 'desk.proof.size' : checked.reason === 'type' ? 'desk.proof.type' : 'desk.proof.content', { max: formatNumber(Math.floor(maxBytes / 1024), lang) }));
    }
    setProof(checked.proof);
  };
  return (
    <div className="field">
      <label htmlFor="desk-proof">{t('desk.proof.label')}</label>
      <input id="desk-proof" type="file" accept="image/jpeg,image/png,application/pdf" className="input file-input" onChange={(e) => void onFile(e)} disabled={stage !== 'entry'} data-testid="desk-proof" />
      {problem ? (
        <span className="error" data-testid="desk-proof-error">
          {problem}
        </span>
      ) : (
        <span className="hint">{proof ? t('desk.proof.chosen', { name: proof.fileName, kb: formatNumber(Math.ceil(proof.size / 1024), lang) }) : t('desk.proof.hint', { max: formatNumber(Math.floor(maxBytes / 1024), lang) })}</span>
      )}
    </div>
  );
}

function PaymentPanel({ canPayCash, shiftNotice }: { canPayCash: boolean; shiftNotice: ReactNode }) {
  const t = useT();
  const lang = useLang();
  const s = useDesk((x) => x);
  const sum = summaryOf(s);
  const editing = s.stage === 'entry';
  const isCash = s.mode === 'tunai';
  const locked = isCash && !canPayCash;
  const typed = parseRupiahInput(s.tender);
  const problemText = s.problem ? t(`desk.problem.${s.problem}`, { total: formatRupiah(sum.total) }) : null;
  const apiError = s.error ? errorText(s.error, lang) : null;
  const retry = isClientError(s.error) && s.error.kind !== 'api';
  return (
    <Card className="desk-pay" data-testid="desk-pay-panel" data-stage={s.stage}>
      <div className="pay-mode" role="group" aria-label={t('desk.mode')}>
        {(['tunai', 'transfer'] as const).map((m) => (
          <button key={m} type="button" aria-pressed={s.mode === m} disabled={!editing} onClick={() => setMode(m)} data-testid={`desk-mode-${m}`}>
            {t(m === 'tunai' ? 'desk.mode.cash' : 'desk.mode.transfer')}
          </button>
        ))}
      </div>
      <div className="pay-total">
        <span className="muted">{t('desk.totalDue', { count: sum.count })}</span>
        <span className="pay-total-value" data-testid="desk-total">
          <Money value={sum.total} />
        </span>
        {sum.fine > 0 ? (
          <span className="muted pay-total-sub">
            {t('desk.totalSplit', { principal: formatRupiah(sum.principal), fine: formatRupiah(sum.fine) })}
          </span>
        ) : null}
      </div>
      {locked ? shiftNotice : null}
      {isCash && !locked ? (
        <>
          <div className="field">
            <label htmlFor="desk-tender">{t('desk.tendered')}</label>
            <input
              id="desk-tender"
              className="input tender-input"
              inputMode="numeric"
              autoComplete="off"
              data-scan-capture=""
              value={formatRupiahInput(typed)}
              placeholder={t('desk.tenderedPlaceholder', { total: formatRupiah(sum.total) })}
              onChange={(e) => setTender(e.target.value)}
              readOnly={!editing}
              aria-invalid={s.problem === 'insufficient' || undefined}
              data-testid="desk-tender"
            />
          </div>
          <div className="quick-cash" role="group" aria-label={t('desk.quickCash')}>
            <Button size="sm" variant={typed === null ? 'primary' : 'secondary'} disabled={!editing || sum.count === 0} onClick={() => setTender(String(sum.total))} data-testid="desk-quick-exact">
              {t('desk.exact')}
            </Button>
            {quickCash(sum.total).map((v) => (
              <Button key={v} size="sm" variant={typed === v ? 'primary' : 'secondary'} disabled={!editing} onClick={() => setTender(String(v))} data-testid={`desk-quick-${v}`}>
                {formatRupiah(v)}
              </Button>
            ))}
          </div>
          <div className={['pay-change', sum.change < 0 ? 'is-short' : ''].join(' ').trim()}>
            <span>{sum.change < 0 ? t('desk.short') : t('desk.change')}</span>
            <span className="pay-change-value" data-testid="desk-change">
              <Money value={Math.abs(sum.change)} />
            </span>
          </div>
        </>
      ) : null}
      {!isCash ? (
        <>
          <div className="field">
            <label htmlFor="desk-bank-ref">{t('desk.bankRef')}</label>
            <input id="desk-bank-ref" className="input mono" autoComplete="off" maxLength={64} value={s.bankReference} onChange={(e) => setBankReference(e.target.value)} readOnly={!editing} data-testid="desk-bank-ref" />
          </div>
          <ProofInput />
        </>
      ) : null}
      {s.stage === 'ready' && sum.reasons.length > 0 ? (
        <Alert tone="warning" testId="desk-confirm">
          {sum.reasons.map((r) => (
            <div key={r}>{t(r === 'largeChange' ? 'desk.confirm.largeChange' : 'desk.confirm.skipOlder', { change: formatRupiah(sum.change) })}</div>
          ))}
        </Alert>
      ) : null}
      {problemText ? (
        <Alert tone="warning" testId="desk-problem">
          {problemText}
        </Alert>
      ) : null}
      {apiError ? (
        <Alert tone="danger" testId="desk-error" title={retry ? t('desk.retryTitle') : undefined}>
          {apiError}
        </Alert>
      ) : null}
      {s.stage === 'ready' || s.stage === 'paying' ? (
        <div className="pay-actions is-ready">
          <Button id="desk-pay" block onClick={() => void pay()} busy={s.stage === 'paying'} data-testid="desk-pay">
            {s.stage === 'paying' ? t('desk.paying') : isCash ? t('desk.payCash', { total: formatRupiah(sum.total) }) : t('desk.payTransfer', { total: formatRupiah(sum.total) })}
          </Button>
          <Button variant="ghost" onClick={back} disabled={s.stage === 'paying'} data-testid="desk-back">
            {t('desk.back')}
          </Button>
        </div>
      ) : (
        <div className="pay-actions">
          <Button block onClick={() => accept()} disabled={!editing || locked || sum.count === 0} data-testid="desk-accept">
            {isCash ? (typed === null ? t('desk.acceptExact') : t('desk.accept')) : t('desk.accept')}
          </Button>
        </div>
      )}
    </Card>
  );
}

const ReceiptPreviewBody = lazy(() => import('./previews').then((m) => ({ default: m.ReceiptPreviewBody })));

/** the receipt on screen, drawn by the same layout the printer gets */
export function ReceiptPreview({ receipt, paper, copyNo }: { receipt: Receipt; paper: Paper; copyNo?: number }) {
  const t = useT();
  return (
    <div className="receipt-preview" data-testid="receipt-preview" data-paper={paper}>
      <Suspense fallback={<div className="skeleton">{t('app.loading')}</div>}>
        <ReceiptPreviewBody receipt={receipt} paper={paper} copyNo={copyNo ?? Math.max(1, receipt.printCount)} />
      </Suspense>
    </div>
  );
}

export function PaperPicker({ paper, onChange, testId }: { paper: Paper; onChange: (p: Paper) => void; testId: string }) {
  const t = useT();
  return (
    <span className="paper-picker" role="group" aria-label={t('desk.paper')} data-testid={testId}>
      {RECEIPT_PAPERS.map((p) => (
        <button key={p} type="button" aria-pressed={p === paper} onClick={() => onChange(p)} data-testid={`${testId}-${p}`}>
          {PAPERS[p].label}
        </button>
      ))}
    </span>
  );
}

function PaidView({ receipt }: { receipt: Receipt }) {
  const t = useT();
  const lang = useLang();
  const paper = useDesk((s) => s.paper);
  const autoPrint = useDesk((s) => s.autoPrint);
  const printing = useDesk((s) => s.printing);
  const lastCopyNo = useDesk((s) => s.lastCopyNo);
  const isPending = receipt.status === 'menunggu_verifikasi';
  const isVoid = receipt.status === 'dibatalkan' || receipt.status === 'ditolak';
  const tone = isVoid ? 'void' : isPending ? 'pending' : 'paid';
  return (
    <div className="desk desk-paid" data-testid="desk-paid" data-status={receipt.status}>
      <Card className="desk-receipt" title={t('desk.receiptTitle')} flush>
        <ReceiptPreview receipt={receipt} paper={paper === 'a4' ? '80mm' : paper} copyNo={lastCopyNo ?? Math.max(1, receipt.printCount)} />
      </Card>
      <section className={`paid-panel tone-${tone}`} aria-live="assertive" data-testid="desk-paid-panel">
        <div className="paid-word" data-testid="desk-paid-word">
          {isVoid ? t('desk.voided') : isPending ? t('desk.pendingWord') : t('desk.paidWord')}
        </div>
        <div className="paid-receipt">
          {t('desk.receiptNo')} <span className="mono" data-testid="desk-receipt-no">{receipt.receiptNo}</span>
        </div>
        <div className="paid-meta muted">
          {receipt.payerName} · {formatDateTime(receipt.paidAt, lang)}
        </div>
        <dl className="paid-figures">
          <div>
            <dt>{t('desk.total')}</dt>
            <dd data-testid="desk-paid-total">
              <Money value={receipt.total} />
            </dd>
          </div>
          {receipt.tendered !== null ? (
            <div>
              <dt>{t('desk.tendered')}</dt>
              <dd>
                <Money value={receipt.tendered} />
              </dd>
            </div>
          ) : null}
        </dl>
        {receipt.change !== null ? (
          <div className="paid-change">
            <span>{t('desk.change')}</span>
            <span className="paid-change-value" data-testid="desk-paid-change">
              <Money value={receipt.change} />
            </span>
          </div>
        ) : null}
        <div className="paid-words" data-testid="desk-paid-words">
          {receipt.totalWords}
        </div>
        <div className="paid-print" data-testid="desk-print-state">
          {printing ? t('desk.printing') : lastCopyNo ? (lastCopyNo > 1 ? t('desk.printedCopy', { n: lastCopyNo - 1 }) : t('desk.printedOriginal', { paper: PAPERS[paper].label })) : t('desk.notPrinted')}
        </div>
        <div className="paid-actions">
          <PaperPicker paper={paper} onChange={setPaper} testId="desk-paper" />
          <label className="auto-print">
            <input type="checkbox" checked={autoPrint} onChange={(e) => setAutoPrint(e.target.checked)} data-testid="desk-autoprint" /> {t('desk.autoPrint')}
          </label>
        </div>
        <div className="paid-buttons">
          <Button variant="secondary" onClick={() => void printReceipt()} busy={printing} data-testid="desk-reprint">
            {lastCopyNo ? t('desk.reprint') : t('desk.print')}
          </Button>
          <Button onClick={nextPayer} data-testid="desk-next">
            {t('desk.next')}
          </Button>
        </div>
      </section>
    </div>
  );
}

function DeskEmpty() {
  const t = useT();
  return (
    <Card className="desk-empty" data-testid="desk-empty">
      <div className="desk-empty-body">
        <div className="desk-empty-title">{t('desk.empty.title')}</div>
        <ol className="desk-steps">
          <li>{t('desk.empty.step1')}</li>
          <li>{t('desk.empty.step2')}</li>
          <li>{t('desk.empty.step3')}</li>
        </ol>
        <KeyLegend />
      </div>
    </Card>
  );
}

/** the whole desk: bills and payment, or the paid state; the shift decides whether cash may be taken */
export function Desk({ shiftNotice }: { shiftNotice: ReactNode }) {
  const lang = useLang();
  const t = useT();
  const stage = useDesk((s) => s.stage);
  const payer = useDesk((s) => s.payer);
  const receipt = useDesk((s) => s.receipt);
  const loading = inquiry.use((s) => s.loading);
  const error = inquiry.use((s) => s.error);
  const current = shift.use((s) => s.data);
  const canPayCash = current !== null && current !== undefined && !current.isStale;
  useDeskKeys();
  useDeskFocus();

  useEffect(() => {
    void counterSettings.load();
  }, []);

  if (stage === 'paid' && receipt) return <PaidView receipt={receipt} />;
  const fieldError = isClientError(error) && Boolean(error.fields.idpel);
  if (error && !fieldError && !loading)
    return (
      <Alert tone="danger" testId="idpel-error">
        {errorText(error, lang)}
      </Alert>
    );
  if (loading && !payer) return <Card className="desk-empty skeleton">{t('idpel.searching')}</Card>;
  if (!payer) return <DeskEmpty />;
  return (
    <div className="desk" data-testid="desk" aria-busy={loading || undefined}>
      <BillPicker />
      {payer.bills.length > 0 ? <PaymentPanel canPayCash={canPayCash} shiftNotice={shiftNotice} /> : null}
    </div>
  );
}
