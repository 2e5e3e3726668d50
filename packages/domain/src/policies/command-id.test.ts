import { describe, expect, it } from 'vitest';
import { CommandId, EventId } from '../kernel/ids.ts';
import { policyCommandId } from './command-id.ts';

const eventId = (s: string): EventId => {
  if (!EventId.is(s)) throw new Error(`not an event id: ${s}`);
  return s;
};

// The longest policy name we use, so the length checks hold for every policy.
const policy = 'customer-merge-revert-notifies-survivor';

describe('policyCommandId', () => {
  it('is policy.<policy>.<eventId> for ordinary event ids', () => {
    expect(policyCommandId('deal-won-promotes-customer', eventId('evt-42'))).toBe(
      'policy.deal-won-promotes-customer.evt-42',
    );
    const uuid = eventId('0b6f1e9a-3c1d-4e55-9a8f-2f6d1c3b7e10');
    expect(policyCommandId(policy, uuid)).toBe(`policy.${policy}.${uuid}`);
  });

  it('appends a part when one reaction sends several commands', () => {
    expect(policyCommandId('deal-won-promotes-customer', eventId('evt-1'), 'points')).toBe(
      'policy.deal-won-promotes-customer.evt-1.points',
    );
  });

  it('depends only on its arguments', () => {
    const id = eventId('evt-7');
    expect(policyCommandId(policy, id)).toBe(policyCommandId(policy, id));
    expect(policyCommandId(policy, id)).not.toBe(policyCommandId(policy, eventId('evt-8')));
    expect(policyCommandId(policy, id)).not.toBe(policyCommandId('other-policy', id));
  });

  it.each([1, 26, 36, 80, 81, 82, 100, 127, 128])(
    'satisfies the CommandId codec for an event id of %i characters',
    (length) => {
      const id = eventId(`e${'x'.repeat(length - 1)}`);
      const commandId = policyCommandId(policy, id);
      expect(commandId.length).toBeLessThanOrEqual(128);
      expect(CommandId.is(commandId)).toBe(true);
      expect(policyCommandId(policy, id, 'part')).toHaveLength(
        Math.min(128, `policy.${policy}.${id}.part`.length),
      );
      expect(CommandId.is(policyCommandId(policy, id, 'part'))).toBe(true);
    },
  );

  it('keeps long event ids apart that share a long prefix', () => {
    const prefix = `evt-${'a'.repeat(100)}`;
    const first = policyCommandId(policy, eventId(`${prefix}-1`));
    const second = policyCommandId(policy, eventId(`${prefix}-2`));
    expect(first).toHaveLength(128);
    expect(second).toHaveLength(128);
    expect(first).not.toBe(second);
    expect(first.startsWith(`policy.${policy}.evt-aaa`)).toBe(true);
  });

  it('shortens a long event id to a prefix and a 16-hex-digit digest of the whole id', () => {
    const long = eventId(`evt-${'b'.repeat(124)}`);
    expect(policyCommandId(policy, long)).toMatch(
      new RegExp(`^policy\\.${policy}\\.evt-b+\\.[0-9a-f]{16}$`),
    );
  });
});
