import { eventStoreContract } from '@crm/event-store/contract';
import { startEventStoreDbEmulator } from '@crm/eventstoredb-emulator';
import { afterAll } from 'vitest';
import { createEventStoreDbEventStore, defaultEventStoreDbLimits } from './index.ts';

/*
 * The port's contract over real gRPC with the real client: always against the in-process
 * emulator, twice — as a current server (BatchAppend, idempotent appends report their
 * position) and as an older one (streaming Append, no position on idempotent appends) — and
 * also against a real EventStoreDB / KurrentDB when EVENTSTORE_CONNECTION_STRING is set (the
 * README says how to start one).
 */
const current = await startEventStoreDbEmulator();
const older = await startEventStoreDbEmulator({
  batchAppend: false,
  reportIdempotentPosition: false,
});
afterAll(async () => {
  await current.stop();
  await older.stop();
});

eventStoreContract({
  name: 'EventStoreDB (emulator)',
  open: async () => createEventStoreDbEventStore({ connectionString: current.connectionString }),
  limits: defaultEventStoreDbLimits,
});

eventStoreContract({
  name: 'EventStoreDB (emulator of an older server: Append, no idempotent position)',
  open: async () => createEventStoreDbEventStore({ connectionString: older.connectionString }),
  limits: defaultEventStoreDbLimits,
});

const realServer = process.env.EVENTSTORE_CONNECTION_STRING;
if (realServer !== undefined && realServer !== '') {
  eventStoreContract({
    name: `EventStoreDB at ${realServer}`,
    open: async () => createEventStoreDbEventStore({ connectionString: realServer }),
    limits: defaultEventStoreDbLimits,
  });
}
