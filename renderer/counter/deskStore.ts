// The cash desk: one payer at a time. The bills of the scanned IDPEL arrive from the inquiry
// resource; the desk keeps what is chosen, the cash received, the stage of the payment and the
// receipt. Every payment attempt carries one requestId (made when the payer's bills arrive and
// kept through retries), so a double press or a retry after a lost answer never pays twice.
//
//   idle ──scan──▶ entry ──Enter──▶ ready ──Enter/F8──▶ paying ──▶ paid ──Esc/scan──▶ next payer
//                    ▲      Esc       │                   │ error
//                    └────────────────┘◀──────────────────┘
import { v7 as uuidv7 } from 'uuid';
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { InquiryResult, Receipt } from '../../shared/contract';
import { formatRupiah } from '../../shared/money';
import { call } from '../api';
import { isClientError } from '../api/client';
import { langStore, translate, type MessageKey, type Params } from '../i18n';
import { errorText } from '../lib/errors';
import type { Paper } from '../print/paper';
import { toast } from '../ui';
import { confirmReasons, type ProofFile, defaultSelection, extendSelection, parseRupiahInput, selectAll, selectionTotals, shrinkSelection, skippedOlder, toggleBill, type ConfirmReason } from './deskRules';
import { printReceiptOn, storeAutoPrint, storedAutoPrint, storedPaper, storePaper } from './printing';
import { counterSettings, counterToday, inquiry, recentPayments, shift } from './store';

export type { ProofFile } from './deskRules';
export type DeskStage = 'idle' | 'entry' | 'ready' | 'paying' | 'paid';
export type PayMode = 'tunai' | 'transfer';

/** a problem the desk itself found before asking the backend */
export type LocalProblem = 'insufficient' | 'noBills' | 'noReference' | 'noProof' | 'noShift';

export interface DeskState {
  stage: DeskStage;
  payer: InquiryResult | null;
  selected: string[];
  /** the bill row the arrow keys are on */
  cursor: number;
  /** the cash received as typed (digits, shown grouped) */
  tender: string;
  mode: PayMode;
  requestId: string;
  receipt: Receipt | null;
  /** the last refusal or failure of the backend, shown in the payment panel */
  error: unknown;
  problem: LocalProblem | null;
  bankReference: string;
  proof: ProofFile | null;
  paper: Paper;
  autoPrint: boolean;
  printing: boolean;
  /** copy number of the last print of the shown receipt (1 = original) */
  lastCopyNo: number | null;
}

// time-ordered (UUIDv7): each new request id goes at the end of payment_requests' index, on a page
// already in memory, instead of on a random page of a table that grows by every payment
const newRequestId = () => uuidv7();

const fresh = (): Omit<DeskState, 'paper' | 'autoPrint'> => ({
  stage: 'idle',
  payer: null,
  selected: [],
  cursor: 0,
  tender: '',
  mode: 'tunai',
  requestId: newRequestId(),
  receipt: null,
  error: null,
  problem: null,
  bankReference: '',
  proof: null,
  printing: false,
  lastCopyNo: null,
});

export const deskStore = createStore<DeskState>()(() => ({ ...fresh(), paper: storedPaper(), autoPrint: storedAutoPrint() }));

export function useDesk<T>(selector: (s: DeskState) => T): T {
  return useStore(deskStore, selector);
}

const get = () => deskStore.getState();
const set = (patch: Partial<DeskState>) => deskStore.setState(patch);
const tr = (key: MessageKey, params?: Params) => translate(langStore.getState().lang, key, params);
const allowSkip = () => counterSettings.store.getState().data?.allowSkipOlderBills ?? false;

/** the payer's bills arrived (a scan, a typed IDPEL, a reload after a refusal) */
export function startPayer(payer: InquiryResult, keepError = false): void {
  const s = get();
  if (s.stage === 'paying') return;
  const samePayer = s.payer?.idpel === payer.idpel && s.stage !== 'paid';
  set({
    stage: payer.bills.length > 0 ? 'entry' : 'idle',
    payer,
    selected: defaultSelection(payer.bills),
    cursor: 0,
    tender: '',
    mode: samePayer ? s.mode : 'tunai',
    // a new payer is a new attempt; the same payer again keeps a possibly unanswered attempt's id
    requestId: samePayer ? s.requestId : newRequestId(),
    receipt: null,
    error: keepError ? s.error : null,
    problem: null,
    bankReference: samePayer ? s.bankReference : '',
    proof: samePayer ? s.proof : null,
    lastCopyNo: null,
  });
}

