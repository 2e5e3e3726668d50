/**
 * Example data and helpers for the deal's own example tests (test support, not public API).
 * The testing package has the generators; these are the few hand-picked cases the tests read.
 */
import * as E from 'fp-ts/lib/Either.js';
import { fold } from '../kernel/decider.ts';
import type { ExchangeRate } from '../kernel/exchange-rate.ts';
import type { CustomerId, DealId, EntryId, ProductId, UserId } from '../kernel/ids.ts';
import type { CurrencyCode, MinorUnits, Money } from '../kernel/money.ts';
import type { NonEmptyString } from '../kernel/text.ts';
import type { CalendarDate, Instant } from '../kernel/time.ts';
import type { DealCommand } from './commands.ts';
import type { OpenDeal } from './commands-pipeline.ts';
import { dealDecider } from './decider.ts';
import type { DealError } from './errors.ts';
import type { DealEvent } from './events.ts';
import type { LineItem, Quantity } from './line-item.ts';
import type { DealState } from './state.ts';

export const dealId = 'deal-1' as DealId;
export const customerId = 'cust-1' as CustomerId;
export const ownerId = 'user-ana' as UserId;
export const otherOwnerId = 'user-bo' as UserId;
export const widget = 'prod-widget' as ProductId;
export const gadget = 'prod-gadget' as ProductId;

export const at = (iso: string): Instant => iso as Instant;
export const day = (iso: string): CalendarDate => iso as CalendarDate;
export const text = (s: string): NonEmptyString => s as NonEmptyString;
export const entry = (id: string): EntryId => id as EntryId;
export const money = (amountMinor: number, currency = 'EUR'): Money => ({
  amountMinor: amountMinor as MinorUnits,
  currency: currency as CurrencyCode,
});
export const eur = (amountMinor: number): Money => money(amountMinor, 'EUR');
export const eurToUsd = (rate: string): ExchangeRate =>
  ({ base: 'EUR', quote: 'USD', rate }) as ExchangeRate;

export const line = (
  productId: ProductId,
  quantity: number,
  unitPrice: Money,
  unitCost: Money,
): LineItem => ({ productId, quantity: quantity as Quantity, unitPrice, unitCost });

/** 3 widgets at 10.00 costing 6.00: revenue 30.00, cost 18.00. */
export const widgets = line(widget, 3, eur(10_00), eur(6_00));
/** 2 gadgets at 25.00 costing 30.00 (sold at a loss): revenue 50.00, cost 60.00. */
export const gadgets = line(gadget, 2, eur(25_00), eur(30_00));

export const openDeal = (data: Partial<OpenDeal['data']> = {}): OpenDeal => ({
  type: 'OpenDeal',
  data: {
    dealId,
    customerId,
    ownerId,
    title: text('Fleet renewal'),
    expectedCloseDate: day('2025-06-30'),
    currency: 'EUR' as CurrencyCode,
    lineItems: [widgets, gadgets],
    at: at('2025-03-01T09:00:00Z'),
    ...data,
  },
});

/** The state after `events`. */
export const stateOf = (events: ReadonlyArray<DealEvent>): DealState => fold(dealDecider, events);

/** What the decider answers to `command` after `events`. */
export const decide = (
  events: ReadonlyArray<DealEvent>,
  command: DealCommand,
): E.Either<DealError, ReadonlyArray<DealEvent>> => dealDecider.decide(command, stateOf(events));

/** The events of running `commands` in order; a refused command fails the test at once. */
export const historyOf = (...commands: ReadonlyArray<DealCommand>): ReadonlyArray<DealEvent> => {
  const events: DealEvent[] = [];
  for (const command of commands) events.push(...accepted(events, command));
  return events;
};

/** The error a refused command gives; an accepted one fails the test. */
export const refusal = (events: ReadonlyArray<DealEvent>, command: DealCommand): DealError => {
  const result = decide(events, command);
  if (E.isRight(result)) throw new Error(`${command.type} was accepted`);
  return result.left;
};

/** The events an accepted command gives; a refused one fails the test. */
export const accepted = (
  events: ReadonlyArray<DealEvent>,
  command: DealCommand,
): ReadonlyArray<DealEvent> => {
  const result = decide(events, command);
  if (E.isLeft(result)) throw new Error(`${command.type} refused: ${result.left.message}`);
  return result.right;
};

export const opened = historyOf(openDeal());
export const win = (data: Partial<Extract<DealCommand, { type: 'WinDeal' }>['data']> = {}) =>
  ({ type: 'WinDeal', data: { dealId, at: at('2025-06-01T12:00:00Z'), ...data } }) as const;
/** Opened with widgets and gadgets and won: revenue 80.00, cost 78.00, profit 2.00. */
export const won = historyOf(openDeal(), win());
export const lost = historyOf(openDeal(), {
  type: 'LoseDeal',
  data: { dealId, reason: text('Budget cut'), at: at('2025-04-01T10:00:00Z') },
});
