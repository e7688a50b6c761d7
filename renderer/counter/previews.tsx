// Receipts and the closing report on screen, drawn by the same layouts the printer gets.
// Loaded on demand (lazy): the layouts carry the QR library and react-dom/server.
import type { ClosingReport, Receipt } from '../../shared/contract';
import type { Paper } from '../print/paper';
import { ReceiptDocument, RECEIPT_CSS } from '../print/receipt';
import { ClosingReportDocument, REPORT_CSS, type ReportOffice } from '../print/report';
import { DOCUMENT_CSS } from '../print/styles';

export function ReceiptPreviewBody({ receipt, paper, copyNo }: { receipt: Receipt; paper: Paper; copyNo: number }) {
  return (
    <>
      <style>{`${DOCUMENT_CSS}\n${RECEIPT_CSS}`}</style>
      <div className={paper === 'a4' ? 'receipt-sheet is-a4' : 'receipt-sheet'}>
        <ReceiptDocument receipt={receipt} paper={paper} copyNo={copyNo} printedAt={receipt.paidAt} />
      </div>
    </>
  );
}

export function ClosingPreviewBody({ report, office }: { report: ClosingReport; office: ReportOffice }) {
  return (
    <>
      <style>{`${DOCUMENT_CSS}\n${REPORT_CSS}`}</style>
      <div className="receipt-sheet">
        <ClosingReportDocument report={report} paper="80mm" office={office} printedAt={report.shift.closed?.closedAt ?? report.shift.openedAt} />
      </div>
    </>
  );
}
