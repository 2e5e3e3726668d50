import { readFileSync } from 'node:fs';
import { type CustomerState, customerDecider, decodeCustomerCommand } from '@crm/domain';
import * as fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import {
  customerHistoryArbitrary,
  customerSpecification,
  historyFrom,
  redeemLoyaltyPointsArbitrary,
} from './index.ts';

// The README's usage example is the body of this test, copied verbatim between the markers;
// the last test checks the README still holds exactly this code.
describe('the README example', () => {
  it('states a business rule two ways: as an example and as a property', () => {
    // README-EXAMPLE-START
    // An example, in the words of the rule: nobody redeems points before registering.
    const redeem = decodeCustomerCommand({
      type: 'RedeemLoyaltyPoints',
      data: { customerId: 'c-1', points: 10, reason: 'voucher', at: '2026-01-05T10:00:00Z' },
    });
    if (E.isLeft(redeem)) throw new Error(redeem.left.message);
    customerSpecification.given([]).when(redeem.right).thenFails('CustomerNotRegistered');

    // A property over every valid history: whatever is redeemed next, the balance stays ≥ 0.
    const balanceOf = (state: CustomerState) =>
      state.status === 'registered' ? state.loyalty.balance : 0;
    fc.assert(
      fc.property(customerHistoryArbitrary, redeemLoyaltyPointsArbitrary, (history, next) => {
        const commands = [...history.outcomes.map((o) => o.command), next];
        return balanceOf(historyFrom(customerDecider, commands).state) >= 0;
      }),
      { numRuns: 50 },
    );
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
