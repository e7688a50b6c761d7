import { useState } from 'react';
import { roleLabels } from '../../shared/roles';
import { call } from '../api';
import { useLang, useT } from '../i18n';
import { sessionStore, useSession } from '../session/store';
import { Badge, Button } from '../ui';
import { LanguageToggle } from './LanguageToggle';
import { StatusArea } from './StatusArea';

export function Header() {
  const t = useT();
  const lang = useLang();
  const info = useSession((s) => s.info);
  const [leaving, setLeaving] = useState(false);
  if (!info) return null;
  // a kiosk visitor must find no way out of the kiosk screen
  const isKiosk = info.user.role === 'kiosk';
  const logout = async () => {
    setLeaving(true);
    try {
      await call('auth.logout', {});
    } catch {
      // signing out locally is what matters; an expired session is already gone on the backend
    } finally {
      setLeaving(false);
      sessionStore.getState().signOut();
    }
  };
  return (
    <header className="app-header" data-testid="app-header">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          Rp
        </span>
        <div className="brand-text">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-office" data-testid="header-office" title={info.officeName}>
            {info.officeName}
          </span>
        </div>
      </div>
      <StatusArea />
      <span className="spacer" />
      <div className="header-meta">
        <span className="terminal" data-testid="header-terminal" title={t('shell.terminal')}>
          <span className="meta-label">{t('shell.terminal')}</span>
          <span className="mono">{info.terminalCode}</span>
        </span>
        <span className="user" data-testid="header-user">
          <span className="user-name" title={info.user.username}>
            {info.user.fullName}
          </span>
          <Badge tone="primary" testId="header-role">
            {roleLabels[info.user.role][lang]}
          </Badge>
        </span>
      </div>
      <LanguageToggle />
      {isKiosk ? null : (
        <Button variant="secondary" size="sm" className="logout" onClick={logout} busy={leaving} data-testid="logout">
          {leaving ? t('shell.loggingOut') : t('shell.logout')}
        </Button>
      )}
    </header>
  );
}
