import { verifyHashChain } from '@crm/command-handling';
import { crmScenario, eraseScenarioCustomer } from '@crm/command-handling/testing';
import { describe, expect, it } from 'vitest';
import { postgresCrm, useCommandHandlingDatabase } from './test-support.ts';

const database = await useCommandHandlingDatabase('ch_tamper');
const crm = postgresCrm(database);
let run = 0;

// Each test writes its own customer (ids suffixed), so tests do not see each other's rows.
const seed = async () => {
  run += 1;
  const suffix = `-${run}`;
  const customerId = `c-ana${suffix}`;
  const results = await crm.run(crmScenario(customerId, suffix));
  expect(results.every((r) => r.kind === 'accepted')).toBe(true);
  return { customer: `customer-${customerId}`, deal: `deal-d-kitchen${suffix}` };
};

const sql = (text: string, values: ReadonlyArray<unknown> = []) =>
  database.pool.query(text, [...values]);

describe('tamper evidence on PostgreSQL: the hash chain over the stored rows', () => {
  it('verifies untouched streams and the whole log, also after an erasure', async () => {
    const { customer } = await seed();
    expect(await verifyHashChain(crm.eventStore, { stream: customer })).toMatchObject({
      ok: true,
      eventsChecked: 3,
    });
    await crm.run([eraseScenarioCustomer(customer.slice('customer-'.length), `-${run}`)]);
    expect(await verifyHashChain(crm.eventStore, { all: true })).toMatchObject({ ok: true });
  });

  it('reports an edited amount in a stored row as the first break of its stream', async () => {
    const { deal } = await seed();
    await sql(
      `UPDATE es_events SET data = jsonb_set(data, '{lineItems,0,quantity}', '4000')
        WHERE stream_name = $1 AND revision = 0`,
      [deal],
    );
    expect(await verifyHashChain(crm.eventStore, { stream: deal })).toMatchObject({
      ok: false,
      eventsChecked: 0,
      break: { reason: 'HashMismatch', streamName: deal, revision: 0 },
    });
    expect(await verifyHashChain(crm.eventStore, { all: true })).toMatchObject({
      ok: false,
      break: { streamName: deal, revision: 0 },
    });
  });

  it('reports a rewritten actor in the metadata, and a row deleted from the middle', async () => {
    const { customer } = await seed();
    await sql(
      `UPDATE es_events SET metadata = jsonb_set(metadata, '{actor,id}', '"u-mallory"')
        WHERE stream_name = $1 AND revision = 1`,
      [customer],
    );
    expect(await verifyHashChain(crm.eventStore, { stream: customer })).toMatchObject({
      ok: false,
      break: { reason: 'HashMismatch', revision: 1 },
    });
    const { deal } = await seed();
    await sql('DELETE FROM es_events WHERE stream_name = $1 AND revision = 0', [deal]);
    expect(await verifyHashChain(crm.eventStore, { stream: deal })).toMatchObject({
      ok: false,
      break: { reason: 'RevisionGap', streamName: deal, revision: 1 },
    });
  });

  it('reports an encrypted field moved from one event to another (the chain covers ciphertext)', async () => {
    const { customer } = await seed();
    await sql(
      `UPDATE es_events SET data = jsonb_set(data, '{summary}',
          (SELECT data->'note' FROM es_events WHERE stream_name = $1 AND revision = 2))
        WHERE stream_name = $1 AND revision = 1`,
      [customer],
    );
    expect(await verifyHashChain(crm.eventStore, { stream: customer })).toMatchObject({
      ok: false,
      break: { reason: 'HashMismatch', revision: 1 },
    });
  });
});
