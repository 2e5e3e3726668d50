import { describe, expect, it } from 'vitest';
import {
  accountHandler,
  accountRoles,
  actor,
  deposit,
  eraseHolder,
  open,
} from '../test-fixtures/account-harness.ts';
import { scopeOf } from './role-table.ts';

describe('authorisation by role', () => {
  it('reads the widest grant of a role from the table', () => {
    expect(scopeOf(accountRoles, 'sales_rep', 'account', 'Deposit')).toBe('own');
    expect(scopeOf(accountRoles, 'sales_manager', 'account', 'Deposit')).toBe('any');
    expect(scopeOf(accountRoles, 'admin', 'account', 'EraseHolder')).toBeUndefined();
    expect(scopeOf(accountRoles, 'auditor', 'account', 'Deposit')).toBeUndefined();
    expect(scopeOf(accountRoles, 'admin', 'deal', 'WinDeal')).toBeUndefined();
  });

  it('refuses a role without a grant with Forbidden (RoleNotAllowed), appending nothing', async () => {
    const { handle, eventStore } = accountHandler();
    const result = await handle(open('a1'), { commandId: 'c1', actor: actor('auditor') });
    expect(result).toMatchObject({
      kind: 'rejected',
      error: {
        _tag: 'Forbidden',
        reason: 'RoleNotAllowed',
        role: 'auditor',
        commandType: 'OpenAccount',
      },
    });
    expect(await eventStore.readAll()).toEqual([]);
  });

  it('lets an "own" grant act only on what the actor owns, as the state says (NotOwner)', async () => {
    const { handle, eventStore } = accountHandler();
    const ana = actor('sales_rep', 'u-ana');
    const bob = actor('sales_rep', 'u-bob');
    // Opening for someone else is refused: the owner comes from the command when there is no state.
    expect(await handle(open('a1', 'u-bob'), { commandId: 'c0', actor: ana })).toMatchObject({
      kind: 'rejected',
      error: { _tag: 'Forbidden', reason: 'NotOwner' },
    });
    expect((await handle(open('a1', 'u-ana'), { commandId: 'c1', actor: ana })).kind).toBe(
      'accepted',
    );
    expect((await handle(deposit('a1', 5), { commandId: 'c2', actor: ana })).kind).toBe('accepted');
    const refused = await handle(deposit('a1', 5), { commandId: 'c3', actor: bob });
    expect(refused).toMatchObject({
      kind: 'rejected',
      error: { _tag: 'Forbidden', reason: 'NotOwner' },
    });
    expect(await eventStore.readStream('account-a1')).toHaveLength(2);
    // A role with an "any" grant needs no ownership.
    const manager = actor('sales_manager', 'u-boss');
    expect((await handle(deposit('a1', 5), { commandId: 'c4', actor: manager })).kind).toBe(
      'accepted',
    );
  });

  it('takes its table from configuration: the same command allowed or refused by the table passed in', async () => {
    const strict = accountHandler({ roles: { ...accountRoles, privacy_officer: [] } });
    await strict.handle(open('a1'), { commandId: 'c1', actor: actor('sales_rep') });
    expect(
      await strict.handle(eraseHolder('a1'), { commandId: 'c2', actor: actor('privacy_officer') }),
    ).toMatchObject({ kind: 'rejected', error: { _tag: 'Forbidden' } });
  });
});
