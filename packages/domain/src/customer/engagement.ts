import * as t from 'io-ts';

/** How the customer and staff were in touch. */
export const InteractionChannel = t.keyof({
  call: null,
  email: null,
  meeting: null,
  chat: null,
  social: null,
  visit: null,
});
export type InteractionChannel = t.TypeOf<typeof InteractionChannel>;

/** Who started the contact: the customer (`inbound`) or staff (`outbound`). */
export const InteractionDirection = t.keyof({ inbound: null, outbound: null });
export type InteractionDirection = t.TypeOf<typeof InteractionDirection>;

export interface CsatValueBrand {
  readonly CsatValue: unique symbol;
}

/** A customer-satisfaction answer: an integer from 1 (very unsatisfied) to 5 (very satisfied). */
export const CsatValue = t.brand(
  t.number,
  (n): n is t.Branded<number, CsatValueBrand> => Number.isInteger(n) && n >= 1 && n <= 5,
  'CsatValue',
);
export type CsatValue = t.TypeOf<typeof CsatValue>;

export interface NpsValueBrand {
  readonly NpsValue: unique symbol;
}

/** A net-promoter answer: an integer from 0 to 10. */
export const NpsValue = t.brand(
  t.number,
  (n): n is t.Branded<number, NpsValueBrand> => Number.isInteger(n) && n >= 0 && n <= 10,
  'NpsValue',
);
export type NpsValue = t.TypeOf<typeof NpsValue>;

/** One survey answer: CSAT (1–5) or NPS (0–10). */
export const SatisfactionScore = t.union([
  t.readonly(t.type({ kind: t.literal('csat'), value: CsatValue })),
  t.readonly(t.type({ kind: t.literal('nps'), value: NpsValue })),
]);
export type SatisfactionScore = t.TypeOf<typeof SatisfactionScore>;

export interface LoyaltyPointsBrand {
  readonly LoyaltyPoints: unique symbol;
}

/** The largest number of points one earn or redeem may move, which keeps totals exact. */
export const maxLoyaltyPointsPerEntry = 1_000_000_000;

/** A positive whole number of loyalty points moved by one earn or redeem. */
export const LoyaltyPoints = t.brand(
  t.number,
  (n): n is t.Branded<number, LoyaltyPointsBrand> =>
    Number.isInteger(n) && n > 0 && n <= maxLoyaltyPointsPerEntry,
  'LoyaltyPoints',
);
export type LoyaltyPoints = t.TypeOf<typeof LoyaltyPoints>;
