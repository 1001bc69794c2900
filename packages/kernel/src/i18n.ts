/** Server-side translation: the same `{{param}}` interpolation as i18next on the web. */
export type Locale = 'en' | 'fr';
export const LOCALES: readonly Locale[] = ['en', 'fr'];
export type Messages = { [key: string]: string | Messages };

const catalogs: Record<Locale, Messages> = { en: {}, fr: {} };

/** Merges a module's messages (`{ en: {...}, fr: {...} }`) into the catalogs; keys are namespaced by the module. */
export function addMessages(messages: Partial<Record<Locale, Messages>>): void {
  for (const locale of LOCALES) {
    const m = messages[locale];
    if (m) deepMerge(catalogs[locale], m);
  }
}

function deepMerge(into: Messages, from: Messages): void {
  for (const [k, v] of Object.entries(from)) {
    const cur = into[k];
    if (typeof v === 'object' && typeof cur === 'object') deepMerge(cur, v);
    else into[k] = typeof v === 'object' ? structuredClone(v) : v;
  }
}

function lookup(locale: Locale, key: string): string | undefined {
  let node: string | Messages | undefined = catalogs[locale];
  for (const part of key.split('.')) {
    if (typeof node !== 'object') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** Translates `key` into `locale` (falling back to English, then to the key itself). */
export function translate(locale: Locale, key: string, params: Record<string, unknown> = {}): string {
  const template = lookup(locale, key) ?? lookup('en', key) ?? key;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined || v === null) return '';
    // A param may itself be an i18n key (e.g. a field label): translate it when it resolves.
    if (typeof v === 'string' && /^[a-z][\w-]*\.[\w.-]+$/.test(v)) return lookup(locale, v) ?? v;
    return String(v);
  });
}

/** Picks the best supported locale from an Accept-Language header. */
export function localeFromHeader(header: string | undefined): Locale {
  if (!header) return 'en';
  for (const part of header.split(',')) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if (tag === 'fr' || tag === 'en') return tag;
  }
  return 'en';
}

export const isLocale = (s: unknown): s is Locale => s === 'en' || s === 'fr';
