import { useEffect, useRef } from 'react';
import { createScanDetector, isEditable, isScanCapture, type ScanOptions } from './scanner';

export interface UseScannerOptions extends ScanOptions {
  enabled?: boolean;
  /**
   * Checks a burst typed into a `data-scan-capture` field before it counts as a scan (there the
   * digits already landed in the field, so only a code that is surely a scan may take over —
   * e.g. an IDPEL with a valid check digit). Bursts outside any text field need no such check.
   */
  acceptInField?: (code: string) => boolean;
}

/**
 * Catch a scanned code wherever the focus is (a button, the table, nothing, or a field marked
 * `data-scan-capture`) and hand it over. Keys typed into any other text field stay that field's:
 * a search box is not hijacked. The Enter that ends a scan goes nowhere else — it must not also
 * press the focused button or submit the focused form.
 */
export function useScanner(onScan: (code: string) => void, options?: UseScannerOptions): void {
  const handler = useRef(onScan);
  handler.current = onScan;
  const accept = useRef(options?.acceptInField);
  accept.current = options?.acceptInField;
  const enabled = options?.enabled ?? true;
  const minLength = options?.minLength;
  const maxGapMs = options?.maxGapMs;
  useEffect(() => {
    if (!enabled) return;
    const detector = createScanDetector({ ...(minLength ? { minLength } : {}), ...(maxGapMs ? { maxGapMs } : {}) });
    const onKey = (e: KeyboardEvent) => {
      const active = document.activeElement;
      const inField = isEditable(active);
      if (e.ctrlKey || e.altKey || e.metaKey || (inField && !isScanCapture(active))) {
        detector.reset();
        return;
      }
      const code = detector.key(e.key, e.timeStamp);
      if (!code) return;
      if (inField && !(accept.current?.(code) ?? false)) return;
      e.preventDefault();
      e.stopPropagation();
      handler.current(code);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [enabled, minLength, maxGapMs]);
}
