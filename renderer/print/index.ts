// Printed documents (SKRD, STRD …) and their on-screen preview.
// Node code (Electron shell, tests) imports './html' instead: this file pulls in the preview,
// which calls the API and the browser's print.
export { PrintPreview, type PrintPreviewProps } from './PrintPreview';
export { renderDocumentHtml, PrintDocument, documentProblem, documentTitle, DOCUMENTS, DOCUMENT_KINDS, isDocumentKind, PrintRefusedError, type DocumentKind, type PrintOptions } from './html';
export { SkrdDocument, SKRD_TITLE } from './skrd';
export { StrdDocument, STRD_TITLE, strdNumber, strdRefusal } from './strd';
export { Barcode, QrCode, code128Image, qrImage } from './codes';
export { PAPERS, SHELL_PAPER, isPaper, isRoll, pageCss, type Paper } from './paper';
export { DOCUMENT_CSS, PREVIEW_CSS, printCss } from './styles';
export { printRoute, parsePrintRoute, type PrintRoute } from './route';
export type { Signer } from './blocks';
export { ReceiptDocument, RECEIPT_TITLE, RECEIPT_CSS, receiptCss, renderReceiptHtml, renderReceiptMarkup, type ReceiptPrintOptions } from './receipt';
export { RECEIPT_PAPERS, RECEIPT_QR_MM, CLOSING_PAPERS, receiptStamp, copyLabel } from './receiptMeta';
export { ClosingReportDocument, DailyReportDocument, CLOSING_TITLE, DAILY_TITLE, REPORT_CSS, reportCss, renderClosingHtml, renderDailyHtml, type ReportOffice } from './report';
export { printJob, setPrintDriver, browserPrintDriver, fillPrintRegion, regionPrintCss, PRINT_REGION_ID, type PrintDriver, type PrintJob } from './receiptPrint';
