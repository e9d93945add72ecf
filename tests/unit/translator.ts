import { readdirSync, readFileSync } from 'node:fs';
import i18next from 'i18next';

/** The renderer's translations, merged as renderer/src/i18n/index.ts does, for tests of pure text functions. */
const dir = 'renderer/src/i18n/locales';
const resources = Object.fromEntries(
  ['en', 'zh-CN'].map((lng) => [
    lng,
    { translation: Object.assign({}, ...readdirSync(`${dir}/${lng}`).map((f) => JSON.parse(readFileSync(`${dir}/${lng}/${f}`, 'utf8')))) },
  ]),
);

/** A plain i18next `t` for one language (no fallback: a missing key shows as the key, so tests notice it). */
export function translator<T>(lng: 'en' | 'zh-CN'): T {
  const i18n = i18next.createInstance();
  void i18n.init({ resources, lng, fallbackLng: false, interpolation: { escapeValue: false }, initAsync: false });
  return i18n.t.bind(i18n) as unknown as T;
}
