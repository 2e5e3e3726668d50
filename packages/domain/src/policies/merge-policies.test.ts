import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { decodeCustomerCommand } from '../customer/commands.ts';
import { CommandId } from '../kernel/ids.ts';
import {
  customerMergeNotifiesSurvivor,
  customerMergeRevertNotifiesSurvivor,
} from './merge-policies.ts';
import {
  at,
  customerMerged,
  customerMergeReverted,
  dealWon,
  stored,
  unrelatedEvents,
} from './test-fixtures.ts';

describe('customer-merge-notifies-survivor', () => {
  it('tells the survivor it absorbed the duplicate', () => {
    expect(customerMergeNotifiesSurvivor(stored(customerMerged, 'evt-merge'))).toEqual([
      {
        policy: 'customer-merge-notifies-survivor',
        commandId: 'policy.customer-merge-notifies-survivor.evt-merge',
        aggregate: 'customer',
        streamName: 'customer-customer-1',
        command: {
          type: 'RecordDuplicateAbsorbed',
          data: { customerId: 'customer-1', duplicateId: 'customer-dup', at },
        },
        correlationId: 'corr-7',
        causationId: 'evt-merge',
        actor: { id: 'policy:customer-merge-notifies-survivor', role: 'system' },
      },
    ]);
  });

  it('ignores the revert and every unrelated event', () => {
    expect(customerMergeNotifiesSurvivor(stored(customerMergeReverted))).toEqual([]);
    expect(customerMergeNotifiesSurvivor(stored(dealWon))).toEqual([]);
    for (const event of unrelatedEvents) {
      expect(customerMergeNotifiesSurvivor(stored(event))).toEqual([]);
    }
  });
});

describe('customer-merge-revert-notifies-survivor', () => {
  it('tells the survivor the duplicate was released', () => {
    expect(customerMergeRevertNotifiesSurvivor(stored(customerMergeReverted, 'evt-undo'))).toEqual([
      {
        policy: 'customer-merge-revert-notifies-survivor',
        commandId: 'policy.customer-merge-revert-notifies-survivor.evt-undo',
        aggregate: 'customer',
        streamName: 'customer-customer-1',
        command: {
          type: 'RecordDuplicateReleased',
          data: { customerId: 'customer-1', duplicateId: 'customer-dup', at },
        },
        correlationId: 'corr-7',
        causationId: 'evt-undo',
        actor: { id: 'policy:customer-merge-revert-notifies-survivor', role: 'system' },
      },
    ]);
  });

  it('ignores the merge and every unrelated event', () => {
    expect(customerMergeRevertNotifiesSurvivor(stored(customerMerged))).toEqual([]);
    for (const event of unrelatedEvents) {
      expect(customerMergeRevertNotifiesSurvivor(stored(event))).toEqual([]);
    }
  });
});

describe('both merge policies', () => {
  it.each([
    ['merge', customerMergeNotifiesSurvivor, customerMerged],
    ['revert', customerMergeRevertNotifiesSurvivor, customerMergeReverted],
  ] as const)('send a decodable command on the survivor’s stream (%s)', (_, policy, event) => {
    const sent = policy(stored(event));
    expect(sent).toHaveLength(1);
    for (const { command, commandId, streamName } of sent) {
      expect(decodeCustomerCommand(command)).toEqual(E.right(command));
      expect(CommandId.is(commandId)).toBe(true);
      expect(streamName).toBe('customer-customer-1');
    }
  });

  it.each([
    ['merge', customerMergeNotifiesSurvivor, customerMerged],
    ['revert', customerMergeRevertNotifiesSurvivor, customerMergeReverted],
  ] as const)('are deterministic (%s)', (_, policy, event) => {
    expect(policy(stored(event, 'evt-5'))).toEqual(policy(stored(event, 'evt-5')));
  });
});
