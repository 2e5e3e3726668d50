// The decoding worker's entry: worker threads start without the parent's TypeScript loader
// (bin/crm.mjs registers it for the main thread only), so register it here, then run the source.
import { register } from 'tsx/esm/api';

register();
await import('./decoding-worker.ts');
