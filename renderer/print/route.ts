// The address of a print preview: #/cetak/<skrd|strd>/<billId>[/<paper>], e.g.
// #/cetak/strd/01J…Z or #/cetak/skrd/01J…Z/80mm. Pure and light (no documents, no barcode
// library), for the shell's router.
import { isDocumentKind, type DocumentKind } from './kinds';
import { isPaper, type Paper } from './paper';

export interface PrintRoute {
  kind: DocumentKind;
  billId: string;
  paper?: Paper;
}

export const PRINT_PATH = 'cetak';

export function printRoute(route: PrintRoute): string {
  return `#/${PRINT_PATH}/${route.kind}/${encodeURIComponent(route.billId)}${route.paper ? `/${route.paper}` : ''}`;
}

/** the print preview named by an address fragment, or null when it names none */
export function parsePrintRoute(hash: string): PrintRoute | null {
  const parts = hash.replace(/^#\/?/, '').replace(/\/+$/, '').split('/');
  if (parts[0] !== PRINT_PATH || parts.length < 3 || parts.length > 4) return null;
  const [, kind, rawId, paper] = parts;
  if (!isDocumentKind(kind) || !rawId) return null;
  let billId: string;
  try {
    billId = decodeURIComponent(rawId);
  } catch {
    return null;
  }
  // the contract's idText: 1–64 characters
  if (billId.length === 0 || billId.length > 64) return null;
  if (paper === undefined) return { kind, billId };
  return isPaper(paper) ? { kind, billId, paper } : null;
}
