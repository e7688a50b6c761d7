// Counter area state: today's figures for "Loket — hari ini" and the bills of the IDPEL asked for.
import { call } from '../api';
import { createResource } from '../lib/resource';

export const counterToday = createResource(() => call('dashboard.counterToday', {}), undefined);

/** the counter screen refreshes itself this often */
export const COUNTER_REFRESH_MS = 60_000;

/** the open bills of one IDPEL (the query is the checked IDPEL; '' = nothing asked yet) */
export const inquiry = createResource((idpel: string) => call('inquiry.idpel', { idpel }), '');
