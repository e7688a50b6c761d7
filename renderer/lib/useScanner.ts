import { useEffect, useRef } from 'react';
import { createScanDetector, isEditable, type ScanOptions } from './scanner';

/**
 * Catch a scanned code wherever the focus is (a button, the table, nothing) and hand it over.
 * Keys typed into another text field stay that field's: a search box is not hijacked.
 */
export function useScanner(onScan: (code: string) => void, options?: ScanOptions & { enabled?: boolean }): void {
  const handler = useRef(onScan);
  handler.current = onScan;
  const enabled = options?.enabled ?? true;
  const minLength = options?.minLength;
  const maxGapMs = options?.maxGapMs;
  useEffect(() => {
    if (!enabled) return;
    const detector = createScanDetector({ ...(minLength ? { minLength } : {}), ...(maxGapMs ? { maxGapMs } : {}) });
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.altKey || e.metaKey || isEditable(document.activeElement)) {
        detector.reset();
        return;
      }
      const code = detector.key(e.key, e.timeStamp);
      if (code) {
        e.preventDefault(); // the Enter must not also press the focused button
        handler.current(code);
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [enabled, minLength, maxGapMs]);
}
