import {
  type CalendarDate,
  CampaignChannel,
  type CampaignPeriod,
  CampaignResponse,
  CurrencyCode,
  LifecycleStage,
  type Money,
  type TargetSegment,
} from '@crm/domain';
import * as fc from 'fast-check';
import {
  calendarDateArbitrary,
  currencyArbitrary,
  moneyArbitrary,
  tagArbitrary,
} from '../kernel-arbitraries.ts';

// Every key of an io-ts `keyof` codec, so a value added to the codec is generated at once.
const keysOf = <TKey extends string>(codec: {
  readonly keys: Readonly<Record<TKey, unknown>>;
}): fc.Arbitrary<TKey> =>
  fc.constantFrom(
    ...Object.keys(codec.keys).filter((k): k is TKey => Object.hasOwn(codec.keys, k)),
  );

/** Every campaign channel. */
export const campaignChannelArbitrary: fc.Arbitrary<CampaignChannel> = keysOf(CampaignChannel);

/** Every response, the funnel steps more often than the two ends. */
export const campaignResponseArbitrary: fc.Arbitrary<CampaignResponse> = fc.oneof(
  { weight: 6, arbitrary: keysOf(CampaignResponse) },
  { weight: 1, arbitrary: fc.constant('converted' as const) },
);

/** Mostly EUR, so that costs usually match the budget; sometimes any currency. */
export const campaignCurrencyArbitrary: fc.Arbitrary<CurrencyCode> = fc.oneof(
  { weight: 5, arbitrary: fc.constant<string>('EUR').filter(CurrencyCode.is) },
  { weight: 1, arbitrary: currencyArbitrary },
);

/** Money in `campaignCurrencyArbitrary`, from `min` to `max` minor units (as a plain object). */
export const campaignMoneyArbitrary = (min: number, max: number): fc.Arbitrary<Money> =>
  moneyArbitrary(campaignCurrencyArbitrary, { min, max }).map((money) => ({ ...money }));

/** A period that usually runs forwards, sometimes ends before it starts. */
export const campaignPeriodArbitrary: fc.Arbitrary<CampaignPeriod> = fc
  .tuple(calendarDateArbitrary, calendarDateArbitrary, fc.nat(19))
  .map(([a, b, n]): { start: CalendarDate; end: CalendarDate } =>
    n === 0 || a <= b ? { start: a, end: b } : { start: b, end: a },
  );

/** A target segment of a few tags and stages (possibly none, possibly repeated). */
export const targetSegmentArbitrary: fc.Arbitrary<TargetSegment> = fc
  .tuple(
    fc.array(tagArbitrary, { maxLength: 3 }),
    fc.array(keysOf(LifecycleStage), { maxLength: 3 }),
  )
  .map(([tags, lifecycleStages]) => ({ tags, lifecycleStages }));
