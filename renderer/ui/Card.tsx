import type { HTMLAttributes, ReactNode } from 'react';

export interface CardProps extends Omit<HTMLAttributes<HTMLElement>, 'title'> {
  title?: ReactNode;
  /** buttons or badges at the right of the title */
  actions?: ReactNode;
  /** no padding around the body (tables run edge to edge) */
  flush?: boolean;
  children: ReactNode;
}

export function Card({ title, actions, flush = false, className, children, ...rest }: CardProps) {
  return (
    <section className={['card', className ?? ''].join(' ').trim()} {...rest}>
      {title || actions ? (
        <header className="card-head">
          {title ? <h2>{title}</h2> : null}
          <span className="spacer" />
          {actions}
        </header>
      ) : null}
      <div className={flush ? 'card-body flush' : 'card-body'}>{children}</div>
    </section>
  );
}
