import { afterAll, beforeAll, describe } from 'vitest';
import type { EventStore } from '../event-store.ts';
import { defaultEventStoreLimits } from '../validate-append.ts';
import { appendSuite } from './append-suite.ts';
import { closeSuite } from './close-suite.ts';
import { concurrencySuite } from './concurrency-suite.ts';
import type { ContractContext, EventStoreContractOptions } from './contract-options.ts';
import { deleteStreamSuite } from './delete-stream-suite.ts';
import { invalidInputSuite } from './invalid-input-suite.ts';
import { modelSuite } from './model-suite.ts';
import { readAllSuite } from './read-all-suite.ts';
import { readStreamSuite } from './read-stream-suite.ts';
import { subscribeSuite } from './subscribe-suite.ts';

/**
 * Registers the event store contract: the vitest tests that every `EventStore` adapter must
 * pass, examples for every method and semantic plus model-based and concurrent property tests.
 * Call it once from the adapter's `contract.test.ts`.
 *
 * @example
 * import { eventStoreContract } from '@crm/event-store/contract';
 * import { createMemoryEventStore } from './index.ts';
 *
 * eventStoreContract({ name: 'in-memory', open: async () => createMemoryEventStore() });
 */
export const eventStoreContract = (options: EventStoreContractOptions): void => {
  let opened: EventStore | undefined;
  const context: ContractContext = {
    store: () => {
      if (opened === undefined) throw new Error('the store is not open (did open() fail?)');
      return opened;
    },
    limits: options.limits ?? defaultEventStoreLimits,
    numRuns: options.numRuns ?? 25,
  };
  describe(`event store contract: ${options.name}`, {
    timeout: options.timeoutMs ?? 30_000,
  }, () => {
    beforeAll(async () => {
      opened = await options.open();
    });
    afterAll(async () => {
      if (opened === undefined) return;
      await (options.close === undefined ? opened.close() : options.close(opened));
    });
    appendSuite(context);
    invalidInputSuite(context);
    readStreamSuite(context);
    readAllSuite(context);
    deleteStreamSuite(context);
    subscribeSuite(context);
    concurrencySuite(context);
    modelSuite(context);
    // Last: it closes the store.
    closeSuite(context);
  });
};
