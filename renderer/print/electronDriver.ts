// In Electron the preload's bridge can print: documents then go silently to the configured
// receipt or report printer with an explicit page size, instead of through the print dialog.
import type { LoketBridge } from '../../shared/wire';
import { setPrintDriver, type PrintDriver } from './receiptPrint';

export function electronPrintDriver(bridge: Pick<LoketBridge, 'print'>): PrintDriver | null {
  const print = bridge.print;
  if (!print) return null;
  return {
    async print(job) {
      const outcome = await print({ kind: job.kind, paper: job.paper, html: job.html() });
      if (!outcome.ok) throw new Error(outcome.reason);
    },
  };
}

/** installs the Electron driver when the app runs in Electron; the browser host keeps window.print() */
export function installPrintDriver(win: { loket?: Pick<LoketBridge, 'print'> }): boolean {
  const driver = win.loket ? electronPrintDriver(win.loket) : null;
  if (driver) setPrintDriver(driver);
  return driver !== null;
}
