import type { CommandLogger } from '../handling/command-logger.ts';
import type { CommandRoute } from '../handling/command-route.ts';
import { toJson } from '../handling/stored-event.ts';
import type { KeyRing } from '../privacy/key-ring.ts';
import { sealState } from './snapshot-codec.ts';
import type { SnapshotStore } from './snapshot-store.ts';

/**
 * Saves a snapshot of the state after an append when the route asks for one and enough events
 * have been appended since the last; never fails the command (snapshots are an optimisation).
 */
export const takeSnapshot = async (
  snapshots: SnapshotStore | undefined,
  route: CommandRoute,
  keys: KeyRing,
  log: CommandLogger,
  at: {
    readonly streamName: string;
    readonly aggregateId: string;
    readonly state: unknown;
    readonly revision: number;
    readonly eventId: string;
    /** The revision of the snapshot the state was loaded from, if any. */
    readonly since: number | undefined;
  },
): Promise<void> => {
  const rule = route.snapshots;
  if (rule === undefined || snapshots === undefined) return;
  if (at.revision - (at.since ?? -1) < rule.every) return;
  try {
    const subject = route.snapshotSubjectOf(at.state, at.aggregateId);
    const state = await sealState(toJson(at.state), at, subject, keys);
    if (state === undefined) return;
    await snapshots.save({
      streamName: at.streamName,
      revision: at.revision,
      eventId: at.eventId,
      stateVersion: rule.stateVersion,
      state,
    });
    log.debug({ streamName: at.streamName, revision: at.revision }, 'snapshot saved');
  } catch (error) {
    log.warn({ err: error, streamName: at.streamName }, 'snapshot not saved');
  }
};
