// Names for codes the backend sends as plain strings.
import type { LevyKind } from '../../shared/contract';
import { translate, translateMaybe, type Lang } from '../i18n';

/** a payment channel: the known ones by name, anything new shown as the backend spells it */
export function channelLabel(channel: string, lang: Lang): string {
  return translateMaybe(lang, `channel.${channel.toLowerCase()}`) ?? channel;
}

export function levyKindLabel(kind: LevyKind, lang: Lang): string {
  return translate(lang, `levyKind.${kind}`);
}
