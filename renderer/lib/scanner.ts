// A barcode scanner is a keyboard that types the IDPEL very fast and presses Enter. This tells
// such a burst from a person typing: every digit follows the previous one within a few tens of
// milliseconds, and Enter ends it. Pure: the caller passes each key and its time.

export interface ScanOptions {
  /** shortest code that counts as a scan (an IDPEL starts with the 10-digit kode retribusi) */
  minLength?: number;
  /** longest pause between two keys of one scan, in ms (scanners type every 5–30 ms; people ≥ 80) */
  maxGapMs?: number;
}

export interface ScanDetector {
  /** feed one key; returns the scanned code when this key (Enter) completes a scan */
  key(key: string, timeMs: number): string | null;
  reset(): void;
}

export function createScanDetector({ minLength = 10, maxGapMs = 50 }: ScanOptions = {}): ScanDetector {
  let buffer = '';
  let last = -Infinity;
  const reset = () => {
    buffer = '';
    last = -Infinity;
  };
  return {
    key(key, timeMs) {
      const gap = timeMs - last;
      if (/^[0-9]$/.test(key)) {
        buffer = gap <= maxGapMs ? buffer + key : key; // a slow key starts a new candidate
        last = timeMs;
        return null;
      }
      if (key === 'Enter') {
        const code = buffer.length >= minLength && gap <= maxGapMs ? buffer : null;
        reset();
        return code;
      }
      if (key !== 'Shift') reset(); // modifiers some scanners send before digits are harmless
      return null;
    },
    reset,
  };
}

/** where typed keys already have a home: the scanner listener leaves those alone */
export function isEditable(el: Element | null): boolean {
  if (!el) return false;
  const tag = el.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (el as HTMLInputElement).type;
    return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file', 'image'].includes(type);
  }
  return (el as HTMLElement).isContentEditable === true;
}

/**
 * A text field marked `data-scan-capture` (the IDPEL box, the cash field of the counter) still
 * hands a scan over: a scanner aimed at the counter while the clerk's cursor sits in the cash
 * field must start the next payer, not type seventeen digits as the amount received.
 */
export function isScanCapture(el: Element | null): boolean {
  return el !== null && el.hasAttribute('data-scan-capture');
}
