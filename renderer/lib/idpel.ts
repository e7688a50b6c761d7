// Checks a typed or scanned IDPEL before asking the backend, with messages in both languages.
import { checkIdpel, IDPEL_LENGTH } from '../../shared/idpel';
import { translate, type Lang } from '../i18n';

export type IdpelInput = { ok: true; idpel: string } | { ok: false; message: string };

export function validateIdpelInput(raw: string, lang: Lang): IdpelInput {
  const compact = raw.replace(/[\s-]/g, '');
  if (compact === '') return { ok: false, message: translate(lang, 'idpel.required') };
  if (!/^\d+$/.test(compact)) return { ok: false, message: translate(lang, 'idpel.digitsOnly') };
  if (compact.length < 10) return { ok: false, message: translate(lang, 'idpel.tooShort', { length: IDPEL_LENGTH }) };
  const check = checkIdpel(compact);
  if (!check.ok) return { ok: false, message: translate(lang, check.reason === 'format' ? 'idpel.length' : 'idpel.checkDigit', { length: IDPEL_LENGTH }) };
  return { ok: true, idpel: check.idpel };
}
