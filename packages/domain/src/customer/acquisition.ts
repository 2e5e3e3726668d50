import * as t from 'io-ts';

/** The marketing channel a customer came through, a closed list so reports can group by it. */
export const AcquisitionChannel = t.keyof({
  organic_search: null,
  paid_ads: null,
  social: null,
  email: null,
  referral: null,
  partner: null,
  event: null,
  direct: null,
  outbound: null,
  other: null,
});
export type AcquisitionChannel = t.TypeOf<typeof AcquisitionChannel>;

export interface AcquisitionSourceBrand {
  readonly AcquisitionSource: unique symbol;
}

/** The source within the channel as a short label (`spring-fair-2025`, `partner:acme`). */
export const AcquisitionSource = t.brand(
  t.string,
  (s): s is t.Branded<string, AcquisitionSourceBrand> => s.trim().length > 0 && s.length <= 100,
  'AcquisitionSource',
);
export type AcquisitionSource = t.TypeOf<typeof AcquisitionSource>;

/** Where and how the customer was acquired; fixed at registration. */
export const Acquisition = t.readonly(
  t.type({ source: AcquisitionSource, channel: AcquisitionChannel }),
);
export type Acquisition = t.TypeOf<typeof Acquisition>;
