import type { CommandLogger, CommandResult } from '@crm/command-handling';
import type { EventStore } from '@crm/event-store';
import type { StoredCustomerDirectory } from './stored-customers.ts';

/** What an import writes through and looks things up in. */
export interface ImportContext {
  /** Command handling's `handle`: every write is a real command, decided by the domain. */
  readonly handle: (
    command: unknown,
    context: {
      readonly commandId: string;
      readonly actor: { readonly id: string; readonly role: string };
      readonly logger?: CommandLogger;
    },
  ) => Promise<CommandResult>;
  /** Read to tell rows stored by a previous run, and customers a deal names. */
  readonly eventStore: EventStore;
  /** Stored customers to find duplicates among; without one, only the file is checked. */
  readonly directory?: StoredCustomerDirectory;
  /** Who runs the import; its role must allow the commands (`admin`, `sales_manager`). */
  readonly actor: { readonly id: string; readonly role: string };
  readonly logger?: CommandLogger;
  /** Rows written at once (8). */
  readonly concurrency?: number;
  readonly onProgress?: (progress: { readonly done: number; readonly total: number }) => void;
}

/** Whether a stream holds any event (a row a previous run stored). */
export const streamExists = async (eventStore: EventStore, streamName: string): Promise<boolean> =>
  (await eventStore.readStream(streamName, { maxCount: 1 })).length > 0;

/** Runs `work` over `items` with at most `limit` at once, in order of start. */
export const forEachLimited = async <TItem>(
  items: ReadonlyArray<TItem>,
  limit: number,
  work: (item: TItem) => Promise<void>,
): Promise<void> => {
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let index = next++; index < items.length; index = next++) {
      const item = items[index];
      if (item !== undefined) await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
};

/** One line about a command that did not go through. */
export const describeRefusal = (result: CommandResult): string =>
  result.kind === 'rejected'
    ? result.error.message
    : result.kind === 'failed'
      ? `${result.error.code}: ${result.error.message}`
      : '';
