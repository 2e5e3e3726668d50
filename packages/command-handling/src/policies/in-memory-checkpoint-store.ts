import type { LogPosition } from '@crm/event-store';
import type { CheckpointStore } from './checkpoint-store.ts';

/** Checkpoints in process memory, for tests; survives a runner restart within the process. */
export const createInMemoryCheckpointStore = (): CheckpointStore => {
  const positions = new Map<string, LogPosition>();
  return {
    load: async (name) => positions.get(name),
    save: async (name, position) => {
      positions.set(name, position);
    },
  };
};
