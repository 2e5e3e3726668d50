import { Server, ServerCredentials } from '@grpc/grpc-js';
import { appendCall } from './append-call.ts';
import { batchAppendCall } from './batch-append-call.ts';
import { EmulatedLog } from './emulated-log.ts';
import { refusedServices, serverFeaturesGrpc, streamsGrpc } from './protocol.ts';
import { readCall } from './read-call.ts';
import { refusedCall, refusedService } from './refused-calls.ts';
import { serverFeaturesCall } from './server-features-call.ts';
import { tombstoneCall } from './tombstone-call.ts';

/** How to start the emulator. Every option has a default that behaves like a fresh server. */
export interface EventStoreDbEmulatorOptions {
  /** TCP port on 127.0.0.1; 0 (the default) picks a free one. */
  readonly port?: number;
  /**
   * Whether ServerFeatures lists BatchAppend (default true, like EventStoreDB 21.10+), which makes
   * the client append through it; false makes the client use the older streaming Append.
   */
  readonly batchAppend?: boolean;
  /**
   * How many recent event ids the idempotence cache keeps (default 100,000). EventStoreDB bounds
   * its cache by memory; a small value reproduces a server that forgot an old batch.
   */
  readonly idempotenceCacheSize?: number;
  /**
   * Whether an idempotent append reports the original position (default true, newer servers) or
   * none (older servers).
   */
  readonly reportIdempotentPosition?: boolean;
  /** The server's `--max-append-size` in bytes (default 1 MiB, EventStoreDB's default). */
  readonly maxAppendSize?: number;
  /** Whether `$all` starts with a few system events, as on a real server (default true). */
  readonly seedSystemEvents?: boolean;
}

/** A running emulator. */
export interface EventStoreDbEmulator {
  /** `esdb://127.0.0.1:<port>?tls=false`, for `EventStoreDBClient.connectionString`. */
  readonly connectionString: string;
  readonly port: number;
  /** Stops the server at once, cancelling open calls (subscriptions end with an error). */
  readonly stop: () => Promise<void>;
}

/**
 * Starts an in-process gRPC server that emulates the part of EventStoreDB's protocol the
 * EventStoreDB adapter uses, on the service definitions `@eventstore/db-client` ships. For tests
 * only: it keeps everything in memory, has no security, no cluster, no projections; every other
 * call fails at once with UNIMPLEMENTED (see the README for what is emulated and where it may
 * differ from a real server).
 *
 * @example
 * const emulator = await startEventStoreDbEmulator();
 * const client = EventStoreDBClient.connectionString(emulator.connectionString);
 * // … run tests …
 * await client.dispose();
 * await emulator.stop();
 */
export const startEventStoreDbEmulator = async (
  options: EventStoreDbEmulatorOptions = {},
): Promise<EventStoreDbEmulator> => {
  const log = new EmulatedLog({
    idempotenceCacheSize: options.idempotenceCacheSize ?? 100_000,
    reportIdempotentPosition: options.reportIdempotentPosition ?? true,
    seedSystemEvents: options.seedSystemEvents ?? true,
  });
  const maxAppendSize = options.maxAppendSize ?? 1024 * 1024;
  const server = new Server();
  const streams = streamsGrpc.StreamsService;
  server.addService(streams, {
    read: readCall(log),
    append: appendCall(log, maxAppendSize),
    batchAppend: batchAppendCall(log, maxAppendSize),
    tombstone: tombstoneCall(log),
    delete: refusedCall(streams.delete),
  });
  server.addService(serverFeaturesGrpc.ServerFeaturesService, {
    getSupportedMethods: serverFeaturesCall({ batchAppend: options.batchAppend ?? true }),
  });
  for (const service of refusedServices) server.addService(service, refusedService(service));
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync(
      `127.0.0.1:${options.port ?? 0}`,
      ServerCredentials.createInsecure(),
      (error, bound) => (error === null ? resolve(bound) : reject(error)),
    );
  });
  return {
    connectionString: `esdb://127.0.0.1:${port}?tls=false`,
    port,
    stop: async () => {
      server.forceShutdown();
    },
  };
};
