import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import type { CustomerCommand } from './commands.ts';
import {
  at,
  command,
  customerId,
  decideAfter,
  otherCustomerId,
  outcome,
  register,
  registered,
  sampleCommands,
  stateAfter,
} from './test-fixtures.ts';

const registerWith = (changes: Record<string, unknown>): CustomerCommand =>
  command({ type: 'RegisterCustomer', data: { ...register.data, ...changes } });

describe('RegisterCustomer', () => {
  it('registers a person as a lead, with email and phone normalised', () => {
    expect(decideAfter([], register)).toEqual(
      E.right([
        {
          type: 'CustomerRegistered',
          version: 2,
          data: {
            customerId,
            party: { kind: 'person', givenName: 'Ana', familyName: 'Lopez' },
            email: 'ana.lopez@example.com',
            phone: '+442071838750',
            address: null,
            acquisition: { source: 'spring-fair-2025', channel: 'event' },
            ownerId: 'user-ana',
            at: at(1),
          },
        },
      ]),
    );
    const state = stateAfter(registered());
    expect(state).toMatchObject({
      status: 'registered',
      kind: 'person',
      lifecycle: { stage: 'lead', furthestStage: 'lead', since: at(1) },
      loyalty: { balance: 0 },
    });
  });

  it('registers a company with a tidied legal name and address, and no contact channels', () => {
    const result = decideAfter(
      [],
      registerWith({
        party: { kind: 'company', legalName: '  Acme   Trading  Ltd ' },
        email: undefined,
        phone: undefined,
        address: { lines: [' 1  Main St '], city: 'Leeds ', postalCode: ' LS1 1AA', country: 'GB' },
      }),
    );
    expect(E.isRight(result) && result.right[0]?.data).toMatchObject({
      party: { kind: 'company', legalName: 'Acme Trading Ltd' },
      email: null,
      phone: null,
      address: { lines: ['1 Main St'], city: 'Leeds', postalCode: 'LS1 1AA', country: 'GB' },
    });
  });

  it('keeps a person with one name only', () => {
    const result = decideAfter(
      [],
      registerWith({ party: { kind: 'person', familyName: 'Madonna' } }),
    );
    expect(E.isRight(result) && result.right[0]?.data).toMatchObject({
      party: { kind: 'person', familyName: 'Madonna' },
    });
  });

  it('refuses an invalid email, naming the field', () => {
    const result = decideAfter([], registerWith({ email: 'not-an-email' }));
    expect(result).toEqual(
      E.left(expect.objectContaining({ _tag: 'InvalidEmailAddress', field: 'data.email' })),
    );
  });

  it('refuses a phone number that is not valid in its region, naming the field', () => {
    const result = decideAfter([], registerWith({ phone: '12345', phoneRegion: 'DE' }));
    expect(result).toEqual(
      E.left(expect.objectContaining({ _tag: 'InvalidPhoneNumber', field: 'data.phone' })),
    );
  });

  it('refuses to register the same customer twice', () => {
    expect(outcome(decideAfter(registered(), register))).toBe('CustomerAlreadyRegistered');
  });

  it('refuses every other command while the customer is not registered', () => {
    for (const sample of sampleCommands().slice(1)) {
      expect(outcome(decideAfter([], sample)), sample.type).toBe('CustomerNotRegistered');
    }
  });

  it('refuses a command for another customer handed this customer state', () => {
    const result = decideAfter(
      registered(),
      command({
        type: 'AddCustomerTag',
        data: { customerId: otherCustomerId, tag: 'vip', at: at(2) },
      }),
    );
    expect(result).toEqual(
      E.left(
        expect.objectContaining({
          _tag: 'CustomerIdMismatch',
          expected: customerId,
          actual: otherCustomerId,
        }),
      ),
    );
  });

  it('refuses a command of an unknown type built at run time, without throwing', () => {
    const bogus = { type: 'Bogus', data: { customerId } } as unknown as CustomerCommand;
    expect(outcome(decideAfter(registered(), bogus))).toBe('InvalidInput');
  });
});
