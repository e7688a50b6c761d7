// The sync status in the header, for every role: online or offline against the centre, how
// many entries wait and since when, the last good sync (WIB), a spinner while a run goes; the
// rest (server, last error, rejected entries) in its tooltip. Staff open the sync screen from it.
import { useEffect } from 'react';
import { useLang, useT } from '../i18n';
import { formatTime } from '../lib/format';
import { useNow } from '../lib/useNow';
import { useSession } from '../session/store';
import { canOpen, hashFor } from '../shell/routes';
import { createSyncPoller, syncStatus } from './store';
import { formatAge, needsAttention, syncState, syncStateText, syncSummaryLines } from './status';
import './sync.css';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel'] as const;

/** polls sync.status while this is mounted (see SYNC_IDLE_PAUSE_MS for why staff polls pause) */
function useSyncPolling(keepAliveWhenIdle: boolean): void {
  useEffect(() => {
    const poller = createSyncPoller({
      load: () => syncStatus.load(),
      isRunning: () => syncStatus.store.getState().data?.running ?? false,
      now: () => Date.now(),
      keepAliveWhenIdle,
    });
    const onActivity = () => poller.activity();
    for (const e of ACTIVITY_EVENTS) window.addEventListener(e, onActivity, { capture: true, passive: true });
    poller.start();
    return () => {
      poller.stop();
      for (const e of ACTIVITY_EVENTS) window.removeEventListener(e, onActivity, { capture: true });
    };
  }, [keepAliveWhenIdle]);
}

export function SyncIndicator() {
  const t = useT();
  const lang = useLang();
  const role = useSession((s) => s.info?.user.role ?? null);
  const isKiosk = role === 'kiosk';
  useSyncPolling(isKiosk);
  const status = syncStatus.use((s) => s.data);
  const now = useNow(15_000);
  const state = syncState(status);
  const pending = status?.pending ?? 0;
  const age = status?.configured && pending > 0 ? formatAge(status.oldestPendingAt, now, lang) : null;
  const dead = status?.deadLetters ?? 0;
  const attention = needsAttention(status, now);
  const title = syncSummaryLines(status, now, lang).join('\n');
  const label = status?.lastSuccessAt ? t('sync.indicator.labelAt', { time: formatTime(new Date(status.lastSuccessAt), lang) }) : t('sync.indicator.label');

  const body = (
    <>
      <span className="status-label sync-label">
        <span data-testid="sync-last-success">{label}</span>
        {age ? (
          <span className="sync-age" data-testid="sync-age">
            {' · '}
            {t('sync.indicator.waiting', { age })}
          </span>
        ) : null}
      </span>
      <span className="status-value sync-value">
        <span className={`sync-state sync-${state}`}>
          {state === 'running' ? <span className="spinner" aria-hidden="true" data-testid="sync-spinner" /> : <span className="dot" aria-hidden="true" />}
          <span data-testid="sync-state-text">{syncStateText(state, lang)}</span>
        </span>
        {status?.configured ? (
          <>
            <span className="sync-sep" aria-hidden="true">
              ·
            </span>
            <span className={pending > 0 ? 'sync-pending has-pending' : 'sync-pending'} data-testid="sync-pending" data-count={pending}>
              {t('sync.indicator.queue', { count: pending })}
            </span>
            {dead > 0 ? (
              <span className="sync-dead" data-testid="sync-dead">
                {t('sync.indicator.dead', { count: dead })}
              </span>
            ) : null}
          </>
        ) : null}
      </span>
      {status?.lastError ? <span className="visually-hidden">{t('sync.summary.error', { error: status.lastError })}</span> : null}
    </>
  );
  const className = ['status-item', 'sync-indicator', attention ? 'needs-attention' : ''].filter(Boolean).join(' ');
  // the kiosk has no sync screen: there the indicator only informs
  if (role && !isKiosk && canOpen(role, 'sync')) {
    return (
      <a href={hashFor('sync')} className={className} title={title} data-testid="sync-indicator" data-state={state} aria-label={`${t('sync.indicator.open')}. ${title.replace(/\n/g, '. ')}`}>
        {body}
      </a>
    );
  }
  return (
    <div className={className} title={title} data-testid="sync-indicator" data-state={state}>
      {body}
    </div>
  );
}
