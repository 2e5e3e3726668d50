import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { maxCustomerTags } from './state.ts';
import {
  at,
  command,
  customerId,
  decideAfter,
  historyOf,
  outcome,
  register,
  registered,
  rep,
  stateAfter,
} from './test-fixtures.ts';

const on = (type: string, data: Record<string, unknown>) =>
  command({ type, data: { customerId, at: at(2), ...data } });

describe('CorrectCustomerName', () => {
  it('corrects the name, tidied, and a person may turn out to be a company', () => {
    const fix = on('CorrectCustomerName', { party: { kind: 'company', legalName: ' Acme  Ltd' } });
    expect(decideAfter(registered(), fix)).toEqual(
      E.right([
        {
          type: 'CustomerNameCorrected',
          version: 1,
          data: { customerId, party: { kind: 'company', legalName: 'Acme Ltd' }, at: at(2) },
        },
      ]),
    );
    expect(stateAfter(historyOf(register, fix))).toMatchObject({
      kind: 'company',
      party: { legalName: 'Acme Ltd' },
    });
  });

  it('changes nothing when the name is the same', () => {
    const same = on('CorrectCustomerName', {
      party: { kind: 'person', givenName: 'Ana ', familyName: 'Lopez' },
    });
    expect(outcome(decideAfter(registered(), same))).toEqual([]);
  });
});

describe('contact changes', () => {
  it('changes, keeps and removes the email', () => {
    const change = on('ChangeCustomerEmail', { email: 'Ana@New.example.com' });
    expect(decideAfter(registered(), change)).toEqual(
      E.right([
        {
          type: 'CustomerEmailChanged',
          version: 1,
          data: { customerId, email: 'ana@new.example.com', at: at(2) },
        },
      ]),
    );
    expect(
      outcome(
        decideAfter(registered(), on('ChangeCustomerEmail', { email: 'ANA.LOPEZ@example.com' })),
      ),
    ).toEqual([]);
    const removed = historyOf(register, on('ChangeCustomerEmail', { email: null }));
    expect(stateAfter(removed)).toMatchObject({ email: null });
    expect(outcome(decideAfter(removed, on('ChangeCustomerEmail', { email: null })))).toEqual([]);
    expect(outcome(decideAfter(registered(), on('ChangeCustomerEmail', { email: 'x@' })))).toBe(
      'InvalidEmailAddress',
    );
  });

  it('changes, keeps and removes the phone, reading national numbers in their region', () => {
    const change = on('ChangeCustomerPhone', { phone: '(415) 555-2671', phoneRegion: 'US' });
    expect(decideAfter(registered(), change)).toEqual(
      E.right([
        {
          type: 'CustomerPhoneChanged',
          version: 1,
          data: { customerId, phone: '+14155552671', at: at(2) },
        },
      ]),
    );
    expect(
      outcome(decideAfter(registered(), on('ChangeCustomerPhone', { phone: '+44 20 7183 8750' }))),
    ).toEqual([]);
    expect(
      stateAfter(historyOf(register, on('ChangeCustomerPhone', { phone: null }))),
    ).toMatchObject({
      phone: null,
    });
    expect(outcome(decideAfter(registered(), on('ChangeCustomerPhone', { phone: '555' })))).toBe(
      'InvalidPhoneNumber',
    );
  });

  it('changes, keeps and removes the postal address', () => {
    const address = {
      lines: ['1 Main St', 'Flat 2'],
      city: 'Leeds',
      postalCode: 'LS1 1AA',
      country: 'GB',
    };
    const moved = historyOf(register, on('ChangeCustomerAddress', { address }));
    expect(stateAfter(moved)).toMatchObject({ address });
    expect(
      outcome(
        decideAfter(
          moved,
          on('ChangeCustomerAddress', { address: { ...address, city: ' Leeds' } }),
        ),
      ),
    ).toEqual([]);
    expect(
      outcome(
        decideAfter(
          moved,
          on('ChangeCustomerAddress', { address: { ...address, lines: ['1 Main St'] } }),
        ),
      ),
    ).toEqual(['CustomerAddressChanged']);
    expect(outcome(decideAfter(moved, on('ChangeCustomerAddress', { address: null })))).toEqual([
      'CustomerAddressChanged',
    ]);
    expect(
      outcome(decideAfter(registered(), on('ChangeCustomerAddress', { address: null }))),
    ).toEqual([]);
  });
});

