import type { CurrencyCode, CustomerId, Instant, PhoneE164, PhoneRegion } from '@crm/domain';
import { instantOf } from './calendar.ts';
import { startCampaigns } from './campaign-flow.ts';
import { type Product, products } from './catalogue.ts';
import { scheduleErasure } from './erasure.ts';
import { estimateCrmHistorySize } from './estimate.ts';
import { customerIdOf, planHistory } from './history-plan.ts';
import { type CrmHistoryOptions, resolveOptions } from './options.ts';
import { createRandom } from './random.ts';
import { startRegistrations } from './registration.ts';
import type { SeedCommand } from './seed-command.ts';
import { type CrmHistoryProgress, createSimulation } from './simulation.ts';
import { allStaff, type StaffMember } from './staff.ts';
import { hireStartingReps, scheduleRepChange } from './staffing.ts';

/** The customer a demo looks up by phone: registered first, busiest of all, never merged or erased. */
export interface WellKnownCustomer {
  readonly customerId: CustomerId;
  readonly name: string;
  /** The phone number as a caller would read it out, national format, and its region. */
  readonly phone: {
    readonly typed: string;
    readonly region: PhoneRegion;
    readonly e164: PhoneE164;
  };
  readonly email: string;
}

/** A customer registered twice and merged: the duplicate now points at its survivor. */
export interface DuplicatePair {
  readonly duplicateId: CustomerId;
  readonly survivorId: CustomerId;
}

/** What is known about a history before it is generated. */
export interface CrmHistoryFacts {
  readonly seed: string;
  readonly customers: number;
  readonly months: number;
  readonly startAt: Instant;
  /** Nothing happens at or after this instant. */
  readonly endAt: Instant;
  readonly reportingCurrency: CurrencyCode;
  readonly wellKnownCustomer: WellKnownCustomer;
  readonly duplicates: ReadonlyArray<DuplicatePair>;
  readonly erasedCustomerId: CustomerId;
  /** Everyone who issues commands (policy accounts `policy:<name>` aside). */
  readonly staff: ReadonlyArray<StaffMember>;
  readonly products: ReadonlyArray<Product>;
}

/** A history being generated: iterate it once for its commands; `progress` counts as it goes. */
export interface CrmHistory extends IterableIterator<SeedCommand> {
  readonly facts: CrmHistoryFacts;
  readonly progress: CrmHistoryProgress;
}

/**
 * Generates a realistic CRM history as a lazy, time-ordered stream of domain commands, each
 * with the actor who issues it and a deterministic command id. Applied in order through the
 * deciders, every command is accepted. Memory grows with the number of customers (their
 * current state), not with the length of the history.
 *
 * @example
 * const history = generateCrmHistory({ seed: 7, customers: 2_500, months: 24, startAt: '2024-01-01' });
 * for (const { commandId, actor, command } of history) await handle(command, { commandId, actor });
 * history.facts.wellKnownCustomer.phone.typed; // '020 7946 0…', read in region GB
 */
export const generateCrmHistory = (options: CrmHistoryOptions): CrmHistory => {
  const resolved = resolveOptions(options);
  const random = createRandom(resolved.seed);
  const simulation = createSimulation(resolved, random, estimateCrmHistorySize(options));
  const plan = planHistory(resolved, random, simulation.contacts);
  hireStartingReps(simulation);
  startRegistrations(simulation, plan);
  startCampaigns(simulation);
  scheduleRepChange(simulation);
  scheduleErasure(simulation);
  const { wellKnown } = plan;
  const party = wellKnown.party;
  const facts: CrmHistoryFacts = {
    seed: resolved.seed,
    customers: resolved.customers,
    months: resolved.months,
    startAt: instantOf(resolved.startMs),
    endAt: instantOf(resolved.endMs),
    reportingCurrency: resolved.reportingCurrency,
    wellKnownCustomer: {
      customerId: customerIdOf(1),
      name:
        party.kind === 'person'
          ? `${party.givenName ?? ''} ${party.familyName}`.trim()
          : party.legalName,
      phone: {
        typed: wellKnown.phone.typed,
        region: wellKnown.phone.region ?? ('GB' as PhoneRegion),
        e164: wellKnown.phone.e164,
      },
      email: wellKnown.email.toLowerCase(),
    },
    duplicates: [...plan.duplicateOf].map(([survivor, duplicate]) => ({
      duplicateId: customerIdOf(duplicate),
      survivorId: customerIdOf(survivor),
    })),
    erasedCustomerId: customerIdOf(plan.erasedIndex),
    staff: allStaff,
    products,
  };
  function* commands(): Generator<SeedCommand, undefined, undefined> {
    for (let next = simulation.next(); next !== undefined; next = simulation.next()) yield next;
    return undefined;
  }
  return Object.assign(commands(), { facts, progress: simulation.progress });
};
