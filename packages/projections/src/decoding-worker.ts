import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import {
  type EventFilter,
  type EventStore,
  EventStoreError,
  type LogPosition,
  type RecordedEvent,
} from '@crm/event-store';
import type { EventDecoder } from './event-decoder.ts';
import type { ProjectedEvent } from './projection.ts';
import { ProjectionRuntimeError } from './projection-runtime-error.ts';
import type { DecodedPage, DecodedPageSource } from './rebuild-together.ts';

/** What the worker's script opens with the `workerData` it was started with. */
export interface WorkerLog {
  readonly eventStore: EventStore;
  readonly decode: EventDecoder;
  readonly close?: () => Promise<void>;
}

interface PageRequest {
  readonly id: number;
  readonly after: LogPosition;
  readonly maxCount: number;
  readonly filter: EventFilter | undefined;
  /** The share of the page's events the worker decodes (the first ones); the caller does the rest. */
  readonly share: number;
}

/** An error as it crosses the thread boundary (classes do not survive structured cloning). */
interface ErrorInTransit {
  readonly name: string;
  readonly message: string;
  readonly code: string | undefined;
  readonly field: string | undefined;
}

type Decoding =
  | { readonly event: ProjectedEvent }
  | { readonly error: ErrorInTransit }
  /** Left to the calling thread (the event keeps its stored data). */
  | { readonly here: true };

type PageReply =
  | {
      readonly id: number;
      readonly events: ReadonlyArray<RecordedEvent>;
      readonly decoded: ReadonlyArray<Decoding>;
    }
  | { readonly id: number; readonly failure: ErrorInTransit };

const inTransit = (error: unknown): ErrorInTransit => {
  const { name, message, code, field } = (
    error instanceof Error ? error : new Error(String(error))
  ) as Error & {
    code?: unknown;
    field?: unknown;
  };
  return {
    name,
    message,
    code: typeof code === 'string' ? code : undefined,
    field: typeof field === 'string' ? field : undefined,
  };
};

// The errors callers tell apart by class come back as that class (a transient failure stays
// one, a store outage stays the store's); any other reads as what it said, `code` included.
const arrived = (error: ErrorInTransit): Error => {
  if (error.name === 'ProjectionRuntimeError' && error.code === 'Unavailable') {
    return new ProjectionRuntimeError('Unavailable', error.message);
  }
  if (error.name === 'EventStoreError' && error.code === 'Unavailable') {
    return EventStoreError.unavailable(error.message);
  }
  const revived = new Error(error.message);
  revived.name = error.name;
  return Object.assign(revived, {
    ...(error.code === undefined ? {} : { code: error.code }),
    ...(error.field === undefined ? {} : { field: error.field }),
  });
};

/**
 * Inside a worker thread: answers page requests of `startDecodingWorker` with the worker's own
 * store and decoder, opened by `open` from the `workerData` the worker was started with. The
 * events go back without their stored `data` (the decoding carries it), so each crosses the
 * thread boundary once.
 *
 * @example
 * // decoding-worker.ts, started by startDecodingWorker({ script: …, workerData: { url } })
 * serveDecodedPages(async ({ url }) => openMyStoreAndDecoder(url));
 */
export const serveDecodedPages = <TData>(open: (data: TData) => Promise<WorkerLog>): void => {
  const port = parentPort;
  if (isMainThread || port === null) {
    throw new TypeError('serveDecodedPages runs inside a worker thread.');
  }
  const opened = open(workerData as TData);
  // A failed open is reported with the first request rather than as an uncaught rejection.
  opened.catch(() => undefined);
  // While a page is decoded, the next one is already being read: the store's query then runs
  // beside the decoding instead of before it. A request for anything else reads afresh.
  let ahead:
    | { readonly key: string; readonly page: Promise<ReadonlyArray<RecordedEvent>> }
    | undefined;
  const keyOf = (after: LogPosition, maxCount: number, filter: EventFilter | undefined) =>
    `${after.commit}/${after.prepare}/${maxCount}/${JSON.stringify(filter ?? null)}`;
  const read = (
    log: WorkerLog,
    after: LogPosition,
    maxCount: number,
    filter: EventFilter | undefined,
  ) => log.eventStore.readAll({ after, maxCount, ...(filter === undefined ? {} : { filter }) });
  const readAhead = async (
    log: WorkerLog,
    after: LogPosition,
    maxCount: number,
    filter: EventFilter | undefined,
  ): Promise<ReadonlyArray<RecordedEvent>> => {
    const wanted = keyOf(after, maxCount, filter);
    const early = ahead?.key === wanted ? ahead.page : undefined;
    ahead = undefined;
    const page = await (early ?? read(log, after, maxCount, filter));
    const last = page[page.length - 1];
    if (last !== undefined && page.length === maxCount) {
      const next = read(log, last.position, maxCount, filter);
      // Awaited by the request for it; a page nobody asks for is dropped.
      next.catch(() => undefined);
      ahead = { key: keyOf(last.position, maxCount, filter), page: next };
    }
    return page;
  };
  port.on('message', (message: PageRequest | 'close') => {
    if (message === 'close') {
      void opened
        .then((log) => log.close?.())
        .catch(() => undefined)
        .finally(() => port.close());
      return;
    }
    const { id, after, maxCount, filter, share } = message;
    void (async (): Promise<PageReply> => {
      try {
        const log = await opened;
        const page = await readAhead(log, after, maxCount, filter);
        const mine = Math.ceil(share * page.length);
        const decoded = await Promise.all(
          page.map(async (recorded, index): Promise<Decoding> => {
            if (index >= mine) return { here: true };
            try {
              return { event: await log.decode(recorded) };
            } catch (error) {
              return { error: inTransit(error) };
            }
          }),
        );
        const events = page.map((event, index) =>
          index < mine ? { ...event, data: null } : event,
        );
        return { id, events, decoded };
      } catch (error) {
        return { id, failure: inTransit(error) };
      }
    })().then((reply) => port.postMessage(reply));
  });
};

