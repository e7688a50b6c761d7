// What the counter screens need to know about receipts without loading the printed layouts
// (those pull in the QR library and react-dom/server, loaded only when a receipt is drawn).
import type { Receipt } from '../../shared/contract/counter';
import type { Paper } from './paper';

/** receipts print on every paper; the counter's roll first */
export const RECEIPT_PAPERS: readonly Paper[] = ['80mm', '58mm', 'a4'];

/**
 * Side of the QR code image, its quiet zone included: the symbol itself stays at least 25 mm on
 * a roll (a ~230-character signed string is a version 11 code, 61 modules + 8 of quiet zone), so a
 * phone reads it off a 203 dpi thermal print.
 */
export const RECEIPT_QR_MM: Readonly<Record<Paper, number>> = { '58mm': 29, '80mm': 32, a4: 32 };

/** the big word on a receipt that is not (or not yet) a valid proof of payment */
export function receiptStamp(status: Receipt['status']): string | null {
  if (status === 'dibatalkan') return 'DIBATALKAN';
  if (status === 'menunggu_verifikasi') return 'MENUNGGU VERIFIKASI';
  if (status === 'ditolak') return 'TRANSFER DITOLAK';
  return null;
}

/** copyNo counts every print of this receipt, 1 = the original; the first reprint is SALINAN ke-1 */
export function copyLabel(copyNo: number): string | null {
  return copyNo > 1 ? `SALINAN ke-${copyNo - 1}` : null;
}

/** the closing report prints on the counter's roll or on A4 */
export const CLOSING_PAPERS: readonly Paper[] = ['80mm', 'a4'];
