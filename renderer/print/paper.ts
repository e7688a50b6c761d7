// The papers a document can be printed on. A4 for SKRD, STRD and reports; thermal rolls
// (58 mm and 80 mm) for receipts and bill slips. Pure data and CSS text: no DOM here.

export type Paper = 'a4' | '80mm' | '58mm';

export const PAPERS_ALL: readonly Paper[] = ['a4', '80mm', '58mm'];

export interface PaperSpec {
  label: string;
  widthMm: number;
  /** null for a roll: its length follows the content */
  heightMm: number | null;
  /** page margins in mm: top right bottom left */
  marginMm: readonly [number, number, number, number];
  /** the width the printer can actually print on (a 58 mm head prints about 48 mm) */
  printableMm: number;
  /** narrowest bar of the Code 128: a whole number of printer dots (203 dpi: 0.125 mm a dot) */
  barModuleMm: number;
  /** side of the QR code including its quiet zone */
  qrMm: number;
}

export const PAPERS: Readonly<Record<Paper, PaperSpec>> = {
  // the left margin is wider: A4 letters are filed and bound on the left
  a4: { label: 'A4', widthMm: 210, heightMm: 297, marginMm: [10, 15, 10, 20], printableMm: 175, barModuleMm: 0.33, qrMm: 24 },
  '80mm': { label: 'Struk 80 mm', widthMm: 80, heightMm: null, marginMm: [3, 4, 6, 4], printableMm: 72, barModuleMm: 0.375, qrMm: 22 },
  '58mm': { label: 'Struk 58 mm', widthMm: 58, heightMm: null, marginMm: [3, 5, 6, 5], printableMm: 48, barModuleMm: 0.25, qrMm: 20 },
};

/** the Electron shell's names for the same papers (main/electron/printing.ts PaperKind) */
export const SHELL_PAPER = { a4: 'a4', '80mm': 'thermal80', '58mm': 'thermal58' } as const satisfies Record<Paper, string>;

/**
 * Roll page length: the content's height plus room for the cutter, within limits — the same
 * rule as the Electron shell's pageSizeMm (main/electron/printing.ts), so a page size given by
 * the shell and the one in the CSS agree. 297 mm (the usual "80 × 297" driver setting) when the
 * content has not been measured.
 */
export const ROLL = { feedMm: 8, minMm: 50, maxMm: 3000, defaultMm: 297 } as const;

/** CSS pixels (1/96 inch) of measured content → the roll page length in whole mm */
export function rollLengthMm(contentHeightPx: number): number {
  if (!Number.isFinite(contentHeightPx) || contentHeightPx <= 0) return ROLL.defaultMm;
  const wanted = Math.ceil((contentHeightPx * 25.4) / 96 + ROLL.feedMm);
  return Math.min(ROLL.maxMm, Math.max(ROLL.minMm, wanted));
}

export function isPaper(value: unknown): value is Paper {
  return typeof value === 'string' && (PAPERS_ALL as readonly string[]).includes(value);
}

export function isRoll(paper: Paper): boolean {
  return PAPERS[paper].heightMm === null;
}

/**
 * The @page rule for a paper; one per document, so it is written when the paper is chosen. A
 * roll's length is the measured one (rollLengthMm) when known: a page exactly as long as the
 * slip, so nothing is scaled to fit and no blank paper follows.
 */
export function pageCss(paper: Paper, rollLength?: number): string {
  const spec = PAPERS[paper];
  const [top, right, bottom, left] = spec.marginMm;
  // a roll gets no page margins: the content pads itself, so a driver's own margins do not add up
  if (spec.heightMm === null) {
    const length = rollLength !== undefined && Number.isFinite(rollLength) ? Math.min(ROLL.maxMm, Math.max(ROLL.minMm, Math.ceil(rollLength))) : ROLL.defaultMm;
    return `@page { size: ${spec.widthMm}mm ${length}mm; margin: 0; }`;
  }
  return `@page { size: ${spec.widthMm}mm ${spec.heightMm}mm; margin: ${top}mm ${right}mm ${bottom}mm ${left}mm; }`;
}
