import { hostname } from 'node:os';
import { type EventStore, positionToString } from '@crm/event-store';
import type { Kysely } from 'kysely';
import { recordStatus } from './checkpoints.ts';
import { countEventsByReading, type EventCounter } from './event-counter.ts';
import type { EventDecoder } from './event-decoder.ts';
import { type OwnedTask, type OwnershipSettings, ownTask } from './owned-task.ts';
import type { AnyProjection } from './projection.ts';
import { createProjectionRunner, type ProjectionRunner } from './projection-runner.ts';
import type { ProjectionState, ProjectionStatus, RebuildProgress } from './projection-status.ts';
import { rebuildGroup } from './rebuild-group.ts';
import { rebuildProjectionsTogether } from './rebuild-together.ts';
import { type RuntimeLogger, silentRuntimeLogger } from './runtime-logger.ts';
import { migrateProjectionRuntime } from './runtime-schema.ts';

/** What a projection host is built from. */
export interface ProjectionHostOptions<TDatabase> {
  /**
   * The read-model database, on a pool with at least one connection per task plus two: each
   * owned task keeps one connection (its lock) while it runs.
   */
  readonly db: Kysely<TDatabase>;
  readonly eventStore: EventStore;
  readonly projections: ReadonlyArray<AnyProjection>;
  /** Other work that needs a single owner, such as the policy runner. */
  readonly tasks?: ReadonlyArray<OwnedTask<TDatabase>>;
  readonly decode?: EventDecoder;
  readonly batchSize?: number;
  /** Most events per transaction while rebuilding; see `ProjectionRunnerOptions`. */
  readonly rebuildBatchSize?: number;
  /** Counts lag and rebuild totals. Defaults to `countEventsByReading(eventStore)`. */
  readonly counter?: EventCounter;
  readonly logger?: RuntimeLogger;
  /** This instance's name in logs and checkpoint rows. Defaults to `<hostname>-<pid>`. */
  readonly instanceId?: string;
  /**
   * Projections to rebuild (scratch schema, then swap) when this instance takes them: those it
   * takes within about two acquire intervals of each other are rebuilt in one pass over the log
   * (`rebuildProjectionsTogether`).
   */
  readonly rebuild?: ReadonlyArray<string>;
  readonly onProgress?: (progress: RebuildProgress) => void;
  readonly ownership?: Partial<OwnershipSettings>;
}

/** A task's state in this host; projections add their runner's status. */
export interface HostedStatus {
  readonly name: string;
  readonly kind: 'projection' | 'task';
  /** Whether this instance owns it now. */
  readonly owned: boolean;
  readonly state: ProjectionState;
  readonly projection: ProjectionStatus | undefined;
}

/** How far behind a projection is. */
export interface ProjectionLag {
  readonly name: string;
  readonly state: ProjectionState;
  readonly owned: boolean;
  /** Its checkpoint, `"<commit>/<prepare>"`; `undefined` when not owned here. */
  readonly position: string | undefined;
  /** Events of its types after its checkpoint; `undefined` when not owned here. */
  readonly behind: number | undefined;
}

/** Runs projections and other single-owner tasks; see `createProjectionHost`. */
export interface ProjectionHost {
  readonly instanceId: string;
  /** Runs until `signal` aborts, then lets each task finish its batch and release its lock. */
  readonly run: (signal: AbortSignal) => Promise<void>;
  readonly statuses: () => ReadonlyArray<HostedStatus>;
  /** Counts each owned projection's lag now. */
  readonly lag: () => Promise<ReadonlyArray<ProjectionLag>>;
}

const defaultOwnership: OwnershipSettings = {
  acquireIntervalMs: 1_000,
  heartbeatMs: 1_000,
  retryDelayMs: 1_000,
};

/**
 * Runs every projection (and extra tasks) of one instance. Any number of instances may run
 * against one read-model database: each task is owned by exactly one of them at a time,
 * through a PostgreSQL session advisory lock on the connection the task runs on; the others
 * stand by and take a task over within about a second after its owner's connection ends
 * (docs/guarantees.md, "Projections: exactly-once and ownership").
 *
 * @example
 * const host = createProjectionHost({ db, eventStore, projections: allProjections(settings) });
 * const stop = new AbortController();
 * process.once('SIGTERM', () => stop.abort());
 * await host.run(stop.signal);
 */