describe('AssignCustomerOwner', () => {
  it('hands the customer over, naming the previous owner; the same owner changes nothing', () => {
    expect(decideAfter(registered(), on('AssignCustomerOwner', { ownerId: rep }))).toEqual(
      E.right([
        {
          type: 'CustomerOwnerAssigned',
          version: 1,
          data: { customerId, ownerId: rep, previousOwnerId: 'user-ana', at: at(2) },
        },
      ]),
    );
    expect(
      outcome(decideAfter(registered(), on('AssignCustomerOwner', { ownerId: 'user-ana' }))),
    ).toEqual([]);
    expect(
      stateAfter(historyOf(register, on('AssignCustomerOwner', { ownerId: rep }))),
    ).toMatchObject({ ownerId: rep });
  });
});

describe('tags', () => {
  it('adds and removes tags; adding a carried tag or removing an absent one changes nothing', () => {
    const tagged = historyOf(register, on('AddCustomerTag', { tag: 'vip' }));
    expect(stateAfter(tagged)).toMatchObject({ tags: ['vip'] });
    expect(outcome(decideAfter(tagged, on('AddCustomerTag', { tag: 'vip' })))).toEqual([]);
    expect(outcome(decideAfter(registered(), on('RemoveCustomerTag', { tag: 'vip' })))).toEqual([]);
    const untagged = historyOf(
      register,
      on('AddCustomerTag', { tag: 'vip' }),
      on('RemoveCustomerTag', { tag: 'vip' }),
    );
    expect(stateAfter(untagged)).toMatchObject({ tags: [] });
  });

  it(`refuses a tag beyond ${maxCustomerTags}`, () => {
    const many = Array.from({ length: maxCustomerTags }, (_, i) =>
      on('AddCustomerTag', { tag: `t${i}` }),
    );
    const full = historyOf(register, ...many);
    expect(outcome(decideAfter(full, on('AddCustomerTag', { tag: 'one-more' })))).toBe(
      'TagLimitReached',
    );
  });
});

describe('UpdateCustomerPreferences', () => {
  it('changes what the command names and keeps the rest', () => {
    const first = historyOf(
      register,
      on('UpdateCustomerPreferences', {
        preferredChannel: 'email',
        language: 'en-GB',
        optOuts: ['social', 'call', 'social'],
        custom: { call_window: 'mornings', 'newsletter.topics': 'gardening' },
      }),
    );
    expect(stateAfter(first)).toMatchObject({
      preferences: {
        preferredChannel: 'email',
        language: 'en-GB',
        optOuts: ['call', 'social'],
        custom: { call_window: 'mornings', 'newsletter.topics': 'gardening' },
      },
    });
    const second = decideAfter(
      first,
      on('UpdateCustomerPreferences', {
        language: null,
        custom: { call_window: null, constructor: 'x' },
      }),
    );
    expect(E.isRight(second) && second.right[0]?.data).toEqual({
      customerId,
      preferences: {
        preferredChannel: 'email',
        language: null,
        optOuts: ['call', 'social'],
        custom: { 'newsletter.topics': 'gardening', constructor: 'x' },
      },
      at: at(2),
    });
  });

  it('changes nothing when the result is what the customer already has', () => {
    const first = historyOf(
      register,
      on('UpdateCustomerPreferences', { optOuts: ['call'], custom: { a: '1' } }),
    );
    expect(
      outcome(
        decideAfter(
          first,
          on('UpdateCustomerPreferences', {
            optOuts: ['call', 'call'],
            custom: { a: '1', b: null },
          }),
        ),
      ),
    ).toEqual([]);
    expect(
      outcome(decideAfter(first, on('UpdateCustomerPreferences', { custom: { a: '2' } }))),
    ).toEqual(['CustomerPreferencesUpdated']);
    expect(
      outcome(decideAfter(first, on('UpdateCustomerPreferences', { custom: { b: '1' } }))),
    ).toEqual(['CustomerPreferencesUpdated']);
  });

  it('refuses an opted-out channel as the preferred one, whichever comes first', () => {
    const prefersEmail = historyOf(
      register,
      on('UpdateCustomerPreferences', { preferredChannel: 'email' }),
    );
    expect(
      outcome(decideAfter(prefersEmail, on('UpdateCustomerPreferences', { optOuts: ['email'] }))),
    ).toBe('PreferredChannelOptedOut');
    expect(
      outcome(
        decideAfter(
          registered(),
          on('UpdateCustomerPreferences', { preferredChannel: 'call', optOuts: ['call'] }),
        ),
      ),
    ).toBe('PreferredChannelOptedOut');
  });

  it('refuses more than the allowed number of free preferences', () => {
    const custom = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, 'v']));
    expect(decideAfter(registered(), on('UpdateCustomerPreferences', { custom }))).toEqual(
      E.left(expect.objectContaining({ _tag: 'TooManyCustomPreferences', limit: 20, count: 21 })),
    );
  });
});
