import * as t from 'io-ts';
import { CommandId, EventId, UserId } from './ids.ts';
import { Instant } from './time.ts';

/** The roles staff and systems act in; the command handler authorises commands by role. */
export const Role = t.keyof({
  admin: null,
  sales_rep: null,
  sales_manager: null,
  service_agent: null,
  marketer: null,
  privacy_officer: null,
  auditor: null,
  system: null,
});
export type Role = t.TypeOf<typeof Role>;

/** Who did it: a person or a system account, in a role. */
export const Actor = t.readonly(t.type({ id: UserId, role: Role }));
export type Actor = t.TypeOf<typeof Actor>;

/**
 * The metadata every stored event carries: its own id, the command that caused it, the
 * correlation id of the whole conversation, the id of the message that directly caused it,
 * who did it, and when.
 */
export const EventMetadata = t.readonly(
  t.type({
    eventId: EventId,
    commandId: CommandId,
    correlationId: t.string,
    causationId: t.string,
    actor: Actor,
    occurredAt: Instant,
  }),
);
export type EventMetadata = t.TypeOf<typeof EventMetadata>;

/** What every domain event is: a past-tense `type`, the schema `version` of `data`, and `data`. */
export interface VersionedEvent {
  readonly type: string;
  readonly version: number;
  readonly data: unknown;
}

/** A domain event together with its metadata, as the event store keeps it. */
export type EventEnvelope<TEvent extends VersionedEvent = VersionedEvent> = TEvent & {
  readonly metadata: EventMetadata;
};

/** The codec of an envelope around the events a codec describes. */
export const eventEnvelopeCodec = <TEvent extends t.Mixed>(event: TEvent) =>
  t.intersection([event, t.type({ metadata: EventMetadata })]);
