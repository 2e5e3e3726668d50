import type { CustomerCommand } from '../customer/commands.ts';
import type { DomainEvent } from '../domain-event/domain-event.ts';
import type { Command } from '../kernel/decider.ts';
import type { Actor, EventEnvelope } from '../kernel/envelope.ts';
import type { CommandId, CustomerId, UserId } from '../kernel/ids.ts';
import { policyCommandId } from './command-id.ts';

/** Every event a policy may be handed: the events of all four aggregates. */
export type { DomainEvent };

/** The names of our policies; each is also the middle part of the command ids it derives. */
export type PolicyName =
  | 'deal-opened-promotes-customer'
  | 'deal-won-promotes-customer'
  | 'campaign-conversion-promotes-customer'
  | 'customer-merge-notifies-survivor'
  | 'customer-merge-revert-notifies-survivor';

/**
 * A command a policy wants sent, with everything the command handler needs to send it: the
 * target stream, a command id derived from the triggering event (so a repeated reaction is a
 * no-op), and the correlation and causation carried over from the event's metadata.
 */
export interface PolicyCommandTo<TAggregate extends string, TCommand extends Command> {
  /** The policy that reacted. */
  readonly policy: PolicyName;
  /** `policy.<policy>.<eventId>`: the same for every reaction to the same event. */
  readonly commandId: CommandId;
  /** The aggregate (stream category) the command is for. */
  readonly aggregate: TAggregate;
  /** The stream the command is decided against, `<aggregate>-<id>`. */
  readonly streamName: `${TAggregate}-${string}`;
  readonly command: TCommand;
  /** The conversation the triggering event belongs to, carried over unchanged. */
  readonly correlationId: string;
  /** The id of the triggering event: the message that directly caused this command. */
  readonly causationId: string;
  /** The system acting for the policy (`policy:<name>`, role `system`). */
  readonly actor: Actor;
}

/** Any command our policies send; today they all address customers. */
export type PolicyCommand = PolicyCommandTo<'customer', CustomerCommand>;

/** A policy: a pure reaction to one stored event; unrelated events give no commands. */
export type Policy = (envelope: EventEnvelope<DomainEvent>) => ReadonlyArray<PolicyCommand>;

/** Wraps a customer command a policy sends in reaction to `envelope`. */
export const toCustomer = (
  policy: PolicyName,
  envelope: EventEnvelope<DomainEvent>,
  customerId: CustomerId,
  command: CustomerCommand,
): PolicyCommand => ({
  policy,
  commandId: policyCommandId(policy, envelope.metadata.eventId),
  aggregate: 'customer',
  streamName: `customer-${customerId}`,
  command,
  correlationId: envelope.metadata.correlationId,
  causationId: envelope.metadata.eventId,
  // Policy names fit the id alphabet and are far shorter than 128 characters.
  actor: { id: `policy:${policy}` as UserId, role: 'system' },
});
