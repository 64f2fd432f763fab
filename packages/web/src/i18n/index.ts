import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.js';
import { zh } from './zh.js';

/** The languages of the UI (core's `Lang`). */
export const LANGUAGES = ['en', 'zh'] as const;
export type UiLang = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'cmr-mass.lang';

/** The language to start in: the one chosen before, else the browser's. */
export function initialLanguage(): UiLang {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (saved === 'en' || saved === 'zh') return saved;
  } catch {
    // storage may be disabled
  }
  const nav = globalThis.navigator?.language ?? 'en';
  return nav.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** Remembers the chosen language and sets `<html lang>`. */
export function rememberLanguage(lang: UiLang): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // storage may be disabled
  }
  if (typeof document !== 'undefined') document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
}

/** Creates and initialises an i18next instance with both dictionaries (synchronously). */
export function createI18n(lang: UiLang = initialLanguage()): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: lang,
    fallbackLng: 'en',
    resources: { en: { translation: en }, zh: { translation: zh } },
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  instance.on('languageChanged', (l) => {
    rememberLanguage(l === 'zh' ? 'zh' : 'en');
  });
  rememberLanguage(lang);
  return instance;
}
