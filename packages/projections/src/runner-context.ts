import type { EventFilter, EventStore } from '@crm/event-store';
import type { Kysely } from 'kysely';
import type { EventCounter } from './event-counter.ts';
import type { EventDecoder } from './event-decoder.ts';
import type { AnyProjection } from './projection.ts';
import type { ProjectionStatus, RebuildProgress } from './projection-status.ts';
import type { RuntimeLogger } from './runtime-logger.ts';

/** What the runner's parts share: its settings, resolved, and a way to update its status. */
export interface RunnerContext<TDatabase> {
  readonly db: Kysely<TDatabase>;
  readonly eventStore: EventStore;
  readonly projection: AnyProjection;
  readonly decode: EventDecoder;
  readonly batchSize: number;
  /** Most events per transaction of a rebuild. */
  readonly rebuildBatchSize: number;
  readonly counter: EventCounter;
  readonly logger: RuntimeLogger;
  readonly owner: string | null;
  /** The projection's event types as a store filter (none: every event). */
  readonly filter: EventFilter | undefined;
  readonly update: (patch: Partial<ProjectionStatus>) => void;
  readonly onProgress: ((progress: RebuildProgress) => void) | undefined;
}
