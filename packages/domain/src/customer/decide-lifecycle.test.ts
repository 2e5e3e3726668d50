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
  stateAfter,
} from './test-fixtures.ts';

const advance = (stage: string, reason?: string) =>
  command({
    type: 'AdvanceLifecycleStage',
    data: { customerId, stage, at: at(3), ...(reason === undefined ? {} : { reason }) },
  });
const ensure = (stage: string) =>
  command({
    type: 'EnsureLifecycleStageAtLeast',
    data: { customerId, stage, reason: 'deal won', at: at(4) },
  });
const churn = command({
  type: 'ChurnCustomer',
  data: { customerId, reason: 'moved to a competitor', at: at(5) },
});
const reactivate = command({
  type: 'ReactivateCustomer',
  data: { customerId, reason: 'won back by the spring offer', at: at(6) },
});

describe('AdvanceLifecycleStage', () => {
  it('moves forward, skipping stages if need be, and keeps the furthest stage', () => {
    expect(decideAfter(historyOf(register), advance('opportunity', 'demo booked'))).toEqual(
      E.right([
        {
          type: 'CustomerLifecycleStageAdvanced',
          version: 1,
          data: { customerId, from: 'lead', to: 'opportunity', reason: 'demo booked', at: at(3) },
        },
      ]),
    );
    expect(stateAfter(historyOf(register, advance('opportunity')))).toMatchObject({
      lifecycle: {
        stage: 'opportunity',
        lastForwardStage: 'opportunity',
        furthestStage: 'opportunity',
        since: at(3),
      },
    });
  });

  it('refuses the current stage or an earlier one', () => {
    const customer = historyOf(register, advance('customer'));
    expect(decideAfter(customer, advance('customer'))).toEqual(
      E.left(
        expect.objectContaining({
          _tag: 'LifecycleStageNotForward',
          current: 'customer',
          target: 'customer',
        }),
      ),
    );
    expect(outcome(decideAfter(customer, advance('lead')))).toBe('LifecycleStageNotForward');
  });

  it('refuses to move a churned customer until it is reactivated', () => {
    expect(outcome(decideAfter(historyOf(register, churn), advance('customer')))).toBe(
      'CustomerIsChurned',
    );
  });

  it('lets a reactivated customer resume at the stage it churned from or a later one, never earlier', () => {
    const back = historyOf(register, advance('customer'), churn, reactivate);
    expect(outcome(decideAfter(back, advance('customer')))).toEqual([
      'CustomerLifecycleStageAdvanced',
    ]);
    expect(outcome(decideAfter(back, advance('advocate')))).toEqual([
      'CustomerLifecycleStageAdvanced',
    ]);
    const refused = decideAfter(back, advance('lead'));
    expect(refused).toEqual(
      E.left(expect.objectContaining({ _tag: 'LifecycleStageNotForward', current: 'reactivated' })),
    );
    expect(E.isLeft(refused) && refused.left.message).toContain('resumes at customer');
    expect(stateAfter(back)).toMatchObject({
      lifecycle: { stage: 'reactivated', lastForwardStage: 'customer' },
    });
  });
});

describe('ChurnCustomer and ReactivateCustomer', () => {
  it('churns with the reason, remembering the stage before churn and the furthest stage', () => {
    const events = historyOf(register, advance('customer'));
    expect(decideAfter(events, churn)).toEqual(
      E.right([
        {
          type: 'CustomerChurned',
          version: 1,
          data: { customerId, from: 'customer', reason: 'moved to a competitor', at: at(5) },
        },
      ]),
    );
    expect(stateAfter(historyOf(register, advance('customer'), churn))).toMatchObject({
      lifecycle: {
        stage: 'churned',
        stageBeforeChurn: 'customer',
        furthestStage: 'customer',
        since: at(5),
      },
    });
  });

  it('refuses to churn a churned customer', () => {
    expect(outcome(decideAfter(historyOf(register, churn), churn))).toBe('CustomerIsChurned');
  });

  it('reactivates only a churned customer', () => {
    expect(decideAfter(historyOf(register, churn), reactivate)).toEqual(
      E.right([
        {
          type: 'CustomerReactivated',
          version: 1,
          data: { customerId, reason: 'won back by the spring offer', at: at(6) },
        },
      ]),
    );
    expect(decideAfter(historyOf(register), reactivate)).toEqual(
      E.left(expect.objectContaining({ _tag: 'CustomerNotChurned', stage: 'lead' })),
    );
  });

  it('lets a reactivated customer churn again, remembering it churned from reactivated', () => {
    const again = historyOf(register, advance('customer'), churn, reactivate, churn);
    expect(stateAfter(again)).toMatchObject({
      lifecycle: {
        stage: 'churned',
        stageBeforeChurn: 'reactivated',
        lastForwardStage: 'customer',
      },
    });
  });
});

describe('EnsureLifecycleStageAtLeast', () => {
  it('changes nothing when the customer is at or beyond the stage', () => {
    const customer = historyOf(register, advance('customer'));
    expect(outcome(decideAfter(customer, ensure('customer')))).toEqual([]);
    expect(outcome(decideAfter(customer, ensure('opportunity')))).toEqual([]);
  });

  it('advances a customer short of the stage, with the reason', () => {
    expect(decideAfter(historyOf(register), ensure('customer'))).toEqual(
      E.right([
        {
          type: 'CustomerLifecycleStageAdvanced',
          version: 1,
          data: { customerId, from: 'lead', to: 'customer', reason: 'deal won', at: at(4) },
        },
      ]),
    );
  });

  it('reactivates a churned customer first, then advances it', () => {
    const churned = historyOf(register, advance('opportunity'), churn);
    const result = decideAfter(churned, ensure('customer'));
    expect(result).toEqual(
      E.right([
        {
          type: 'CustomerReactivated',
          version: 1,
          data: { customerId, reason: 'deal won', at: at(4) },
        },
        {
          type: 'CustomerLifecycleStageAdvanced',
          version: 1,
          data: { customerId, from: 'reactivated', to: 'customer', reason: 'deal won', at: at(4) },
        },
      ]),
    );
    const after = E.isRight(result) ? stateAfter([...churned, ...result.right]) : undefined;
    expect(after).toMatchObject({ lifecycle: { stage: 'customer', furthestStage: 'customer' } });
  });

  it('only reactivates a churned customer whose earlier stage is beyond the target', () => {
    const churned = historyOf(register, advance('customer'), churn);
    expect(outcome(decideAfter(churned, ensure('opportunity')))).toEqual(['CustomerReactivated']);
  });

  it('treats a reactivated customer as standing at the stage it churned from', () => {
    const back = historyOf(register, advance('customer'), churn, reactivate);
    expect(outcome(decideAfter(back, ensure('opportunity')))).toEqual([]);
    expect(outcome(decideAfter(back, ensure('customer')))).toEqual([
      'CustomerLifecycleStageAdvanced',
    ]);
  });
});
