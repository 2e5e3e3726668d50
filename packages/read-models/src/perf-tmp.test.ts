import type { CurrencyCode } from '@crm/domain';
import { sql } from 'kysely';
import { it } from 'vitest';
import { customer360Projection } from './customer-360/projection.ts';
import { lifecycleFunnelProjection } from './lifecycle-funnel/projection.ts';
import { profitTiersProjection } from './profit-tiers/projection.ts';
import { advance, line, on, openDeal, registerCustomer, winDeal } from './projection-kit/testing/commands.ts';
import { eventHistory } from './projection-kit/testing/event-history.ts';
import { projectionHarness } from './projection-kit/testing/projection-harness.ts';

const settings = { reportingCurrency: 'EUR' as CurrencyCode, timeZone: 'Europe/Berlin' };
const h360 = await projectionHarness(customer360Projection(settings));
const hFunnel = await projectionHarness(lifecycleFunnelProjection(settings));
const hTiers = await projectionHarness(profitTiersProjection(settings));

it('perf', { timeout: 600_000 }, async () => {
  const history = eventHistory();
  for (let i = 0; i < 2000; i += 1) {
    const c = `c-${i}`;
    history.run('customer', registerCustomer(c, on('2025-01-02')), advance(c, 'opportunity', on('2025-01-03')),
      { type: 'RecordInteraction', data: { customerId: c, interactionId: `i-${i}`, channel: 'call', direction: 'inbound', summary: 'hello', by: 'u', at: on('2025-01-04') } });
    history.run('deal', openDeal(`d-${i}`, c, on('2025-01-05'), [line('p-1', 2, 1000, 400), line(`p-${i % 50}`, 1, 500, 100)]), winDeal(`d-${i}`, on('2025-01-06')),
      { type: 'IssueInvoice', data: { dealId: `d-${i}`, invoiceId: 'inv', amount: { amountMinor: 2500, currency: 'EUR' }, dueDate: '2025-02-01', at: on('2025-01-07') } },
      { type: 'RecordPayment', data: { dealId: `d-${i}`, paymentId: 'pay', invoiceId: 'inv', amount: { amountMinor: 2500, currency: 'EUR' }, at: on('2025-01-08') } });
    history.run('ticket', { type: 'OpenTicket', data: { ticketId: `t-${i}`, customerId: c, subject: 's', description: 'd', channel: 'email', category: 'question', priority: 'low', at: on('2025-01-09') } },
      { type: 'ReplyToTicket', data: { ticketId: `t-${i}`, replyId: 'r', author: { kind: 'agent', userId: 'u' }, visibility: 'public', body: 'b', at: on('2025-01-09', '10:00:00') } },
      { type: 'ResolveTicket', data: { ticketId: `t-${i}`, resolution: 'ok', at: on('2025-01-10') } });
  }
  const events = [...history.events()].sort(() => 0).map((e) => e);
  // interleave: sort by a pseudo-random key so batches touch many customers
  const shuffled = events.map((e, n) => ({ e, k: (n * 7919) % events.length })).sort((a, b) => a.k - b.k).map((x, n) => ({ ...x.e, position: { commit: BigInt(n + 1), prepare: BigInt(n + 1) } }));
  for (const [name, h] of [['360', h360], ['funnel', hFunnel], ['tiers', hTiers]] as const) {
    const t0 = performance.now();
    await h.apply(shuffled, 500);
    const ms = performance.now() - t0;
    
    process.stderr.write(JSON.stringify(Object.fromEntries(Object.entries((globalThis as any).__t ?? {}).map(([k, v]) => [k, Math.round(v as number)]))) + '\n');
    process.stderr.write(`${name}: ${shuffled.length} events in ${ms.toFixed(0)} ms = ${(shuffled.length / ms * 1000).toFixed(0)} ev/s\n`);
  }
  await sql`create table raw_baseline (id bigint primary key, stream text, type text, data jsonb)`.execute(h360.db);
  const t0 = performance.now();
  for (let b = 0; b < 200; b += 1) {
    const rows = Array.from({ length: 100 }, (_, n) => sql`(${b * 100 + n}, ${'customer-x'}, ${'T'}, ${JSON.stringify({ a: 1, b: 'xxxxxxxxxxxxxxxxxxxxxxxx' })})`);
    await sql`insert into raw_baseline values ${sql.join(rows)}`.execute(h360.db);
  }
  const ms = performance.now() - t0;
  process.stderr.write(`raw: 20000 rows in ${ms.toFixed(0)} ms = ${(20000 / ms * 1000).toFixed(0)} rows/s\n`);
});
