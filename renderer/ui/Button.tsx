import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { useT } from '../i18n';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: 'md' | 'sm';
  block?: boolean;
  /** shows a spinner and disables the button: one click, one request */
  busy?: boolean;
  children: ReactNode;
}

export function Button({ variant = 'primary', size = 'md', block = false, busy = false, disabled, className, children, type, ...rest }: ButtonProps) {
  const classes = ['btn', `btn-${variant}`, size === 'sm' ? 'btn-sm' : '', block ? 'btn-block' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <button type={type ?? 'button'} className={classes} disabled={disabled || busy} aria-busy={busy || undefined} {...rest}>
      {busy ? <span className="spinner" aria-hidden="true" /> : null}
      {children}
    </button>
  );
}

/** the "Muat ulang" button of a screen's header: shows "Memuat…" and stays disabled while it loads */
export function RefreshButton({ loading, ...rest }: Omit<ButtonProps, 'children' | 'busy' | 'variant'> & { loading: boolean }) {
  const t = useT();
  return (
    <Button variant="secondary" busy={loading} {...rest}>
      {loading ? t('common.refreshing') : t('common.refresh')}
    </Button>
  );
}
