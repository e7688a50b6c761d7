// Printing at the counter: every print of a receipt is recorded first (receipt.printed gives its
// copy number, so a reprint can never come out unmarked), then the document goes to the printer
// through the print driver (the browser's print here; the Electron shell plugs in its own).
import type { ClosingReport, DailyReport, Receipt } from '../../shared/contract';
import { call } from '../api';
import type { Paper } from '../print/paper';
import { printJob } from '../print/receiptPrint';
import type { ReportOffice } from '../print/report';
import { safeLocalStorage } from '../api/transport';
import { useSession } from '../session/store';

/** the office on the letterhead of printed reports, from the session */
export function useOffice(): ReportOffice {
  const officeName = useSession((s) => s.info?.officeName ?? '');
  // a session stored by an older version has no address: the letterhead then goes without it
  const officeAddress = useSession((s) => s.info?.officeAddress ?? '');
  return officeAddress ? { officeName, officeAddress } : { officeName };
}

// the layouts (QR library, react-dom/server) load with the first print, not with the app
const receiptLayouts = () => import('../print/receipt');
const reportLayouts = () => import('../print/report');

/** prints one receipt on one paper; resolves with the copy number the backend recorded */
export async function printReceiptOn(receipt: Receipt, paper: Paper): Promise<{ copyNo: number; isCopy: boolean }> {
  const recorded = await call('receipt.printed', { paymentId: receipt.paymentId, paper });
  await printRecordedReceipt(receipt, paper, recorded.copyNo);
  return recorded;
}

/** sends a receipt whose print the backend has already recorded (as copy `copyNo`) to the printer */
export async function printRecordedReceipt(receipt: Receipt, paper: Paper, copyNo: number): Promise<void> {
  const { receiptCss, receiptTitle, renderReceiptHtml, renderReceiptMarkup } = await receiptLayouts();
  const printedAt = new Date().toISOString();
  const options = { paper, copyNo, printedAt };
  await printJob({
    kind: 'receipt',
    paper,
    markup: renderReceiptMarkup(receipt, options),
    css: receiptCss(),
    html: () => renderReceiptHtml(receipt, options),
    title: receiptTitle(receipt),
  });
}

export async function printClosingReport(report: ClosingReport, paper: Paper, office: ReportOffice): Promise<void> {
  const { CLOSING_TITLE, renderClosingHtml, renderClosingMarkup, reportCss } = await reportLayouts();
  const options = { paper, office, printedAt: new Date().toISOString() };
  await printJob({ kind: paper === 'a4' ? 'report' : 'receipt', paper, markup: renderClosingMarkup(report, options), css: reportCss(), html: () => renderClosingHtml(report, options), title: CLOSING_TITLE });
}

export async function printDailyReport(report: DailyReport, office: ReportOffice, signerName?: string): Promise<void> {
  const { DAILY_TITLE, renderDailyHtml, renderDailyMarkup, reportCss } = await reportLayouts();
  const options = { office, printedAt: new Date().toISOString(), ...(signerName ? { signerName } : {}) };
  await printJob({ kind: 'report', paper: 'a4', markup: renderDailyMarkup(report, options), css: reportCss(), html: () => renderDailyHtml(report, options), title: `${DAILY_TITLE} ${report.date}` });
}

const PAPER_KEY = 'loket.receiptPaper';
const AUTO_KEY = 'loket.autoPrint';

/** the receipt paper of this counter PC (remembered here; the roll most counters have first) */
export function storedPaper(): Paper {
  const v = safeLocalStorage()?.getItem(PAPER_KEY);
  return v === '58mm' || v === 'a4' ? v : '80mm';
}

export function storePaper(paper: Paper): void {
  try {
    safeLocalStorage()?.setItem(PAPER_KEY, paper);
  } catch {
    // not remembered; still used for this window
  }
}

/** print the receipt as soon as the payment is recorded (on unless the clerk turned it off) */
export function storedAutoPrint(): boolean {
  return safeLocalStorage()?.getItem(AUTO_KEY) !== '0';
}

export function storeAutoPrint(on: boolean): void {
  try {
    safeLocalStorage()?.setItem(AUTO_KEY, on ? '1' : '0');
  } catch {
    // not remembered
  }
}
