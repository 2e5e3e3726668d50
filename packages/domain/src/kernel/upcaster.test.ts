import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import type { InvalidInput } from './domain-error.ts';
import { type StoredEvent, type Upcaster, upcastEvent } from './upcaster.ts';

const invalid = (field: string, message: string): InvalidInput => ({
  _tag: 'InvalidInput',
  field,
  issues: [{ field, message }],
  message: `Invalid input: ${field}: ${message}.`,
});

const asRecord = (data: unknown): Record<string, unknown> =>
  typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};

// v1 had `name`; v2 split it into first/last; v3 added a default channel.
const splitName: Upcaster = {
  type: 'CustomerRegistered',
  fromVersion: 1,
  upcast: (data) => {
    const { name, ...rest } = asRecord(data);
    if (typeof name !== 'string') return E.left(invalid('data.name', 'expected a string'));
    const [first = '', ...last] = name.split(' ');
    return E.right({ ...rest, firstName: first, lastName: last.join(' ') });
  },
};

const addChannel: Upcaster = {
  type: 'CustomerRegistered',
  fromVersion: 2,
  upcast: (data) => E.right({ ...asRecord(data), channel: 'unknown' }),
};

const otherType: Upcaster = {
  type: 'DealOpened',
  fromVersion: 1,
  upcast: () => E.left(invalid('data', 'must never run for a customer event')),
};

const v1: StoredEvent = {
  type: 'CustomerRegistered',
  version: 1,
  data: { customerId: 'c-1', name: 'Ada King Lovelace' },
};

const v3 = {
  type: 'CustomerRegistered',
  version: 3,
  data: { customerId: 'c-1', firstName: 'Ada', lastName: 'King Lovelace', channel: 'unknown' },
};

describe('upcastEvent', () => {
  it('chains v1 → v2 → v3 and stops when no upcaster applies', () => {
    expect(upcastEvent([splitName, addChannel, otherType], v1)).toEqual(E.right(v3));
  });

  it('does not depend on the order the upcasters are listed in', () => {
    expect(upcastEvent([otherType, addChannel, splitName], v1)).toEqual(E.right(v3));
  });

  it('starts from the stored version', () => {
    const v2 = { type: 'CustomerRegistered', version: 2, data: { firstName: 'Ada' } };
    expect(upcastEvent([splitName, addChannel], v2)).toEqual(
      E.right({
        type: 'CustomerRegistered',
        version: 3,
        data: { firstName: 'Ada', channel: 'unknown' },
      }),
    );
  });

  it('returns an event that is already current unchanged', () => {
    expect(upcastEvent([splitName, addChannel], v3)).toEqual(E.right(v3));
    expect(upcastEvent([], v1)).toEqual(E.right(v1));
  });

  it('leaves events of other types alone', () => {
    const deal = { type: 'DealWon', version: 1, data: { dealId: 'd-1' } };
    expect(upcastEvent([splitName, addChannel], deal)).toEqual(E.right(deal));
  });

  it('propagates a failure and runs no later step', () => {
    let laterStepRan = false;
    const spy: Upcaster = {
      ...addChannel,
      upcast: (data) => {
        laterStepRan = true;
        return addChannel.upcast(data);
      },
    };
    const broken = { ...v1, data: { customerId: 'c-1', name: 42 } };
    expect(upcastEvent([splitName, spy], broken)).toEqual(
      E.left(invalid('data.name', 'expected a string')),
    );
    expect(laterStepRan).toBe(false);
  });

  it('propagates a failure from a later step', () => {
    const failing: Upcaster = { ...addChannel, upcast: () => E.left(invalid('data', 'no')) };
    expect(upcastEvent([splitName, failing], v1)).toEqual(E.left(invalid('data', 'no')));
  });

  it('does not mutate the stored event', () => {
    const stored = structuredClone(v1);
    upcastEvent([splitName, addChannel], stored);
    expect(stored).toEqual(v1);
  });
});
