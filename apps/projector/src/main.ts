#!/usr/bin/env -S npx tsx
import { pino } from 'pino';
import { runProjector } from './projector.ts';
import { parseProjectorConfig } from './projector-config.ts';

// How long a shutdown may take (finish the batch, release the locks) before we give up.
const shutdownGraceMs = 30_000;

const config = parseProjectorConfig(process.argv);
const logger = pino({ name: 'crm-projector', level: config.logLevel });
const stop = new AbortController();

const shutdown = (signalName: string): void => {
  if (stop.signal.aborted) {
    logger.warn({ signal: signalName }, 'second signal: exiting now');
    process.exit(1);
  }
  logger.info({ signal: signalName }, 'shutting down');
  stop.abort();
  setTimeout(() => {
    logger.error({}, 'shutdown took too long');
    process.exit(1);
  }, shutdownGraceMs).unref();
};
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));

try {
  await runProjector(config, stop.signal, logger);
  logger.info({}, 'stopped');
  process.exitCode = 0;
} catch (error) {
  logger.fatal(
    {
      error:
        error instanceof Error ? { message: error.message, stack: error.stack } : String(error),
    },
    'projector failed',
  );
  process.exitCode = 1;
}
