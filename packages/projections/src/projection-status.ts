import type { LogPosition } from '@crm/event-store';
import type { ProjectionPoisonedDetails } from './projection-poisoned.ts';

/** How far a rebuild got: events applied to the scratch schema, of how many. */
export interface RebuildProgress {
  readonly projection: string;
  readonly done: number;
  /** Events to apply in all, counted when the rebuild (re)started; new ones may add to it. */
  readonly total: number;
}

/**
 * What a projection is doing in this process:
 * - `standby`: another instance owns it (or none could be acquired yet);
 * - `starting`: migrating, checking its version;
 * - `running`: applying the log, catching up or live;
 * - `rebuilding`: building a fresh copy in its scratch schema (queries read the old one);
 * - `poisoned`: stopped at a poison event, see `error`;
 * - `failed`: stopped by an error that a later attempt may not meet; retried;
 * - `stopped`: shut down.
 */
export type ProjectionState =
  | 'standby'
  | 'starting'
  | 'running'
  | 'rebuilding'
  | 'poisoned'
  | 'failed'
  | 'stopped';

/** A projection's state in this process, for logs, health checks and progress bars. */
export interface ProjectionStatus {
  readonly name: string;
  readonly version: number;
  readonly state: ProjectionState;
  /** Its checkpoint as this process last knew it. */
  readonly position: LogPosition | undefined;
  /** Events applied by this process since it took the projection. */
  readonly eventsApplied: number;
  readonly rebuild: RebuildProgress | undefined;
  readonly poison: ProjectionPoisonedDetails | undefined;
  /** The last failure's message while `failed`. */
  readonly failure: string | undefined;
}
