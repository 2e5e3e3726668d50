import { generateCrmHistory } from './generate-crm-history.ts';
import type { CrmHistoryOptions } from './options.ts';
import type { SeedAggregate } from './seed-command.ts';

/** Exact figures of a history. */
export interface CrmHistoryStats {
  readonly commands: number;
  readonly events: number;
  readonly byType: Readonly<Record<string, number>>;
  readonly byAggregate: Readonly<Record<SeedAggregate, number>>;
  /** Registrations, duplicates included. */
  readonly registrations: number;
}

/**
 * The exact number of commands (by type and aggregate) and events of the history `options`
 * describe, from one dry run of the generator (fast: no decider, no store). Use it for an
 * exact progress bar total, or to pick `customers` for a target number of events.
 */
export const generateCrmHistoryStats = (options: CrmHistoryOptions): CrmHistoryStats => {
  const history = generateCrmHistory(options);
  const byAggregate: Record<SeedAggregate, number> = {
    customer: 0,
    deal: 0,
    ticket: 0,
    campaign: 0,
  };
  for (const item of history) byAggregate[item.aggregate] += 1;
  const { commands, events, byType } = history.progress;
  return {
    commands,
    events,
    byType: { ...byType },
    byAggregate,
    registrations: byType.RegisterCustomer ?? 0,
  };
};
