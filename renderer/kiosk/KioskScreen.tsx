// The kiosk role's start screen. The contract has no kiosk operation yet (bill inquiry by
// IDPEL, QRIS payment), so the screen says plainly that kiosk mode is not enabled rather
// than offering an input that cannot do anything.
import { useT } from '../i18n';
import './kiosk.css';

export function KioskScreen() {
  const t = useT();
  return (
    <div className="kiosk" data-testid="kiosk-screen">
      <div className="kiosk-card">
        <h1>{t('kiosk.title')}</h1>
        <p className="kiosk-message" role="status" data-testid="kiosk-not-active">
          {t('kiosk.notActive')}
        </p>
        <p className="muted">{t('kiosk.notActiveHint')}</p>
      </div>
    </div>
  );
}
