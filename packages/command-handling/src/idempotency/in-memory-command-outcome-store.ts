import type {
  CommandOutcomeStore,
  OutcomeClaim,
  RecordedOutcome,
} from './command-outcome-store.ts';

type Entry =
  | { readonly status: 'pending'; readonly holder: string; readonly leaseUntil: number }
  | { readonly status: 'completed'; readonly outcome: RecordedOutcome };

/**
 * The outcome record in process memory, for tests and single-process demos. Outcomes are
 * kept for the life of the process; `clock` is injectable for lease tests.
 */
export const createInMemoryCommandOutcomeStore = (
  clock: () => number = Date.now,
): CommandOutcomeStore => {
  const entries = new Map<string, Entry>();
  return {
    claim: async (commandId, holder, leaseMs): Promise<OutcomeClaim> => {
      const entry = entries.get(commandId);
      if (entry?.status === 'completed') return { status: 'completed', outcome: entry.outcome };
      const now = clock();
      if (entry !== undefined && entry.leaseUntil > now && entry.holder !== holder) {
        return { status: 'busy' };
      }
      entries.set(commandId, { status: 'pending', holder, leaseUntil: now + leaseMs });
      return { status: 'acquired', mayHaveActed: entry !== undefined };
    },
    complete: async (commandId, _holder, outcome) => {
      const entry = entries.get(commandId);
      if (entry?.status === 'completed') return entry.outcome;
      entries.set(commandId, { status: 'completed', outcome });
      return outcome;
    },
    release: async (commandId, holder) => {
      const entry = entries.get(commandId);
      if (entry?.status === 'pending' && entry.holder === holder) {
        entries.set(commandId, { status: 'pending', holder, leaseUntil: 0 });
      }
    },
  };
};
