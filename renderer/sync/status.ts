// How the sync status reads to a person: one state word, the age of the oldest unsent entry,
// the lines of the tooltip. Pure, so the header and the sync screen say the same thing and the
// tests can check it for any clock.
import type { SyncStatus } from '../../shared/contract';
import { translate, translateMaybe, type Lang } from '../i18n';
import { formatDateTime } from '../lib/format';

export type SyncState = 'unknown' | 'unconfigured' | 'running' | 'online' | 'offline';

export function syncState(status: SyncStatus | null): SyncState {
  if (!status) return 'unknown';
  if (!status.configured) return 'unconfigured';
  if (status.running) return 'running';
  return status.online ? 'online' : 'offline';
}

/** the words for a state: short for the header, long for the screen and the tooltip */
export function syncStateText(state: SyncState, lang: Lang, long = false): string {
  return translate(lang, long ? `sync.stateLong.${state}` : `sync.state.${state}`);
}

/** "12 menit", "2 jam 5 menit", "3 hari" — how long something has waited; null when never */
export function formatAge(sinceIso: string | null, now: Date | number, lang: Lang): string | null {
  if (!sinceIso) return null;
  const since = new Date(sinceIso).getTime();
  if (Number.isNaN(since)) return null;
  const minutes = Math.max(0, Math.floor(((typeof now === 'number' ? now : now.getTime()) - since) / 60_000));
  if (minutes < 1) return translate(lang, 'sync.age.justNow');
  if (minutes < 60) return translate(lang, 'sync.age.minutes', { n: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) {
    const rest = minutes % 60;
    return rest === 0 ? translate(lang, 'sync.age.hours', { n: hours }) : translate(lang, 'sync.age.hoursMinutes', { h: hours, m: rest });
  }
  return translate(lang, 'sync.age.days', { n: Math.floor(hours / 24) });
}

/** an outbox entry's kind as the office says it ('payment' → "Pembayaran"), unknown ones as sent */
export function outboxKindLabel(kind: string, lang: Lang): string {
  return translateMaybe(lang, `sync.kind.${kind}`) ?? kind;
}

/** an outbox entry older than this is worth a warning in the header */
export const STALE_PENDING_MS = 30 * 60_000;

/** something in the status needs a person's eye: rejected entries, an old queue, a failure */
export function needsAttention(status: SyncStatus | null, now: Date | number): boolean {
  if (!status || !status.configured) return false;
  const t = typeof now === 'number' ? now : now.getTime();
  const oldest = status.oldestPendingAt ? new Date(status.oldestPendingAt).getTime() : null;
  return status.deadLetters > 0 || status.lastError !== null || (oldest !== null && t - oldest > STALE_PENDING_MS);
}

/** every fact of the status as lines (the header's tooltip) */
export function syncSummaryLines(status: SyncStatus | null, now: Date | number, lang: Lang): string[] {
  const state = syncState(status);
  const lines = [syncStateText(state, lang, true)];
  if (!status) return lines;
  if (status.centralUrl) lines.push(translate(lang, 'sync.summary.server', { url: status.centralUrl }));
  lines.push(status.lastSuccessAt ? translate(lang, 'sync.summary.lastSuccess', { at: formatDateTime(status.lastSuccessAt, lang) }) : translate(lang, 'sync.summary.never'));
  const age = formatAge(status.oldestPendingAt, now, lang);
  lines.push(status.pending > 0 && age ? translate(lang, 'sync.summary.pendingAge', { count: status.pending, age }) : translate(lang, 'sync.summary.pending', { count: status.pending }));
  if (status.deadLetters > 0) lines.push(translate(lang, 'sync.summary.dead', { count: status.deadLetters }));
  if (status.deferred > 0) lines.push(translate(lang, 'sync.summary.deferred', { count: status.deferred }));
  if (status.overpaymentsOpen > 0) lines.push(translate(lang, 'sync.summary.overpayments', { count: status.overpaymentsOpen }));
  if (status.lastError) {
    lines.push(status.lastErrorAt ? translate(lang, 'sync.summary.errorAt', { at: formatDateTime(status.lastErrorAt, lang), error: status.lastError }) : translate(lang, 'sync.summary.error', { error: status.lastError }));
  }
  return lines;
}
