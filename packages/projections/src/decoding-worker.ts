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
}

/** An error as it crosses the thread boundary (classes do not survive structured cloning). */
interface ErrorInTransit {
  readonly name: string;
  readonly message: string;
  readonly code: string | undefined;
  readonly field: string | undefined;
}

type Decoding = { readonly event: ProjectedEvent } | { readonly error: ErrorInTransit };

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
  port.on('message', (message: PageRequest | 'close') => {
    if (message === 'close') {
      void opened
        .then((log) => log.close?.())
        .catch(() => undefined)
        .finally(() => port.close());
      return;
    }
    const { id, after, maxCount, filter } = message;
    void (async (): Promise<PageReply> => {
      try {
        const log = await opened;
        const page = await log.eventStore.readAll({
          after,
          maxCount,
          ...(filter === undefined ? {} : { filter }),
        });
        const decoded = await Promise.all(
          page.map(async (recorded): Promise<Decoding> => {
            try {
              return { event: await log.decode(recorded) };
            } catch (error) {
              return { error: inTransit(error) };
            }
          }),
        );
        return { id, events: page.map((event) => ({ ...event, data: null })), decoded };
      } catch (error) {
        return { id, failure: inTransit(error) };
      }
    })().then((reply) => port.postMessage(reply));
  });
};

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
}): DecodingWorker => {
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
  worker.on('message', (reply: PageReply) => {
    const caller = waiting.get(reply.id);
    if (caller === undefined) return;
    waiting.delete(reply.id);
    if ('failure' in reply) {
      caller.reject(arrived(reply.failure));
      return;
    }
    caller.resolve({
      events: reply.events,
      decoded: reply.decoded.map((decoding) =>
        'event' in decoding ? decoding.event : arrived(decoding.error),
      ),
    });
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
        const request: PageRequest = { id, after, maxCount, filter };
        worker.postMessage(request);
      }),
    close: async () => {
      if (stopped === undefined) worker.postMessage('close');
      await exited;
    },
  };
};
