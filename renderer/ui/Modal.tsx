import { useEffect, useRef, type ReactNode } from 'react';
import { useT } from '../i18n';

export interface ModalProps {
  open: boolean;
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  wide?: boolean;
  testId?: string;
}

/**
 * A native modal <dialog>: the browser keeps focus inside, makes the page behind inert, and
 * turns Esc into a cancel event that we route to onClose.
 */
export function Modal({ open, title, onClose, children, footer, wide = false, testId }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const t = useT();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  if (!open) return null;
  return (
    <dialog
      ref={ref}
      className={wide ? 'modal wide' : 'modal'}
      data-testid={testId}
      aria-labelledby={testId ? `${testId}-title` : undefined}
      onCancel={(e) => {
        e.preventDefault(); // Esc: let the owner decide (it may be saving)
        onClose();
      }}
    >
      <div className="modal-head">
        <h2 id={testId ? `${testId}-title` : undefined}>{title}</h2>
        <button type="button" className="icon-btn" aria-label={t('common.close')} onClick={onClose}>
          ×
        </button>
      </div>
      <div className="modal-body">{children}</div>
      {footer ? <div className="modal-foot">{footer}</div> : null}
    </dialog>
  );
}
