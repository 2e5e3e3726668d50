import type { Random } from '../random.ts';

/** The countries customers come from; each is also the region its national phone numbers are read in. */
export type LocaleCode = 'GB' | 'US' | 'DE' | 'FR' | 'ES' | 'CN' | 'JP';

/** A name as written in its own script, with a Latin form for email addresses and web domains. */
export interface Name {
  readonly native: string;
  readonly latin: string;
}

/** A phone number as staff type it: in the national format (read with a region) and internationally. */
export interface PhoneDraft {
  readonly national: string;
  readonly international: string;
}

/** A city: its name as written on an address, a postal code there, and a landline number there. */
export interface City {
  readonly name: string;
  readonly postalCode: (random: Random) => string;
  readonly landline: (random: Random) => PhoneDraft;
}

/** Everything the generator needs to make a believable customer from one country. */
export interface Locale {
  readonly code: LocaleCode;
  /** How many customers come from here, relative to the others. */
  readonly weight: number;
  /** The UTC offset of office hours there (daylight saving is ignored). */
  readonly utcOffsetHours: number;
  /** The BCP-47 tag of the customer's language. */
  readonly language: string;
  readonly givenNames: ReadonlyArray<Name>;
  readonly familyNames: ReadonlyArray<Name>;
  readonly cities: ReadonlyArray<City>;
  /** The lines of a street address (before city and postal code). */
  readonly streetLines: (random: Random, company: boolean) => ReadonlyArray<string>;
  readonly mobile: (random: Random) => PhoneDraft;
  /** A company's legal name (Latin form: the words its web domain is made of). */
  readonly companyName: (random: Random, family: Name) => Name;
  /** Where a company's emails go first (`einkauf`, `achats`, `purchasing`). */
  readonly companyMailboxes: ReadonlyArray<string>;
  /** The currencies deals with customers from here are made in, by weight. */
  readonly currencies: ReadonlyArray<readonly [string, number]>;
  /** How often a person carries two family names (Spain: `García López`). */
  readonly doubleFamilyNames?: number;
}

const foldable: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
};

/** The plain ASCII form of Latin-script text (`Müller` → `Muller`, `Groß` → `Gross`). */
export const asciiOf = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[ßæœøłđ]/gi, (c) => foldable[c.toLowerCase()] ?? c);

/** A name written in Latin script, its Latin form being its ASCII spelling. */
export const latin = (native: string): Name => ({ native, latin: asciiOf(native) });

/**
 * Names from a compact list: words separated by spaces, `_` standing for a space inside a name,
 * and `native:latin` giving the Latin form of a name in another script (`王:wang`).
 */
export const namesFrom = (list: string): ReadonlyArray<Name> =>
  list
    .trim()
    .split(/\s+/)
    .map((entry) => {
      const [native = '', latinForm] = entry.replaceAll('_', ' ').split(':');
      return latinForm === undefined ? latin(native) : { native, latin: latinForm };
    });

/** Words from a compact list separated by `|`. */
export const wordsFrom = (list: string): ReadonlyArray<string> =>
  list.split('|').map((word) => word.trim());

/** `count` random decimal digits. */
export const digits = (random: Random, count: number): string => {
  let out = '';
  for (let i = 0; i < count; i += 1) out += String(random.int(0, 9));
  return out;
};

/** A random digit from 2 to 9 (many numbering plans forbid a leading 0 or 1). */
export const digitFrom2 = (random: Random): string => String(random.int(2, 9));

/** Lower-case words joined by `-`, for a web domain (`Becker Maschinenbau GmbH` → `becker-maschinenbau`). */
export const slugOf = (text: string, drop: ReadonlyArray<string> = []): string =>
  asciiOf(text)
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0 && !drop.includes(word))
    .join('-')
    .slice(0, 40)
    .replace(/-+$/, '');
