import type { Snapshot, SnapshotStore } from './snapshot-store.ts';

/** Snapshots in process memory, for tests and demos. */
export const createInMemorySnapshotStore = (): SnapshotStore => {
  const snapshots = new Map<string, Snapshot>();
  return {
    load: async (streamName) => snapshots.get(streamName),
    save: async (snapshot) => {
      const current = snapshots.get(snapshot.streamName);
      if (current === undefined || current.revision <= snapshot.revision) {
        snapshots.set(snapshot.streamName, snapshot);
      }
    },
    delete: async (streamName) => {
      snapshots.delete(streamName);
    },
    clear: async () => {
      snapshots.clear();
    },
  };
};
