import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { recordsPersonalData } from './decide.ts';
import {
  at,
  command,
  customerId,
  decideAfter,
  extend,
  historyOf,
  otherCustomerId,
  outcome,
  register,
  registered,
  sampleCommands,
  stateAfter,
  thirdCustomerId,
} from './test-fixtures.ts';

const on = (type: string, data: Record<string, unknown>) =>
  command({ type, data: { customerId, at: at(2), ...data } });
const mergeInto = (survivorId: string) => on('MergeCustomerInto', { survivorId });
const revert = on('RevertCustomerMerge', { reason: 'different people after all' });
const absorb = (duplicateId: string) => on('RecordDuplicateAbsorbed', { duplicateId });
const release = (duplicateId: string) => on('RecordDuplicateReleased', { duplicateId });
const erase = on('ErasePersonalData', { reason: 'GDPR art. 17 request' });

describe('merging a duplicate', () => {
  it('turns the duplicate into a tombstone pointing at the survivor', () => {
    expect(decideAfter(registered(), mergeInto(otherCustomerId))).toEqual(
      E.right([
        {
          type: 'CustomerMerged',
          version: 1,
          data: { customerId, survivorId: otherCustomerId, at: at(2) },
        },
      ]),
    );
    expect(stateAfter(historyOf(register, mergeInto(otherCustomerId)))).toMatchObject({
      mergedInto: otherCustomerId,
    });
  });

  it('refuses every command but the revert once merged away, naming the survivor', () => {
    const merged = historyOf(register, mergeInto(otherCustomerId));
    for (const sample of sampleCommands().filter((c) => c.type !== 'RevertCustomerMerge')) {
      expect(decideAfter(merged, sample), sample.type).toEqual(
        E.left(
          expect.objectContaining({ _tag: 'CustomerMergedAway', survivorId: otherCustomerId }),
        ),
      );
    }
  });

  it('reverts the merge, restoring the customer as it was before', () => {
    const before = historyOf(register, on('AddCustomerTag', { tag: 'vip' }));
    const merged = extend(before, mergeInto(otherCustomerId));
    const result = decideAfter(merged, revert);
    expect(result).toEqual(
      E.right([
        {
          type: 'CustomerMergeReverted',
          version: 1,
          data: {
            customerId,
            survivorId: otherCustomerId,
            reason: 'different people after all',
            at: at(2),
          },
        },
      ]),
    );
    const after = E.isRight(result) ? stateAfter([...merged, ...result.right]) : undefined;
    expect(after).toEqual(stateAfter(before));
  });

  it('refuses to revert a customer that is not merged', () => {
    expect(outcome(decideAfter(registered(), revert))).toBe('CustomerNotMerged');
  });

  it('refuses to merge a customer into itself', () => {
    expect(outcome(decideAfter(registered(), mergeInto(customerId)))).toBe(
      'SurvivorIsSameCustomer',
    );
  });

  it('refuses to merge a customer into one of its own absorbed duplicates', () => {
    const survivor = historyOf(register, absorb(otherCustomerId));
    expect(outcome(decideAfter(survivor, mergeInto(otherCustomerId)))).toBe(
      'SurvivorIsAbsorbedDuplicate',
    );
    expect(outcome(decideAfter(survivor, mergeInto(thirdCustomerId)))).toEqual(['CustomerMerged']);
  });
});

describe('on the survivor', () => {
  it('records absorbed and released duplicates, idempotently', () => {
    const absorbed = historyOf(register, absorb(otherCustomerId));
    expect(stateAfter(absorbed)).toMatchObject({ absorbedDuplicates: [otherCustomerId] });
    expect(outcome(decideAfter(absorbed, absorb(otherCustomerId)))).toEqual([]);
    expect(outcome(decideAfter(registered(), release(otherCustomerId)))).toEqual([]);
    const released = historyOf(register, absorb(otherCustomerId), release(otherCustomerId));
    expect(stateAfter(released)).toMatchObject({ absorbedDuplicates: [] });
  });

  it('refuses to absorb itself', () => {
    expect(outcome(decideAfter(registered(), absorb(customerId)))).toBe('SurvivorIsSameCustomer');
  });
});

