// The rules of the cash desk as plain functions: which bills are chosen, what the payer owes,
// what the quick-cash buttons offer and when a payment needs a second look. No React, no API:
// the desk store and the tests use the same functions.
import type { OpenBill } from '../../shared/contract';

export interface ProofFile {
  fileName: string;
  mime: string;
  size: number;
  base64: string;
}

export interface Selection {
  count: number;
  principal: number;
  fine: number;
  total: number;
}

/** the desk starts with the oldest open bill chosen: the one the backend takes first */
export function defaultSelection(bills: readonly OpenBill[]): string[] {
  const oldest = bills[0];
  return oldest ? [oldest.billId] : [];
}

/** keep the chosen ids in the bills' own order (oldest first), whatever order they were picked in */
function inOrder(bills: readonly OpenBill[], ids: ReadonlySet<string>): string[] {
  return bills.filter((b) => ids.has(b.billId)).map((b) => b.billId);
}

/**
 * Tick or untick one bill. Unless the office allows skipping, the choice is always the k oldest
 * bills (the backend refuses anything else with SKIP_OLDER): ticking a newer bill ticks every
 * older one too, unticking a bill unticks every newer one.
 */
export function toggleBill(bills: readonly OpenBill[], selected: readonly string[], billId: string, allowSkip: boolean): string[] {
  const index = bills.findIndex((b) => b.billId === billId);
  if (index < 0) return [...selected];
  const isChosen = selected.includes(billId);
  if (allowSkip) {
    const next = new Set(selected);
    if (isChosen) next.delete(billId);
    else next.add(billId);
    return inOrder(bills, next);
  }
  return bills.slice(0, isChosen ? index : index + 1).map((b) => b.billId);
}

/** one more month: the oldest bill not chosen yet */
export function extendSelection(bills: readonly OpenBill[], selected: readonly string[]): string[] {
  const next = bills.find((b) => !selected.includes(b.billId));
  return next ? inOrder(bills, new Set([...selected, next.billId])) : [...selected];
}

/** one month less: the newest chosen bill goes */
export function shrinkSelection(bills: readonly OpenBill[], selected: readonly string[]): string[] {
  const ordered = inOrder(bills, new Set(selected));
  return ordered.slice(0, -1);
}

/** every open bill (the payer clears all arrears) */
export function selectAll(bills: readonly OpenBill[]): string[] {
  return bills.map((b) => b.billId);
}

/** an older bill left out while a newer one is paid (only possible where the office allows it) */
export function skippedOlder(bills: readonly OpenBill[], selected: readonly string[]): OpenBill | null {
  let newest = -1;
  bills.forEach((b, i) => {
    if (selected.includes(b.billId)) newest = i;
  });
  return bills.slice(0, Math.max(0, newest)).find((b) => !selected.includes(b.billId)) ?? null;
}

export function selectionTotals(bills: readonly OpenBill[], selected: readonly string[]): Selection {
  let principal = 0;
  let fine = 0;
  let count = 0;
  for (const b of bills) {
    if (!selected.includes(b.billId)) continue;
    principal += b.principal;
    fine += b.fine;
    count++;
  }
  return { count, principal, fine, total: principal + fine };
}

/** what the clerk typed as cash received: digits only ("433.500", "Rp 433500" → 433500); '' → null */
export function parseRupiahInput(text: string): number | null {
  const digits = text.replace(/\D/g, '');
  if (digits === '') return null;
  const value = Number(digits.slice(0, 13));
  return Number.isSafeInteger(value) ? value : null;
}

/** the typed amount shown with Indonesian grouping while typing: 433500 → "433.500" */
export function formatRupiahInput(value: number | null): string {
  if (value === null) return '';
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

const ROUND_STEPS = [5_000, 10_000, 20_000, 50_000, 100_000] as const;

const ceilTo = (value: number, step: number) => Math.ceil(value / step) * step;

/**
 * The quick-cash buttons after "Uang pas": the banknote sums a payer is likely to hand over
 * (the total rounded up to Rp 5.000, 10.000, 50.000, 100.000 …), at most `max`, smallest first.
 */
export function quickCash(total: number, max = 4): number[] {
  if (total <= 0) return [];
  const out = new Set<number>();
  for (const step of ROUND_STEPS) out.add(ceilTo(total, step));
  out.add(ceilTo(total, 100_000) + 100_000);
  for (const note of [50_000, 100_000]) out.add(note);
  return [...out]
    .filter((v) => v > total)
    .sort((a, b) => a - b)
    .slice(0, max);
}

export type ConfirmReason = 'largeChange' | 'skipOlder';

/**
 * When a payment deserves a second look before it is recorded: change larger than the bill and
 * over Rp 100.000 (an extra zero typed), or an older month left open (where that is allowed).
 */
export function confirmReasons(input: { total: number; tendered: number; skipped: OpenBill | null }): ConfirmReason[] {
  const reasons: ConfirmReason[] = [];
  const change = input.tendered - input.total;
  if (change > Math.max(100_000, input.total)) reasons.push('largeChange');
  if (input.skipped) reasons.push('skipOlder');
  return reasons;
}

const PROOF_TYPES: Record<string, number[]> = {
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/png': [0x89, 0x50, 0x4e, 0x47],
  'application/pdf': [0x25, 0x50, 0x44, 0x46],
};

/** the backend checks the same: the declared type against the first bytes, and the size */
export type ProofCheck = { ok: true; proof: ProofFile } | { ok: false; reason: 'type' | 'size' | 'empty' | 'content' };

/** the proof file as the backend will check it: JPG, PNG or PDF by its first bytes, within the size limit */
export function checkProofBytes(fileName: string, mime: string, bytes: Uint8Array, maxBytes: number): ProofCheck {
  const signature = PROOF_TYPES[mime];
  if (!signature) return { ok: false, reason: 'type' };
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  if (bytes.length > maxBytes) return { ok: false, reason: 'size' };
  if (!signature.every((b, i) => bytes[i] === b)) return { ok: false, reason: 'content' };
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { ok: true, proof: { fileName: fileName.slice(0, 120) || 'bukti', mime, size: bytes.length, base64: btoa(binary) } };
}

