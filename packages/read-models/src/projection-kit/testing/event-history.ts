import {
  type CampaignEvent,
  type CampaignState,
  type CustomerEvent,
  type CustomerState,
  campaignDecider,
  customerDecider,
  type DealEvent,
  type DealState,
  type DomainEvent,
  dealDecider,
  decodeCampaignCommand,
  decodeCustomerCommand,
  decodeDealCommand,
  decodeTicketCommand,
  type EventMetadata,
  type TicketEvent,
  type TicketState,
  ticketDecider,
} from '@crm/domain';
import type { ProjectedEvent } from '@crm/projections';

// Test support: builds a valid global log by running real commands through the deciders.

interface Aggregate<TState, TEvent> {
  readonly decode: (input: unknown) => { readonly _tag: string };
  readonly decide: (command: never, state: TState) => { readonly _tag: string };
  readonly evolve: (state: TState, event: TEvent) => TState;
  readonly initialState: TState;
  readonly idOf: (data: Record<string, unknown>) => unknown;
}

type Either<L, R> =
  | { readonly _tag: 'Left'; readonly left: L }
  | { readonly _tag: 'Right'; readonly right: R };

/** One aggregate from its decider, its command decoder and the command field naming its stream. */
const aggregate = <TState, TEvent>(
  decider: {
    readonly decide: Aggregate<TState, TEvent>['decide'];
    readonly evolve: Aggregate<TState, TEvent>['evolve'];
    readonly initialState: TState;
  },
  decode: Aggregate<TState, TEvent>['decode'],
  idField: string,
): Aggregate<TState, TEvent> => ({
  decode,
  decide: decider.decide,
  evolve: decider.evolve,
  initialState: decider.initialState,
  idOf: (data) => data[idField],
});

const aggregates = {
  customer: aggregate<CustomerState, CustomerEvent>(
    customerDecider,
    decodeCustomerCommand,
    'customerId',
  ),
  deal: aggregate<DealState, DealEvent>(dealDecider, decodeDealCommand, 'dealId'),
  ticket: aggregate<TicketState, TicketEvent>(ticketDecider, decodeTicketCommand, 'ticketId'),
  campaign: aggregate<CampaignState, CampaignEvent>(
    campaignDecider,
    decodeCampaignCommand,
    'campaignId',
  ),
} as const;

/** The aggregate a command goes to. */
export type AggregateKind = keyof typeof aggregates;

/** A command written as plain JSON (`{ type, data }`), decoded and validated on the way in. */
export interface PlainCommand {
  readonly type: string;
  readonly data: Record<string, unknown>;
}

/**
 * A growing global log for projection tests: each `run` decodes the command, decides it on the
 * stream's folded state (failing the test when refused) and appends the events with the next
 * positions, revisions and made-up metadata.
 */
export interface EventHistory {
  readonly run: (
    aggregate: AggregateKind,
    ...commands: ReadonlyArray<PlainCommand>
  ) => EventHistory;
  /** Appends an event as is, for stories the deciders would refuse (a late or legacy event). */
  readonly append: (streamName: string, event: DomainEvent) => EventHistory;
  readonly events: () => ReadonlyArray<ProjectedEvent>;
}

/** Starts an empty log. */
export const eventHistory = (): EventHistory => {
  const log: ProjectedEvent[] = [];
  const states = new Map<string, unknown>();
  const revisions = new Map<string, number>();
  const push = (streamName: string, event: DomainEvent): void => {
    const revision = (revisions.get(streamName) ?? -1) + 1;
    revisions.set(streamName, revision);
    const n = log.length + 1;
    const at = (event.data as { readonly at: EventMetadata['occurredAt'] }).at;
    log.push({
      streamName,
      revision,
      position: { commit: BigInt(n), prepare: BigInt(n) },
      event,
      metadata: {
        eventId: `event-${n}`,
        commandId: `command-${n}`,
        correlationId: `correlation-${n}`,
        causationId: `command-${n}`,
        actor: { id: 'user-test', role: 'admin' },
        occurredAt: at,
      } as EventMetadata,
    });
  };
  const history: EventHistory = {
    run: (kind, ...commands) => {
      const aggregate = aggregates[kind] as unknown as Aggregate<unknown, DomainEvent>;
      for (const plain of commands) {
        const decoded = aggregate.decode(plain) as Either<{ message: string }, never>;
        if (decoded._tag === 'Left') throw new Error(`${plain.type}: ${decoded.left.message}`);
        const streamName = `${kind}-${String(aggregate.idOf(plain.data))}`;
        const before = states.has(streamName) ? states.get(streamName) : aggregate.initialState;
        const decision = aggregate.decide(decoded.right, before) as Either<
          { message: string },
          ReadonlyArray<DomainEvent>
        >;
        if (decision._tag === 'Left')
          throw new Error(`${plain.type} refused: ${decision.left.message}`);
        let state = before;
        for (const event of decision.right) {
          state = aggregate.evolve(state, event);
          push(streamName, event);
        }
        states.set(streamName, state);
      }
      return history;
    },
    append: (streamName, event) => {
      push(streamName, event);
      return history;
    },
    events: () => [...log],
  };
  return history;
};
