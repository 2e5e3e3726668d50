import type {
  Actor,
  CampaignCommand,
  CommandId,
  CustomerCommand,
  DealCommand,
  Instant,
  PolicyName,
  TicketCommand,
} from '@crm/domain';

/** Any command of the four CRM aggregates. */
export type CrmCommand = CustomerCommand | DealCommand | TicketCommand | CampaignCommand;

/** The aggregates a seeded command goes to (also the category of its stream). */
export type SeedAggregate = 'customer' | 'deal' | 'ticket' | 'campaign';

/**
 * For a command a policy would send: which policy, and the command and event it reacts to.
 * With the command handler's `eventIdFor`, the policy runner's own command id for the same
 * reaction is `policyCommandId(policy, eventIdFor(triggerCommandId, triggerEventIndex))`.
 */
export interface PolicyReactionRef {
  readonly policy: PolicyName;
  readonly triggerCommandId: CommandId;
  readonly triggerEventIndex: number;
}

interface SeedCommandOf<TAggregate extends SeedAggregate, TCommand extends CrmCommand> {
  /** Deterministic: `seed-<n>`, or for a policy reaction what `policyCommandId` says. */
  readonly commandId: CommandId;
  readonly aggregate: TAggregate;
  /** `<aggregate>-<id>`, the stream the command is decided against. */
  readonly streamName: string;
  readonly command: TCommand;
  /** Who issues it; always allowed to by the CRM's default role table. */
  readonly actor: Actor;
  /** The command's business instant (`command.data.at`); the stream is ordered by it. */
  readonly at: Instant;
  /** How many events the decider records for it (0 only for a policy reaction already in effect). */
  readonly expectedEvents: number;
  /** Present when the command is what a policy sends in reaction to an earlier command's event. */
  readonly reaction?: PolicyReactionRef;
}

/** One step of a seeded history: a real domain command, its aggregate, its actor and its id. */
export type SeedCommand =
  | SeedCommandOf<'customer', CustomerCommand>
  | SeedCommandOf<'deal', DealCommand>
  | SeedCommandOf<'ticket', TicketCommand>
  | SeedCommandOf<'campaign', CampaignCommand>;
