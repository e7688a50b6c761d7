// The documents a bill prints as. Light on purpose: the shell's router imports this (through
// route.ts) without pulling in the documents, the barcode library or react-dom/server.

export type DocumentKind = 'skrd' | 'strd';

export const DOCUMENT_KINDS: readonly DocumentKind[] = ['skrd', 'strd'];

export function isDocumentKind(value: unknown): value is DocumentKind {
  return value === 'skrd' || value === 'strd';
}
