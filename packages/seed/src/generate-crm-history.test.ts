import { describe, expect, it } from 'vitest';
import { estimateCrmHistorySize } from './estimate.ts';
import { generateCrmHistory } from './generate-crm-history.ts';
import { generateCrmHistoryStats } from './history-stats.ts';
import type { CrmHistoryOptions } from './options.ts';
import { decideAll } from './test-support.ts';

const small: CrmHistoryOptions = { seed: 42, customers: 80, months: 6, startAt: '2024-01-01' };
const all = (options: CrmHistoryOptions) => [...generateCrmHistory(options)];

describe('generateCrmHistory', () => {
  it('is deterministic: the same options give the same commands, ids and actors', () => {
    const first = all(small);
    expect(JSON.stringify(all(small))).toBe(JSON.stringify(first));
    expect(JSON.stringify(all({ ...small, seed: '42' }))).toBe(JSON.stringify(first));
    expect(generateCrmHistory(small).facts).toEqual(generateCrmHistory(small).facts);
  });

  it('gives another history for another seed', () => {
    const first = all(small);
    const other = all({ ...small, seed: 43 });
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(first));
    expect(generateCrmHistory({ ...small, seed: 43 }).facts.wellKnownCustomer).not.toEqual(
      generateCrmHistory(small).facts.wellKnownCustomer,
    );
  });

  it('streams lazily: the first commands come without generating the rest', () => {
    const history = generateCrmHistory({ ...small, customers: 1_000_000, months: 120 });
    const first = history.next();
    expect(first.done).toBe(false);
    expect(first.value).toMatchObject({ commandId: 'seed-1', aggregate: 'customer' });
    expect(history.progress.commands).toBeLessThan(100);
  });

  it('reports its progress as it goes, with estimated totals up front', () => {
    const history = generateCrmHistory(small);
    expect(history.progress).toMatchObject({ commands: 0, events: 0, at: null });
    expect(history.progress.estimatedCommands).toBeGreaterThan(0);
    let seen = 0;
    for (const item of history) {
      seen += 1;
      if (seen === 10) expect(history.progress).toMatchObject({ commands: 10, at: item.at });
    }
    const { progress } = history;
    expect(progress.commands).toBe(seen);
    expect(Object.values(progress.byType).reduce((a, b) => a + b, 0)).toBe(seen);
    expect(progress.customersRegistered).toBe(progress.byType.RegisterCustomer);
  });

  it('counts exactly with generateCrmHistoryStats, and estimates within about 15 %', () => {
    const options = { ...small, customers: 600, months: 24 };
    const stats = generateCrmHistoryStats(options);
    const history = generateCrmHistory(options);
    const items = [...history];
    expect(stats.commands).toBe(items.length);
    expect(stats.events).toBe(history.progress.events);
    expect(stats.byAggregate.customer).toBe(
      items.filter((item) => item.aggregate === 'customer').length,
    );
    expect(stats.registrations).toBe(options.customers + history.facts.duplicates.length);
    const estimate = estimateCrmHistorySize(options);
    expect(Math.abs(estimate.commands / stats.commands - 1)).toBeLessThan(0.15);
    expect(Math.abs(estimate.events / stats.events - 1)).toBeLessThan(0.15);
  });

  it('scales linearly with the number of customers', () => {
    const perCustomer = (customers: number) =>
      generateCrmHistoryStats({ ...small, customers, months: 12 }).events / customers;
    expect(Math.abs(perCustomer(1_200) / perCustomer(300) - 1)).toBeLessThan(0.1);
  });

  it.each([
    [10, 2, '2024-01-01', 'EUR'],
    [25, 3, '2023-06-15T12:00:00+02:00', 'USD'],
    [60, 5, '2025-02-28', 'GBP'],
  ])(
    'is accepted in full for %i customers over %i months from %s, reporting in %s',
    (customers, months, startAt, reportingCurrency) => {
      for (const seed of [1, 2]) {
        const history = generateCrmHistory({ seed, customers, months, startAt, reportingCurrency });
        const { refusals, decided } = decideAll(history);
        expect(refusals.map(({ error }) => error.message)).toEqual([]);
        const types = decided.map(({ item }) => item.command.type);
        expect(types.filter((type) => type === 'ErasePersonalData')).toHaveLength(1);
        expect(types.filter((type) => type === 'MergeCustomerInto')).toHaveLength(
          history.facts.duplicates.length,
        );
        const end = Date.parse(history.facts.endAt);
        expect(decided.every(({ item }) => Date.parse(item.at) < end)).toBe(true);
      }
    },
  );

  it('names its facts up front: period, currency, the special customers, staff and products', () => {
    const { facts } = generateCrmHistory({ ...small, startAt: '2024-03-15T09:00:00Z' });
    expect(facts).toMatchObject({
      seed: '42',
      customers: 80,
      months: 6,
      startAt: '2024-03-15T09:00:00Z',
      endAt: '2024-09-15T09:00:00Z',
      reportingCurrency: 'EUR',
      wellKnownCustomer: { customerId: 'cust-000001', phone: { region: 'GB' } },
    });
    expect(facts.duplicates).toHaveLength(2);
    expect(facts.erasedCustomerId).not.toBe('cust-000001');
    expect(facts.staff.filter((member) => member.role === 'sales_rep')).toHaveLength(11);
    expect(facts.products).toHaveLength(20);
  });

  it('refuses options it cannot honour, naming the option', () => {
    expect(() => generateCrmHistory({ ...small, customers: 5 })).toThrow(/customers/);
    expect(() => generateCrmHistory({ ...small, months: 1 })).toThrow(/months/);
    expect(() => generateCrmHistory({ ...small, startAt: 'yesterday' })).toThrow(/startAt/);
    expect(() => generateCrmHistory({ ...small, reportingCurrency: 'XYZ' })).toThrow(
      /reportingCurrency/,
    );
    expect(() => generateCrmHistory({ ...small, campaignReach: 2 })).toThrow(/campaignReach/);
    expect(() => generateCrmHistory({ ...small, commandIdPrefix: 'no spaces' })).toThrow(
      /commandIdPrefix/,
    );
  });

  it('uses the command id prefix given, and leaves campaigns out when asked', () => {
    const items = all({ ...small, commandIdPrefix: 'demo-7', campaignsPerMonth: 0 });
    expect(items.every((item) => item.commandId.startsWith('demo-7-'))).toBe(true);
    expect(items.some((item) => item.aggregate === 'campaign')).toBe(false);
  });
});