/** Esc after a payment (or to drop a payer): the desk is empty, the IDPEL box waits */
export function nextPayer(): void {
  if (get().stage === 'paying') return;
  inquiry.reset();
  set(fresh());
}

let reloadKeepsError = false;

// the desk follows the inquiry: new bills start a payer, an emptied inquiry empties the desk
inquiry.store.subscribe((s, prev) => {
  if (s.data && s.data !== prev.data && s.data.idpel === s.query) {
    startPayer(s.data, reloadKeepsError);
    reloadKeepsError = false;
  }
  if (s.query === '' && prev.query !== '' && get().stage !== 'paying') set(fresh());
});

function canEdit(): boolean {
  const stage = get().stage;
  return stage === 'entry';
}

export function moveCursor(delta: number): void {
  const s = get();
  const count = s.payer?.bills.length ?? 0;
  if (!canEdit() || count === 0) return;
  set({ cursor: Math.max(0, Math.min(count - 1, s.cursor + delta)) });
}

export function setCursor(index: number): void {
  set({ cursor: index });
}

export function toggleAt(index: number): void {
  const s = get();
  const bill = s.payer?.bills[index];
  if (!canEdit() || !s.payer || !bill) return;
  set({ selected: toggleBill(s.payer.bills, s.selected, bill.billId, allowSkip()), cursor: index, problem: null, error: null });
}

export function extend(): void {
  const s = get();
  if (!canEdit() || !s.payer) return;
  const selected = extendSelection(s.payer.bills, s.selected);
  set({ selected, cursor: Math.max(0, selected.length - 1), problem: null, error: null });
}

export function shrink(): void {
  const s = get();
  if (!canEdit() || !s.payer) return;
  const selected = shrinkSelection(s.payer.bills, s.selected);
  set({ selected, cursor: Math.max(0, selected.length - 1), problem: null, error: null });
}

export function chooseAll(): void {
  const s = get();
  if (!canEdit() || !s.payer) return;
  set({ selected: selectAll(s.payer.bills), problem: null, error: null });
}

export function setTender(text: string): void {
  if (!canEdit()) return;
  set({ tender: text.replace(/\D/g, '').slice(0, 11), problem: null, error: null });
}

export function setMode(mode: PayMode): void {
  if (!canEdit()) return;
  set({ mode, problem: null, error: null });
}

export function setBankReference(text: string): void {
  set({ bankReference: text, problem: null });
}

export function setProof(proof: ProofFile | null): void {
  set({ proof, problem: null });
}

export function setPaper(paper: Paper): void {
  storePaper(paper);
  set({ paper });
}

export function setAutoPrint(on: boolean): void {
  storeAutoPrint(on);
  set({ autoPrint: on });
}

export interface Summary {
  count: number;
  principal: number;
  fine: number;
  total: number;
  /** the cash received: what was typed, or the exact total when nothing was typed */
  tendered: number;
  isExact: boolean;
  change: number;
  reasons: ConfirmReason[];
}

export function summaryOf(s: Pick<DeskState, 'payer' | 'selected' | 'tender' | 'mode'>): Summary {
  const bills = s.payer?.bills ?? [];
  const totals = selectionTotals(bills, s.selected);
  const typed = parseRupiahInput(s.tender);
  const tendered = s.mode === 'tunai' ? (typed ?? totals.total) : totals.total;
  const skipped = skippedOlder(bills, s.selected);
  return {
    ...totals,
    tendered,
    isExact: typed === null || typed === totals.total,
    change: tendered - totals.total,
    reasons: s.mode === 'tunai' ? confirmReasons({ total: totals.total, tendered, skipped }) : skipped ? ['skipOlder'] : [],
  };
}

function localProblem(): LocalProblem | null {
  const s = get();
  const sum = summaryOf(s);
  if (sum.count === 0) return 'noBills';
  if (s.mode === 'tunai') {
    // cash goes into a shift's drawer: none open, or yesterday's, and the backend refuses it
    const current = shift.store.getState().data;
    if (shift.store.getState().loadedAt !== null && (!current || current.isStale)) return 'noShift';
    return sum.tendered < sum.total ? 'insufficient' : null;
  }
  if (s.bankReference.trim().length < 4) return 'noReference';
  if (!s.proof) return 'noProof';
  return null;
}

