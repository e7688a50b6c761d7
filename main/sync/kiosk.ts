// The kiosk's QRIS: made by the centre for the oldest open bill, paid through the bank, and
// pulled back here so the bill closes and a receipt exists.
import { AppError } from '../../shared/errors';
import type { HandlersFor } from '../api/context';
import { businessDate } from '../../shared/time';
import type { KioskQris } from '../../shared/contract/sync';
import type { Qris } from '../../shared/central-api/types';
import { CentralError } from './http';
import { pullGateway, pushOutbox } from './engine';
import { openBillsOfIdpel } from '../billing/due';
import { requireIdpel } from '../billing/inquiry';
import type { Services } from '../api/context';

function requireClient(services: Services) {
  const client = services.sync.client();
  if (!client) throw new AppError('BAD_REQUEST', { detail: 'terminal ini belum terdaftar di server pusat; pembayaran QRIS tidak tersedia' });
  return client;
}

function centralFailure(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const detail = err instanceof CentralError ? err.message : String(err);
  return new AppError('BAD_REQUEST', { detail: `QRIS tidak dapat dibuat: ${detail}` });
}

function toKiosk(services: Services, q: Qris): KioskQris {
  const local = services.store.get<{ id: string; receipt_no: string }>('SELECT p.id, p.receipt_no FROM payments p WHERE p.ntb = ?', [q.ntb ?? '\u0000']);
  return {
    qrisId: q.qrisId, billId: q.billId, idpel: q.idpel, principal: q.principal, fine: q.fine, amount: q.amount, payload: q.payload, status: q.status, expiresAt: q.expiresAt,
    paymentId: local?.id ?? null, receiptNo: local?.receipt_no ?? null,
  };
}

export const kioskHandlers: HandlersFor<'kiosk.qris.create' | 'kiosk.qris.status'> = {
  'kiosk.qris.create': async ({ services }, input) => {
    const client = requireClient(services);
    const object = requireIdpel(services.store, input.idpel);
    const open = openBillsOfIdpel(services.store, object.idpel, businessDate(services.now()));
    // the oldest bill first, as at the counter
    if (open[0]?.billId !== input.billId) throw new AppError('SKIP_OLDER', { period: open[0]?.period ?? '-' });
    try {
      // the centre must know the bill before it can make its QRIS
      await pushOutbox(services, client);
      return toKiosk(services, await client.createQris(input.billId));
    } catch (err) {
      throw centralFailure(err);
    }
  },
  'kiosk.qris.status': async ({ services }, input) => {
    const client = requireClient(services);
    try {
      const q = await client.getQris(input.qrisId);
      if (q.status === 'paid') await pullGateway(services, client);
      return toKiosk(services, q);
    } catch (err) {
      throw centralFailure(err);
    }
  },
};
