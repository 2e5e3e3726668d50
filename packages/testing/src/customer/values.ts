// Until the package entry point exports the customer aggregate, it is imported from its folder.
import {
  type Acquisition,
  AcquisitionSource,
  type AddressLines,
  CountryCode,
  CustomerId,
  EmailAddress,
  EntryId,
  type ForwardStage,
  type Instant,
  type InteractionChannel,
  LanguageTag,
  type NonEmptyString,
  type Party,
  PhoneE164,
  type PhoneRegion,
  type PostalAddress,
  PreferenceKey,
  type PreferenceValue,
  type SatisfactionScore,
  UserId,
} from '@crm/domain';
import * as fc from 'fast-check';
import { idFrom, instantArbitrary, phoneSamples, textArbitrary } from '../kernel-arbitraries.ts';

/**
 * `fc.record` and `fc.dictionary` drawing only plain objects. fast-check 4 may otherwise draw
 * null-prototype ones, which no JSON decoder produces and which `structuredClone` (used by the
 * decider laws) turns into plain objects, so a deep comparison would see a change that never
 * happened.
 */
export const plainRecord: typeof fc.record = (model, constraints) =>
  fc.record(model, { ...constraints, noNullPrototype: true });

/** `fc.dictionary` drawing only plain objects (see `plainRecord`). */
export const plainDictionary = <TValue>(
  keys: fc.Arbitrary<string>,
  values: fc.Arbitrary<TValue>,
  maxKeys: number,
): fc.Arbitrary<Record<string, TValue>> =>
  fc.dictionary(keys, values, { maxKeys, noNullPrototype: true });

const pick = <T>(values: ReadonlyArray<T>): fc.Arbitrary<T> => fc.constantFrom(...values);

/** Picks among sample values, checked against their codec so a bad sample fails loudly. */
const samplesOf = <T>(
  codec: { readonly is: (u: unknown) => u is T; readonly name: string },
  values: ReadonlyArray<unknown>,
): fc.Arbitrary<T> =>
  pick(values).map((value) => {
    if (!codec.is(value)) throw new Error(`not a valid ${codec.name}: ${String(value)}`);
    return value;
  });
const text = (values: ReadonlyArray<string>): fc.Arbitrary<NonEmptyString> =>
  fc.oneof(
    { arbitrary: pick(values as ReadonlyArray<NonEmptyString>), weight: 4 },
    { arbitrary: textArbitrary, weight: 1 },
  );

/** The customer whose stream the generated commands and events belong to. */
export const streamCustomerId = 'customer-1' as CustomerId;

/** Customers from a pool of three, the stream's own included: survivors and duplicates. */
export const customerIdArbitrary: fc.Arbitrary<CustomerId> = idFrom(CustomerId, 'customer-', 3);

/** Staff members who own, serve and follow up on customers. */
export const staffArbitrary: fc.Arbitrary<UserId> = idFrom(UserId, 'user-', 3);

/** Ids of entries inside the customer (follow-ups, interactions, surveys), from a small pool. */
export const entryIdArbitrary = (prefix: string): fc.Arbitrary<EntryId> =>
  idFrom(EntryId, prefix, 3);

/** Business instants; an alias kept here so customer arbitraries read on their own. */
export const atArbitrary: fc.Arbitrary<Instant> = instantArbitrary;

/** Reasons staff give (churn, reactivation, erasure, a cancelled follow-up…). */
export const reasonArbitrary = text(['moved away', 'price', 'won back', 'customer request']);

/** A person (sometimes with one name only) or a company. */
export const partyArbitrary: fc.Arbitrary<Party> = fc.oneof(
  plainRecord(
    {
      kind: fc.constant('person' as const),
      givenName: text(['Ana', 'Bo', 'Mei Lin']),
      familyName: text(['Lopez', 'Li', 'Okafor']),
    },
    { requiredKeys: ['kind', 'familyName'] },
  ),
  plainRecord({
    kind: fc.constant('company' as const),
    legalName: text(['Acme Ltd', 'Globex AG']),
  }),
);

