import {
  CurrencyCode,
  type DealCommand,
  type DealError,
  DecimalRate,
  dealDecider,
  decodeDealCommand,
  type InvalidInput,
  normaliseEmail,
  normalisePhone,
  type OpenDealStage,
  type PhoneRegion,
} from '@crm/domain';
import * as E from 'fp-ts/lib/Either.js';
import { cleanAmount, cleanCount, cleanInstant, type DateOrder, tidyText } from './clean-values.ts';
import type { RowReader } from './row-reader.ts';

/** How a deal row names its customer, before it is looked up. */
export type CustomerReference =
  | { readonly by: 'customer'; readonly value: string }
  | { readonly by: 'email'; readonly value: string }
  | { readonly by: 'phone'; readonly value: string };

/** A deal row, cleaned; its customer still to be found. */
export interface CleanDeal {
  readonly line: number;
  readonly externalId: string | undefined;
  readonly key: string;
  readonly customer: CustomerReference;
  readonly title: string;
  readonly currency: CurrencyCode;
  readonly amountMinor: number;
  readonly costMinor: number;
  readonly productId: string;
  readonly quantity: number;
  readonly stage: OpenDealStage;
  readonly status: 'open' | 'won' | 'lost';
  readonly openedAt: string;
  readonly closedAt: string | undefined;
  readonly expectedCloseDate: string;
  readonly lostReason: string | undefined;
  readonly competitor: string | undefined;
  readonly ownerId: string;
  /** Units of the reporting currency one unit of `currency` is worth, for a won deal. */
  readonly rate: string | undefined;
}

/** How deal rows are cleaned. */
export interface DealRowOptions {
  readonly reportingCurrency: CurrencyCode;
  /** Currency of amounts that name none. */
  readonly currency: CurrencyCode;
  /** Exchange rates into the reporting currency by currency (`{ USD: '0.92' }`). */
  readonly rates: Readonly<Record<string, string>>;
  readonly defaultRegion?: PhoneRegion;
  readonly productId: string;
  readonly ownerId: string;
  readonly dateOrder?: DateOrder;
  readonly now: string;
}

const stageWords: ReadonlyArray<readonly [RegExp, OpenDealStage | 'open' | 'won' | 'lost']> = [
  [/^(open|in progress|active)$/, 'open'],
  [/^(closed )?won$/, 'won'],
  [/^(closed )?lost$/, 'lost'],
  [/^(qualification|qualify|qualified|prospecting|new|lead)$/, 'qualification'],
  [/^(needs analysis|discovery|needs)$/, 'needs_analysis'],
  [/^(proposal|quote|quoted|proposal sent)$/, 'proposal'],
  [/^(negotiation|negotiating|contract|commit)$/, 'negotiation'],
];

