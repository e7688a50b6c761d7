import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { roleLabels, type Role } from '../../shared/roles';
import { AuditScreen } from '../backoffice/AuditScreen';
import { ArrearsScreen } from '../billing/ArrearsScreen';
import { BillDetailScreen } from '../billing/BillDetailScreen';
import { BillRunsScreen } from '../billing/BillRunsScreen';
import { BillSearchScreen } from '../billing/BillSearchScreen';
import { ContractsScreen } from '../master/ContractsScreen';
import { LabOrdersScreen } from '../master/LabOrdersScreen';
import { LeviesScreen } from '../master/LeviesScreen';
import { PayersScreen } from '../master/PayersScreen';
import { PermitsScreen } from '../master/PermitsScreen';
import { LabCatalogScreen } from '../backoffice/LabCatalogScreen';
import { OverviewScreen } from '../backoffice/OverviewScreen';
import { StallsScreen } from '../backoffice/StallsScreen';
import { UnitsScreen } from '../backoffice/UnitsScreen';
import { UsersScreen } from '../backoffice/UsersScreen';
import { CounterHome } from '../counter/CounterHome';
import { DailyReportScreen } from '../counter/DailyReportScreen';
import { PaymentsScreen } from '../counter/PaymentsScreen';
import { ShiftsScreen } from '../counter/ShiftsScreen';
import { TransfersScreen } from '../counter/TransfersScreen';
import { VoidsScreen } from '../counter/VoidsScreen';
import { useLang, useT } from '../i18n';
import { KioskScreen } from '../kiosk/KioskScreen';
import { SyncScreen } from '../sync/SyncScreen';
import { useSession } from '../session/store';
import { Alert, ErrorBoundary } from '../ui';
import { Header } from './Header';
import { Nav } from './Nav';
import { navigate, useRoute, useRouteParams } from './router';
import { canOpen, homeFor, type RouteId } from './routes';
import './shell.css';

// the printed documents carry the barcode library: loaded when a print preview is opened
const PrintScreen = lazy(() => import('../billing/PrintScreen'));

function Lazy({ children }: { children: ReactNode }) {
  const t = useT();
  return <Suspense fallback={<div className="skeleton">{t('app.loading')}</div>}>{children}</Suspense>;
}

const SCREENS: Record<RouteId, () => ReactNode> = {
  counter: () => <CounterHome />,
  counterPayments: () => <PaymentsScreen />,
  counterShifts: () => <ShiftsScreen />,
  counterVoids: () => <VoidsScreen />,
  counterTransfers: () => <TransfersScreen />,
  dailyReport: () => <DailyReportScreen />,
  overview: () => <OverviewScreen />,
  units: () => <UnitsScreen />,
  stalls: () => <StallsScreen />,
  lab: () => <LabCatalogScreen />,
  levies: () => <LeviesScreen />,
  contracts: () => <ContractsScreen />,
  permits: () => <PermitsScreen />,
  labOrders: () => <LabOrdersScreen />,
  payers: () => <PayersScreen />,
  billSearch: () => <BillSearchScreen />,
  billRuns: () => <BillRunsScreen />,
  arrears: () => <ArrearsScreen />,
  bill: () => <BillDetailScreen />,
  print: () => (
    <Lazy>
      <PrintScreen />
    </Lazy>
  ),
  users: () => <UsersScreen />,
  audit: () => <AuditScreen />,
  sync: () => <SyncScreen />,
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
  const params = useRouteParams();
  const role = info?.user.role ?? null;
  const home = role ? homeFor(role) : null;
  const allowed = role !== null && route !== null && canOpen(role, route);

  // a new screen (or another bill) starts at its top, not where the last one was scrolled to
  useEffect(() => {
    document.getElementById('main')?.scrollTo(0, 0);
  }, [route, params]);

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
