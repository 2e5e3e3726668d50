import type { SupportedMethods } from '@eventstore/db-client/generated/serverfeatures_pb.js';
import type { Empty } from '@eventstore/db-client/generated/shared_pb.js';
import type { handleUnaryCall } from '@grpc/grpc-js';
import { serverFeaturesPb } from './protocol.ts';

/** The server version the emulator reports: not a real release, so nobody mistakes it for one. */
export const emulatorServerVersion = '0.0.0-emulator';

const method = (
  serviceName: string,
  methodName: string,
  features: ReadonlyArray<string> = [],
): InstanceType<typeof serverFeaturesPb.SupportedMethod> =>
  new serverFeaturesPb.SupportedMethod()
    .setServiceName(serviceName)
    .setMethodName(methodName)
    .setFeaturesList([...features]);

/**
 * `ServerFeatures.GetSupportedMethods`, which the client calls first: it lists exactly the
 * methods the emulator implements (lower-cased, with the features EventStoreDB reports for them),
 * so the client picks BatchAppend for appends unless `batchAppend` is off, and knows that
 * persistent subscriptions to `$all` are not there.
 */
export const serverFeaturesCall =
  (options: { readonly batchAppend: boolean }): handleUnaryCall<Empty, SupportedMethods> =>
  (_call, callback) => {
    const streams = 'event_store.client.streams.streams';
    const methods = [
      method(streams, 'read', ['position', 'events']),
      method(streams, 'append'),
      method(streams, 'tombstone'),
      ...(options.batchAppend ? [method(streams, 'batchappend', ['deadline_duration'])] : []),
      method('event_store.client.server_features.serverfeatures', 'getsupportedmethods'),
    ];
    callback(
      null,
      new serverFeaturesPb.SupportedMethods()
        .setMethodsList(methods)
        .setEventStoreServerVersion(emulatorServerVersion),
    );
  };
