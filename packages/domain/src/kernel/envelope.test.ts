import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { decodeWith } from './decode.ts';
import { Actor, EventMetadata, eventEnvelopeCodec, Role } from './envelope.ts';

const metadata = {
  eventId: 'evt-1',
  commandId: 'cmd-1',
  correlationId: 'corr-1',
  causationId: 'cmd-1',
  actor: { id: 'user-1', role: 'sales_rep' },
  occurredAt: '2026-03-01T09:30:00Z',
};

describe('Role and Actor', () => {
  it('knows the roles staff and systems act in', () => {
    expect(Role.is('privacy_officer')).toBe(true);
    expect(Role.is('system')).toBe(true);
    expect(Role.is('superuser')).toBe(false);
  });

  it('decodes an actor and names a bad role', () => {
    expect(Actor.decode({ id: 'user-1', role: 'admin' })).toEqual(
      E.right({ id: 'user-1', role: 'admin' }),
    );
    const result = decodeWith(Actor, { id: 'user-1', role: 'boss' });
    expect(E.isLeft(result) && result.left.field).toBe('role');
  });
});

describe('EventMetadata', () => {
  it('decodes complete metadata', () => {
    expect(EventMetadata.decode(metadata)).toEqual(E.right(metadata));
  });

  it.each([
    ['eventId', { ...metadata, eventId: 'has space' }],
    ['occurredAt', { ...metadata, occurredAt: '2026-02-30T09:30:00Z' }],
    ['actor.id', { ...metadata, actor: { id: '', role: 'admin' } }],
    ['causationId', { ...metadata, causationId: undefined }],
  ])('names %s when it is wrong', (field, input) => {
    const result = decodeWith(EventMetadata, input);
    expect(E.isLeft(result) && result.left.field).toBe(field);
  });
});

describe('eventEnvelopeCodec', () => {
  const DealWon = t.type({
    type: t.literal('DealWon'),
    version: t.literal(1),
    data: t.type({ dealId: t.string }),
  });
  const Envelope = eventEnvelopeCodec(DealWon);

  it('decodes an event with its metadata', () => {
    const envelope = { type: 'DealWon', version: 1, data: { dealId: 'd-1' }, metadata };
    expect(Envelope.decode(envelope)).toEqual(E.right(envelope));
  });

  it('names the offending field of the event or of the metadata', () => {
    const bad = decodeWith(Envelope, {
      type: 'DealWon',
      version: 2,
      data: { dealId: 'd-1' },
      metadata: { ...metadata, commandId: '' },
    });
    expect(E.isLeft(bad) && bad.left.issues.map((issue) => issue.field)).toEqual([
      'version',
      'metadata.commandId',
    ]);
  });
});
