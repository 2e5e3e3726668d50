import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { AddressLines, CountryCode } from './address.ts';
import { CustomerCommand, decodeCustomerCommand } from './commands.ts';
import { CustomerEvent, decodeCustomerEvent } from './events.ts';
import { lifecycleRank } from './lifecycle-stage.ts';
import { displayNameOf, type Party, sameParty } from './party.ts';
import { LanguageTag, PreferenceKey } from './preferences.ts';
import { customerId, decideAfter, register, sampleCommands } from './test-fixtures.ts';

describe('customer command codecs', () => {
  it('decodes every sample command after a JSON round trip', () => {
    for (const sample of sampleCommands()) {
      const stored = JSON.parse(JSON.stringify(CustomerCommand.encode(sample)));
      expect(decodeCustomerCommand(stored)).toEqual(E.right(sample));
    }
  });

  it('names the offending field of a malformed command', () => {
    const result = decodeCustomerCommand({
      type: 'RegisterCustomer',
      data: { ...register.data, party: { kind: 'person', familyName: '  ' } },
    });
    expect(result).toEqual(
      E.left(expect.objectContaining({ _tag: 'InvalidInput', field: 'data.party.familyName' })),
    );
    expect(decodeCustomerCommand({ type: 'FlyToTheMoon', data: {} })).toEqual(
      E.left(expect.objectContaining({ field: 'type' })),
    );
  });
});

describe('customer event codecs', () => {
  it('decodes every event after a JSON round trip', () => {
    const events: CustomerEvent[] = [];
    for (const sample of sampleCommands()) {
      const result = decideAfter(events, sample);
      if (E.isRight(result)) events.push(...result.right);
    }
    expect(new Set(events.map((event) => event.type)).size).toBeGreaterThan(20);
    for (const event of events) {
      const stored = JSON.parse(JSON.stringify(CustomerEvent.encode(event)));
      expect(decodeCustomerEvent(stored)).toEqual(E.right(event));
    }
  });

  it('refuses a stored event of the wrong shape, an unknown type or an unknown version', () => {
    expect(decodeCustomerEvent('nonsense')).toEqual(
      E.left(expect.objectContaining({ _tag: 'InvalidInput' })),
    );
    expect(
      decodeCustomerEvent({ type: 'CustomerVanished', version: 1, data: { customerId } }),
    ).toEqual(E.left(expect.objectContaining({ field: 'type' })));
    expect(
      decodeCustomerEvent({
        type: 'CustomerTagged',
        version: 7,
        data: { customerId, tag: 'vip', at: '2025-01-01T00:00:00Z' },
      }),
    ).toEqual(E.left(expect.objectContaining({ field: 'version' })));
  });
});

describe('value codecs', () => {
  it('accepts real ISO-3166 countries only', () => {
    expect(['GB', 'DE', 'CN', 'US'].every(CountryCode.is)).toBe(true);
    expect(['XX', 'gb', 'GBR', 'ZZ1'].some(CountryCode.is)).toBe(false);
  });

  it('accepts one to four address lines', () => {
    expect(AddressLines.is(['a'])).toBe(true);
    expect(AddressLines.is([])).toBe(false);
    expect(AddressLines.is(['a', 'b', 'c', 'd', 'e'])).toBe(false);
  });

  it('accepts canonical BCP-47 language tags only', () => {
    expect(['en', 'en-GB', 'zh-Hans-CN', 'de'].every(LanguageTag.is)).toBe(true);
    expect(['EN', 'en-gb', 'english', 'en_GB', 'x', 'en-a1'].some(LanguageTag.is)).toBe(false);
  });

  it('accepts lower-case preference keys', () => {
    expect(PreferenceKey.is('call_window')).toBe(true);
    expect(PreferenceKey.is('__proto__')).toBe(false);
  });

  it('shows parties by name and ranks forward stages', () => {
    expect(displayNameOf({ kind: 'person', givenName: 'Ana', familyName: 'Lopez' } as never)).toBe(
      'Ana Lopez',
    );
    expect(displayNameOf({ kind: 'person', familyName: 'Madonna' } as never)).toBe('Madonna');
    expect(displayNameOf({ kind: 'company', legalName: 'Acme Ltd' } as never)).toBe('Acme Ltd');
    const company = { kind: 'company', legalName: 'Acme Ltd' } as Party;
    const person = { kind: 'person', familyName: 'Acme Ltd' } as Party;
    expect(sameParty(company, company)).toBe(true);
    expect(sameParty(company, person) || sameParty(person, company)).toBe(false);
    expect(lifecycleRank('lead')).toBeLessThan(lifecycleRank('advocate'));
  });
});
