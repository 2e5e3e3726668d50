import {
  createCommandHandler,
  createInMemoryCommandOutcomeStore,
  createInMemoryKeyStore,
  crmRoleTable,
  crmRoutingTable,
} from '@crm/command-handling';
import type { CurrencyCode } from '@crm/domain';
import { createMemoryEventStore } from '@crm/event-store-memory';
import { describe, expect, it } from 'vitest';
import type { ImportContext } from './import-context.ts';
import { importCustomers } from './import-customers.ts';
import { importDeals } from './import-deals.ts';
import type { StoredCustomer } from './stored-customers.ts';

const now = '2026-01-15T10:00:00.000Z';

const setUp = (stored: ReadonlyArray<StoredCustomer> = []): ImportContext => {
  const eventStore = createMemoryEventStore();
  const { handle } = createCommandHandler({
    eventStore,
    routes: crmRoutingTable,
    roles: crmRoleTable,
    keyStore: createInMemoryKeyStore(),
    outcomes: createInMemoryCommandOutcomeStore(),
  });
  return {
    handle: handle as ImportContext['handle'],
    eventStore,
    actor: { id: 'u-importer', role: 'admin' },
    directory: {
      find: async ({ emails, phones }) =>
        stored.filter(
          (c) =>
            (c.email !== null && emails.includes(c.email)) ||
            (c.phone !== null && phones.includes(c.phone)),
        ),
    },
  };
};

// Mixed phone formats, a repeated row, a duplicate by email, a bad email, a bad phone.
const messy = [
  'Customer ID,Full Name,Company,E-Mail,Phone,Country',
  'C-1,Ada Lovelace,,ADA@Example.org ,+44 20 7946 0991,GB',
  'C-2,Grace Hopper,,grace@example.com,(415) 555-2671,US',
  'C-3,,Acme GmbH,info@acme.example,030 1234567,de',
  'C-4,Alan Turing,,not-an-email,020 7946 0018,GB',
  'C-1,Ada Lovelace,,ADA@Example.org ,+44 20 7946 0991,GB',
  'C-5,"Lovelace, A.",,ada@example.org,,GB',
  'C-6,Margaret Hamilton,,margaret@example.com,555-0100,US',
  'C-7,Sophie Harrington,,,020 7946 0611,GB',
].join('\n');

describe('importing customers', () => {
  it('cleans, reports every invalid row and duplicate, and writes the rest', async () => {
    const context = setUp([
      { customerId: 'c-known', displayName: 'Sophie H', email: null, phone: '+442079460611' },
    ]);
    const report = await importCustomers(messy, context, { now });
    expect(report.rows).toBe(8);
    expect(report.invalid).toEqual([
      {
        line: 5,
        field: 'email',
        column: 'E-Mail',
        message: '"not-an-email" is not a valid email address',
      },
      {
        line: 8,
        field: 'phone',
        column: 'Phone',
        message: '"555-0100" is not a valid phone number in US',
      },
    ]);
    expect(report.duplicates.map((d) => [d.line, d.by, d.value, d.action])).toEqual([
      [6, 'repeat', 'C-1', 'skipped'],
      [7, 'email', 'ada@example.org', 'skipped'],
      [9, 'phone', '+442079460611', 'skipped'],
    ]);
    expect(report.written.map((w) => w.line)).toEqual([2, 3, 4]);
    const acme = await context.eventStore.readStream(`customer-${report.written[2]?.id}`);
    expect(acme[0]?.type).toBe('CustomerRegistered');
  });

  it('stores nothing twice when the same file comes again', async () => {
    const context = setUp();
    await importCustomers(messy, context, { now });
    const before = (await context.eventStore.readAll()).length;
    const again = await importCustomers(messy, context, { now: '2026-02-01T00:00:00.000Z' });
    expect(again.written).toEqual([]);
    expect(again.alreadyImported.map((w) => w.line)).toEqual([2, 3, 4, 9]);
    expect((await context.eventStore.readAll()).length).toBe(before);
  });

  it('merges duplicates into their survivor when asked', async () => {
    const context = setUp();
    const report = await importCustomers(messy, context, { now, mergeDuplicates: true });
    const merged = report.written.filter((w) => w.action.startsWith('merged'));
    expect(merged.map((w) => w.line)).toEqual([7]);
    const duplicate = await context.eventStore.readStream(`customer-${merged[0]?.id}`);
    expect(duplicate.map((e) => e.type)).toEqual(['CustomerRegistered', 'CustomerMerged']);
  });

  it('writes nothing with allOrNothing when a row is invalid', async () => {
    const context = setUp();
    const report = await importCustomers(messy, context, { now, allOrNothing: true });
    expect(report.wroteNothing).toBe(true);
    expect(await context.eventStore.readAll()).toEqual([]);
  });

  it('refuses a file with no column for the name', async () => {
    await expect(importCustomers('E-Mail\na@b.de', setUp(), { now })).rejects.toThrow(
      "No column gives the customer's name",
    );
  });
});

describe('importing deals', () => {
  const deals = [
    'Deal ID,Customer ID,Title,Amount,Currency,Cost,Stage,Close Date,Rate',
    'D-1,C-1,Analytical engine,"1,200.50",EUR,400,Closed Won,2025-03-01,',
    'D-2,C-2,Compiler licence,$2500,,1000,won,2025-04-15,0.92',
    'D-3,C-3,Office chairs,"1.234,50",EUR,,proposal,,',
    'D-4,C-2,Support,900,USD,100,won,2025-05-01,',
    'D-5,C-404,Ghost deal,100,EUR,,open,,',
    'D-1,C-1,Analytical engine,"1,200.50",EUR,400,Closed Won,2025-03-01,',
  ].join('\n');

  it('turns each row into its history, converts won deals in another currency, and reports the rest', async () => {
    const context = setUp();
    await importCustomers(messy, context, { now });
    const options = { now, reportingCurrency: 'EUR' as CurrencyCode };
    const report = await importDeals(deals, context, options);
    expect(report.invalid.map((p) => [p.line, p.field])).toEqual([
      [5, 'currency'],
      [6, 'customer'],
    ]);
    expect(report.duplicates.map((d) => [d.line, d.by])).toEqual([[7, 'repeat']]);
    expect(report.written.map((w) => [w.line, w.action])).toEqual([
      [2, 'won'],
      [3, 'won'],
      [4, 'opened'],
    ]);
    const usd = await context.eventStore.readStream(`deal-${report.written[1]?.id}`);
    expect(usd.map((e) => e.type)).toEqual(['DealOpened', 'DealWon']);
    expect((usd[1]?.data as { exchangeRate?: unknown } | undefined)?.exchangeRate).toEqual({
      base: 'USD',
      quote: 'EUR',
      rate: '0.92',
    });
    const proposal = await context.eventStore.readStream(`deal-${report.written[2]?.id}`);
    expect(proposal.map((e) => e.type)).toEqual(['DealOpened', 'DealStageChanged']);

    const withRate = await importDeals(deals, context, { ...options, rates: { USD: '0.9' } });
    expect(withRate.written.map((w) => w.line)).toEqual([5]);
    expect(withRate.alreadyImported.map((w) => w.line)).toEqual([2, 3, 4]);
  });
});
