import type { NonEmptyString, Party, PartyKind, PhoneRegion, PostalAddress } from '@crm/domain';
import { postalAddress } from './brands.ts';
import {
  asciiOf,
  type City,
  type Locale,
  type Name,
  type PhoneDraft,
  slugOf,
} from './locales/locale.ts';
import { newPhone, type PhoneStyle, type TypedPhone } from './phone-numbers.ts';
import type { Random } from './random.ts';

/** Who a customer is and how to reach them, as first registered. */
export interface Identity {
  readonly kind: PartyKind;
  /** The name as it should be. */
  readonly party: Party;
  /** The name as registered: now and then misspelt, and corrected later. */
  readonly registeredParty: Party;
  /** The email address as typed (the decider lower-cases it). */
  readonly email: string;
  readonly phone: TypedPhone;
  readonly phoneDraft: PhoneDraft;
  readonly phoneStyle: PhoneStyle;
  readonly address: PostalAddress;
  readonly city: City;
  /** How staff address the customer in notes (`Anna`, `Becker Maschinenbau GmbH`). */
  readonly shortName: string;
}

/** The phone numbers and email addresses already given out, so no two customers share one. */
export interface ContactRegistry {
  readonly phones: Set<string>;
  readonly emails: Set<string>;
}

const companySuffixes = [
  'ltd',
  'plc',
  'inc',
  'corp',
  'llc',
  'gmbh',
  'ag',
  'co',
  'kg',
  'sas',
  'sarl',
  's',
  'l',
  'a',
];
const personDomains = ['example.com', 'example.net', 'example.org'];

const emailWord = (name: Name): string =>
  asciiOf(name.latin)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

const unique = (
  registry: ContactRegistry,
  random: Random,
  local: string,
  domain: string,
): string => {
  let candidate = `${local}@${domain}`;
  while (registry.emails.has(candidate)) candidate = `${local}${random.int(2, 999)}@${domain}`;
  registry.emails.add(candidate);
  return candidate;
};

// Some people type their address with capitals; the decider stores it lower-cased.
const asTyped = (email: string, random: Random): string =>
  random.chance(0.12)
    ? email.replace(
        /(^|[.@])([a-z])/g,
        (_match, before: string, letter: string) => `${before}${letter.toUpperCase()}`,
      )
    : email;

const misspelt = (party: Party, random: Random): Party => {
  if (
    party.kind !== 'person' ||
    party.familyName.length < 5 ||
    !/^[\p{Script=Latin}' -]+$/u.test(party.familyName)
  ) {
    return party;
  }
  const cut = random.int(1, party.familyName.length - 2);
  const familyName = party.familyName.slice(0, cut) + party.familyName.slice(cut + 1);
  return { ...party, familyName: familyName as NonEmptyString };
};

/**
 * A new person or company from `locale`: name, a unique email address, a unique valid phone
 * number (mobile or a landline in their city, typed nationally or internationally) and a
 * postal address.
 */
export const makeIdentity = (
  random: Random,
  locale: Locale,
  kind: PartyKind,
  registry: ContactRegistry,
  fixed: {
    /** Drafts the phone number instead of the locale's usual numbers. */
    readonly phone?: (random: Random) => PhoneDraft;
    readonly phoneStyle?: PhoneStyle;
    /** Never misspell the registered name. */
    readonly spelledRight?: boolean;
  } = {},
): Identity => {
  const city = random.pick(locale.cities);
  const company = kind === 'company';
  const given = random.pick(locale.givenNames);
  const first = random.pick(locale.familyNames);
  const family: Name =
    !company && random.chance(locale.doubleFamilyNames ?? 0)
      ? (() => {
          const second = random.pick(locale.familyNames);
          return {
            native: `${first.native} ${second.native}`,
            latin: `${first.latin} ${second.latin}`,
          };
        })()
      : first;
  const legal = company ? locale.companyName(random, family) : undefined;
  const party = (
    legal === undefined
      ? { kind: 'person', givenName: given.native, familyName: family.native }
      : { kind: 'company', legalName: legal.native }
  ) as Party;
  const usesMobile = random.chance(company ? 0.15 : 0.75);
  const { phone, draft, style } = newPhone(
    fixed.phone ?? (usesMobile ? locale.mobile : city.landline),
    locale.code as PhoneRegion,
    registry.phones,
    random,
    fixed.phoneStyle,
  );
  const email =
    legal === undefined
      ? unique(
          registry,
          random,
          random.pick([
            `${emailWord(given)}.${emailWord(family)}`,
            `${emailWord(given).slice(0, 1)}${emailWord(family)}`,
            `${emailWord(family)}.${emailWord(given)}`,
            `${emailWord(given)}${emailWord(family)}${random.int(1, 99)}`,
          ]),
          random.pick(personDomains),
        )
      : unique(
          registry,
          random,
          random.pick(locale.companyMailboxes),
          `${slugOf(legal.latin, companySuffixes) || 'company'}.example.com`,
        );
  const lines = locale.streetLines(random, company);
  const address = postalAddress(lines, city.name, city.postalCode(random), locale.code);
  return {
    kind,
    party,
    registeredParty: !fixed.spelledRight && random.chance(0.03) ? misspelt(party, random) : party,
    email: asTyped(email, random),
    phone,
    phoneDraft: draft,
    phoneStyle: style,
    address,
    city,
    shortName: legal === undefined ? given.native : legal.native,
  };
};
