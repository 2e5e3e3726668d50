import { describe, expect, it } from 'vitest';
import { fromStoredMetadata, isSystemEvent, toServerFilter, toStoredMetadata } from './mapping.ts';

describe('metadata mapping', () => {
  it('copies correlationId and causationId under EventStoreDB’s $ names, and drops the copies on read', () => {
    const ours = { actor: { id: 'u1', role: 'agent' }, correlationId: 'c-1', causationId: 'e-9' };
    const stored = toStoredMetadata(ours);
    expect(stored).toEqual({ ...ours, $correlationId: 'c-1', $causationId: 'e-9' });
    expect(fromStoredMetadata(stored)).toEqual(ours);
  });

  it('reads ids written by another client under the $ names only', () => {
    expect(fromStoredMetadata({ $correlationId: 'c-2', $causationId: 'e-1', user: 'x' })).toEqual({
      correlationId: 'c-2',
      causationId: 'e-1',
      user: 'x',
    });
  });

  it('leaves non-string ids and an explicit, different $ key alone', () => {
    const odd = { correlationId: 7, causationId: 'a', $causationId: 'b' };
    expect(toStoredMetadata(odd)).toEqual(odd);
    expect(fromStoredMetadata(odd)).toEqual(odd);
  });

  it('reads metadata that is not a JSON object as {}', () => {
    expect(fromStoredMetadata(undefined)).toEqual({});
    expect(fromStoredMetadata(new Uint8Array([1, 2]))).toEqual({});
    expect(fromStoredMetadata(['a'])).toEqual({});
  });
});

describe('server-side filters', () => {
  it('turns categories into stream prefixes ending in a dash', () => {
    expect(toServerFilter({ streamCategories: ['customer', 'deal'] })).toMatchObject({
      filterOn: 'streamName',
      prefixes: ['customer-', 'deal-'],
    });
  });

  it('turns event types into one anchored, escaped regex', () => {
    const filter = toServerFilter({ eventTypes: ['DealWon', 'crm.Deal:Lost'] });
    expect(filter).toMatchObject({ filterOn: 'eventType', regex: '^(?:DealWon|crm\\.Deal:Lost)$' });
    const regex = new RegExp((filter as { regex: string }).regex);
    expect(['DealWon', 'crm.Deal:Lost'].every((type) => regex.test(type))).toBe(true);
    expect(['DealWonAgain', 'crmXDeal:Lost'].some((type) => regex.test(type))).toBe(false);
  });

  it('filters on categories when both are given (types are then checked client-side)', () => {
    expect(toServerFilter({ streamCategories: ['deal'], eventTypes: ['DealWon'] })).toMatchObject({
      filterOn: 'streamName',
      prefixes: ['deal-'],
    });
  });

  it('still leaves out system events with no filter', () => {
    expect(toServerFilter(undefined)).toMatchObject({ filterOn: 'eventType', regex: '^[^$].*' });
  });

  it('knows system streams and system event types', () => {
    expect(isSystemEvent('$users', 'UserCreated')).toBe(true);
    expect(isSystemEvent('deal-1', '$streamDeleted')).toBe(true);
    expect(isSystemEvent('deal-1', 'DealWon')).toBe(false);
  });
});
