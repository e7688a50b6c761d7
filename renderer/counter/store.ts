// Counter area state: today's figures for the "Loket — hari ini" screen.
import { call } from '../api';
import { createResource } from '../lib/resource';

export const counterToday = createResource(() => call('dashboard.counterToday', {}), undefined);

/** the counter screen refreshes itself this often */
export const COUNTER_REFRESH_MS = 60_000;
