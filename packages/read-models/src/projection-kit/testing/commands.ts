import type { EventHistory, PlainCommand } from './event-history.ts';

// Test support: plain-JSON commands with sensible defaults, so a history reads like the story.

/** `2025-MM-DDT09:00:00Z`, or a given time of day. */
export const on = (date: string, time = '09:00:00'): string => `${date}T${time}Z`;

/** A line item in `currency`: quantity × unit price / unit cost, in minor units. */
export const line = (
  productId: string,
  quantity: number,
  unitPrice: number,
  unitCost: number,
  currency = 'EUR',
) => ({
  productId,
  quantity,
  unitPrice: { amountMinor: unitPrice, currency },
  unitCost: { amountMinor: unitCost, currency },
});

/** Registers a person. */
export const registerCustomer = (
  customerId: string,
  at: string,
  extra: {
    readonly givenName?: string;
    readonly familyName?: string;
    readonly email?: string;
    readonly phone?: string;
    readonly phoneRegion?: string;
    readonly ownerId?: string;
  } = {},
): PlainCommand => ({
  type: 'RegisterCustomer',
  data: {
    customerId,
    party: {
      kind: 'person',
      givenName: extra.givenName ?? 'Test',
      familyName: extra.familyName ?? customerId,
    },
    acquisition: { source: 'test', channel: 'direct' },
    ownerId: extra.ownerId ?? 'user-owner',
    at,
    ...(extra.email === undefined ? {} : { email: extra.email }),
    ...(extra.phone === undefined ? {} : { phone: extra.phone }),
    ...(extra.phoneRegion === undefined ? {} : { phoneRegion: extra.phoneRegion }),
  },
});

/** Moves a customer forward to `stage`. */
export const advance = (customerId: string, stage: string, at: string): PlainCommand => ({
  type: 'AdvanceLifecycleStage',
  data: { customerId, stage, at },
});

/** Churns a customer. */
export const churn = (customerId: string, at: string): PlainCommand => ({
  type: 'ChurnCustomer',
  data: { customerId, reason: 'moved to a competitor', at },
});

/** Wins a churned customer back. */
export const reactivate = (customerId: string, at: string): PlainCommand => ({
  type: 'ReactivateCustomer',
  data: { customerId, reason: 'came back', at },
});

/** Opens a deal; owner, title and expected close date have defaults. */
export const openDeal = (
  dealId: string,
  customerId: string,
  at: string,
  lineItems: ReadonlyArray<ReturnType<typeof line>>,
  currency = 'EUR',
  extra: {
    readonly ownerId?: string;
    readonly title?: string;
    readonly expectedCloseDate?: string;
  } = {},
): PlainCommand => ({
  type: 'OpenDeal',
  data: {
    dealId,
    customerId,
    ownerId: extra.ownerId ?? 'user-rep',
    title: extra.title ?? `Order of ${customerId}`,
    expectedCloseDate: extra.expectedCloseDate ?? at.slice(0, 10),
    currency,
    lineItems,
    at,
  },
});

/** Wins a deal, optionally recording the rate to the reporting currency. */
export const winDeal = (
  dealId: string,
  at: string,
  exchangeRate?: { readonly base: string; readonly quote: string; readonly rate: string },
): PlainCommand => ({
  type: 'WinDeal',
  data: { dealId, at, ...(exchangeRate === undefined ? {} : { exchangeRate }) },
});

/** Loses a deal. */
export const loseDeal = (dealId: string, at: string): PlainCommand => ({
  type: 'LoseDeal',
  data: { dealId, reason: 'price', at },
});

/**
 * Returns `won(history, customerId, at, amount, currency, exchangeRate)`: opens a one-line deal
 * for ana at `openedAt` (due 2025-12-31), wins it at `at` and returns its id, `deal-1`, `deal-2`…
 * counting per returned function.
 */
export const dealWinner = (openedAt: string) => {
  let deals = 0;
  return (
    history: EventHistory,
    customerId: string,
    at: string,
    amount = 100_00,
    currency = 'EUR',
    exchangeRate?: Record<string, string>,
  ): string => {
    deals += 1;
    const dealId = `deal-${deals}`;
    history.run(
      'deal',
      {
        type: 'OpenDeal',
        data: {
          dealId,
          customerId,
          ownerId: 'ana',
          title: 'Order',
          expectedCloseDate: '2025-12-31',
          currency,
          lineItems: [line('p-1', 1, amount, 0, currency)],
          at: openedAt,
        },
      },
      {
        type: 'WinDeal',
        data: { dealId, at, ...(exchangeRate === undefined ? {} : { exchangeRate }) },
      },
    );
    return dealId;
  };
};
