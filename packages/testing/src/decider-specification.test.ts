import { AssertionError } from 'node:assert';
import type { Decider, DomainError } from '@crm/domain';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { deciderSpecification } from './decider-specification.ts';

// A toy light switch: the smallest decider with both accepted and refused commands.
type SwitchCommand =
  | { readonly type: 'TurnOn'; readonly data: { readonly at: string } }
  | { readonly type: 'TurnOff'; readonly data: { readonly at: string } };
type SwitchEvent =
  | { readonly type: 'SwitchedOn'; readonly version: 1; readonly data: { readonly at: string } }
  | { readonly type: 'SwitchedOff'; readonly version: 1; readonly data: { readonly at: string } };
type SwitchError = DomainError<'SwitchAlreadyOn'> | DomainError<'SwitchAlreadyOff'>;

const lightSwitch: Decider<SwitchCommand, SwitchEvent, { readonly on: boolean }, SwitchError> = {
  decide: (command, state) => {
    switch (command.type) {
      case 'TurnOn':
        return state.on
          ? E.left({ _tag: 'SwitchAlreadyOn', message: 'The light is already on.' })
          : E.right([{ type: 'SwitchedOn', version: 1, data: { at: command.data.at } }]);
      case 'TurnOff':
        return state.on
          ? E.right([{ type: 'SwitchedOff', version: 1, data: { at: command.data.at } }])
          : E.left({ _tag: 'SwitchAlreadyOff', message: 'The light is already off.' });
    }
  },
  evolve: (_state, event) => ({ on: event.type === 'SwitchedOn' }),
  initialState: { on: false },
};

const at = '2026-03-01T09:00:00Z';
const turnOn: SwitchCommand = { type: 'TurnOn', data: { at } };
const turnOff: SwitchCommand = { type: 'TurnOff', data: { at } };
const switchedOn: SwitchEvent = { type: 'SwitchedOn', version: 1, data: { at } };
const switchedOff: SwitchEvent = { type: 'SwitchedOff', version: 1, data: { at } };

const spec = deciderSpecification(lightSwitch);

const thrown = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected the step to throw');
};

describe('deciderSpecification', () => {
  describe('then', () => {
    it('passes when the command is accepted with exactly the expected events', () => {
      expect(() => spec.given([]).when(turnOn).then([switchedOn])).not.toThrow();
      expect(() => spec.given([switchedOn]).when(turnOff).then([switchedOff])).not.toThrow();
    });

    it('folds the whole history before deciding', () => {
      expect(() =>
        spec.given([switchedOn, switchedOff, switchedOn]).when(turnOff).then([switchedOff]),
      ).not.toThrow();
    });

    it('throws an AssertionError when the events differ', () => {
      const error = thrown(() => spec.given([]).when(turnOn).then([switchedOff]));
      expect(error).toBeInstanceOf(AssertionError);
    });

    it('throws when the events have different data', () => {
      const later = { ...switchedOn, data: { at: '2026-03-01T10:00:00Z' } };
      expect(thrown(() => spec.given([]).when(turnOn).then([later]))).toBeInstanceOf(
        AssertionError,
      );
    });

    it('throws when more or fewer events are expected', () => {
      expect(thrown(() => spec.given([]).when(turnOn).then([]))).toBeInstanceOf(AssertionError);
      expect(
        thrown(() => spec.given([]).when(turnOn).then([switchedOn, switchedOn])),
      ).toBeInstanceOf(AssertionError);
    });

    it('throws an AssertionError naming the error when the command is refused', () => {
      const error = thrown(() => spec.given([switchedOn]).when(turnOn).then([switchedOn]));
      expect(error).toBeInstanceOf(AssertionError);
      expect((error as AssertionError).message).toContain('TurnOn to be accepted');
      expect((error as AssertionError).message).toContain('SwitchAlreadyOn');
      expect((error as AssertionError).actual).toEqual(
        expect.objectContaining({ _tag: 'SwitchAlreadyOn' }),
      );
    });
  });

  describe('thenFails', () => {
    it('returns the error when the command is refused with the expected tag', () => {
      expect(spec.given([]).when(turnOff).thenFails('SwitchAlreadyOff')).toEqual({
        _tag: 'SwitchAlreadyOff',
        message: 'The light is already off.',
      });
    });

    it('throws an AssertionError when the command is refused with another tag', () => {
      const error = thrown(() => spec.given([]).when(turnOff).thenFails('SwitchAlreadyOn'));
      expect(error).toBeInstanceOf(AssertionError);
      expect((error as AssertionError).message).toContain('error SwitchAlreadyOff');
      expect((error as AssertionError).expected).toBe('SwitchAlreadyOn');
    });

    it('throws an AssertionError listing the events when the command is accepted', () => {
      const error = thrown(() => spec.given([]).when(turnOn).thenFails('SwitchAlreadyOn'));
      expect(error).toBeInstanceOf(AssertionError);
      expect((error as AssertionError).message).toContain('events ["SwitchedOn"]');
      expect((error as AssertionError).actual).toEqual([switchedOn]);
    });
  });

  it('can be reused: each given starts from the initial state', () => {
    spec.given([switchedOn]).when(turnOff).then([switchedOff]);
    spec.given([]).when(turnOff).thenFails('SwitchAlreadyOff');
    expect(lightSwitch.initialState).toEqual({ on: false });
  });
});
