import { useEffect, type ReactNode } from 'react';
import { roleLabels, type Role } from '../../shared/roles';
import { AuditScreen } from '../backoffice/AuditScreen';
import { LabCatalogScreen } from '../backoffice/LabCatalogScreen';
import { OverviewScreen } from '../backoffice/OverviewScreen';
import { StallsScreen } from '../backoffice/StallsScreen';
import { UnitsScreen } from '../backoffice/UnitsScreen';
import { UsersScreen } from '../backoffice/UsersScreen';
import { CounterHome } from '../counter/CounterHome';
import { useLang, useT } from '../i18n';
import { KioskScreen } from '../kiosk/KioskScreen';
import { useSession } from '../session/store';
import { Alert, ErrorBoundary } from '../ui';
import { Header } from './Header';
import { Nav } from './Nav';
import { navigate, useRoute } from './router';
import { canOpen, homeFor, type RouteId } from './routes';
import './shell.css';

const SCREENS: Record<RouteId, () => ReactNode> = {
  counter: () => <CounterHome />,
  overview: () => <OverviewScreen />,
  units: () => <UnitsScreen />,
  stalls: () => <StallsScreen />,
  lab: () => <LabCatalogScreen />,
  users: () => <UsersScreen />,
  audit: () => <AuditScreen />,
};

function NoAccess({ role }: { role: Role }) {
  const t = useT();
  const lang = useLang();
  return (
    <div className="page">
      <Alert tone="warning" title={t('forbidden.title')} testId="no-access">
        {t('forbidden.body', { role: roleLabels[role][lang] })}
      </Alert>
    </div>
  );
}

export function AppShell() {
  const info = useSession((s) => s.info);
  const route = useRoute();
  const role = info?.user.role ?? null;
  const home = role ? homeFor(role) : null;
  const allowed = role !== null && route !== null && canOpen(role, route);

  // an address the role may not open (or none) lands on the role's home screen
  useEffect(() => {
    if (role && !allowed && home) navigate(home);
  }, [role, allowed, home]);

  if (!info || !role) return null;
  if (role === 'kiosk') {
    return (
      <div className="app no-nav">
        <Header />
        <main className="app-main">
          <ErrorBoundary>
            <KioskScreen />
          </ErrorBoundary>
        </main>
      </div>
    );
  }
  const screenId = allowed ? route : home;
  return (
    <div className="app">
      <Header />
      <Nav role={role} current={screenId} />
      <main className="app-main" id="main">
        <ErrorBoundary resetKey={screenId}>{screenId ? SCREENS[screenId]() : <NoAccess role={role} />}</ErrorBoundary>
      </main>
    </div>
  );
}
