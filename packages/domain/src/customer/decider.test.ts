import { describe, expect, it } from 'vitest';
import type { CustomerId, EntryId } from '../kernel/ids.ts';
import { customerDecider, customerInvariantBreaches } from './decider.ts';
import { noFollowUps, type RegisteredCustomer } from './state.ts';
import { at, command, customerId, historyOf, register, stateAfter } from './test-fixtures.ts';

const sound = () =>
  stateAfter(
    historyOf(
      register,
      command({
        type: 'EarnLoyaltyPoints',
        data: { customerId, points: 30, reason: 'order', at: at(2) },
      }),
      command({
        type: 'AdvanceLifecycleStage',
        data: { customerId, stage: 'customer', at: at(3) },
      }),
      command({
        type: 'ScheduleFollowUp',
        data: {
          customerId,
          followUpId: 'f',
          dueAt: at(9),
          assigneeId: 'user-bo',
          note: 'n',
          at: at(3),
        },
      }),
      command({
        type: 'RecordInteraction',
        data: {
          customerId,
          interactionId: 'i',
          channel: 'email',
          direction: 'outbound',
          summary: 's',
          by: 'user-bo',
          at: at(3),
        },
      }),
    ),
  ) as RegisteredCustomer;

const breachesOf = (change: (state: RegisteredCustomer) => RegisteredCustomer) =>
  customerInvariantBreaches(change(sound()));

describe('customerInvariantBreaches', () => {
  it('finds nothing wrong with a state folded from a valid history, or with no customer', () => {
    expect(customerInvariantBreaches(sound())).toEqual([]);
    expect(customerInvariantBreaches(customerDecider.initialState)).toEqual([]);
  });

  it('reports a negative balance, or one that is not earned − redeemed', () => {
    expect(breachesOf((s) => ({ ...s, loyalty: { balance: -5, earned: 0, redeemed: 5 } }))).toEqual(
      ['loyalty balance -5 is negative'],
    );
    expect(
      breachesOf((s) => ({ ...s, loyalty: { balance: 7, earned: 30, redeemed: 0 } })),
    ).toHaveLength(1);
  });

  it('reports a furthest stage behind the current forward stage, and inconsistent stages', () => {
    expect(
      breachesOf((s) => ({ ...s, lifecycle: { ...s.lifecycle, furthestStage: 'lead' } })),
    ).toHaveLength(1);
    expect(
      breachesOf((s) => ({ ...s, lifecycle: { ...s.lifecycle, stage: 'opportunity' } })),
    ).toHaveLength(1);
    expect(
      breachesOf((s) => ({
        ...s,
        lifecycle: { ...s.lifecycle, stage: 'churned', stageBeforeChurn: null },
      })),
    ).toHaveLength(1);
  });

  it('reports a customer merged into itself or absorbing itself', () => {
    expect(breachesOf((s) => ({ ...s, mergedInto: customerId }))).toHaveLength(1);
    expect(breachesOf((s) => ({ ...s, absorbedDuplicates: [customerId] }))).toHaveLength(1);
    const twice = ['customer-9', 'customer-9'] as CustomerId[];
    expect(breachesOf((s) => ({ ...s, absorbedDuplicates: twice }))).toHaveLength(1);
  });

  it('reports personal data held after erasure, and a missing name before', () => {
    expect(breachesOf((s) => ({ ...s, erasedAt: at(5) }))).toEqual([
      'erased customer still holds its name',
      'erased customer still holds its email',
      'erased customer still holds its phone',
      'erased customer still holds its interaction summary',
      'erased customer still holds its follow-up note',
    ]);
    expect(
      breachesOf((s) => ({
        ...s,
        party: null,
        email: null,
        phone: null,
        address: { lines: [], city: 'x', country: 'GB' } as never,
        lastCommunication: null,
        followUps: noFollowUps,
        preferences: { ...s.preferences, custom: { a: 'b' } as never },
        erasedAt: at(5),
      })),
    ).toEqual([
      'erased customer still holds its address',
      'erased customer still holds its free preferences',
    ]);
    expect(breachesOf((s) => ({ ...s, party: null }))).toEqual([
      'a customer has a name until erased',
    ]);
  });

  it('reports repeated tags, too many preferences and an opted-out preferred channel', () => {
    expect(breachesOf((s) => ({ ...s, tags: ['vip', 'vip'] as never }))).toHaveLength(1);
    const custom = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, 'v']));
    expect(
      breachesOf((s) => ({ ...s, preferences: { ...s.preferences, custom: custom as never } })),
    ).toHaveLength(1);
    expect(
      breachesOf((s) => ({
        ...s,
        preferences: { ...s.preferences, preferredChannel: 'call', optOuts: ['call'] },
      })),
    ).toHaveLength(1);
  });

  it('reports impossible score figures and inconsistent follow-ups', () => {
    expect(breachesOf((s) => ({ ...s, csat: { count: 1, total: 9, latest: 5 } }))).toEqual([
      'score counts do not match the surveys answered',
      'CSAT total 9 is impossible for 1 answers',
    ]);
    expect(
      breachesOf((s) => ({
        ...s,
        answeredSurveys: { csat: [], nps: [['x' as EntryId]] },
        nps: { count: 1, total: 3, latest: null },
      })),
    ).toEqual(['NPS has a latest answer exactly when it has answers']);
    expect(
      breachesOf((s) => ({
        ...s,
        answeredSurveys: { csat: [['x' as EntryId]], nps: [['x' as EntryId]] },
        csat: { count: 1, total: 5, latest: 5 },
        nps: { count: 1, total: 3, latest: 3 },
      })),
    ).toEqual(['a survey is answered both as CSAT and as NPS']);
    expect(
      breachesOf((s) => ({
        ...s,
        answeredSurveys: { csat: [['y', 'x'] as EntryId[]], nps: [] },
        csat: { count: 2, total: 5, latest: 3 },
      })),
    ).toEqual(['answered surveys are not kept as sorted sets']);
  });

  it('reports follow-up ids kept twice, and closed ids kept out of order', () => {
    const f = 'f' as EntryId;
    const open = (s: RegisteredCustomer) => s.followUps.open;
    expect(breachesOf((s) => ({ ...s, followUps: { ...s.followUps, completed: [[f]] } }))).toEqual([
      'a follow-up id is open, completed or cancelled more than once',
    ]);
    expect(
      breachesOf((s) => ({
        ...s,
        followUps: { open: [...open(s), ...open(s)], completed: [], cancelled: [] },
      })),
    ).toEqual(['a follow-up id is open, completed or cancelled more than once']);
    expect(
      breachesOf((s) => ({ ...s, followUps: { open: [], completed: [[f]], cancelled: [[f]] } })),
    ).toEqual(['a follow-up id is open, completed or cancelled more than once']);
    expect(
      breachesOf((s) => ({ ...s, followUps: { open: [], completed: [[f], []], cancelled: [] } })),
    ).toEqual(['closed follow-up ids are not kept as sorted sets']);
  });
});
