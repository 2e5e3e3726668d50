import {
  type Decider,
  type DomainError,
  decodeByType,
  type InvalidInput,
  NonEmptyString,
  UserId,
  upcastEvent,
} from '@crm/domain';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { defineRoute } from '../handling/command-route.ts';

// A deliberately tiny aggregate for the generic tests of command handling: a bank-like account
// with an owner, a holder's name and deposit memos (personal data), and an erasure command.
// The CRM's own routes are tested in crm/*.test.ts with the real domain.

const AccountId = t.string;
const at = t.string;

const command = <TType extends string, TData extends t.Mixed>(type: TType, data: TData) =>
  t.type({ type: t.literal(type), data });
const event = <TType extends string, TData extends t.Mixed>(type: TType, data: TData) =>
  t.type({ type: t.literal(type), version: t.literal(1), data });

export const OpenAccount = command(
  'OpenAccount',
  t.type({ accountId: AccountId, holderName: NonEmptyString, ownerId: UserId, at }),
);
export const Deposit = command(
  'Deposit',
  t.intersection([
    t.type({ accountId: AccountId, amount: t.number, at }),
    t.partial({ memo: NonEmptyString }),
  ]),
);
export const EraseHolder = command('EraseHolder', t.type({ accountId: AccountId, at }));
export const accountCommandCodecs = { OpenAccount, Deposit, EraseHolder };
export type AccountCommand =
  | t.TypeOf<typeof OpenAccount>
  | t.TypeOf<typeof Deposit>
  | t.TypeOf<typeof EraseHolder>;

export const AccountOpened = event(
  'AccountOpened',
  t.type({ accountId: AccountId, holderName: NonEmptyString, ownerId: UserId, at }),
);
export const Deposited = event(
  'Deposited',
  t.type({ accountId: AccountId, amount: t.number, memo: t.union([NonEmptyString, t.null]), at }),
);
export const HolderErased = event('HolderErased', t.type({ accountId: AccountId, at }));
export const accountEventCodecs = { AccountOpened, Deposited, HolderErased };
export type AccountEvent =
  | t.TypeOf<typeof AccountOpened>
  | t.TypeOf<typeof Deposited>
  | t.TypeOf<typeof HolderErased>;

export type AccountState =
  | { readonly status: 'none' }
  | {
      readonly status: 'open';
      readonly accountId: string;
      readonly ownerId: string;
      readonly holderName: unknown;
      readonly balance: number;
      readonly deposits: number;
      readonly erased: boolean;
    };

export type AccountError =
  | DomainError<'AccountNotOpen'>
  | DomainError<'AccountAlreadyOpen'>
  | DomainError<'AmountNotPositive'>;

const fail = (tag: AccountError['_tag'], message: string) => E.left({ _tag: tag, message });

export const accountDecider: Decider<AccountCommand, AccountEvent, AccountState, AccountError> = {
  initialState: { status: 'none' },
  decide: (cmd, state) => {
    switch (cmd.type) {
      case 'OpenAccount':
        return state.status === 'open'
          ? fail('AccountAlreadyOpen', `Account ${cmd.data.accountId} is already open.`)
          : E.right([{ type: 'AccountOpened', version: 1, data: cmd.data }]);
      case 'Deposit':
        if (state.status !== 'open')
          return fail('AccountNotOpen', `No account ${cmd.data.accountId}.`);
        return cmd.data.amount <= 0
          ? fail('AmountNotPositive', `Deposits must be positive, not ${cmd.data.amount}.`)
          : E.right([
              {
                type: 'Deposited',
                version: 1,
                data: { ...cmd.data, memo: cmd.data.memo ?? null },
              },
            ]);
      case 'EraseHolder':
        if (state.status !== 'open')
          return fail('AccountNotOpen', `No account ${cmd.data.accountId}.`);
        return E.right(state.erased ? [] : [{ type: 'HolderErased', version: 1, data: cmd.data }]);
      default: {
        const never: never = cmd;
        return never;
      }
    }
  },
  evolve: (state, e) => {
    switch (e.type) {
      case 'AccountOpened':
        return {
          status: 'open',
          accountId: e.data.accountId,
          ownerId: e.data.ownerId,
          holderName: e.data.holderName,
          balance: 0,
          deposits: 0,
          erased: false,
        };
      case 'Deposited':
        return state.status === 'open'
          ? { ...state, balance: state.balance + e.data.amount, deposits: state.deposits + 1 }
          : state;
      case 'HolderErased':
        return state.status === 'open' ? { ...state, holderName: null, erased: true } : state;
      default: {
        const never: never = e;
        return never;
      }
    }
  },
};

const decodeAccountEvent = (stored: {
  readonly type: string;
  readonly version: number;
  readonly data: unknown;
}): E.Either<InvalidInput, AccountEvent> =>
  E.flatMap(upcastEvent([], stored), (current) =>
    decodeByType(accountEventCodecs, current),
  ) as E.Either<InvalidInput, AccountEvent>;

/** The account's route: owner from state (or the command, when opening); memos are personal. */
export const accountRoute = (options: { readonly snapshotEvery?: number } = {}) =>
  defineRoute({
    aggregate: 'account',
    decider: accountDecider,
    commandCodecs: accountCommandCodecs,
    eventCodecs: accountEventCodecs,
    decodeEvent: decodeAccountEvent,
    aggregateIdOf: (cmd) => cmd.data.accountId,
    ownerOf: (state, cmd) =>
      state.status === 'open'
        ? state.ownerId
        : cmd.type === 'OpenAccount'
          ? cmd.data.ownerId
          : undefined,
    personalData: {
      fields: { AccountOpened: ['holderName'], Deposited: ['memo'] },
      subjectOf: (_event, _state, id) => `holder-${id}`,
      snapshotSubjectOf: (_state, id) => `holder-${id}`,
    },
    erasure: { commandType: 'EraseHolder', subjectOf: (cmd) => `holder-${cmd.data.accountId}` },
    ...(options.snapshotEvery === undefined
      ? {}
      : { snapshots: { every: options.snapshotEvery, stateVersion: 1 } }),
  });
