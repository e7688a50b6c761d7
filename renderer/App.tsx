import { useEffect, useState } from 'react';
import { call } from './api';
import { isClientError } from './api/client';
import { useT } from './i18n';
import { LoginScreen } from './login/LoginScreen';
import { resetAllResources } from './lib/resource';
import { sessionStore, useSession } from './session/store';
import { listenToHash } from './shell/router';
import { AppShell } from './shell/AppShell';
import { Toasts } from './ui';

/** a token kept from before a reload is checked once with auth.me before it is trusted */
function useVerifiedSession(): boolean {
  const [checking, setChecking] = useState(() => sessionStore.getState().info !== null);
  useEffect(() => {
    if (!checking) return;
    call('auth.me', {})
      .then((me) => sessionStore.getState().refresh(me))
      .catch((err: unknown) => {
        // NOT_AUTHENTICATED already signed out (with its notice); anything else: keep the
        // session and let the screens show the error (e.g. the backend is restarting)
        if (!isClientError(err)) throw err;
      })
      .finally(() => setChecking(false));
  }, [checking]);
  return checking;
}

export function App() {
  const t = useT();
  const hasSession = useSession((s) => s.info !== null);
  const checking = useVerifiedSession();

  useEffect(() => listenToHash(), []);
  // the next person at this counter must not see the previous person's data
  useEffect(
    () =>
      sessionStore.subscribe((s, prev) => {
        if (prev.info && !s.info) resetAllResources();
      }),
    [],
  );

  return (
    <>
      {checking ? <div className="skeleton">{t('app.loading')}</div> : hasSession ? <AppShell /> : <LoginScreen />}
      <Toasts />
    </>
  );
}