describe('ErasePersonalData', () => {
  const rich = () =>
    historyOf(
      register,
      on('ChangeCustomerAddress', {
        address: { lines: ['1 Main St'], city: 'Leeds', country: 'GB' },
      }),
      on('RecordInteraction', {
        interactionId: 'call-1',
        channel: 'call',
        direction: 'inbound',
        summary: 'Told us about her divorce',
        by: 'user-bo',
      }),
      on('ScheduleFollowUp', {
        followUpId: 'fu-1',
        dueAt: at(9),
        assigneeId: 'user-bo',
        note: 'Ask about the house move',
      }),
      on('UpdateCustomerPreferences', { preferredChannel: 'email', custom: { pet: 'Rex' } }),
      on('EarnLoyaltyPoints', { points: 40, reason: 'order' }),
    );

  it('drops the name, contact channels, address, summaries, notes and free preferences', () => {
    const before = rich();
    const result = decideAfter(before, erase);
    expect(result).toEqual(
      E.right([
        {
          type: 'CustomerPersonalDataErased',
          version: 1,
          data: { customerId, reason: 'GDPR art. 17 request', at: at(2) },
        },
      ]),
    );
    const state = E.isRight(result) ? stateAfter([...before, ...result.right]) : undefined;
    expect(state).toMatchObject({
      kind: 'person',
      party: null,
      email: null,
      phone: null,
      address: null,
      lastCommunication: { interactionId: 'call-1', summary: null },
      followUps: { open: [{ followUpId: 'fu-1', note: null }] },
      preferences: { preferredChannel: 'email', custom: {} },
      loyalty: { balance: 40 },
      erasedAt: at(2),
    });
  });

  it('afterwards refuses commands that would record personal data, and accepts the rest', () => {
    const erased = historyOf(register, erase);
    const personal = sampleCommands().filter(recordsPersonalData);
    expect(personal.map((c) => c.type)).toEqual([
      'CorrectCustomerName',
      'ChangeCustomerEmail',
      'ChangeCustomerPhone',
      'ChangeCustomerAddress',
      'RecordInteraction',
    ]);
    for (const sample of personal) {
      expect(decideAfter(erased, sample)).toEqual(
        E.left(expect.objectContaining({ _tag: 'CustomerErased', commandType: sample.type })),
      );
    }
    expect(
      outcome(
        decideAfter(
          erased,
          on('ScheduleFollowUp', {
            followUpId: 'f',
            dueAt: at(9),
            assigneeId: 'user-bo',
            note: 'x',
          }),
        ),
      ),
    ).toBe('CustomerErased');
    expect(
      outcome(decideAfter(erased, on('UpdateCustomerPreferences', { custom: { a: 'b' } }))),
    ).toBe('CustomerErased');
    for (const [sample, expected] of [
      [on('EarnLoyaltyPoints', { points: 5, reason: 'order' }), 'LoyaltyPointsEarned'],
      [on('AdvanceLifecycleStage', { stage: 'customer' }), 'CustomerLifecycleStageAdvanced'],
      [on('AddCustomerTag', { tag: 'vip' }), 'CustomerTagged'],
      [
        on('RecordSatisfactionScore', { surveyId: 's', score: { kind: 'csat', value: 5 } }),
        'SatisfactionScoreRecorded',
      ],
      [
        on('UpdateCustomerPreferences', { optOuts: ['email'], custom: { a: null } }),
        'CustomerPreferencesUpdated',
      ],
      [
        on('ScheduleFollowUp', { followUpId: 'f', dueAt: at(9), assigneeId: 'user-bo' }),
        'FollowUpScheduled',
      ],
    ] as const) {
      expect(outcome(decideAfter(erased, sample))).toEqual([expected]);
    }
    expect(outcome(decideAfter(erased, on('ChangeCustomerEmail', { email: null })))).toEqual([]);
  });

  it('changes nothing when erased again', () => {
    expect(outcome(decideAfter(historyOf(register, erase), erase))).toEqual([]);
  });
});
