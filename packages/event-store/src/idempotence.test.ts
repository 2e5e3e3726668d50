import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isEventStoreError } from './errors.ts';
import { idempotentResult, type StoredEventRef } from './idempotence.ts';
import type { ValidatedEvent } from './validate-append.ts';

const batch = (count: number): ValidatedEvent[] =>
  Array.from({ length: count }, () => ({
    eventId: randomUUID(),
    type: 'Noted',
    data: null,
    metadata: {},
    dataJson: 'null',
    metadataJson: '{}',
  }));

const ref = (revision: number): StoredEventRef => ({
  revision,
  position: { commit: BigInt(revision + 10), prepare: BigInt(revision + 10) },
});

describe('idempotentResult', () => {
  it('is undefined when no event of the batch is stored', () => {
    expect(idempotentResult(batch(2), new Map())).toBeUndefined();
    expect(idempotentResult(batch(2), new Map([[randomUUID(), ref(0)]]))).toBeUndefined();
  });

  it('reports the last stored event of a fully stored batch', () => {
    const events = batch(3);
    const stored = new Map(events.map((event, index) => [event.eventId, ref(4 + index)]));
    expect(idempotentResult(events, stored)).toEqual({
      nextExpectedRevision: 6,
      position: ref(6).position,
    });
    expect(idempotentResult([...events].reverse(), stored)?.nextExpectedRevision).toBe(6);
  });

  it('refuses a partly stored batch, naming the first stored event', () => {
    const events = batch(3);
    try {
      idempotentResult(events, new Map([[events[1]?.eventId ?? '', ref(0)]]));
      expect.fail('accepted');
    } catch (error) {
      expect(isEventStoreError(error, 'InvalidInput') && error.details.field).toBe(
        'events[1].eventId',
      );
    }
  });
});