/** Enter in the cash field: take the choice and the cash (nothing typed = uang pas) and show the summary */
export function accept(): boolean {
  if (get().stage !== 'entry') return false;
  const problem = localProblem();
  if (problem) {
    set({ problem });
    return false;
  }
  set({ stage: 'ready', problem: null, error: null });
  return true;
}

/** Esc on the summary: back to changing the bills or the cash */
export function back(): void {
  if (get().stage === 'ready') set({ stage: 'entry' });
}

/** F8: pay straight from the entry, unless the payment needs its second look (then the summary) */
export function payNow(): void {
  const s = get();
  if (s.stage === 'entry') {
    if (!accept()) return;
    if (summaryOf(get()).reasons.length > 0) return; // stays on the summary: one more Enter pays
  }
  void pay();
}

const REFRESH_BILLS: readonly string[] = ['ALREADY_PAID', 'PENDING_TRANSFER', 'SKIP_OLDER', 'CONFLICT', 'NOT_FOUND'];

export async function pay(): Promise<void> {
  const s = get();
  if (s.stage !== 'ready' || !s.payer) return;
  const problem = localProblem();
  if (problem) {
    set({ stage: 'entry', problem });
    return;
  }
  const sum = summaryOf(s);
  set({ stage: 'paying', error: null, problem: null });
  try {
    const receipt =
      s.mode === 'tunai'
        ? await call('payment.cash', { requestId: s.requestId, idpel: s.payer.idpel, billIds: s.selected, tendered: sum.tendered })
        : await call('payment.transfer', {
            requestId: s.requestId,
            idpel: s.payer.idpel,
            billIds: s.selected,
            bankReference: s.bankReference.trim(),
            proof: { fileName: s.proof?.fileName ?? '', mime: s.proof?.mime ?? '', base64: s.proof?.base64 ?? '' },
          });
    set({ stage: 'paid', receipt, requestId: newRequestId(), lastCopyNo: null });
    toast.success(tr(receipt.status === 'menunggu_verifikasi' ? 'desk.toast.transfer' : 'desk.toast.paid', { receiptNo: receipt.receiptNo, total: formatRupiah(receipt.total) }));
    void shift.load();
    void counterToday.load();
    void recentPayments.load();
    if (get().autoPrint) await printReceipt();
  } catch (err) {
    // nothing was recorded on a refusal; after a lost answer the same requestId makes the retry safe
    set({ stage: isClientError(err) && err.kind === 'api' ? 'entry' : 'ready', error: err });
    toast.error(errorText(err, langStore.getState().lang));
    if (isClientError(err) && (err.code === 'SHIFT_REQUIRED' || err.code === 'SHIFT_STALE')) void shift.load();
    if (isClientError(err) && REFRESH_BILLS.includes(err.code)) {
      reloadKeepsError = true;
      void inquiry.load();
    }
  }
}

/**
 * F9 and the hook the Electron shell calls: print (again) the receipt on the desk. The first
 * print is the original; every later one is recorded and comes out as SALINAN ke-N.
 */
export async function printReceipt(paper: Paper = get().paper): Promise<void> {
  const s = get();
  const receipt = s.receipt;
  if (!receipt || s.printing) return;
  set({ printing: true });
  try {
    const { copyNo } = await printReceiptOn(receipt, paper);
    const current = get().receipt;
    if (current?.paymentId === receipt.paymentId) set({ lastCopyNo: copyNo, receipt: { ...current, printCount: copyNo } });
    toast.info(copyNo > 1 ? tr('desk.toast.printedCopy', { n: copyNo - 1, receiptNo: receipt.receiptNo }) : tr('desk.toast.printed', { receiptNo: receipt.receiptNo }));
  } catch (err) {
    toast.error(errorText(err, langStore.getState().lang));
  } finally {
    set({ printing: false });
  }
}

/** show a receipt on the desk (e.g. to reprint a payment from the list) */
export function showReceipt(receipt: Receipt): void {
  if (get().stage === 'paying') return;
  set({ ...fresh(), stage: 'paid', receipt });
}
