import type { ProjectedEvent, ProjectionFold } from '@crm/projections';
import type { Transaction } from 'kysely';
import { recordAppliedPosition } from './applied-position.ts';

/** How a projection's rows are kept in memory through a rebuild from zero. */
export interface InMemoryFoldOptions<TTables, TWorking> {
  /** The empty rows of empty tables. */
  readonly start: () => TWorking;
  /** Applies events (in log order) to the rows. */
  readonly apply: (working: TWorking, events: ReadonlyArray<ProjectedEvent>) => void;
  /** Writes the rows changed since the last write, and forgets that they changed. */
  readonly write: (db: Transaction<TTables>, working: TWorking) => Promise<void>;
  /** Rows held. */
  readonly rowsHeld: (working: TWorking) => number;
}

/**
 * A projection's fold (`Projection.startFold`) from the parts its batches already have: the
 * rows it works on, kept from batch to batch, and its applied position recorded with each flush
 * as `apply` records it with each batch.
 */
export const inMemoryFold =
  <TTables, TWorking>(options: InMemoryFoldOptions<TTables, TWorking>) =>
  (): ProjectionFold<TTables> => {
    const working = options.start();
    let last: ProjectedEvent['position'] | undefined;
    return {
      apply: (events) => {
        options.apply(working, events);
        last = events[events.length - 1]?.position ?? last;
      },
      flush: async (db) => {
        await options.write(db, working);
        if (last !== undefined) await recordAppliedPosition(db, last);
      },
      rowsHeld: () => options.rowsHeld(working),
    };
  };