/**
 * A share of each page for the calling thread to decode beside the worker (`decodeHere`) when
 * the projections' work leaves it idle part of the time: 0.3 rebuilt the nine CRM read models
 * from 297,637 events in 29.1 s against 32.9 s with the worker decoding everything (2 cores).
 */
export const defaultDecodeHereShare = 0.3;

/** A worker thread reading and decoding pages of the log; see `startDecodingWorker`. */
export interface DecodingWorker {
  readonly pages: DecodedPageSource;
  /** Lets the worker close its store and end. */
  readonly close: () => Promise<void>;
}

/**
 * Starts a worker thread that reads and decodes pages of the log, so that decoding (decryption,
 * upcasting, checking every field) runs on another core than the projections' work. `script`
 * is a module that calls `serveDecodedPages`; it runs in a fresh thread, so it must be loadable
 * by plain Node there (a `.mjs` that registers the TypeScript loader first, for sources).
 * Give `pages` to `rebuildProjectionsTogether`.
 *
 * @example
 * const worker = startDecodingWorker({ script: new URL('./decoding-worker.mjs', import.meta.url), workerData: { url } });
 * try { await rebuildProjectionsTogether({ eventStore, members, pages: worker.pages }); }
 * finally { await worker.close(); }
 */
export const startDecodingWorker = (input: {
  readonly script: URL | string;
  readonly workerData?: unknown;
  /**
   * Decodes a share of each page (its last events) on this thread with `decode`, which must
   * read events as the worker's decoder does: while the projections' work leaves this thread
   * idle part of the time, both threads decode. Nothing is decoded here by default.
   */
  readonly decodeHere?: { readonly decode: EventDecoder; readonly share: number };
}): DecodingWorker => {
  const here = input.decodeHere;
  if (here !== undefined && !(here.share >= 0 && here.share <= 1)) {
    throw new RangeError('decodeHere.share is a fraction from 0 to 1.');
  }
  const worker = new Worker(input.script, { workerData: input.workerData });
  const waiting = new Map<
    number,
    { readonly resolve: (page: DecodedPage) => void; readonly reject: (error: Error) => void }
  >();
  let nextId = 0;
  let stopped: Error | undefined;
  const stop = (error: Error): void => {
    stopped ??= error;
    for (const { reject } of waiting.values()) reject(stopped);
    waiting.clear();
  };
  const decodeHere = async (
    recorded: RecordedEvent | undefined,
  ): Promise<ProjectedEvent | Error> => {
    try {
      if (here === undefined || recorded === undefined) throw new Error('Not decoded.');
      return await here.decode(recorded);
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  };
  worker.on('message', (reply: PageReply) => {
    const caller = waiting.get(reply.id);
    if (caller === undefined) return;
    waiting.delete(reply.id);
    if ('failure' in reply) {
      caller.reject(arrived(reply.failure));
      return;
    }
    // Only the share left to this thread waits for a decoding; the rest is taken as it came.
    const decoded: Array<ProjectedEvent | Error> = [];
    const decodingHere: Array<Promise<void>> = [];
    reply.decoded.forEach((decoding, index) => {
      if ('event' in decoding) decoded[index] = decoding.event;
      else if ('error' in decoding) decoded[index] = arrived(decoding.error);
      else
        decodingHere.push(
          decodeHere(reply.events[index]).then((outcome) => {
            decoded[index] = outcome;
          }),
        );
    });
    if (decodingHere.length === 0) caller.resolve({ events: reply.events, decoded });
    else
      void Promise.all(decodingHere).then(() => caller.resolve({ events: reply.events, decoded }));
  });
  worker.on('error', (error) => stop(error));
  const exited = new Promise<void>((resolve) => {
    worker.once('exit', (code) => {
      stop(
        new ProjectionRuntimeError('Unavailable', `The decoding worker ended (exit code ${code}).`),
      );
      resolve();
    });
  });
  return {
    pages: (after, maxCount, filter) =>
      new Promise<DecodedPage>((resolve, reject) => {
        if (stopped !== undefined) {
          reject(stopped);
          return;
        }
        const id = nextId;
        nextId += 1;
        waiting.set(id, { resolve, reject });
        const request: PageRequest = { id, after, maxCount, filter, share: 1 - (here?.share ?? 0) };
        worker.postMessage(request);
      }),
    close: async () => {
      if (stopped === undefined) worker.postMessage('close');
      await exited;
    },
  };
};
