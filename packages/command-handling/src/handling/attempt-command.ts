import type { Command, DomainError, VersionedEvent } from '@crm/domain';
import { type EventStore, isEventStoreError } from '@crm/event-store';
import * as E from 'fp-ts/lib/Either.js';
import { forbidden } from '../authorisation/forbidden.ts';
import { replayOutcome } from '../idempotency/recorded-outcome.ts';
import type { KeyRing } from '../privacy/key-ring.ts';
import type { KeyStore } from '../privacy/key-store.ts';
import type { SnapshotStore } from '../snapshots/snapshot-store.ts';
import { takeSnapshot } from '../snapshots/take-snapshot.ts';
import { loadAggregate } from './aggregate-loader.ts';
import type { CommandLogger } from './command-logger.ts';
import type { CommandAccepted, CommandResult } from './command-result.ts';
import type { CommandRoute } from './command-route.ts';
import { type CommandMetadata, prepareEvents } from './stored-event.ts';

/** What one decision on a command ended in; `conflict`: the stream moved, decide again. */
export type AttemptOutcome<TEvent extends VersionedEvent, TError extends DomainError> =
  | {
      readonly kind: 'done';
      readonly result: CommandResult<TEvent, TError>;
      /** The data subject of the aggregate, whose key encrypts a recorded refusal. */
      readonly subject: string | undefined;
    }
  | { readonly kind: 'conflict' };

/** The stores one attempt works with. */
export interface AttemptDependencies {
  readonly eventStore: EventStore;
  readonly keyStore: KeyStore;
  readonly snapshots: SnapshotStore | undefined;
  readonly keys: KeyRing;
  readonly routeOfStream: (streamName: string) => CommandRoute | undefined;
  readonly log: CommandLogger;
}

// A twin attempt of this command appended its events between our load and our append.
const isOwnIdClash = (error: unknown): boolean =>
  isEventStoreError(error, 'InvalidInput') &&
  /^events\[\d+\]\.eventId$/.test(error.details.field ?? '');

/**
 * One decision: load the aggregate, find the command's own events if an earlier attempt left
 * them, check ownership, decide, erase the key when the command erases, then append with the
 * expected revision. Reports a wrong-revision conflict rather than throwing it.
 */
export const attemptCommand = async <TEvent extends VersionedEvent, TError extends DomainError>(
  deps: AttemptDependencies,
  input: {
    readonly route: CommandRoute<TEvent, TError>;
    readonly command: Command;
    readonly aggregateId: string;
    readonly streamName: string;
    readonly scope: 'any' | 'own';
    readonly metadata: CommandMetadata;
    readonly useSnapshot: boolean;
  },
): Promise<AttemptOutcome<TEvent, TError>> => {
  const { route, command, aggregateId, streamName, metadata } = input;
  const { commandId, actor } = metadata;
  const { eventStore, keys, log } = deps;
  const done = (result: CommandResult<TEvent, TError>, subject: string | undefined) =>
    ({ kind: 'done', result, subject }) as const;
  const loaded = await loadAggregate({
    ...deps,
    route,
    streamName,
    commandId,
    useSnapshot: input.useSnapshot,
    logger: log,
  });
  const subject = route.snapshotSubjectOf(loaded.state, aggregateId);
  const lastOwn = loaded.ownEvents.at(-1);
  if (lastOwn !== undefined) {
    log.info({ streamName }, 'command already appended by an earlier attempt');
    const events = loaded.ownEvents as CommandAccepted<TEvent>['events'];
    return done(
      {
        kind: 'accepted',
        commandId,
        streamName,
        events,
        revision: lastOwn.revision,
        position: undefined,
      },
      subject,
    );
  }
  if (input.scope === 'own' && route.ownerOf(loaded.state, command) !== actor.id) {
    const error = forbidden('NotOwner', actor, command.type, streamName);
    return done({ kind: 'rejected', commandId, streamName, error }, subject);
  }
  const decision = route.decide(command, loaded.state);
  if (E.isLeft(decision)) {
    return done({ kind: 'rejected', commandId, streamName, error: decision.left }, subject);
  }
  if (decision.right.length === 0) {
    return done(
      {
        kind: 'accepted',
        commandId,
        streamName,
        events: [],
        revision: loaded.revision,
        position: undefined,
      },
      subject,
    );
  }
  const erased = route.erasureSubjectOf(command);
  if (erased !== undefined) {
    // Key first: if the append then fails, the data is already unreadable and a retry appends
    // the erasure event; the other order could leave the data readable for good.
    await deps.keyStore.erase(erased);
    await deps.snapshots?.delete(streamName).catch(() => undefined);
    log.info({ streamName }, 'personal data key deleted');
  }
  const prepared = await prepareEvents({
    route,
    keys,
    streamName,
    aggregateId,
    state: loaded.state,
    revision: loaded.revision,
    previousHash: loaded.lastHash,
    events: decision.right,
    metadata,
  });
  let appended: Awaited<ReturnType<EventStore['append']>>;
  try {
    appended = await eventStore.append(streamName, prepared.newEvents, {
      expectedRevision: loaded.revision,
    });
  } catch (error) {
    if (isEventStoreError(error, 'WrongExpectedRevision') || isOwnIdClash(error)) {
      return { kind: 'conflict' };
    }
    throw error;
  }
  const count = prepared.newEvents.length;
  if (
    appended.nextExpectedRevision !==
    (loaded.revision === 'no_stream' ? -1 : loaded.revision) + count
  ) {
    // The store already held these ids (a twin attempt appended them): report what it stored.
    const replayed = await replayOutcome({
      commandId,
      recorded: {
        kind: 'accepted',
        streamName,
        firstRevision: appended.nextExpectedRevision - count + 1,
        eventCount: count,
        revision: appended.nextExpectedRevision,
        position: null,
      },
      eventStore,
      routeOf: deps.routeOfStream,
      keys,
    });
    return done({ ...(replayed as CommandAccepted<TEvent>), position: appended.position }, subject);
  }
  await takeSnapshot(deps.snapshots, route, keys, log, {
    streamName,
    aggregateId,
    state: prepared.state,
    revision: appended.nextExpectedRevision,
    eventId: prepared.newEvents.at(-1)?.eventId ?? '',
    since: loaded.snapshotRevision,
  });
  const events = prepared.handled as CommandAccepted<TEvent>['events'];
  return done(
    {
      kind: 'accepted',
      commandId,
      streamName,
      events,
      revision: appended.nextExpectedRevision,
      position: appended.position,
    },
    subject,
  );
};
