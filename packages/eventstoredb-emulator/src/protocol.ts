import { createRequire } from 'node:module';

/*
 * The gRPC service definitions and protobuf messages that `@eventstore/db-client` ships in its
 * `generated/` folder (grpc-tools output, CommonJS). Loading them from the client package keeps
 * the emulator on exactly the wire format the client speaks.
 */
const require = createRequire(import.meta.url);

const generated = (name: string): string => `@eventstore/db-client/generated/${name}.js`;

/** `streams.proto` messages. */
export const streamsPb: typeof import('@eventstore/db-client/generated/streams_pb.js') = require(
  generated('streams_pb'),
);
/** The `Streams` service definition. */
export const streamsGrpc: typeof import('@eventstore/db-client/generated/streams_grpc_pb.js') =
  require(generated('streams_grpc_pb'));
/** `shared.proto` messages (UUID, stream identifier, error details). */
export const sharedPb: typeof import('@eventstore/db-client/generated/shared_pb.js') = require(
  generated('shared_pb'),
);
/** `google.rpc.Status`, as BatchAppend carries errors. */
export const statusPb: typeof import('@eventstore/db-client/generated/status_pb.js') = require(
  generated('status_pb'),
);
/** `serverfeatures.proto` messages. */
export const serverFeaturesPb: typeof import('@eventstore/db-client/generated/serverfeatures_pb.js') =
  require(generated('serverfeatures_pb'));
/** The `ServerFeatures` service definition. */
export const serverFeaturesGrpc: typeof import('@eventstore/db-client/generated/serverfeatures_grpc_pb.js') =
  require(generated('serverfeatures_grpc_pb'));

/** The client-facing services the emulator refuses whole, loaded for their method lists. */
export const refusedServices = [
  require(generated('persistent_grpc_pb')).PersistentSubscriptionsService,
  require(generated('projections_grpc_pb')).ProjectionsService,
  require(generated('operations_grpc_pb')).OperationsService,
  require(generated('users_grpc_pb')).UsersService,
  require(generated('monitoring_grpc_pb')).MonitoringService,
  require(generated('gossip_grpc_pb')).GossipService,
] as ReadonlyArray<import('@grpc/grpc-js').ServiceDefinition>;

// The well-known types, resolved from the client package so they are the instances it uses.
const clientRequire = createRequire(require.resolve(generated('status_pb')));
/** `google.protobuf.Any`, from the same google-protobuf the generated code uses. */
export const anyPb: typeof import('google-protobuf/google/protobuf/any_pb.js') = clientRequire(
  'google-protobuf/google/protobuf/any_pb.js',
);
/** `google.protobuf.Empty`. */
export const emptyPb: typeof import('google-protobuf/google/protobuf/empty_pb.js') = clientRequire(
  'google-protobuf/google/protobuf/empty_pb.js',
);
