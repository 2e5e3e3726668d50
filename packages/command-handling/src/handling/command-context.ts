import { Actor, CommandId, decodeWith, Instant, type InvalidInput } from '@crm/domain';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import type { CommandLogger } from './command-logger.ts';

/**
 * Who runs a command, under which id, in which conversation. `commandId` is the client's
 * idempotency key: sending the same id again returns the first outcome. `correlationId` and
 * `causationId` default to the command id; `occurredAt` to the handler's clock.
 */
export interface CommandContext {
  readonly commandId: string;
  readonly actor: { readonly id: string; readonly role: string };
  readonly correlationId?: string;
  readonly causationId?: string;
  readonly occurredAt?: string;
  /** A pino logger (or anything like it); every line gets the correlation id. */
  readonly logger?: CommandLogger;
}

const ContextCodec = t.type({
  context: t.intersection([
    t.type({ commandId: CommandId, actor: Actor }),
    t.partial({ correlationId: t.string, causationId: t.string, occurredAt: Instant }),
  ]),
});

/** The context after checking: ids and role are what the kernel's codecs accept. */
export type CheckedContext = t.TypeOf<typeof ContextCodec>['context'];

/** Checks a context; a bad one is `InvalidInput` naming `context.<field>`. */
export const checkContext = (context: CommandContext): E.Either<InvalidInput, CheckedContext> =>
  E.map(({ context: checked }: t.TypeOf<typeof ContextCodec>) => checked)(
    decodeWith(ContextCodec, {
      context: {
        commandId: context.commandId,
        actor: context.actor,
        ...(context.correlationId === undefined ? {} : { correlationId: context.correlationId }),
        ...(context.causationId === undefined ? {} : { causationId: context.causationId }),
        ...(context.occurredAt === undefined ? {} : { occurredAt: context.occurredAt }),
      },
    }),
  );
