import { cn } from './cn.ts';
import { de } from './de.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { gb } from './gb.ts';
import { jp } from './jp.ts';
import type { Locale, LocaleCode } from './locale.ts';
import { us } from './us.ts';

/** Every locale customers come from, in a fixed order. */
export const locales: ReadonlyArray<Locale> = [gb, us, de, fr, es, cn, jp];

/** The locale of a country code. */
export const localeOf = (code: LocaleCode): Locale => {
  const found = locales.find((locale) => locale.code === code);
  if (found === undefined) throw new RangeError(`No locale ${code}`);
  return found;
};
