// Counter area state: today's figures, the bills of the IDPEL asked for, the clerk's shift,
// the counter settings and the lists of the counter's other screens. The cash desk itself (what
// is chosen, the cash received, the receipt) lives in deskStore.ts.
import { call } from '../api';
import { createResource } from '../lib/resource';

export const counterToday = createResource(() => call('dashboard.counterToday', {}), undefined);

/** the counter screen refreshes itself this often */
export const COUNTER_REFRESH_MS = 60_000;

/** the open bills of one IDPEL (the query is the checked IDPEL; '' = nothing asked yet) */
export const inquiry = createResource((idpel: string) => call('inquiry.idpel', { idpel }), '');

/** the signed-in person's open shift on this terminal (null: none) */
export const shift = createResource(() => call('shift.current', {}), undefined);

/** skipping older months, the shift difference limit, the proof size limit */
export const counterSettings = createResource(() => call('settings.counter', {}), undefined);

/** the last payments, for reprints and void requests (query: only mine?) */
export const recentPayments = createResource((mineOnly: boolean) => call('payment.recent', { mineOnly, limit: 100 }), true);

/** void requests (query: pending only?) */
export const voidRequests = createResource((pendingOnly: boolean) => call('void.list', { pendingOnly }), true);

/** transfers with proof (query: pending only?) */
export const transfers = createResource((pendingOnly: boolean) => call('transfer.list', { pendingOnly }), true);

/** cash on hand from closed shifts and the deposits (STS) made */
export const deposits = createResource(() => call('deposit.status', {}), undefined);

/** the shifts of one business date */
export const shiftList = createResource((date: string) => call('shift.list', { date }), '');

/** the daily receipts report of one business date */
export const dailyReport = createResource((date: string) => call('report.daily', { date }), '');
