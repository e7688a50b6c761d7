// Kiosk area state: the bills of the IDPEL the visitor scanned or typed.
import { call } from '../api';
import { createResource } from '../lib/resource';

export const kioskInquiry = createResource((idpel: string) => call('inquiry.idpel', { idpel }), '');

/** a kiosk left alone goes back to its start screen: the next visitor must not see the last one's bills */
export const KIOSK_IDLE_MS = 90_000;
