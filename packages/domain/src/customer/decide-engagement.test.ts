import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
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
const interaction = (id: string, day: number, summary = 'Asked about delivery') =>
  on('RecordInteraction', {
    interactionId: id,
    channel: 'call',
    direction: 'inbound',
    summary,
    by: rep,
    at: at(day),
  });
const schedule = (id: string, extra: Record<string, unknown> = {}) =>
  on('ScheduleFollowUp', { followUpId: id, dueAt: at(9), assigneeId: rep, ...extra });

describe('RecordInteraction', () => {
  it('records the contact and keeps it as the last communication', () => {
    expect(decideAfter(registered(), interaction('call-1', 3))).toEqual(
      E.right([
        {
          type: 'InteractionRecorded',
          version: 1,
          data: {
            customerId,
            interactionId: 'call-1',
            channel: 'call',
            direction: 'inbound',
            summary: 'Asked about delivery',
            by: rep,
            at: at(3),
          },
        },
      ]),
    );
  });

  it('keeps the latest contact by business time when one is logged late', () => {
    const state = stateAfter(
      historyOf(register, interaction('call-2', 5, 'Promised a refund'), interaction('call-1', 3)),
    );
    expect(state).toMatchObject({
      interactionCount: 2,
      lastCommunication: { interactionId: 'call-2', summary: 'Promised a refund', at: at(5) },
    });
  });
});

describe('follow-ups', () => {
  it('schedules a follow-up with or without a note', () => {
    expect(decideAfter(registered(), schedule('fu-1', { note: 'Bring the catalogue' }))).toEqual(
      E.right([
        {
          type: 'FollowUpScheduled',
          version: 1,
          data: {
            customerId,
            followUpId: 'fu-1',
            dueAt: at(9),
            assigneeId: rep,
            note: 'Bring the catalogue',
            at: at(2),
          },
        },
      ]),
    );
    expect(stateAfter(historyOf(register, schedule('fu-1')))).toMatchObject({
      followUps: {
        open: [{ followUpId: 'fu-1', note: null, scheduledAt: at(2) }],
        completed: [],
        cancelled: [],
      },
    });
  });

  it('refuses a follow-up id used before, and one due before it is scheduled', () => {
    expect(outcome(decideAfter(historyOf(register, schedule('fu-1')), schedule('fu-1')))).toBe(
      'FollowUpAlreadyScheduled',
    );
    expect(outcome(decideAfter(registered(), schedule('fu-1', { dueAt: at(1) })))).toBe(
      'FollowUpDueInPast',
    );
  });

  it('completes or cancels an open follow-up once', () => {
    const complete = on('CompleteFollowUp', { followUpId: 'fu-1', at: at(9) });
    const cancel = on('CancelFollowUp', { followUpId: 'fu-1', reason: 'Customer called first' });
    const done = historyOf(register, schedule('fu-1'), complete);
    expect(stateAfter(done)).toMatchObject({
      followUps: { open: [], completed: [['fu-1']], cancelled: [] },
    });
    expect(decideAfter(done, complete)).toEqual(
      E.left(expect.objectContaining({ _tag: 'FollowUpAlreadyClosed', status: 'completed' })),
    );
    expect(outcome(decideAfter(done, cancel))).toBe('FollowUpAlreadyClosed');
    const cancelled = historyOf(register, schedule('fu-1'), cancel);
    expect(stateAfter(cancelled)).toMatchObject({
      followUps: { open: [], completed: [], cancelled: [['fu-1']] },
    });
    expect(outcome(decideAfter(cancelled, complete))).toBe('FollowUpAlreadyClosed');
  });

  it('remembers how each of many closed follow-ups ended, and keeps only open ones in full', () => {
    const ids = Array.from({ length: 150 }, (_, i) => `fu-${(i * 37) % 150}`);
    const close = (id: string, i: number) =>
      i % 3 === 0
        ? on('CancelFollowUp', { followUpId: id, reason: 'Not needed' })
        : on('CompleteFollowUp', { followUpId: id });
    const events = historyOf(
      register,
      ...ids.map((id) => schedule(id)),
      ...ids.slice(1).map((id, i) => close(id, i + 1)),
    );
    const state = stateAfter(events);
    expect(state).toMatchObject({ followUps: { open: [{ followUpId: ids[0] }] } });
    for (const [i, id] of ids.entries()) {
      const expected = i === 0 ? undefined : i % 3 === 0 ? 'cancelled' : 'completed';
      const result = decideAfter(events, on('CompleteFollowUp', { followUpId: id }));
      expect(E.isLeft(result) ? result.left : undefined, id).toEqual(
        expected === undefined ? undefined : expect.objectContaining({ status: expected }),
      );
      expect(outcome(decideAfter(events, schedule(id))), id).toBe('FollowUpAlreadyScheduled');
    }
    expect(outcome(decideAfter(events, on('CompleteFollowUp', { followUpId: 'fu-150' })))).toBe(
      'FollowUpNotScheduled',
    );
  });

  it('refuses to close a follow-up never scheduled, even one named like an object property', () => {
    for (const followUpId of ['fu-9', 'constructor', 'toString']) {
      expect(outcome(decideAfter(registered(), on('CompleteFollowUp', { followUpId })))).toBe(
        'FollowUpNotScheduled',
      );
      expect(
        outcome(decideAfter(registered(), on('CancelFollowUp', { followUpId, reason: 'x' }))),
      ).toBe('FollowUpNotScheduled');
    }
  });
});

