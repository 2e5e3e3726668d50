import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { aggregateOfEventType, decodeDomainEvent } from './domain-event.ts';

describe('decodeDomainEvent', () => {
  it('routes every aggregate by event type', () => {
    expect(aggregateOfEventType('CustomerRegistered')).toBe('customer');
    expect(aggregateOfEventType('DealWon')).toBe('deal');
    expect(aggregateOfEventType('TicketOpened')).toBe('ticket');
    expect(aggregateOfEventType('CampaignLaunched')).toBe('campaign');
    expect(aggregateOfEventType('SomethingElse')).toBeUndefined();
  });

  it('upcasts an old customer event on the way', () => {
    const stored = JSON.parse(
      '{"type":"CustomerRegistered","version":1,"data":{"customerId":"c1","name":"Ana Lopez","email":null,"phone":"+442071838750","address":null,"acquisition":{"source":"web","channel":"organic_search"},"ownerId":"u1","at":"2025-01-01T00:00:00Z"}}',
    );
    const decoded = decodeDomainEvent(stored);
    if (E.isLeft(decoded)) expect.fail(decoded.left.message);
    expect(decoded.right.type).toBe('CustomerRegistered');
    expect(decoded.right.version).toBe(2);
  });

  it('names the field when the type is unknown or the data is malformed', () => {
    const unknown = decodeDomainEvent({ type: 'Nope', version: 1, data: {} });
    expect(E.isLeft(unknown) && unknown.left.field).toBe('type');
    const missing = decodeDomainEvent(null);
    expect(E.isLeft(missing) && missing.left.field).toBe('type');
    const unversioned = decodeDomainEvent({ type: 'DealWon', data: {} });
    expect(E.isLeft(unversioned) && unversioned.left.field).toBe('version');
    const malformed = decodeDomainEvent({ type: 'DealWon', version: 1, data: { dealId: 5 } });
    expect(E.isLeft(malformed) && malformed.left.field).toMatch(/^data\./);
  });
});
