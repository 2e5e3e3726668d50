import type { EventStore, RecordedEvent } from '@crm/event-store';
import { genesisHash, hashKey } from '../integrity/event-hash.ts';
import type { KeyRing } from '../privacy/key-ring.ts';
import { openState } from '../snapshots/snapshot-codec.ts';
import type { SnapshotStore } from '../snapshots/snapshot-store.ts';
import type { CommandLogger } from './command-logger.ts';
import type { HandledEvent } from './command-result.ts';
import type { CommandRoute } from './command-route.ts';
import { decodeRevealed, revealEvent } from './event-reader.ts';

/** An aggregate as loaded for one decision. */
export interface LoadedAggregate {
  readonly state: unknown;
  /** The stream's last revision: the expected revision of the next append. */
  readonly revision: number | 'no_stream';
  /** The hash of the stream's last event, which the next event chains to. */
  readonly lastHash: string;
  /** The revision of the snapshot the state started from; `undefined`: from the first event. */
  readonly snapshotRevision: number | undefined;
  /** Events already appended by the command being handled (found among those read). */
  readonly ownEvents: ReadonlyArray<HandledEvent>;
  readonly eventsRead: number;
}

const hashOf = (event: RecordedEvent): string => {
  const hash = event.metadata[hashKey];
  return typeof hash === 'string' ? hash : genesisHash;
};

/**
 * Loads an aggregate: from its snapshot when there is a usable one (right state version,
 * readable, and the stored event at its revision is the one it was taken after), reading only
 * the events after it; from the first event otherwise.
 */
export const loadAggregate = async (input: {
  readonly eventStore: EventStore;
  readonly snapshots: SnapshotStore | undefined;
  readonly keys: KeyRing;
  readonly route: CommandRoute;
  readonly streamName: string;
  readonly commandId: string;
  readonly useSnapshot: boolean;
  readonly logger: CommandLogger;
}): Promise<LoadedAggregate> => {
  const { route, streamName, keys } = input;
  let state = route.initialState;
  let from: RecordedEvent | undefined;
  let tail: ReadonlyArray<RecordedEvent> | undefined;
  const snapshot =
    input.useSnapshot && route.snapshots !== undefined && input.snapshots !== undefined
      ? await input.snapshots.load(streamName).catch((error: unknown) => {
          input.logger.warn(
            { err: error, streamName },
            'snapshot store failed; loading from the log',
          );
          return undefined;
        })
      : undefined;
  if (snapshot !== undefined && snapshot.stateVersion === route.snapshots?.stateVersion) {
    const opened = await openState(snapshot.state, snapshot, keys);
    // Read from the snapshot's own revision: its event proves the snapshot fits this stream
    // and carries the hash the next event chains to.
    const events = await input.eventStore.readStream(streamName, {
      fromRevision: snapshot.revision,
    });
    const first = events[0];
    if (
      opened !== undefined &&
      first?.revision === snapshot.revision &&
      first.eventId === snapshot.eventId
    ) {
      state = opened;
      from = first;
      tail = events.slice(1);
    } else {
      input.logger.warn(
        { streamName, snapshotRevision: snapshot.revision },
        'snapshot unusable; loading from the log',
      );
    }
  }
  if (tail === undefined) {
    state = route.initialState;
    tail = await input.eventStore.readStream(streamName);
  }
  const ownEvents: HandledEvent[] = [];
  for (const recorded of tail) {
    const event = decodeRevealed(route, await revealEvent(recorded, keys));
    state = route.evolve(state, event);
    if (event.metadata.commandId === input.commandId) {
      ownEvents.push({
        type: event.type,
        version: event.version,
        data: event.data,
        metadata: event.metadata,
        revision: event.revision,
      });
    }
  }
  const last = tail[tail.length - 1] ?? from;
  return {
    state,
    revision: last?.revision ?? 'no_stream',
    lastHash: last === undefined ? genesisHash : hashOf(last),
    snapshotRevision: from?.revision,
    ownEvents,
    eventsRead: tail.length,
  };
};
