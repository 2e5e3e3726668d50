import {
  createCommandHandler,
  crmRoleTable,
  crmRoutingTable,
  eventIdFor,
} from '@crm/command-handling';
import {
  createPostgresCommandOutcomeStore,
  createPostgresKeyStore,
  migrateCommandHandling,
} from '@crm/command-handling-postgres';
import { type EventId, policyCommandId } from '@crm/domain';
import { createPostgresEventStore, migrateEventStore } from '@crm/event-store-postgres';
import { createProjectionRunner, type ReportingSettings } from '@crm/projections';
import { allProjections, type Customer360Tables, customer360ById } from '@crm/read-models';
import { generateCrmHistory } from '@crm/seed';
import { useTestDatabase } from '@crm/test-database/vitest';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from './audit-log.ts';
import { customer360AsOf } from './customer-360-as-of.ts';
import { revealingDecoder } from './revealing-decoder.ts';
import { verifyReadModels } from './verify-read-models.ts';

const database = await useTestDatabase();
const pool = new pg.Pool({ connectionString: database.url, max: 6 });
const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
const eventStore = createPostgresEventStore({ db });
const keyStore = createPostgresKeyStore({ db });
const decode = revealingDecoder(auditLog({ eventStore, keyStore }).reader);
const settings: ReportingSettings = { reportingCurrency: 'EUR' as never, timeZone: 'UTC' };
const projections = allProjections(settings);
const history = generateCrmHistory({
  seed: 'audit',
  customers: 30,
  months: 6,
  startAt: '2025-01-01',
  policyCommandId: ({ policy, triggerCommandId, triggerEventIndex }) =>
    policyCommandId(policy, eventIdFor(triggerCommandId, triggerEventIndex) as EventId),
});

beforeAll(async () => {
  await migrateEventStore(db);
  await migrateCommandHandling(db);
  const { handle } = createCommandHandler({
    eventStore,
    routes: crmRoutingTable,
    roles: crmRoleTable,
    keyStore,
    outcomes: createPostgresCommandOutcomeStore({ db }),
  });
  for (const item of history) {
    const result = await handle(item.command, {
      commandId: item.commandId,
      actor: item.actor,
      occurredAt: item.at,
    });
    expect(result.kind).toBe('accepted');
  }
  for (const projection of projections) {
    await createProjectionRunner({ db, eventStore, projection, decode }).catchUp();
  }
}, 120_000);

afterAll(async () => {
  await eventStore.close();
  await db.destroy();
});

describe('verifying the read models against a replay of the log', () => {
  it('finds them equal after the projector caught up', async () => {
    const report = await verifyReadModels({ db, eventStore, projections, decode });
    expect(report.projections.map((p) => [p.projection, p.status])).toEqual(
      projections.map((p) => [p.name, 'same']),
    );
    expect(report.ok).toBe(true);
    const { rows } = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM pg_namespace WHERE nspname LIKE '%verify%'`.execute(db);
    expect(rows[0]?.n).toBe(0);
  });

  it('names the table, the row and the column of a change made behind the log’s back', async () => {
    const customerId = history.facts.wellKnownCustomer.customerId;
    await sql`UPDATE customer_360.customers SET loyalty_balance = loyalty_balance + 5 WHERE customer_id = ${customerId}`.execute(
      db,
    );
    try {
      const report = await verifyReadModels({ db, eventStore, projections, decode });
      expect(report.ok).toBe(false);
      const differences = report.projections.flatMap((p) =>
        p.differences.map((d) => ({ projection: p.projection, ...d })),
      );
      expect(differences).toHaveLength(1);
      expect(differences[0]).toMatchObject({
        projection: 'customer_360',
        table: 'customers',
        onlyLive: 1,
        onlyReplay: 1,
      });
      expect(differences[0]?.samples[0]).toMatchObject({
        key: `customer_id=${customerId}`,
        kind: 'changed',
      });
      expect(differences[0]?.samples[0]?.columns.map((c) => c.column)).toEqual(['loyalty_balance']);
    } finally {
      await sql`UPDATE customer_360.customers SET loyalty_balance = loyalty_balance - 5 WHERE customer_id = ${customerId}`.execute(
        db,
      );
    }
  });
});

describe('the 360° view as of an instant', () => {
  it('equals the live view at the end of the log, from the customer’s streams alone', async () => {
    const customerId = history.facts.wellKnownCustomer.customerId;
    const live = await customer360ById(
      (db as Kysely<Customer360Tables>).withSchema('customer_360'),
      customerId,
    );
    const rebuilt = await customer360AsOf({
      db,
      eventStore,
      decode,
      settings,
      customerId,
      epochMillis: Date.parse('2030-01-01'),
    });
    expect(rebuilt.view).toEqual(live);
    expect(rebuilt.streams).toBeLessThan(40);
  });

  it('shows less the earlier the instant, and nothing before the registration', async () => {
    const customerId = history.facts.wellKnownCustomer.customerId;
    const early = await customer360AsOf({
      db,
      eventStore,
      decode,
      settings,
      customerId,
      epochMillis: Date.parse('2025-01-31T23:59:59Z'),
    });
    const late = await customer360AsOf({
      db,
      eventStore,
      decode,
      settings,
      customerId,
      epochMillis: Date.parse('2030-01-01'),
    });
    expect(early.eventsReplayed).toBeLessThan(late.eventsReplayed);
    await expect(
      customer360AsOf({
        db,
        eventStore,
        decode,
        settings,
        customerId,
        epochMillis: Date.parse('2024-12-31'),
      }),
    ).rejects.toThrow(`Customer ${customerId} had not registered by 2024-12-31T00:00:00.000Z.`);
  });
});