describe('RecordSatisfactionScore', () => {
  const score = (surveyId: string, kind: string, value: number) =>
    on('RecordSatisfactionScore', { surveyId, score: { kind, value } });

  it('records CSAT and NPS answers into running figures', () => {
    const state = stateAfter(
      historyOf(register, score('s-1', 'csat', 4), score('s-2', 'csat', 2), score('s-3', 'nps', 9)),
    );
    expect(state).toMatchObject({
      csat: { count: 2, total: 6, latest: 2 },
      nps: { count: 1, total: 9, latest: 9 },
      answeredSurveys: { csat: [['s-1', 's-2']], nps: [['s-3']] },
    });
  });

  it('counts each survey once', () => {
    const events = historyOf(register, score('s-1', 'nps', 10));
    expect(outcome(decideAfter(events, score('s-1', 'nps', 3)))).toBe('SurveyAlreadyAnswered');
  });

  it('rejects scores outside their scale when decoding the command', () => {
    expect(() => score('s-1', 'csat', 0)).toThrow(/data.score/);
    expect(() => score('s-1', 'nps', 11)).toThrow(/data.score/);
    expect(() => score('s-1', 'nps', 7.5)).toThrow(/data.score/);
  });
});

describe('loyalty points', () => {
  const earn = (points: number, reference?: string) =>
    on('EarnLoyaltyPoints', {
      points,
      reason: 'order',
      ...(reference === undefined ? {} : { reference }),
    });
  const redeem = (points: number) => on('RedeemLoyaltyPoints', { points, reason: 'voucher' });

  it('earns and redeems points, keeping the balance', () => {
    expect(decideAfter(registered(), earn(120, 'order-7'))).toEqual(
      E.right([
        {
          type: 'LoyaltyPointsEarned',
          version: 1,
          data: { customerId, points: 120, reason: 'order', reference: 'order-7', at: at(2) },
        },
      ]),
    );
    const state = stateAfter(historyOf(register, earn(120), redeem(100), redeem(20)));
    expect(state).toMatchObject({ loyalty: { balance: 0, earned: 120, redeemed: 120 } });
  });

  it('refuses a redemption the balance cannot cover', () => {
    expect(decideAfter(historyOf(register, earn(50)), redeem(51))).toEqual(
      E.left(
        expect.objectContaining({ _tag: 'InsufficientLoyaltyPoints', balance: 50, requested: 51 }),
      ),
    );
  });

  it('rejects zero, negative and fractional points when decoding the command', () => {
    for (const points of [0, -5, 1.5]) expect(() => earn(points)).toThrow(/data.points/);
  });
});
