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
