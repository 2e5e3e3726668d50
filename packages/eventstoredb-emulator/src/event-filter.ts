import type { ReadReq } from '@eventstore/db-client/generated/streams_pb.js';
import type { LogRecord } from './log-record.ts';
import { streamsPb } from './protocol.ts';

/** A server-side `$all` filter, as `ReadReq.Options.FilterOptions` describes it. */
export interface EventFilter {
  readonly matches: (record: LogRecord) => boolean;
  /** Every how many considered events a filtered subscription reports a checkpoint. */
  readonly checkpointEvery: number;
}

const FilterCase = streamsPb.ReadReq.Options.FilterOptions.FilterCase;
const WindowCase = streamsPb.ReadReq.Options.FilterOptions.WindowCase;

// The server's default search window when the client asks for `count` (its read batch size).
const defaultWindow = 32;

const expressionTest = (
  expression: ReadReq.Options.FilterOptions.Expression | undefined,
): ((text: string) => boolean) => {
  const regex = expression?.getRegex() ?? '';
  // As on the server: a regex wins over prefixes; .NET's Regex.IsMatch is unanchored, like test().
  if (regex !== '') {
    const pattern = new RegExp(regex);
    return (text) => pattern.test(text);
  }
  const prefixes = expression?.getPrefixList() ?? [];
  return (text) => prefixes.some((prefix) => text.startsWith(prefix));
};

/** The filter a read or subscription asked for; `undefined` for no filter. */
export const eventFilterOf = (
  options: ReadReq.Options.FilterOptions | undefined,
): EventFilter | undefined => {
  if (options === undefined) return undefined;
  const window =
    options.getWindowCase() === WindowCase.MAX ? Math.max(1, options.getMax()) : defaultWindow;
  const checkpointEvery = window * Math.max(1, options.getCheckpointintervalmultiplier());
  switch (options.getFilterCase()) {
    case FilterCase.STREAM_IDENTIFIER: {
      const test = expressionTest(options.getStreamIdentifier());
      return { matches: (record) => test(record.streamName), checkpointEvery };
    }
    case FilterCase.EVENT_TYPE: {
      const test = expressionTest(options.getEventType());
      return { matches: (record) => test(record.type), checkpointEvery };
    }
    default:
      return { matches: () => true, checkpointEvery };
  }
};