const stageOf = (text: string): OpenDealStage | 'open' | 'won' | 'lost' | undefined => {
  const key = text
    .toLowerCase()
    .replace(/[_\-/]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return stageWords.find(([pattern]) => pattern.test(key))?.[1];
};

const dayOf = (instant: string): string => instant.slice(0, 10);

const addDays = (instant: string, days: number): string =>
  new Date(Date.parse(instant) + days * 86_400_000).toISOString();

/**
 * Cleans one deal row: the customer reference (an id, else an email or phone, normalised),
 * amount and cost read as people write them (into exact minor units; a currency written in
 * the cell wins over the currency column), the stage and status from the words CRMs use
 * (`Closed Won`, `Discovery`…), dates read, and for a deal won in another currency than the
 * reporting one, the exchange rate (its `rate` column or the `rates` option) — without it the
 * row is invalid, since the read models could not sum it.
 */
export const cleanDealRow = (row: RowReader, options: DealRowOptions): CleanDeal | undefined => {
  let customer: CustomerReference | undefined;
  const customerCell = row.get('customer');
  const emailCell = row.get('customerEmail');
  const phoneCell = row.get('customerPhone');
  if (customerCell !== undefined) customer = { by: 'customer', value: customerCell };
  else if (emailCell !== undefined) {
    const email = normaliseEmail(emailCell);
    if (E.isLeft(email))
      row.problem('customerEmail', `"${emailCell}" is not a valid email address`);
    else customer = { by: 'email', value: email.right };
  } else if (phoneCell !== undefined) {
    const phone = normalisePhone(phoneCell, { region: options.defaultRegion });
    if (E.isLeft(phone)) row.problem('customerPhone', `"${phoneCell}" is not a valid phone number`);
    else customer = { by: 'phone', value: phone.right };
  } else {
    row.problem('customer', 'the row names no customer (customer, customerEmail or customerPhone)');
  }

  const currencyCell = row.get('currency')?.toUpperCase();
  if (currencyCell !== undefined && !CurrencyCode.is(currencyCell)) {
    row.problem('currency', `"${currencyCell}" is not an ISO 4217 currency code`);
  }
  let currency =
    currencyCell !== undefined && CurrencyCode.is(currencyCell) ? currencyCell : options.currency;

  let amountMinor = 0;
  const amountCell = row.get('amount');
  if (amountCell === undefined) row.problem('amount', 'the deal has no amount');
  else {
    const amount = cleanAmount(amountCell, currency);
    if (!amount.ok) row.problem('amount', amount.message);
    else if (amount.value.minor <= 0)
      row.problem('amount', `"${amountCell}" is not a positive amount`);
    else {
      if (
        amount.value.currency !== undefined &&
        currencyCell !== undefined &&
        amount.value.currency !== currencyCell
      ) {
        row.problem(
          'currency',
          `the amount says ${amount.value.currency} but the currency column says ${currencyCell}`,
        );
      }
      if (amount.value.currency !== undefined && CurrencyCode.is(amount.value.currency))
        currency = amount.value.currency;
      amountMinor = amount.value.minor;
    }
  }
  let costMinor = 0;
  const costCell = row.get('cost');
  if (costCell !== undefined) {
    const cost = cleanAmount(costCell, currency);
    if (!cost.ok) row.problem('cost', cost.message);
    else if (cost.value.minor < 0) row.problem('cost', `"${costCell}" is negative`);
    else if (cost.value.currency !== undefined && cost.value.currency !== currency) {
      row.problem('cost', `the cost is in ${cost.value.currency}, the amount in ${currency}`);
    } else costMinor = cost.value.minor;
  }
  let quantity = 1;
  const quantityCell = row.get('quantity');
  if (quantityCell !== undefined) {
    const cleaned = cleanCount(quantityCell);
    if (!cleaned.ok) row.problem('quantity', cleaned.message);
    else quantity = cleaned.value;
  }
  if (amountMinor % quantity !== 0 || costMinor % quantity !== 0) {
    row.problem('quantity', `the amount and cost do not divide evenly into ${quantity} units`);
  }

  let stage: OpenDealStage = 'qualification';
  let status: 'open' | 'won' | 'lost' = 'open';
  const stageCell = row.get('stage');
  if (stageCell !== undefined) {
    const read = stageOf(stageCell);
    if (read === undefined)
      row.problem(
        'stage',
        `"${stageCell}" is not a stage (qualification, needs_analysis, proposal, negotiation, won, lost)`,
      );
    else if (read === 'won' || read === 'lost' || read === 'open') status = read;
    else stage = read;
  }
  const statusCell = row.get('status');
  if (statusCell !== undefined) {
    const read = stageOf(statusCell);
    if (read === 'won' || read === 'lost' || read === 'open') status = read;
    else row.problem('status', `"${statusCell}" is not open, won or lost`);
  }

  const instant = (field: string): string | undefined => {
    const cell = row.get(field);
    if (cell === undefined) return undefined;
    const cleaned = cleanInstant(cell, options.dateOrder);
    if (cleaned.ok) return cleaned.value;
    row.problem(field, cleaned.message);
    return undefined;
  };
  const closedCell = instant('closedAt');
  // A deal closed in the past without an opening date is taken as opened when it closed.
  const openedAt =
    instant('openedAt') ??
    (status !== 'open' && closedCell !== undefined && closedCell < options.now
      ? closedCell
      : options.now);
  const closedAt = status === 'open' ? undefined : (closedCell ?? openedAt);
  const expected = instant('expectedCloseDate');
  const expectedCloseDate = dayOf(expected ?? closedAt ?? addDays(openedAt, 30));

  let rate: string | undefined;
  if (status === 'won' && currency !== options.reportingCurrency) {
    const rateCell = row.get('rate')?.replace(',', '.') ?? options.rates[currency];
    if (rateCell === undefined) {
      row.problem(
        'currency',
        `the deal was won in ${currency}, not ${options.reportingCurrency}: give its exchange rate (a rate column, or --rate ${currency}=<${options.reportingCurrency} per ${currency}>)`,
      );
    } else if (!DecimalRate.is(rateCell)) {
      row.problem('rate', `"${rateCell}" is not a positive decimal rate`);
    } else rate = rateCell;
  }

  if (row.problems().length > 0 || customer === undefined) return undefined;
  const externalId = row.get('id');
  const title = tidyText(
    row.get('title') ??
      (externalId === undefined ? 'Imported deal' : `Imported deal ${externalId}`),
  );
  // What the row says, not what was filled in (the opening defaults to the import's instant).
  const content = [
    customer,
    title,
    currency,
    amountMinor,
    costMinor,
    row.get('product') ?? '',
    quantity,
    row.get('openedAt') ?? '',
    row.get('closedAt') ?? '',
    status,
  ];
  return {
    line: row.line,
    externalId,
    key: externalId !== undefined ? `id:${externalId}` : `row:${JSON.stringify(content)}`,
    customer,
    title,
    currency,
    amountMinor,
    costMinor,
    productId: row.get('product') ?? options.productId,
    quantity,
    stage,
    status,
    openedAt,
    closedAt,
    expectedCloseDate,
    lostReason: row.get('lostReason'),
    competitor: row.get('competitor'),
    ownerId: row.get('owner') ?? options.ownerId,
    rate,
  };
};

/** One command of a deal row's history, with the name its id derives from. */
export interface DealStep {
  readonly name: 'open' | 'stage' | 'win' | 'lose';
  readonly command: DealCommand;
}

/** The commands that give the deal its history: open, move to its stage, win or lose. */
export const dealSteps = (
  deal: CleanDeal,
  dealId: string,
  customerId: string,
  reportingCurrency: CurrencyCode,
): ReadonlyArray<DealStep> => {
  const money = (minor: number) => ({ amountMinor: minor, currency: deal.currency });
  const steps: DealStep[] = [
    {
      name: 'open',
      command: {
        type: 'OpenDeal',
        data: {
          dealId,
          customerId,
          ownerId: deal.ownerId,
          title: deal.title,
          expectedCloseDate: deal.expectedCloseDate,
          currency: deal.currency,
          lineItems: [
            {
              productId: deal.productId,
              quantity: deal.quantity,
              unitPrice: money(deal.amountMinor / deal.quantity),
              unitCost: money(deal.costMinor / deal.quantity),
            },
          ],
          at: deal.openedAt,
        },
      } as unknown as DealCommand,
    },
  ];
  if (deal.stage !== 'qualification') {
    steps.push({
      name: 'stage',
      command: {
        type: 'MoveDealToStage',
        data: { dealId, stage: deal.stage, at: deal.openedAt },
      } as unknown as DealCommand,
    });
  }
  const closedAt = deal.closedAt ?? deal.openedAt;
  if (deal.status === 'won') {
    const exchangeRate =
      deal.currency === reportingCurrency || deal.rate === undefined
        ? {}
        : { exchangeRate: { base: deal.currency, quote: reportingCurrency, rate: deal.rate } };
    steps.push({
      name: 'win',
      command: {
        type: 'WinDeal',
        data: { dealId, at: closedAt, ...exchangeRate },
      } as unknown as DealCommand,
    });
  } else if (deal.status === 'lost') {
    steps.push({
      name: 'lose',
      command: {
        type: 'LoseDeal',
        data: {
          dealId,
          reason: deal.lostReason ?? 'Lost (imported)',
          at: closedAt,
          ...(deal.competitor === undefined ? {} : { competitor: deal.competitor }),
        },
      } as unknown as DealCommand,
    });
  }
  return steps;
};

const fieldOfDealError = (error: DealError | InvalidInput): string => {
  const field = 'field' in error && typeof error.field === 'string' ? error.field : '';
  if (/lineItems|unitPrice|amount/.test(field) || /LineItem|Amount/.test(error._tag))
    return 'amount';
  if (/expectedCloseDate|ClosedBeforeOpened/.test(field + error._tag)) return 'closedAt';
  if (/owner/.test(field)) return 'owner';
  if (/title/.test(field)) return 'title';
  if (/currency|exchangeRate/i.test(field + error._tag)) return 'currency';
  if (/product/.test(field)) return 'product';
  return 'row';
};

/**
 * Runs a row's steps through the deal decider on an empty deal: the first refusal, with the
 * field it points at, or nothing when the domain accepts the whole history.
 */
export const checkDealSteps = (
  steps: ReadonlyArray<DealStep>,
): { readonly field: string; readonly message: string } | undefined => {
  let state = dealDecider.initialState;
  for (const step of steps) {
    const decoded = decodeDealCommand(step.command);
    const decided = E.isLeft(decoded) ? decoded : dealDecider.decide(decoded.right, state);
    if (E.isLeft(decided))
      return { field: fieldOfDealError(decided.left), message: decided.left.message };
    state = decided.right.reduce(dealDecider.evolve, state);
  }
  return undefined;
};
