import { createCommandHandler, crmRoleTable, crmRoutingTable } from '@crm/command-handling';
import { crmScenario } from '@crm/command-handling/testing';
import {
  createPostgresCommandOutcomeStore,
  createPostgresKeyStore,
  migrateCommandHandling,
} from '@crm/command-handling-postgres';
import { comparePositions, logStart } from '@crm/event-store';
import { loadCheckpoint } from '@crm/projections';
import { useTestDatabase } from '@crm/test-database/vitest';
import { sql } from 'kysely';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runProjector } from './projector.ts';
import { parseProjectorConfig } from './projector-config.ts';
import { openTestSide, type TestSide, waitUntil } from './test-support.ts';

const database = await useTestDatabase('projector');
let side: TestSide;

beforeAll(async () => {
  side = await openTestSide(database.url);
  await migrateCommandHandling(side.db);
});
afterAll(async () => {
  await side.close();
});

describe('the projector', () => {
  it('projects encrypted events and runs the policies beside the projections', async () => {
    const keyStore = createPostgresKeyStore({ db: side.db });
    const handler = createCommandHandler({
      eventStore: side.store,
      routes: crmRoutingTable,
      roles: crmRoleTable,
      keyStore,
      outcomes: createPostgresCommandOutcomeStore({ db: side.db }),
    });
    for (const { command, context } of crmScenario()) {
      const result = await handler.handle(command, context);
      expect(result.kind).toBe('accepted');
    }
    const config = parseProjectorConfig([
      'node',
      'main.ts',
      '--database-url',
      database.url,
      '--projections',
      '@crm/projections/testing/projections#testProjections',
      '--acquire-interval',
      '100',
      '--lag-interval',
      '200',
    ]);
    const stop = new AbortController();
    const running = runProjector(config, stop.signal, pino({ level: 'silent' }));

    // The policies react to the deal opened and won: the customer moves forward.
    await waitUntil(
      async () =>
        (await side.store.readStream('customer-c-ana')).some(
          (event) => event.type === 'CustomerLifecycleStageAdvanced',
        ),
      20_000,
      'the policies to move the customer on',
    );
    const head = (await side.store.readAll()).at(-1)?.position ?? logStart;
    await waitUntil(
      async () => {
        const position = (await loadCheckpoint(side.db, 'stream_counts'))?.position;
        return position !== undefined && comparePositions(position, head) >= 0;
      },
      20_000,
      'the projections to catch up',
    );
    stop.abort();
    await running;
    // Events with encrypted personal fields decoded (none poisoned), the policy's included.
    const { rows } = await sql<{ readonly stream_name: string; readonly last_type: string }>`
      SELECT stream_name, last_type FROM stream_counts.stream_counts ORDER BY stream_name`.execute(
      side.db,
    );
    expect(rows.map((row) => row.stream_name)).toEqual([
      'customer-c-ana',
      'deal-d-kitchen',
      'ticket-t-tiles',
    ]);
    expect(rows[0]?.last_type).toBe('CustomerLifecycleStageAdvanced');
    expect(await loadCheckpoint(side.db, 'stream_counts')).toMatchObject({
      status: 'stopped',
      error: null,
    });
  });
});
