import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import {
  CampaignId,
  CommandId,
  CustomerId,
  DealId,
  EntryId,
  EventId,
  idCodec,
  ProductId,
  TicketId,
  UserId,
} from './ids.ts';

const codecs = {
  CustomerId,
  DealId,
  TicketId,
  CampaignId,
  ProductId,
  UserId,
  CommandId,
  EventId,
  EntryId,
};

describe.each(Object.entries(codecs))('%s', (name, codec) => {
  it('is named after the kind of id', () => {
    expect(codec.name).toBe(name);
  });

  it.each([
    'c1',
    'customer-1',
    '0',
    'A_b.c:d@e-f',
    '01HZX3Q7Y8K2V6T9M4N5P0R1SA',
    'policy.deal-opened-promotes-customer.evt-1',
    `a${'b'.repeat(127)}`,
  ])('accepts %j', (id) => {
    expect(codec.is(id)).toBe(true);
    expect(codec.decode(id)).toEqual(E.right(id));
  });

  it.each([
    '',
    '-leading-dash',
    '.leading-dot',
    '_leading-underscore',
    'has space',
    'slash/inside',
    'ümlaut',
    'hash#',
    `a${'b'.repeat(128)}`,
  ])('rejects %j', (id) => {
    expect(codec.is(id)).toBe(false);
    expect(E.isLeft(codec.decode(id))).toBe(true);
  });

  it('rejects non-strings', () => {
    expect(codec.is(1)).toBe(false);
    expect(codec.is(null)).toBe(false);
  });
});

describe('idCodec', () => {
  it('makes a codec with the given name and the shared alphabet', () => {
    const InvoiceNumber = idCodec('InvoiceNumber');
    expect(InvoiceNumber.name).toBe('InvoiceNumber');
    expect(InvoiceNumber.is('INV-2026-0001')).toBe(true);
    expect(InvoiceNumber.is('INV 2026')).toBe(false);
  });

  it('keeps kinds of id apart at compile time', () => {
    const dealId = DealId.is('d-1') ? 'd-1' : undefined;
    if (dealId === undefined) throw new Error('unreachable');
    // @ts-expect-error: a DealId is not a CustomerId, though both are strings at run time.
    const customerId: CustomerId = dealId;
    expect(customerId).toBe('d-1');
  });
});
