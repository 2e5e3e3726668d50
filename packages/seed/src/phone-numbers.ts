import { normalisePhone, type PhoneE164, type PhoneRegion } from '@crm/domain';
import * as E from 'fp-ts/lib/Either.js';
import type { PhoneDraft } from './locales/locale.ts';
import type { Random } from './random.ts';

/** A phone number as someone typed it, the region it must be read in (if national), and its E.164 form. */
export interface TypedPhone {
  readonly typed: string;
  /** Present for a number typed in the national format. */
  readonly region?: PhoneRegion;
  readonly e164: PhoneE164;
}

/** The ways staff type a number: nationally (with its region), internationally, or run together. */
export type PhoneStyle = 'national' | 'international' | 'compact';

const phoneStyles: ReadonlyArray<PhoneStyle> = ['national', 'international', 'compact'];

/** The number typed in `style`, with the region a national number needs. */
export const typedAs = (
  draft: PhoneDraft,
  region: PhoneRegion,
  style: PhoneStyle,
): { readonly typed: string; readonly region?: PhoneRegion } => {
  switch (style) {
    case 'national':
      return { typed: draft.national, region };
    case 'international':
      return { typed: draft.international };
    case 'compact':
      return { typed: draft.international.replace(/[\s()-]/g, '') };
  }
};

/** The E.164 form of a typed number, when the domain accepts it as a valid number. */
export const e164Of = (typed: string, region?: PhoneRegion): PhoneE164 | undefined => {
  const result = normalisePhone(typed, { region });
  return E.isRight(result) ? result.right : undefined;
};

/** Another way of typing the same number (what a duplicate registration looks like). */
export const retyped = (
  draft: PhoneDraft,
  region: PhoneRegion,
  not: PhoneStyle,
  random: Random,
): TypedPhone => {
  const style = random.pick(phoneStyles.filter((candidate) => candidate !== not));
  const typed = typedAs(draft, region, style);
  const e164 = e164Of(typed.typed, typed.region);
  if (e164 === undefined) throw new RangeError(`"${typed.typed}" is not a valid phone number`);
  return { ...typed, e164 };
};

/**
 * A new, valid phone number nobody else has: drafts until libphonenumber (through the domain's
 * `normalisePhone`) accepts one that is not in `used`, then records it there. Gives up (with a
 * RangeError) only if a locale's drafts are broken, which the tests rule out.
 */
export const newPhone = (
  draftPhone: (random: Random) => PhoneDraft,
  region: PhoneRegion,
  used: Set<string>,
  random: Random,
  fixedStyle?: PhoneStyle,
): { readonly phone: TypedPhone; readonly draft: PhoneDraft; readonly style: PhoneStyle } => {
  const style =
    fixedStyle ??
    random.weighted<PhoneStyle>([
      ['national', 55],
      ['international', 35],
      ['compact', 10],
    ]);
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const draft = draftPhone(random);
    const typed = typedAs(draft, region, style);
    const e164 = e164Of(typed.typed, typed.region);
    if (e164 !== undefined && !used.has(e164)) {
      used.add(e164);
      return { phone: { ...typed, e164 }, draft, style };
    }
  }
  throw new RangeError(`Could not draft a valid, unused phone number in ${region}`);
};
