import type { ReactNode } from 'react';
import type { Tone } from './Badge';

export interface StatTileProps {
  label: ReactNode;
  value: ReactNode;
  sub?: ReactNode;
  tone?: Exclude<Tone, 'neutral'>;
  testId?: string;
}

export function StatTile({ label, value, sub, tone = 'primary', testId }: StatTileProps) {
  return (
    <div className={`stat tone-${tone}`} data-testid={testId}>
      <div className="label">{label}</div>
      <div className="value" data-testid={testId ? `${testId}-value` : undefined}>
        {value}
      </div>
      {sub ? <div className="sub">{sub}</div> : null}
    </div>
  );
}
