export type { EventStoreDbEmulator, EventStoreDbEmulatorOptions } from './start-emulator.ts';
export { startEventStoreDbEmulator } from './start-emulator.ts';
