import { useT } from '../i18n';
import { toastStore, useToasts } from './toast';

/** the feedback area: announced politely, each message closable and gone after a few seconds */
export function Toasts() {
  const items = useToasts();
  const t = useT();
  return (
    <div className="toasts" aria-live="polite" data-testid="toasts">
      {items.map((item) => (
        <div key={item.id} className={`toast tone-${item.tone}`} role={item.tone === 'danger' ? 'alert' : 'status'}>
          <span style={{ flex: 1 }}>{item.text}</span>
          <button type="button" className="icon-btn" aria-label={t('common.close')} onClick={() => toastStore.getState().dismiss(item.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
