import { describe, expect, it } from 'vitest';
import type { CustomerEvent } from './events.ts';
import { evolveCustomer } from './evolve.ts';
import { initialCustomerState, type RegisteredCustomer } from './state.ts';
import {
  at,
  command,
  customerId,
  historyOf,
  otherCustomerId,
  register,
  registered,
  stateAfter,
} from './test-fixtures.ts';

// Events built directly, as a replay might hand them over, whether they apply or not.
const event = (type: string, data: Record<string, unknown>): CustomerEvent =>
  ({ type, version: 1, data: { customerId, at: at(7), ...data } }) as CustomerEvent;
const registeredState = (events = registered()) => stateAfter(events) as RegisteredCustomer;
const apply = (state: RegisteredCustomer, ...events: CustomerEvent[]) =>
  events.reduce(evolveCustomer, state as ReturnType<typeof evolveCustomer>);

describe('evolveCustomer is total', () => {
  it('ignores everything but a registration before the customer is registered', () => {
    expect(evolveCustomer(initialCustomerState, event('CustomerTagged', { tag: 'vip' }))).toBe(
      initialCustomerState,
    );
  });

  it('ignores a second registration', () => {
    const [registration] = registered();
    const state = registeredState();
    expect(registration && evolveCustomer(state, registration)).toBe(state);
  });

  it('ignores events that do not apply in the state', () => {
    const state = registeredState();
    for (const outOfPlace of [
      event('CustomerReactivated', { reason: 'x' }),
      event('LoyaltyPointsRedeemed', { points: 1, reason: 'x', reference: null }),
      event('FollowUpCompleted', { followUpId: 'fu-1' }),
      event('FollowUpCancelled', { followUpId: 'constructor', reason: 'x' }),
      event('CustomerMerged', { survivorId: customerId }),
      event('CustomerDuplicateAbsorbed', { duplicateId: customerId }),
    ]) {
      expect(evolveCustomer(state, outOfPlace), outOfPlace.type).toBe(state);
    }
  });

  it('applies a churn, a survey, a follow-up and a duplicate once only', () => {
    const churned = apply(
      registeredState(),
      event('CustomerChurned', { from: 'lead', reason: 'x' }),
    );
    expect(evolveCustomer(churned, event('CustomerChurned', { from: 'lead', reason: 'x' }))).toBe(
      churned,
    );
    const scored = apply(
      registeredState(),
      event('SatisfactionScoreRecorded', { surveyId: 's', score: { kind: 'csat', value: 5 } }),
    ) as RegisteredCustomer;
    expect(
      evolveCustomer(
        scored,
        event('SatisfactionScoreRecorded', { surveyId: 's', score: { kind: 'nps', value: 1 } }),
      ),
    ).toBe(scored);
    const scheduled = apply(
      registeredState(),
      event('FollowUpScheduled', { followUpId: 'f', dueAt: at(9), assigneeId: 'u', note: null }),
    ) as RegisteredCustomer;
    expect(
      evolveCustomer(
        scheduled,
        event('FollowUpScheduled', { followUpId: 'f', dueAt: at(8), assigneeId: 'v', note: null }),
      ),
    ).toBe(scheduled);
    const absorbed = apply(
      registeredState(),
      event('CustomerDuplicateAbsorbed', { duplicateId: otherCustomerId }),
    ) as RegisteredCustomer;
    expect(
      evolveCustomer(
        absorbed,
        event('CustomerDuplicateAbsorbed', { duplicateId: otherCustomerId }),
      ),
    ).toBe(absorbed);
  });

  it('keeps personal data out once erased, whatever events follow', () => {
    const erased = apply(
      registeredState(),
      event('CustomerPersonalDataErased', { reason: 'x' }),
    ) as RegisteredCustomer;
    const after = apply(
      erased,
      event('CustomerNameCorrected', { party: { kind: 'person', familyName: 'Lopez' } }),
      event('CustomerEmailChanged', { email: 'a@example.com' }),
      event('CustomerPhoneChanged', { phone: '+442071838750' }),
      event('CustomerAddressChanged', { address: { lines: ['x'], city: 'y', country: 'GB' } }),
      event('InteractionRecorded', {
        interactionId: 'i',
        channel: 'chat',
        direction: 'outbound',
        summary: 'secret',
        by: 'u',
      }),
      event('FollowUpScheduled', {
        followUpId: 'f',
        dueAt: at(9),
        assigneeId: 'u',
        note: 'secret',
      }),
      event('CustomerPreferencesUpdated', {
        preferences: { preferredChannel: null, language: 'de', optOuts: [], custom: { a: 'b' } },
      }),
      event('CustomerPersonalDataErased', { reason: 'again' }),
    );
    expect(after).toMatchObject({
      party: null,
      email: null,
      phone: null,
      address: null,
      interactionCount: 1,
      lastCommunication: { summary: null },
      followUps: { open: [{ followUpId: 'f', note: null }] },
      preferences: { language: 'de', custom: {} },
      erasedAt: at(7),
    });
  });

  it('does not add a tag beyond the limit', () => {
    let state = registeredState();
    for (let i = 0; i < 60; i += 1)
      state = apply(state, event('CustomerTagged', { tag: `t${i}` })) as RegisteredCustomer;
    expect(state.tags).toHaveLength(50);
  });

  it('leaves the state alone for an unknown event read at run time', () => {
    const state = registeredState();
    expect(
      evolveCustomer(state, { type: 'Bogus', version: 1, data: {} } as unknown as CustomerEvent),
    ).toBe(state);
  });

  it('reverts a merge and advances stages from any event it is handed', () => {
    const events = historyOf(
      register,
      command({
        type: 'MergeCustomerInto',
        data: { customerId, survivorId: otherCustomerId, at: at(2) },
      }),
    );
    const reverted = apply(
      registeredState(events),
      event('CustomerMergeReverted', { survivorId: otherCustomerId, reason: 'x' }),
    );
    expect(reverted).toMatchObject({ mergedInto: null });
    const advanced = apply(
      registeredState(),
      event('CustomerLifecycleStageAdvanced', { from: 'lead', to: 'advocate', reason: null }),
    );
    expect(advanced).toMatchObject({ lifecycle: { stage: 'advocate', furthestStage: 'advocate' } });
  });
});
