import { formatRupiah } from '../../shared/money';

/** an integer rupiah amount, never broken across lines */
export function Money({ value, testId }: { value: number; testId?: string }) {
  return (
    <span className="money" data-testid={testId}>
      {formatRupiah(value)}
    </span>
  );
}