export const createProjectionHost = <TDatabase>(
  options: ProjectionHostOptions<TDatabase>,
): ProjectionHost => {
  const { db, eventStore } = options;
  const instanceId = options.instanceId ?? `${hostname()}-${process.pid}`;
  const logger = (options.logger ?? silentRuntimeLogger).child({ instance: instanceId });
  const counter = options.counter ?? countEventsByReading(eventStore);
  const settings = { ...defaultOwnership, ...options.ownership };
  const toRebuild = new Set(options.rebuild ?? []);

  const names = [
    ...options.projections.map((p) => p.name),
    ...(options.tasks ?? []).map((t) => t.name),
  ];
  const duplicate = names.find((name, index) => names.indexOf(name) !== index);
  if (duplicate !== undefined) throw new TypeError(`Two tasks are named ${duplicate}.`);

  interface Entry {
    readonly name: string;
    readonly kind: 'projection' | 'task';
    owned: boolean;
    state: ProjectionState;
    runner: ProjectionRunner | undefined;
    readonly projection: AnyProjection | undefined;
  }
  const entries = new Map<string, Entry>();
  // The signal of `run`: set when it starts, so tasks can tell a shutdown from a lost lock.
  let shutdown: AbortSignal | undefined;

  // The projections named for a rebuild are rebuilt in one pass, as their tasks take them.
  const rebuilds = rebuildGroup<TDatabase>({
    expected: toRebuild.size,
    gatherMs: 2 * settings.acquireIntervalMs,
    rebuild: async (members, signal) =>
      rebuildProjectionsTogether(
        {
          eventStore,
          members,
          counter,
          logger,
          owner: instanceId,
          ...(options.decode === undefined ? {} : { decode: options.decode }),
          ...(options.rebuildBatchSize === undefined
            ? {}
            : { batchSize: options.rebuildBatchSize }),
          ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
        },
        signal,
      ),
  });

  const projectionTask = (projection: AnyProjection): OwnedTask<TDatabase> => ({
    name: projection.name,
    run: async (connection, signal) => {
      const runner = createProjectionRunner({
        db: connection,
        eventStore,
        projection,
        counter,
        logger,
        owner: instanceId,
        ...(options.decode === undefined ? {} : { decode: options.decode }),
        ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
        ...(options.rebuildBatchSize === undefined
          ? {}
          : { rebuildBatchSize: options.rebuildBatchSize }),
        ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
      });
      const entry = entries.get(projection.name);
      if (toRebuild.delete(projection.name)) {
        if (entry !== undefined) entry.state = 'rebuilding';
        const rebuilt = await rebuilds.join(connection, projection, signal);
        if (rebuilt.outcome === 'interrupted') {
          // Still to do: whichever instance takes it next (maybe this one) rebuilds it then.
          toRebuild.add(projection.name);
          return;
        }
        if (rebuilt.outcome === 'poisoned') {
          if (entry !== undefined) entry.state = 'poisoned';
          throw rebuilt.error;
        }
      }
      if (entry !== undefined) entry.runner = runner;
      await runner.run(signal);
      // A clean shutdown says so in the checkpoint row; a lost lock leaves it to the new owner.
      if (shutdown?.aborted === true && runner.status().state === 'stopped') {
        await recordStatus(connection, projection.name, 'stopped').catch(() => undefined);
      }
    },
  });

  const tasks: ReadonlyArray<OwnedTask<TDatabase>> = [
    ...options.projections.map(projectionTask),
    ...(options.tasks ?? []),
  ];
  for (const projection of options.projections) {
    entries.set(projection.name, {
      name: projection.name,
      kind: 'projection',
      owned: false,
      state: 'standby',
      runner: undefined,
      projection,
    });
  }
  for (const task of options.tasks ?? []) {
    entries.set(task.name, {
      name: task.name,
      kind: 'task',
      owned: false,
      state: 'standby',
      runner: undefined,
      projection: undefined,
    });
  }

  const stateOf = (entry: Entry): ProjectionState =>
    entry.runner !== undefined && entry.owned ? entry.runner.status().state : entry.state;

  return {
    instanceId,
    run: async (signal) => {
      shutdown = signal;
      await migrateProjectionRuntime(db);
      logger.info({ tasks: tasks.map((task) => task.name) }, 'projector started');
      await Promise.all(
        tasks.map((task) =>
          ownTask({
            db,
            task,
            signal,
            settings,
            logger,
            events: {
              onOwned: (owned) => {
                const entry = entries.get(task.name);
                if (entry === undefined) return;
                entry.owned = owned;
                entry.state = owned ? 'running' : 'standby';
              },
              onFailure: () => {
                const entry = entries.get(task.name);
                if (entry !== undefined) entry.state = 'failed';
              },
            },
          }),
        ),
      );
      logger.info({}, 'projector stopped');
    },
    statuses: () =>
      [...entries.values()].map((entry) => ({
        name: entry.name,
        kind: entry.kind,
        owned: entry.owned,
        state: stateOf(entry),
        projection: entry.runner?.status(),
      })),
    lag: async () =>
      Promise.all(
        [...entries.values()]
          .filter((entry) => entry.kind === 'projection')
          .map(async (entry): Promise<ProjectionLag> => {
            const position = entry.owned ? entry.runner?.status().position : undefined;
            const types = entry.projection?.eventTypes;
            const behind =
              position === undefined
                ? undefined
                : await counter(position, types === undefined ? undefined : { eventTypes: types });
            return {
              name: entry.name,
              state: stateOf(entry),
              owned: entry.owned,
              position: position === undefined ? undefined : positionToString(position),
              behind,
            };
          }),
      ),
  };
};
