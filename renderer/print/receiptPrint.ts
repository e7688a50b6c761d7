// How a receipt or a counter report reaches paper. The browser host prints through the browser:
// the document goes into one print-only region of the page (hidden on screen), an @page rule
// gives the paper its size — a roll exactly as long as the receipt — and window.print() runs.
// The Electron shell will print silently to the configured printer instead: it replaces the
// driver with setPrintDriver() and receives the same standalone HTML page.
import { pageCss, rollLengthMm, type Paper } from './paper';

export interface PrintJob {
  /** receipts go to the receipt printer, reports to the report printer */
  kind: 'receipt' | 'report';
  paper: Paper;
  /** the document's markup (an <article class="pd-doc …">) */
  markup: string;
  /** the document's CSS without any @page rule */
  css: string;
  /** a standalone HTML page of the same document (for a silent print or a PDF) */
  html: () => string;
  title: string;
}

export interface PrintDriver {
  print(job: PrintJob): Promise<void>;
}

export const PRINT_REGION_ID = 'loket-print-region';
const PAGE_STYLE_ID = 'loket-print-page';

/** the @page rule and the print-only visibility of the region; a roll as long as its content */
export function regionPrintCss(paper: Paper, contentHeightPx: number | null): string {
  return `${pageCss(paper, contentHeightPx === null ? undefined : rollLengthMm(contentHeightPx))}
@media screen { #${PRINT_REGION_ID} { position: absolute; left: -10000px; top: 0; visibility: hidden; pointer-events: none; } }
@media print {
  html, body { height: auto !important; overflow: visible !important; background: #fff !important; }
  body > :not(#${PRINT_REGION_ID}), dialog, dialog::backdrop { display: none !important; }
  #${PRINT_REGION_ID} { position: static !important; visibility: visible !important; }
}`;
}

/** put the document into the page's print region (made on first use); returns the region */
export function fillPrintRegion(doc: Document, job: Pick<PrintJob, 'markup' | 'css' | 'paper' | 'kind'>): HTMLElement {
  let region = doc.getElementById(PRINT_REGION_ID);
  if (!region) {
    region = doc.createElement('div');
    region.id = PRINT_REGION_ID;
    region.setAttribute('aria-hidden', 'true');
    doc.body.appendChild(region);
  }
  region.dataset.paper = job.paper;
  region.dataset.kind = job.kind;
  region.innerHTML = `<style>${job.css}</style>${job.markup}`;
  // measured on screen (off-canvas) so a roll page is exactly as long as its content
  const content = region.querySelector<HTMLElement>('.pd-doc');
  const heightPx = content ? content.getBoundingClientRect().height : null;
  let page = doc.getElementById(PAGE_STYLE_ID);
  if (!page) {
    page = doc.createElement('style');
    page.id = PAGE_STYLE_ID;
    doc.head.appendChild(page);
  }
  page.textContent = regionPrintCss(job.paper, heightPx);
  return region;
}

export const browserPrintDriver: PrintDriver = {
  async print(job) {
    fillPrintRegion(document, job);
    // the images of the QR code are data: URLs; let them decode before the print snapshot
    const images = [...document.querySelectorAll<HTMLImageElement>(`#${PRINT_REGION_ID} img`)];
    await Promise.all(images.map((img) => (img.complete ? Promise.resolve() : img.decode().catch(() => undefined))));
    window.print();
  },
};

let driver: PrintDriver = browserPrintDriver;

/** the Electron shell's hook: print silently to the receipt or report printer instead */
export function setPrintDriver(next: PrintDriver | null): void {
  driver = next ?? browserPrintDriver;
}

export function printJob(job: PrintJob): Promise<void> {
  return driver.print(job);
}