/** A postal address, with or without a postal code. */
export const postalAddressArbitrary: fc.Arbitrary<PostalAddress> = plainRecord(
  {
    lines: fc
      .array(text(['1 Main St', 'Flat 2', 'Unit 7']), { minLength: 1, maxLength: 3 })
      .map((lines) => lines as ReadonlyArray<NonEmptyString> as AddressLines),
    city: text(['Leeds', 'Berlin', 'Shanghai']),
    postalCode: text(['LS1 1AA', '10115', '200000']),
    country: samplesOf(CountryCode, ['GB', 'DE', 'CN']),
  },
  { requiredKeys: ['lines', 'city', 'country'] },
);

/** How a customer was acquired. */
export const acquisitionArbitrary: fc.Arbitrary<Acquisition> = plainRecord({
  source: samplesOf(AcquisitionSource, ['spring-fair', 'partner:acme', 'newsletter']),
  channel: pick(['organic_search', 'referral', 'event', 'partner', 'direct'] as const),
});

/** Email as typed by people: mostly valid in any case and spacing, sometimes not an email at all. */
export const rawEmailArbitrary: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: pick(['ana@example.com', ' Bo.Li@Example.ORG', 'dana_k@mail.co.uk']), weight: 9 },
  { arbitrary: fc.constant('not-an-email'), weight: 1 },
);

/** Normalised email addresses, as events hold them. */
export const emailAddressArbitrary: fc.Arbitrary<EmailAddress> = samplesOf(EmailAddress, [
  'ana@example.com',
  'bo.li@example.org',
  'dana_k@mail.co.uk',
]);

/** Phone numbers as typed, with the region needed to read national ones; sometimes invalid. */
export const rawPhoneArbitrary: fc.Arbitrary<{
  readonly phone: string;
  readonly phoneRegion?: PhoneRegion;
}> = fc.oneof(
  {
    arbitrary: pick(phoneSamples).map((sample) =>
      sample.region === undefined
        ? { phone: sample.input }
        : { phone: sample.input, phoneRegion: sample.region as PhoneRegion },
    ),
    weight: 9,
  },
  { arbitrary: fc.constant({ phone: '12345', phoneRegion: 'DE' as PhoneRegion }), weight: 1 },
);

/** Phone numbers in E.164, as events hold them. */
export const phoneE164Arbitrary: fc.Arbitrary<PhoneE164> = samplesOf(
  PhoneE164,
  phoneSamples.map((sample) => sample.e164),
);

export const forwardStageArbitrary: fc.Arbitrary<ForwardStage> = pick([
  'lead',
  'marketing_qualified',
  'sales_qualified',
  'opportunity',
  'customer',
  'advocate',
] as const);

export const channelArbitrary: fc.Arbitrary<InteractionChannel> = pick([
  'call',
  'email',
  'meeting',
  'chat',
  'social',
  'visit',
] as const);

export const languageArbitrary: fc.Arbitrary<LanguageTag> = samplesOf(LanguageTag, [
  'en',
  'en-GB',
  'de',
  'zh-Hans-CN',
]);

export const preferenceKeyArbitrary: fc.Arbitrary<PreferenceKey> = samplesOf(PreferenceKey, [
  'call_window',
  'newsletter.topics',
  'size',
]);

export const preferenceValueArbitrary: fc.Arbitrary<PreferenceValue> = text([
  'mornings',
  'gardening',
  'M',
]).map((value) => value as string as PreferenceValue);

/** A CSAT (1–5) or NPS (0–10) answer. */
export const satisfactionScoreArbitrary: fc.Arbitrary<SatisfactionScore> = fc.oneof(
  plainRecord({ kind: fc.constant('csat' as const), value: fc.integer({ min: 1, max: 5 }) }),
  plainRecord({ kind: fc.constant('nps' as const), value: fc.integer({ min: 0, max: 10 }) }),
) as fc.Arbitrary<SatisfactionScore>;

/** Loyalty points moved by one earn or redeem, up to `max`. */
export const pointsArbitrary = (max = 500): fc.Arbitrary<number> => fc.integer({ min: 1, max });
