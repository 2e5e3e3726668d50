import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import {
  createPolicyRunner,
  crmPolicies,
  crmPolicyEventTypes,
  crmRoutingTable,
} from '@crm/command-handling';
import {
  crmScenario,
  eraseScenarioCustomer,
  scenarioPersonalValues,
} from '@crm/command-handling/testing';
import * as E from 'fp-ts/lib/Either.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { scanDatabase } from './database-scan.ts';
import { postgresCrm, useCommandHandlingDatabase } from './test-support.ts';

const database = await useCommandHandlingDatabase('ch_erasure');
const crm = postgresCrm(database);
const streams = ['customer-c-ana', 'deal-d-kitchen', 'ticket-t-tiles'];

const readable = async (): Promise<string> => {
  const all = [];
  for (const stream of streams) {
    const events = await crm.reader.readStream(stream);
    if (E.isLeft(events)) throw new Error(events.left.message);
    all.push(...events.right);
  }
  return JSON.stringify(all, (_key, value: unknown) =>
    typeof value === 'bigint' ? String(value) : value,
  );
};

const pgDumpOf = async (url: string): Promise<string | undefined> => {
  try {
    const { stdout } = await promisify(execFile)('pg_dump', ['--no-owner', '--dbname', url], {
      maxBuffer: 256 * 1024 * 1024,
    });
    return stdout;
  } catch {
    // No pg_dump on this machine, or one older than the server (it refuses newer servers).
    return undefined;
  }
};

describe('erasure on PostgreSQL: no personal value of the customer survives anywhere in the database', () => {
  let before: Awaited<ReturnType<typeof scanDatabase>>;
  let readableBefore: string;

  beforeAll(async () => {
    // The scanner's own control: a value planted in a text, a jsonb and a bytea column is found.
    await database.pool.query('CREATE TABLE scan_probe (t text, j jsonb, b bytea)');
    await database.pool.query(
      `INSERT INTO scan_probe VALUES ('x Probe-Marker x', '{"k": "probe-marker"}', 'probe-marker'::bytea)`,
    );
    const results = await crm.run(crmScenario());
    expect(results.map((r) => r.kind)).toEqual(Array(results.length).fill('accepted'));
    // The policies run too, so outcomes, checkpoints and policy events are in the database.
    const stop = new AbortController();
    const runner = createPolicyRunner({
      name: 'crm-policies',
      eventStore: crm.eventStore,
      handler: crm,
      routes: crmRoutingTable,
      keyStore: crm.keyStore,
      checkpoints: crm.checkpoints,
      policies: crmPolicies,
      eventTypes: crmPolicyEventTypes,
    });
    const running = runner.run(stop.signal);
    for (let i = 0; i < 200; i += 1) {
      const events = await crm.eventStore.readStream('customer-c-ana');
      if (events.some((e) => String(e.metadata.commandId).startsWith('policy.deal-won'))) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    stop.abort();
    await running;
    before = await scanDatabase(database.pool, [...scenarioPersonalValues, 'probe-marker']);
    readableBefore = await readable();
    const [erased] = await crm.run([eraseScenarioCustomer()]);
    if (erased?.kind !== 'accepted') throw new Error(`erasure not accepted: ${erased?.kind}`);
  });

  it('control: the scan reads text, jsonb and bytea columns of every table, and finds a planted value in each', () => {
    expect(before.columns).toEqual(
      expect.arrayContaining([
        'public.es_events.data',
        'public.es_events.metadata',
        'public.ch_keys.key',
        'public.ch_snapshots.state',
        'public.ch_command_outcomes.outcome',
        'public.ch_checkpoints.position',
      ]),
    );
    expect(before.found.get('probe-marker')).toEqual([
      'public.scan_probe.t',
      'public.scan_probe.j',
      'public.scan_probe.b',
    ]);
  });

  it('control: before erasure the database alone (its rows and keys) gives every personal value back', () => {
    for (const value of scenarioPersonalValues) {
      const normalised = value === '+44 20 7183 8750' ? '+442071838750' : value;
      if (value === 'Ana.Quintanilla@Example.org') continue; // stored normalised (lower case)
      expect(readableBefore, value).toContain(normalised);
    }
  });

  it('before and after erasure: no personal value is stored in clear in any column', async () => {
    const after = await scanDatabase(database.pool, scenarioPersonalValues);
    for (const value of scenarioPersonalValues) {
      expect(before.found.get(value), value).toEqual([]);
      expect(after.found.get(value), value).toEqual([]);
    }
  });

  it('after erasure: the key is gone (tombstone), and no read of the database recovers a personal value', async () => {
    const { rows } = await database.pool.query(
      'SELECT key, erased_at FROM ch_keys WHERE subject = $1',
      ['c-ana'],
    );
    expect(rows).toEqual([{ key: null, erased_at: expect.any(Date) }]);
    const now = await readable();
    for (const value of scenarioPersonalValues) expect(now, value).not.toContain(value);
    expect(now).toContain('"_tag":"ErasedValue"');
  });

  it('after erasure: a pg_dump of the database holds none of her values (where a pg_dump fits the server)', async (context) => {
    const dump = await pgDumpOf(database.database.url);
    if (dump === undefined) {
      context.skip();
      return;
    }
    expect(dump).toContain('es_events');
    for (const value of scenarioPersonalValues)
      expect(dump.toLowerCase(), value).not.toContain(value.toLowerCase());
  });
});
