// A worker thread starts without the TypeScript loader of its parent: register it, then run
// the worker's source.
import { register } from 'tsx/esm/api';

register();
await import('./decoding-worker.ts');
