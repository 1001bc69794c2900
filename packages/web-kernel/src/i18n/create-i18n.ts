import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { WebModule } from '../contributions/define-web-module';
import en from '../locales/en.json';
import fr from '../locales/fr.json';

export type Language = 'en' | 'fr';
export const languages: readonly Language[] = ['en', 'fr'];
/** Names shown in the language pickers (each in its own language). */
export const languageNames: Record<Language, string> = { en: 'English', fr: 'Français' };

const STORAGE_KEY = 'mutua.language';

/** The language to start with: the last one picked on this browser, else the browser's, else English. */
export function initialLanguage(): Language {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (stored === 'en' || stored === 'fr') return stored;
  } catch {
    // storage may be blocked; fall through
  }
  const nav = typeof navigator !== 'undefined' ? navigator.language : 'en';
  return nav?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export function isLanguage(v: unknown): v is Language {
  return v === 'en' || v === 'fr';
}

/**
 * Creates the i18next instance with the core messages plus each module's (deep-merged into the default
 * namespace), keeps `<html lang>` in step and remembers the choice on this browser.
 */
export function createI18n(modules: readonly WebModule[], lng: Language = initialLanguage()): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng,
    fallbackLng: 'en',
    supportedLngs: ['en', 'fr'],
    resources: { en: { translation: en }, fr: { translation: fr } },
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  for (const mod of modules) {
    instance.addResourceBundle('en', 'translation', mod.messages.en, true, true);
    instance.addResourceBundle('fr', 'translation', mod.messages.fr, true, true);
  }
  const sync = (l: string) => {
    if (typeof document !== 'undefined') document.documentElement.lang = l;
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, l);
    } catch {
      // ignore
    }
  };
  sync(instance.language);
  instance.on('languageChanged', sync);
  return instance;
}
