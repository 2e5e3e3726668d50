import {
  type DecodingWorker,
  defaultDecodeHereShare,
  type EventDecoder,
  startDecodingWorker,
} from '@crm/projections';
import type { GlobalOptions } from '../global-options.ts';

/** The worker's own pool: the page read ahead and the key store's lookups while decoding. */
export const decodingWorkerConnections = 4;

const script = new URL('./decoding-worker.mjs', import.meta.url);

/**
 * Starts a worker thread that reads and decodes pages of the log for a joint rebuild (give
 * `pages` to `rebuildProjectionsTogether`; `close` it when done, whatever happened). It opens
 * its stores from the same options as the command's runtime: `--master-key` among them is
 * copied to the thread as `workerData`, and neither side logs it. `decode` (the runtime's, the
 * same reading as the worker's) decodes a share of each page on this thread meanwhile.
 */
export const startCliDecodingWorker = (
  options: GlobalOptions,
  decode: EventDecoder,
): DecodingWorker =>
  startDecodingWorker({
    script,
    workerData: options,
    decodeHere: { decode, share: defaultDecodeHereShare },
  });
