import * as t from 'io-ts';
import { InteractionChannel } from './engagement.ts';

export interface LanguageTagBrand {
  readonly LanguageTag: unique symbol;
}

const canonicalLocale = (s: string): string | undefined => {
  try {
    return Intl.getCanonicalLocales(s)[0];
  } catch {
    return undefined;
  }
};

/** A BCP-47 language tag in canonical form (`en`, `en-GB`, `zh-Hans-CN`). */
export const LanguageTag = t.brand(
  t.string,
  (s): s is t.Branded<string, LanguageTagBrand> =>
    /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(s) && canonicalLocale(s) === s,
  'LanguageTag',
);
export type LanguageTag = t.TypeOf<typeof LanguageTag>;

export interface PreferenceKeyBrand {
  readonly PreferenceKey: unique symbol;
}

/** The key of a free preference: lower-case words (`newsletter.topics`, `call_window`). */
export const PreferenceKey = t.brand(
  t.string,
  (s): s is t.Branded<string, PreferenceKeyBrand> => /^[a-z][a-z0-9_.-]{0,39}$/.test(s),
  'PreferenceKey',
);
export type PreferenceKey = t.TypeOf<typeof PreferenceKey>;

export interface PreferenceValueBrand {
  readonly PreferenceValue: unique symbol;
}

/** The value of a free preference: short non-blank text, at most 200 characters. */
export const PreferenceValue = t.brand(
  t.string,
  (s): s is t.Branded<string, PreferenceValueBrand> => s.trim().length > 0 && s.length <= 200,
  'PreferenceValue',
);
export type PreferenceValue = t.TypeOf<typeof PreferenceValue>;

/** How many free preferences one customer may hold: a profile, not a document store. */
export const maxCustomPreferences = 20;

/** Free key/value preferences. */
export const CustomPreferences = t.readonly(t.record(PreferenceKey, PreferenceValue));
export type CustomPreferences = t.TypeOf<typeof CustomPreferences>;

/**
 * What the customer asked for: the channel and language to use, the channels not to contact
 * them on (kept sorted, no repeats), and a small map of free preferences.
 */
export const Preferences = t.readonly(
  t.type({
    preferredChannel: t.union([InteractionChannel, t.null]),
    language: t.union([LanguageTag, t.null]),
    optOuts: t.readonlyArray(InteractionChannel),
    custom: CustomPreferences,
  }),
);
export type Preferences = t.TypeOf<typeof Preferences>;

/** No preference expressed. */
export const noPreferences: Preferences = {
  preferredChannel: null,
  language: null,
  optOuts: [],
  custom: {},
};
