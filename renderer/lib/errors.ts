// The text a person sees for any error, in the chosen language.
import { formatError, type ApiError, type Lang } from '../../shared/errors';
import { ClientError } from '../api/client';
import { translate } from '../i18n';

export function apiErrorText(error: ApiError, lang: Lang): string {
  // the backend sends Bahasa Indonesia; English is re-rendered from code + params
  return lang === 'id' ? error.message : formatError(error.code, error.params, 'en');
}

export function errorText(err: unknown, lang: Lang): string {
  if (err instanceof ClientError) {
    if (err.kind === 'network') return translate(lang, err.error.params.transport === 'ipc' ? 'error.ipc' : 'error.network');
    if (err.kind === 'bad-response') return translate(lang, 'error.badResponse', { status: err.status ?? '' });
    return apiErrorText(err.error, lang);
  }
  return translate(lang, 'error.unexpected', { detail: err instanceof Error ? err.message : String(err) });
}
