import {
  type CalendarDate,
  type CurrencyCode,
  type EventMetadata,
  type Instant,
  type MinorUnits,
  type Money,
  NonEmptyString,
  type Tag,
  UserId,
} from '@crm/domain';
import * as fc from 'fast-check';

const pick = <T>(values: ReadonlyArray<T>): fc.Arbitrary<T> => fc.constantFrom(...values);

/** Ids drawn from a small pool, so generated commands refer to each other and mostly land. */
export const idFrom = <TId extends string>(
  codec: { readonly is: (u: unknown) => u is TId },
  prefix: string,
  poolSize = 3,
): fc.Arbitrary<TId> =>
  fc.integer({ min: 1, max: poolSize }).map((n) => {
    const id = `${prefix}${n}`;
    if (!codec.is(id)) throw new Error(`not a valid id: ${id}`);
    return id;
  });

/** Instants between 2024 and 2027, in UTC ISO form with milliseconds. */
export const instantArbitrary: fc.Arbitrary<Instant> = fc
  .integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2027, 11, 31) })
  .map((ms) => new Date(ms).toISOString() as Instant);

/** Calendar days between 2024 and 2027. */
export const calendarDateArbitrary: fc.Arbitrary<CalendarDate> = instantArbitrary.map(
  (i) => i.slice(0, 10) as CalendarDate,
);

export const currencyArbitrary: fc.Arbitrary<CurrencyCode> = pick([
  'EUR',
  'USD',
  'GBP',
  'JPY',
  'CNY',
]).map((c) => c as CurrencyCode);

/** Money in a currency, from `min` to `max` minor units. */
export const moneyArbitrary = (
  currency: fc.Arbitrary<CurrencyCode> = currencyArbitrary,
  { min = 0, max = 10_000_000 }: { readonly min?: number; readonly max?: number } = {},
): fc.Arbitrary<Money> =>
  fc.record(
    { amountMinor: fc.integer({ min, max }).map((n) => n as MinorUnits), currency },
    { noNullPrototype: true },
  );

/** Short human-looking text. */
export const textArbitrary: fc.Arbitrary<NonEmptyString> = fc
  .string({ minLength: 1, maxLength: 40 })
  .filter((s) => NonEmptyString.is(s))
  .map((s) => s as NonEmptyString);

export const tagArbitrary: fc.Arbitrary<Tag> = pick([
  'vip',
  'newsletter',
  'region:emea',
  'b2b',
  'churn-risk',
]).map((t) => t as Tag);

export const userIdArbitrary: fc.Arbitrary<UserId> = idFrom(UserId, 'user-', 4);

/** Valid phone inputs in several formats and the E.164 form each must normalise to. */
export const phoneSamples: ReadonlyArray<{
  readonly input: string;
  readonly region?: string;
  readonly e164: string;
}> = [
  { input: '+44 20 7183 8750', e164: '+442071838750' },
  { input: '020 7183 8750', region: 'GB', e164: '+442071838750' },
  { input: '(415) 555-2671', region: 'US', e164: '+14155552671' },
  { input: '+49 30 901820', e164: '+4930901820' },
  { input: '030 901820', region: 'DE', e164: '+4930901820' },
  { input: '+86 138 0013 8000', e164: '+8613800138000' },
  { input: '+33 1 42 68 53 00', e164: '+33142685300' },
];

export const phoneArbitrary = pick(phoneSamples);

export const emailArbitrary: fc.Arbitrary<string> = fc
  .tuple(
    pick(['ana', 'bo.li', 'chris+crm', 'dana_k']),
    pick(['example.com', 'Example.ORG', 'mail.co.uk']),
  )
  .map(([local, domain]) => `${local}@${domain}`);

export const roleArbitrary = pick([
  'admin',
  'sales_rep',
  'sales_manager',
  'service_agent',
  'marketer',
  'privacy_officer',
  'auditor',
  'system',
] as const);

/** Event metadata with consistent ids. */
export const eventMetadataArbitrary: fc.Arbitrary<EventMetadata> = fc
  .record(
    {
      n: fc.nat(1_000_000),
      actor: fc.record({ id: userIdArbitrary, role: roleArbitrary }, { noNullPrototype: true }),
      occurredAt: instantArbitrary,
    },
    { noNullPrototype: true },
  )
  .map(({ n, actor, occurredAt }) => ({
    eventId: `evt-${n}` as EventMetadata['eventId'],
    commandId: `cmd-${n}` as EventMetadata['commandId'],
    correlationId: `corr-${n}`,
    causationId: `cmd-${n}`,
    actor,
    occurredAt,
  }));
