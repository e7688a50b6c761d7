// A page for the browser test of PrintPreview (test/e2e/print.test.ts bundles it with esbuild):
// the app's frame — header, menu and the scrolling main of shell.css — around the preview, a
// fake preload bridge that answers bill.get from the fixtures, and window.print recorded
// instead of opening a dialog. The address says what to show: #kind=strd&bill=<billId>.
import { createRoot } from 'react-dom/client';
import type { ApiResponse } from '../../../shared/errors';
import type { LoketBridge, WireRequest } from '../../../shared/wire';
import { PrintPreview, isDocumentKind } from '../../../renderer/print';
import '../../../renderer/ui/theme.css';
import '../../../renderer/shell/shell.css';
import { longLabBill, openLabBill, overdueRusunBill, paidRusunBill } from './fixtures';

const BILLS = new Map([openLabBill, overdueRusunBill, paidRusunBill, longLabBill].map((b) => [b.billId, b]));

interface HarnessWindow extends Window {
  loket?: LoketBridge;
  printed?: { at: string; printedText: string }[];
}
const w = window as HarnessWindow;

w.loket = {
  transport: 'ipc',
  async invoke(request: WireRequest): Promise<ApiResponse<unknown>> {
    const billId = (request.input as { billId?: string } | null)?.billId ?? '';
    const bill = request.op === 'bill.get' ? BILLS.get(billId) : undefined;
    if (bill) return { ok: true, value: bill };
    return { ok: false, error: { code: 'NOT_FOUND', message: 'Tagihan tidak ditemukan.', params: { what: 'Tagihan' } } };
  },
};

w.printed = [];
w.print = () => {
  w.printed?.push({ at: new Date().toISOString(), printedText: document.querySelector('.pd-foot')?.textContent ?? '' });
};

const params = new URLSearchParams(window.location.hash.slice(1));
const kind = params.get('kind');
const billId = params.get('bill') ?? '';
const root = document.getElementById('root');
if (!root || !isDocumentKind(kind)) throw new Error('harness: #kind=skrd|strd&bill=… and #root needed');

createRoot(root).render(
  <div className="app">
    <header className="app-header" data-testid="chrome-header">
      E-Retribusi Loket · Dewi Lestari (Petugas loket)
    </header>
    <nav className="app-nav" data-testid="chrome-nav">
      Loket · Tagihan · Tunggakan
    </nav>
    <main className="app-main">
      <PrintPreview kind={kind} billId={billId} onClose={() => undefined} />
    </main>
  </div>,
);
