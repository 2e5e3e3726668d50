import type { CurrencyCode } from '@crm/domain';
import { supportedCurrencies } from './exchange-rates.ts';
import type { PolicyReactionRef } from './seed-command.ts';

/** What history to generate. */
export interface CrmHistoryOptions {
  /** The same seed always gives the same history. */
  readonly seed: number | string;
  /** How many distinct customers register over the period (duplicate registrations come on top). */
  readonly customers: number;
  /** How many calendar months the history covers (2 to 120). */
  readonly months: number;
  /** When the history starts: an instant (`2024-01-01T00:00:00Z`) or a day (`2024-01-01`, UTC). */
  readonly startAt: string;
  /** The currency won deals record an exchange rate into (`EUR` by default). */
  readonly reportingCurrency?: string;
  /** Campaigns planned per month, on average (2 by default). */
  readonly campaignsPerMonth?: number;
  /** The share of all customers one campaign reaches at most (0.06 by default). */
  readonly campaignReach?: number;
  /** How many customers are registered twice and merged (a few: customers / 400, at least 2). */
  readonly duplicates?: number;
  /** The prefix of command ids: `<prefix>-<n>` (`seed` by default). */
  readonly commandIdPrefix?: string;
  /**
   * The command id to give a policy reaction. Pass the policy runner's own derivation so that,
   * if the runner also runs over the written log, its reactions are replays and act no more.
   */
  readonly policyCommandId?: (reaction: PolicyReactionRef) => string;
}

/** The options with every default filled in and checked. */
export interface ResolvedOptions {
  readonly seed: string;
  readonly customers: number;
  readonly months: number;
  readonly startMs: number;
  readonly endMs: number;
  readonly reportingCurrency: CurrencyCode;
  readonly campaignsPerMonth: number;
  readonly campaignReach: number;
  readonly duplicates: number;
  readonly commandIdPrefix: string;
  readonly policyCommandId: ((reaction: PolicyReactionRef) => string) | undefined;
}

const startPattern = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;

const whole = (name: string, value: number, min: number, max: number): number => {
  if (!Number.isInteger(value) || value < min || value > max)
    throw new RangeError(`${name} must be a whole number from ${min} to ${max}, got ${value}`);
  return value;
};

const share = (name: string, value: number, min: number, max: number): number => {
  if (!Number.isFinite(value) || value < min || value > max)
    throw new RangeError(`${name} must be from ${min} to ${max}, got ${value}`);
  return value;
};

/** Fills in defaults and checks every option, throwing a RangeError naming the bad one. */
export const resolveOptions = (options: CrmHistoryOptions): ResolvedOptions => {
  const customers = whole('customers', options.customers, 10, 10_000_000);
  const months = whole('months', options.months, 2, 120);
  if (!startPattern.test(options.startAt) || Number.isNaN(Date.parse(options.startAt)))
    throw new RangeError(`startAt must be an ISO-8601 instant or day, got "${options.startAt}"`);
  const startMs = Date.parse(
    options.startAt.length === 10 ? `${options.startAt}T00:00:00Z` : options.startAt,
  );
  const start = new Date(startMs);
  const endMs = Date.UTC(
    start.getUTCFullYear(),
    start.getUTCMonth() + months,
    start.getUTCDate(),
    start.getUTCHours(),
    start.getUTCMinutes(),
    start.getUTCSeconds(),
  );
  const reportingCurrency = options.reportingCurrency ?? 'EUR';
  if (!supportedCurrencies.includes(reportingCurrency))
    throw new RangeError(
      `reportingCurrency must be one of ${supportedCurrencies.join(', ')}, got ${reportingCurrency}`,
    );
  const prefix = options.commandIdPrefix ?? 'seed';
  if (!/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,40}$/.test(prefix))
    throw new RangeError(`commandIdPrefix must be a short id-safe word, got "${prefix}"`);
  return {
    seed: String(options.seed),
    customers,
    months,
    startMs,
    endMs,
    reportingCurrency: reportingCurrency as CurrencyCode,
    campaignsPerMonth: share('campaignsPerMonth', options.campaignsPerMonth ?? 2, 0, 50),
    campaignReach: share('campaignReach', options.campaignReach ?? 0.06, 0, 1),
    duplicates: whole(
      'duplicates',
      options.duplicates ?? Math.max(2, Math.round(customers / 400)),
      0,
      Math.floor(customers / 4),
    ),
    commandIdPrefix: prefix,
    policyCommandId: options.policyCommandId,
  };
};
