import { serveDecodedPages } from '@crm/projections';
import type { GlobalOptions } from '../global-options.ts';
import { openRuntime } from '../runtime.ts';
import { decodingWorkerConnections } from './start-decoding-worker.ts';

/**
 * The decoding worker of `crm rebuild` (started by `startCliDecodingWorker` through
 * decoding-worker.mjs): reads and decodes pages of the log on its own thread with the very
 * stores and decoder the command's runtime opens from the same options (the event store, the
 * key store with `--master-key`, the revealing decoder), on a pool of its own.
 */
serveDecodedPages<GlobalOptions>(async (options) => {
  const runtime = await openRuntime(options, { connections: decodingWorkerConnections });
  return { eventStore: runtime.eventStore, decode: runtime.decode, close: runtime.close };
});
