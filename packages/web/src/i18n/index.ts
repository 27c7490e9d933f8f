/**
 * The message catalogue. `t(key, values)` looks a key up in the current language and fills `{name}`
 * placeholders. The language comes from the `lang` URL parameter, else a choice saved with consent,
 * else the browser's preference; nothing is stored without consent (see settings.ts).
 */
import { en, type MessageKey, type Messages } from './en.js';
import { es } from './es.js';

export type Lang = 'en' | 'es';
export const LANGS: readonly Lang[] = ['en', 'es'];
const CATALOGUES: Record<Lang, Messages> = { en, es };

let current: Lang = 'en';

export function setLang(lang: Lang): void {
  current = lang;
  document.documentElement.lang = lang;
}

export function lang(): Lang {
  return current;
}

export function isLang(value: unknown): value is Lang {
  return value === 'en' || value === 'es';
}

export function t(key: MessageKey, values: Record<string, string | number> = {}): string {
  const template = CATALOGUES[current][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export function formatSize(bytes: number): string {
  const number = (value: number) => value.toLocaleString(current, { maximumFractionDigits: 1 });
  if (bytes < 1024) return t('size.b', { n: bytes });
  if (bytes < 1024 ** 2) return t('size.kb', { n: number(bytes / 1024) });
  if (bytes < 1024 ** 3) return t('size.mb', { n: number(bytes / 1024 ** 2) });
  return t('size.gb', { n: number(bytes / 1024 ** 3) });
}

export type { MessageKey };
