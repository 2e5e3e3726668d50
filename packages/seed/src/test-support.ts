import {
  type Command,
  campaignDecider,
  customerDecider,
  type Decider,
  type DomainError,
  type DomainEvent,
  dealDecider,
  ticketDecider,
  type VersionedEvent,
} from '@crm/domain';
import * as E from 'fp-ts/lib/Either.js';
import type { SeedAggregate, SeedCommand } from './seed-command.ts';

type AnyDecider = Decider<Command, VersionedEvent, unknown, DomainError>;

const deciders = {
  customer: customerDecider,
  deal: dealDecider,
  ticket: ticketDecider,
  campaign: campaignDecider,
} as unknown as Readonly<Record<SeedAggregate, AnyDecider>>;

/** One seeded command as the deciders took it. */
export interface Decided {
  readonly item: SeedCommand;
  /** The state of its stream before the command. */
  readonly before: unknown;
  readonly events: ReadonlyArray<DomainEvent>;
}

/** What running a history through the deciders gave. */
export interface DecidedHistory {
  readonly decided: ReadonlyArray<Decided>;
  readonly refusals: ReadonlyArray<{ readonly item: SeedCommand; readonly error: DomainError }>;
  readonly states: ReadonlyMap<string, unknown>;
}

/**
 * Runs every command through its aggregate's decider against an in-memory map of stream
 * states, as the command handler would (minus storage): the test of "every command accepted".
 */
export const decideAll = (history: Iterable<SeedCommand>): DecidedHistory => {
  const states = new Map<string, unknown>();
  const decided: Decided[] = [];
  const refusals: Array<{ item: SeedCommand; error: DomainError }> = [];
  for (const item of history) {
    const decider = deciders[item.aggregate];
    const before = states.get(item.streamName) ?? decider.initialState;
    const result = decider.decide(item.command, before);
    if (E.isLeft(result)) {
      refusals.push({ item, error: result.left });
      continue;
    }
    states.set(item.streamName, result.right.reduce(decider.evolve, before));
    decided.push({ item, before, events: result.right as ReadonlyArray<DomainEvent> });
  }
  return { decided, refusals, states };
};
