import type { ReactNode } from 'react';

export interface AlertProps {
  tone?: 'danger' | 'success' | 'info' | 'warning';
  title?: ReactNode;
  children: ReactNode;
  testId?: string;
  actions?: ReactNode;
}

/** errors are announced at once (role=alert); other notes politely (role=status) */
export function Alert({ tone = 'info', title, children, testId, actions }: AlertProps) {
  return (
    <div className={`alert tone-${tone}`} role={tone === 'danger' ? 'alert' : 'status'} data-testid={testId}>
      <div className="alert-body">
        {title ? <strong>{title}</strong> : null}
        {children}
      </div>
      {actions}
    </div>
  );
}
