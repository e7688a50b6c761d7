import { langStore, LANGS, useLang, useT } from '../i18n';

/** ID | EN segmented switch; the choice is remembered on this computer */
export function LanguageToggle({ tone = 'dark' }: { tone?: 'dark' | 'light' }) {
  const lang = useLang();
  const t = useT();
  return (
    <div className={`lang-toggle lang-${tone}`} role="group" aria-label={t('lang.label')} data-testid="lang-toggle">
      {LANGS.map((l) => (
        <button
          key={l}
          type="button"
          aria-pressed={l === lang}
          title={t('lang.switchTo', { lang: l.toUpperCase() })}
          data-testid={`lang-${l}`}
          onClick={() => langStore.getState().setLang(l)}
        >
          {t(l === 'id' ? 'lang.id' : 'lang.en')}
        </button>
      ))}
    </div>
  );
}
