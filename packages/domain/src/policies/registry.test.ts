import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { decodeCustomerCommand } from '../customer/commands.ts';
import { CommandId } from '../kernel/ids.ts';
import { policies, reactTo } from './registry.ts';
import {
  campaignResponse,
  customerMerged,
  customerMergeReverted,
  dealOpened,
  dealWon,
  stored,
  unrelatedEvents,
} from './test-fixtures.ts';

const triggers = [
  ['deal-opened-promotes-customer', dealOpened],
  ['deal-won-promotes-customer', dealWon],
  ['campaign-conversion-promotes-customer', campaignResponse('converted')],
  ['customer-merge-notifies-survivor', customerMerged],
  ['customer-merge-revert-notifies-survivor', customerMergeReverted],
] as const;

describe('policies', () => {
  it('names every policy', () => {
    expect(Object.keys(policies).sort()).toEqual(triggers.map(([name]) => name).sort());
  });

  it.each(triggers)('%s signs its commands with its own name', (name, event) => {
    const sent = policies[name](stored(event));
    expect(sent.map((c) => c.policy)).toEqual([name]);
    expect(sent[0]?.commandId.startsWith(`policy.${name}.`)).toBe(true);
  });
});

describe('reactTo', () => {
  it.each(triggers)('runs %s, and only it, on its event', (name, event) => {
    expect(reactTo(stored(event)).map((c) => c.policy)).toEqual([name]);
  });

  it.each(unrelatedEvents.map((e) => [e.type, e] as const))('sends nothing for %s', (_, event) => {
    expect(reactTo(stored(event))).toEqual([]);
  });

  it('reacts to the same event twice with deep-equal commands', () => {
    for (const [, event] of triggers) {
      const envelope = stored(event, 'evt-again');
      expect(reactTo(envelope)).toEqual(reactTo(structuredClone(envelope)));
    }
  });

  it('sends commands the customer aggregate decodes, each with a distinct valid command id', () => {
    const sent = triggers.flatMap(([, event], i) => reactTo(stored(event, `evt-${i}`)));
    expect(sent).toHaveLength(triggers.length);
    for (const { command, commandId } of sent) {
      expect(decodeCustomerCommand(command)).toEqual(E.right(command));
      expect(CommandId.is(commandId)).toBe(true);
    }
    expect(new Set(sent.map((c) => c.commandId)).size).toBe(sent.length);
  });

  it('keeps command ids within 128 characters for the longest event ids', () => {
    const longest = `e${'9'.repeat(127)}`;
    for (const [, event] of triggers) {
      for (const { commandId } of reactTo(stored(event, longest))) {
        expect(commandId.length).toBeLessThanOrEqual(128);
        expect(CommandId.is(commandId)).toBe(true);
      }
    }
  });

  it('carries the correlation id over and names the event as the cause', () => {
    const envelope = stored(dealWon, 'evt-won');
    for (const sent of reactTo(envelope)) {
      expect(sent.correlationId).toBe(envelope.metadata.correlationId);
      expect(sent.causationId).toBe('evt-won');
    }
  });
});
