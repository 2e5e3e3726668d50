import * as t from 'io-ts';

/** The codec of a command `{ type, data }` named by its type. */
export const commandCodec = <TType extends string, TData extends t.Mixed>(
  type: TType,
  data: TData,
) => t.readonly(t.type({ type: t.literal(type), data }), type);

/** The codec of an event `{ type, version, data }` at its current schema version. */
export const eventCodec = <TType extends string, TVersion extends number, TData extends t.Mixed>(
  type: TType,
  version: TVersion,
  data: TData,
) => t.readonly(t.type({ type: t.literal(type), version: t.literal(version), data }), type);
