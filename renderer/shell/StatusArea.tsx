// The always-visible status strip in the header. Each item is one fact about the terminal:
// the backend answers, the business date, the sync with the central API.
import { useEffect, type ReactNode } from 'react';
import { businessDate } from '../../shared/time';
import { call } from '../api';
import { useConnection } from '../api/connection';
import { useLang, useT } from '../i18n';
import { formatCivilDate, formatTime } from '../lib/format';
import { useNow } from '../lib/useNow';
import { SyncIndicator } from '../sync/SyncIndicator';

const PING_MS = 30_000;

export function StatusItem({ label, children, testId, state }: { label: string; children: ReactNode; testId: string; state?: string }) {
  return (
    <div className="status-item" data-testid={testId} data-state={state}>
      <span className="status-label">{label}</span>
      <span className="status-value">{children}</span>
    </div>
  );
}

/** ask the backend a cheap public question now and then, so "Terputus" shows even when idle */
function useConnectionPing(): void {
  useEffect(() => {
    const ping = () => {
      // anonymous: a health check must not keep an idle login session alive
      call('setup.status', {}, { anonymous: true }).catch(() => undefined);
    };
    ping();
    const timer = window.setInterval(ping, PING_MS);
    return () => window.clearInterval(timer);
  }, []);
}

export function ConnectionStatus() {
  const t = useT();
  const lang = useLang();
  const state = useConnection((s) => s.state);
  const transport = useConnection((s) => s.transport);
  const lastAnswerAt = useConnection((s) => s.lastAnswerAt);
  const text = state === 'online' ? t('status.online') : state === 'offline' ? t('status.offline') : t('status.unknown');
  const via = transport ? t(transport === 'ipc' ? 'status.via.ipc' : 'status.via.http') : '';
  const title = [via, lastAnswerAt ? t('common.updatedAt', { time: `${formatTime(lastAnswerAt, lang)} WIB` }) : ''].filter(Boolean).join(' · ');
  return (
    <StatusItem label={t('status.connection')} testId="status-connection" state={state}>
      <span className={`conn conn-${state}`} title={title}>
        <span className="dot" aria-hidden="true" />
        {text}
      </span>
    </StatusItem>
  );
}

export function BusinessDateStatus() {
  const t = useT();
  const lang = useLang();
  const now = useNow();
  return (
    <StatusItem label={t('status.businessDate')} testId="status-business-date">
      {formatCivilDate(businessDate(now), lang, true)}
    </StatusItem>
  );
}

export function StatusArea() {
  const t = useT();
  useConnectionPing();
  return (
    <div className="status-area" aria-label={t('status.label')} data-testid="status-area">
      <ConnectionStatus />
      <BusinessDateStatus />
      <SyncIndicator />
    </div>
  );
}
