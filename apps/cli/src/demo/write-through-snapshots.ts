import type { Snapshot, SnapshotStore } from '@crm/command-handling';

/**
 * Keeps the snapshots this process took in memory and writes them through to `inner`, so the
 * demo's writer does not ask PostgreSQL for a snapshot before every command, while the
 * snapshots still end up in the database for whoever writes next. Safe only for a single
 * writer (the demo): a snapshot saved by another process would not be seen — which costs a
 * longer load, never a wrong state, since a snapshot is checked against the log when used.
 */
export const writeThroughSnapshots = (inner: SnapshotStore): SnapshotStore => {
  const known = new Map<string, Snapshot | undefined>();
  return {
    load: async (streamName) => {
      if (known.has(streamName)) return known.get(streamName);
      const found = await inner.load(streamName);
      known.set(streamName, found);
      return found;
    },
    save: async (snapshot) => {
      const current = known.get(snapshot.streamName);
      if (current === undefined || current.revision <= snapshot.revision)
        known.set(snapshot.streamName, snapshot);
      await inner.save(snapshot);
    },
    delete: async (streamName) => {
      known.delete(streamName);
      await inner.delete(streamName);
    },
    clear: async () => {
      known.clear();
      await inner.clear();
    },
  };
};
