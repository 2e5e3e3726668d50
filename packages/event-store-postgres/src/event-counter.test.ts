import { randomUUID } from 'node:crypto';
import { logStart, type NewEvent } from '@crm/event-store';
import { useTestDatabase } from '@crm/test-database/vitest';
import { afterAll, describe, expect, it } from 'vitest';
import { postgresEventCounter } from './event-counter.ts';
import { openPgTestStore } from './pg-test-store.ts';

const database = await useTestDatabase('counter');
const { store, db, close } = await openPgTestStore(database.url);
afterAll(close);

const events = (type: string, count: number): NewEvent[] =>
  Array.from({ length: count }, (_, n) => ({ eventId: randomUUID(), type, data: { n } }));

describe('postgresEventCounter', () => {
  it('counts what readAll would read after a position, by type and category, up to a cap', async () => {
    await store.append('order-1', events('Placed', 3));
    await store.append('invoice-1', events('Issued', 2));
    await store.append('order-2', [...events('Placed', 1), ...events('Shipped', 4)]);
    const count = postgresEventCounter(db);
    const log = await store.readAll();
    expect(await count(logStart, undefined)).toBe(log.length);
    expect(await count(logStart, undefined)).toBe(10);
    const third = log[2]?.position ?? logStart;
    expect(await count(third, undefined)).toBe(7);
    expect(await count(logStart, { eventTypes: ['Placed'] })).toBe(4);
    expect(await count(logStart, { streamCategories: ['invoice'] })).toBe(2);
    expect(await count(third, { eventTypes: ['Placed'], streamCategories: ['order'] })).toBe(1);
    expect(await postgresEventCounter(db, { cap: 6 })(logStart, undefined)).toBe(6);
  });
});
