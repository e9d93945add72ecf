import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../../shared/schema';

/**
 * Each pane keeps its strings in locales/<lang>/<pane>.json (top-level key = file name), so panes grow
 * without editing one giant file. They are merged into one namespace here.
 */
const files = {
  en: import.meta.glob<Record<string, unknown>>('./locales/en/*.json', { eager: true, import: 'default' }),
  'zh-CN': import.meta.glob<Record<string, unknown>>('./locales/zh-CN/*.json', { eager: true, import: 'default' }),
};

const merge = (parts: Record<string, Record<string, unknown>>) => Object.assign({}, ...Object.values(parts));

export const LOCALE_KEY = 'kefu.locale';

export function initI18n(initial: Locale) {
  void i18n.use(initReactI18next).init({
    resources: { en: { translation: merge(files.en) }, 'zh-CN': { translation: merge(files['zh-CN']) } },
    lng: initial,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18n;
}

/** Last language used on this machine, so the first paint is already in the right language. */
export function rememberedLocale(): Locale {
  const v = localStorage.getItem(LOCALE_KEY);
  if (v === 'en' || v === 'zh-CN') return v;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function applyLocale(locale: Locale) {
  localStorage.setItem(LOCALE_KEY, locale);
  document.documentElement.lang = locale;
  void i18n.changeLanguage(locale);
}
