import { isDeepStrictEqual } from 'node:util';
import {
  CampaignCommand,
  CampaignEvent,
  type CampaignMemberStatus,
  type CampaignState,
  campaignDecider,
  campaignInvariantBreaches,
  decodeCampaignCommand,
  decodeCampaignEvent,
} from '@crm/domain';
import * as fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { deciderLaws } from '../decider-laws.ts';
import { campaignCommandArbitrary } from './command-arbitraries.ts';
import { campaignEventArbitrary } from './event-arbitraries.ts';
import { campaignHistoryArbitrary } from './history-arbitrary.ts';

/** The states a history passes through, the initial one first. */
const statesOf = (events: ReadonlyArray<CampaignEvent>): ReadonlyArray<CampaignState> => {
  const states: CampaignState[] = [campaignDecider.initialState];
  for (const event of events) {
    const last = states[states.length - 1] ?? campaignDecider.initialState;
    states.push(campaignDecider.evolve(last, event));
  }
  return states;
};

const membersOf = (state: CampaignState): Readonly<Record<string, CampaignMemberStatus>> =>
  state.status === 'unplanned' ? {} : state.members;

// The funnel in the business's own order; `unsubscribed` and `bounced` end a member's journey.
const funnel: ReadonlyArray<CampaignMemberStatus> = [
  'added',
  'sent',
  'delivered',
  'opened',
  'clicked',
  'responded',
  'converted',
];

const isForwardMove = (before: CampaignMemberStatus, after: CampaignMemberStatus): boolean => {
  if (before === after) return true;
  const from = funnel.indexOf(before);
  if (from < 0) return false; // nothing follows an unsubscribe or a bounce
  if (after === 'unsubscribed') return true;
  if (after === 'bounced') return from <= funnel.indexOf('sent');
  return funnel.indexOf(after) > from;
};

describe('campaign decider laws', () => {
  // Each law as a property fc can run whatever its own argument types.
  const laws: Readonly<Record<string, fc.IRawProperty<unknown[], false>>> = deciderLaws({
    decider: campaignDecider,
    histories: campaignHistoryArbitrary,
    commands: campaignCommandArbitrary,
    events: campaignEventArbitrary,
    isEvent: CampaignEvent.is,
    invariantBreaches: campaignInvariantBreaches,
  });
  for (const [law, property] of Object.entries(laws)) {
    it(law, () => fc.assert(property));
  }
});

describe('campaign rules over any valid history', () => {
  it('a member status never moves backwards, and a member never leaves', () => {
    fc.assert(
      fc.property(campaignHistoryArbitrary, (history) => {
        const states = statesOf(history.events);
        states.slice(1).forEach((state, i) => {
          const before = membersOf(states[i] ?? state);
          const after = membersOf(state);
          for (const [customerId, status] of Object.entries(before)) {
            const next = after[customerId];
            expect(next, `member ${customerId} left the campaign`).toBeDefined();
            if (next !== undefined)
              expect(isForwardMove(status, next), `${customerId}: ${status} → ${next}`).toBe(true);
          }
        });
      }),
    );
  });

  it('responses are recorded only for members of a launched campaign', () => {
    fc.assert(
      fc.property(campaignHistoryArbitrary, (history) => {
        const states = statesOf(history.events);
        history.events.forEach((event, i) => {
          if (event.type !== 'CampaignResponseRecorded') return;
          const before = states[i];
          expect(before?.status).toBe('launched');
          expect(membersOf(before ?? campaignDecider.initialState)).toHaveProperty([
            event.data.customerId,
          ]);
        });
      }),
    );
  });

  it('the actual cost is the sum of the recorded costs, in the budget currency', () => {
    fc.assert(
      fc.property(campaignHistoryArbitrary, (history) => {
        if (history.state.status === 'unplanned') return;
        const costs = history.events.flatMap((e) =>
          e.type === 'CampaignCostRecorded' ? [e.data.amount] : [],
        );
        expect(history.state.actualCost).toEqual({
          amountMinor: costs.reduce((sum, cost) => sum + cost.amountMinor, 0),
          currency: history.state.budget.currency,
        });
        for (const cost of costs) expect(cost.currency).toBe(history.state.budget.currency);
      }),
    );
  });

  it('the generated histories launch, record every response and end', () => {
    const samples = fc.sample(campaignHistoryArbitrary, { numRuns: 300, seed: 42 });
    const responses = new Set(
      samples.flatMap((h) =>
        h.events.flatMap((e) => (e.type === 'CampaignResponseRecorded' ? [e.data.response] : [])),
      ),
    );
    expect([...responses].sort()).toEqual([
      'bounced',
      'clicked',
      'converted',
      'delivered',
      'opened',
      'responded',
      'sent',
      'unsubscribed',
    ]);
    const types = new Set(samples.flatMap((h) => h.events.map((e) => e.type)));
    expect([...types].sort()).toEqual(
      CampaignEvent.types.map((codec) => codec.type.props.type.value).sort(),
    );
  });
});

describe('campaign codecs', () => {
  const viaJson = <T>(value: T): T => JSON.parse(JSON.stringify(value));

  it('decode(encode(command)) is the command, for every command', () => {
    fc.assert(
      fc.property(campaignCommandArbitrary, (command) =>
        isDeepStrictEqual(
          decodeCampaignCommand(viaJson(CampaignCommand.encode(command))),
          E.right(command),
        ),
      ),
    );
  });

  it('decode(encode(event)) is the event, for every event', () => {
    fc.assert(
      fc.property(campaignEventArbitrary, (event) =>
        isDeepStrictEqual(
          decodeCampaignEvent(viaJson(CampaignEvent.encode(event))),
          E.right(event),
        ),
      ),
    );
  });
});
