import { readFileSync } from 'node:fs';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { customerDecider, decodeCustomerCommand, fold } from './index.ts';

// The README's usage example is the body of this test, copied verbatim between the markers;
// the last test checks the README still holds exactly this code.
describe('the README example', () => {
  it('registers a customer, then refuses a redemption that would overdraw the points', () => {
    // README-EXAMPLE-START
    const registration = decodeCustomerCommand({
      type: 'RegisterCustomer',
      data: {
        customerId: 'c-42',
        party: { kind: 'person', givenName: 'Ana', familyName: 'Lopez' },
        email: ' Ana.Lopez@Example.COM ',
        phone: '020 7183 8750',
        phoneRegion: 'GB',
        acquisition: { source: 'spring-fair', channel: 'event' },
        ownerId: 'rep-bo',
        at: '2026-03-01T09:00:00Z',
      },
    });
    if (E.isLeft(registration)) throw new Error(registration.left.message);

    const registered = customerDecider.decide(registration.right, customerDecider.initialState);
    if (E.isLeft(registered)) throw new Error(registered.left.message);
    const [event] = registered.right;
    expect(event?.type).toBe('CustomerRegistered'); // email and phone arrive normalised (E.164)

    const state = fold(customerDecider, registered.right);
    const redemption = decodeCustomerCommand({
      type: 'RedeemLoyaltyPoints',
      data: { customerId: 'c-42', points: 500, reason: 'voucher', at: '2026-03-02T10:00:00Z' },
    });
    if (E.isLeft(redemption)) throw new Error(redemption.left.message);
    const refused = customerDecider.decide(redemption.right, state);
    expect(E.isLeft(refused) && refused.left._tag).toBe('InsufficientLoyaltyPoints');
    // README-EXAMPLE-END
  });

  it('is the code the README shows', () => {
    const source = readFileSync(new URL(import.meta.url), 'utf8');
    const example = /\/\/ README-EXAMPLE-START\n([\s\S]*?)\n\s*\/\/ README-EXAMPLE-END/.exec(
      source,
    )?.[1];
    const dedented = (example ?? '').replace(/^ {4}/gm, '');
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(dedented.length).toBeGreaterThan(0);
    expect(readme).toContain(dedented);
  });
});
