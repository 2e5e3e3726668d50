import {
  type DealCommand,
  type DealError,
  type DealEvent,
  type DealState,
  dealCommandCodecs,
  dealDecider,
  dealEventCodecs,
  decodeDealEvent,
} from '@crm/domain';
import { defineRoute } from '../handling/command-route.ts';

/**
 * The deal aggregate's route. A deal's title may name its customer ("Lopez kitchen"), so it
 * is encrypted under that customer's key; amounts, stages and dates stay readable after the
 * customer's erasure (revenue and profit history survive). Owned by the deal's `ownerId`, the
 * rep working it (for an opening, the owner it names).
 */
export const dealRoute = defineRoute<DealCommand, DealEvent, DealState, DealError>({
  aggregate: 'deal',
  decider: dealDecider,
  commandCodecs: dealCommandCodecs,
  eventCodecs: dealEventCodecs,
  decodeEvent: decodeDealEvent,
  aggregateIdOf: (command) => command.data.dealId,
  ownerOf: (state, command) =>
    state.status !== 'unopened'
      ? state.ownerId
      : command.type === 'OpenDeal'
        ? command.data.ownerId
        : undefined,
  personalData: {
    fields: { DealOpened: ['title'] },
    subjectOf: (event, state) =>
      event.type === 'DealOpened'
        ? event.data.customerId
        : state.status === 'unopened'
          ? undefined
          : state.customerId,
    snapshotSubjectOf: (state) => (state.status === 'unopened' ? undefined : state.customerId),
  },
  snapshots: { every: 100, stateVersion: 1 },
});
