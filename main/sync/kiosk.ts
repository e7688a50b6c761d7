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
import { callerOf, type Services } from '../api/context';
import { buildReceipt, recordReceiptPrint } from '../counter/receipts';

function requireClient(services: Services) {
  const client = services.sync.client();
  if (!client) throw new AppError('BAD_REQUEST', { detail: 'terminal ini belum terdaftar di server pusat; pembayaran QRIS tidak tersedia' });
  return client;
}

function centralFailure(err: unknown, what = 'QRIS tidak dapat dibuat'): AppError {
  if (err instanceof AppError) return err;
  const detail = err instanceof CentralError ? err.message : String(err);
  return new AppError('BAD_REQUEST', { detail: `${what}: ${detail}` });
}

/** how long after paying a visitor may print the receipt at the kiosk; later, a copy at the counter */
export const KIOSK_RECEIPT_MINUTES = 30;

function toKiosk(services: Services, q: Qris): KioskQris {
  const local = services.store.get<{ id: string; receipt_no: string }>('SELECT p.id, p.receipt_no FROM payments p WHERE p.ntb = ?', [q.ntb ?? '\u0000']);
  return {
    qrisId: q.qrisId, billId: q.billId, idpel: q.idpel, principal: q.principal, fine: q.fine, amount: q.amount, payload: q.payload, status: q.status, expiresAt: q.expiresAt,
    paymentId: local?.id ?? null, receiptNo: local?.receipt_no ?? null,
  };
}

export const kioskHandlers: HandlersFor<'kiosk.qris.create' | 'kiosk.qris.status' | 'kiosk.receipt'> = {
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

  // The kiosk may not read receipts (receipt.get is for staff): it gets the one receipt of the
  // QRIS it has just shown — the centre says which payment that is — printed once, and only
  // shortly after paying, so the kiosk cannot be used to look up or reprint other payments.
  'kiosk.receipt': async (ctx, input) => {
    const { services } = ctx;
    const client = requireClient(services);
    let paymentId: string | null;
    try {
      const q = await client.getQris(input.qrisId);
      if (q.status !== 'paid') throw new AppError('CONFLICT', { detail: 'QRIS ini belum dibayar; struk dicetak setelah pembayaran berhasil' });
      paymentId = toKiosk(services, q).paymentId;
      if (!paymentId) {
        await pullGateway(services, client);
        paymentId = toKiosk(services, q).paymentId;
      }
    } catch (err) {
      throw centralFailure(err, 'Struk tidak dapat diambil');
    }
    if (!paymentId) throw new AppError('CONFLICT', { detail: 'Pembayaran belum sampai di terminal ini; coba lagi sebentar lagi' });
    const id = paymentId;
    services.store.write((tx) => {
      const paid = tx.get<{ paid_at: string }>('SELECT paid_at FROM payments WHERE id = ?', [id]);
      if (!paid) throw new AppError('NOT_FOUND', { what: 'Pembayaran' });
      if (services.now().getTime() - new Date(paid.paid_at).getTime() > KIOSK_RECEIPT_MINUTES * 60_000) {
        throw new AppError('CONFLICT', { detail: `Struk hanya dapat dicetak di kios ${KIOSK_RECEIPT_MINUTES} menit setelah membayar; minta salinan di loket` });
      }
      // the kiosk prints only the original; a second print (rolled back here) is a copy at the counter
      if (recordReceiptPrint(tx, { id: services.newId(), paymentId: id, paper: input.paper, by: callerOf(ctx).user.id, at: services.now().toISOString() }) > 1) {
        throw new AppError('CONFLICT', { detail: 'Struk pembayaran ini sudah dicetak; minta salinan di loket' });
      }
    });
    return { receipt: buildReceipt(services.store, id), copyNo: 1 };
  },
};
