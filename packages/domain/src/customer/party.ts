import * as t from 'io-ts';
import { NonEmptyString } from '../kernel/text.ts';
import { tidyText as tidy } from './tidy-text.ts';

/** A natural person. The given name is optional: some people have one name only. */
export const Person = t.readonly(
  t.intersection([
    t.type({ kind: t.literal('person'), familyName: NonEmptyString }),
    t.partial({ givenName: NonEmptyString }),
  ]),
);
export type Person = t.TypeOf<typeof Person>;

/** A company, known by its legal name. */
export const Company = t.readonly(
  t.type({ kind: t.literal('company'), legalName: NonEmptyString }),
);
export type Company = t.TypeOf<typeof Company>;

/** Who the customer is: a person or a company. */
export const Party = t.union([Person, Company]);
export type Party = t.TypeOf<typeof Party>;

/** Whether the customer is a person or a company (kept after personal data is erased). */
export const PartyKind = t.keyof({ person: null, company: null });
export type PartyKind = t.TypeOf<typeof PartyKind>;

/** The party with its names trimmed and inner whitespace collapsed. */
export const tidyParty = (party: Party): Party => {
  if (party.kind === 'company') return { kind: 'company', legalName: tidy(party.legalName) };
  return party.givenName === undefined
    ? { kind: 'person', familyName: tidy(party.familyName) }
    : { kind: 'person', givenName: tidy(party.givenName), familyName: tidy(party.familyName) };
};

/** The name to show for a party (`Ana Lopez`, `Acme Ltd`). */
export const displayNameOf = (party: Party): string =>
  party.kind === 'company'
    ? party.legalName
    : party.givenName === undefined
      ? party.familyName
      : `${party.givenName} ${party.familyName}`;

/** True when both name the party the same way. */
export const sameParty = (a: Party, b: Party): boolean =>
  a.kind === 'company'
    ? b.kind === 'company' && a.legalName === b.legalName
    : b.kind === 'person' && a.givenName === b.givenName && a.familyName === b.familyName;
