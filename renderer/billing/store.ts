// Billing area state: the bill-run history and the arrears list with its filters.
import type { ArrearsRow } from '../../shared/contract';
import { call } from '../api';
import { createResource } from '../lib/resource';

export const runHistory = createResource(() => call('billing.runs', {}), undefined);

export interface ArrearsFilter {
  levyKind: '' | ArrearsRow['levyKind'];
  blockId: string;
  marketId: string;
  bucket: '' | ArrearsRow['bucket'];
}

export const NO_FILTER: ArrearsFilter = { levyKind: '', blockId: '', marketId: '', bucket: '' };

/** the filter as the contract takes it: empty choices left out */
export function arrearsInput(f: ArrearsFilter) {
  return {
    ...(f.levyKind ? { levyKind: f.levyKind } : {}),
    ...(f.blockId ? { blockId: f.blockId } : {}),
    ...(f.marketId ? { marketId: f.marketId } : {}),
    ...(f.bucket ? { bucket: f.bucket } : {}),
  };
}

export const arrears = createResource((f: ArrearsFilter) => call('arrears.list', arrearsInput(f)), NO_FILTER);
