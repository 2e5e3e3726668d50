import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { isErasedValue } from '../privacy/erased-value.ts';
import { crmHarness, jsonDump } from '../test-fixtures/crm-harness.ts';
import {
  crmScenario,
  eraseScenarioCustomer,
  scenarioPersonalValues,
} from '../testing/crm-scenario.ts';

const readAll = async (harness: ReturnType<typeof crmHarness>, streams: ReadonlyArray<string>) => {
  const all = [];
  for (const stream of streams) {
    const events = await harness.reader.readStream(stream);
    if (E.isLeft(events)) throw new Error(events.left.message);
    all.push(...events.right);
  }
  return all;
};

const streams = ['customer-c-ana', 'deal-d-kitchen', 'ticket-t-tiles'];

describe('crypto-shredding on the CRM aggregates', () => {
  it('runs the scenario, storing its personal data only encrypted', async () => {
    const harness = crmHarness();
    const results = await harness.run(crmScenario());
    expect(results.map((r) => r.kind)).toEqual(Array(results.length).fill('accepted'));
    const stored = jsonDump(await harness.eventStore.readAll());
    for (const value of scenarioPersonalValues) expect(stored).not.toContain(value);
    // Decrypted reads give every value back (the control: the data is there).
    const readable = jsonDump(await readAll(harness, streams));
    for (const value of [
      'Ana-Maria',
      'Quintanilla',
      'ana.quintanilla@example.org',
      '+442071838750',
      'NW1 6XE',
    ]) {
      expect(readable).toContain(value);
    }
  });

  it('after erasure reads return placeholders, and nothing the stores hold names her', async () => {
    const harness = crmHarness();
    await harness.run(crmScenario());
    const [erasure] = await harness.run([eraseScenarioCustomer()]);
    expect(erasure).toMatchObject({
      kind: 'accepted',
      events: [{ type: 'CustomerPersonalDataErased' }],
    });
    const events = await readAll(harness, streams);
    const everything = jsonDump({
      events,
      log: await harness.eventStore.readAll(),
      snapshots: await Promise.all(streams.map((s) => harness.snapshots.load(s))),
    });
    for (const value of scenarioPersonalValues) expect(everything).not.toContain(value);
    const registered = events.find((e) => e.type === 'CustomerRegistered');
    expect(registered?.data).toMatchObject({
      customerId: 'c-ana',
      party: { kind: 'person' },
      acquisition: { channel: 'event' },
    });
    expect(isErasedValue((registered?.data as { email: unknown } | undefined)?.email)).toBe(true);
    expect(registered?.erasedPaths).toEqual(
      expect.arrayContaining([
        'data.party.givenName',
        'data.party.familyName',
        'data.email',
        'data.phone',
        'data.address',
      ]),
    );
    const won = events.find((e) => e.type === 'DealWon');
    expect(won?.erasedPaths).toEqual([]);
    expect(JSON.stringify(won?.data)).toContain('"amountMinor":100000');
  });

  it('keeps the aggregates usable for their non-personal history', async () => {
    const harness = crmHarness();
    await harness.run([...crmScenario(), eraseScenarioCustomer()]);
    const rep = { id: 'u-rep-jo', role: 'sales_rep' } as const;
    const points = await harness.handle(
      {
        type: 'EarnLoyaltyPoints',
        data: {
          customerId: 'c-ana',
          points: 120,
          reason: 'Kitchen order',
          at: '2026-04-02T09:00:00Z',
        },
      },
      { commandId: 'points', actor: rep },
    );
    expect(points.kind).toBe('accepted');
    const invoice = await harness.handle(
      {
        type: 'IssueInvoice',
        data: {
          dealId: 'd-kitchen',
          invoiceId: 'inv-1',
          amount: { amountMinor: 100000, currency: 'EUR' },
          dueDate: '2026-05-01',
          at: '2026-04-02T10:00:00Z',
        },
      },
      { commandId: 'invoice', actor: rep },
    );
    expect(invoice.kind).toBe('accepted');
    const closed = await harness.handle(
      {
        type: 'ResolveTicket',
        data: { ticketId: 't-tiles', resolution: 'Replaced', at: '2026-04-02T11:00:00Z' },
      },
      { commandId: 'resolve', actor: { id: 'u-agent-sam', role: 'service_agent' } },
    );
    // New free text about an erased customer cannot be stored: refused by type, nothing appended.
    expect(closed).toMatchObject({ kind: 'failed', error: { code: 'PersonalDataErased' } });
    const renamed = await harness.handle(
      {
        type: 'CorrectCustomerName',
        data: {
          customerId: 'c-ana',
          party: { kind: 'person', familyName: 'Q' },
          at: '2026-04-02T12:00:00Z',
        },
      },
      { commandId: 'rename', actor: rep },
    );
    expect(renamed).toMatchObject({ kind: 'rejected' });
  });

  it('records a refusal that quotes personal input encrypted, and replays it', async () => {
    const harness = crmHarness();
    const rep = { id: 'u-rep-jo', role: 'sales_rep' } as const;
    const [registration] = crmScenario();
    if (registration === undefined) throw new Error('no registration');
    const badEmail = {
      ...registration.command,
      data: { ...registration.command.data, email: 'ana-maria at quintanilla' },
    };
    const refused = await harness.handle(badEmail, { commandId: 'bad-email', actor: rep });
    expect(refused).toMatchObject({ kind: 'rejected', error: { _tag: 'InvalidEmailAddress' } });
    const claim = await harness.outcomes.claim('bad-email', 'probe', 1);
    expect(claim.status).toBe('completed');
    expect(jsonDump(claim)).not.toContain('quintanilla');
    expect(await harness.handle(badEmail, { commandId: 'bad-email', actor: rep })).toEqual(refused);
  });
});
