import type { DomainError } from '@crm/domain';
import {
  type EventStore,
  type JsonObject,
  parsePosition,
  positionToString,
} from '@crm/event-store';
import type { CommandAccepted, CommandRejected } from '../handling/command-result.ts';
import type { CommandRoute } from '../handling/command-route.ts';
import { decodeRevealed, revealEvent } from '../handling/event-reader.ts';
import { toJson } from '../handling/stored-event.ts';
import { decryptValue, encryptValue, isEncryptedValue } from '../privacy/field-cipher.ts';
import type { KeyRing } from '../privacy/key-ring.ts';
import { isKeyStoreError } from '../privacy/key-store.ts';
import type { RecordedOutcome } from './command-outcome-store.ts';

const associatedData = (commandId: string): string => `outcome:${commandId}`;

/** The record of an accepted command: where its events are, not their (personal) content. */
export const recordAccepted = (result: CommandAccepted): RecordedOutcome => ({
  kind: 'accepted',
  streamName: result.streamName,
  firstRevision:
    result.events[0]?.revision ?? (result.revision === 'no_stream' ? 0 : result.revision + 1),
  eventCount: result.events.length,
  revision: result.revision,
  position: result.position === undefined ? null : positionToString(result.position),
});

/**
 * The record of a refusal. Its error may quote personal input (an invalid email address), so
 * it is encrypted under the subject's key when the aggregate has one.
 */
export const recordRejected = async (
  result: CommandRejected,
  subject: string | undefined,
  keys: KeyRing,
): Promise<RecordedOutcome> => {
  const error = toJson(result.error) as JsonObject;
  const recorded = (stored: JsonObject): RecordedOutcome => ({
    kind: 'rejected',
    streamName: result.streamName ?? null,
    errorTag: result.error._tag,
    error: stored,
  });
  if (subject === undefined) return recorded(error);
  try {
    const key = await keys.keyFor(subject);
    return recorded(
      encryptValue(key, subject, error, associatedData(result.commandId)) as unknown as JsonObject,
    );
  } catch (failure) {
    if (!isKeyStoreError(failure, 'SubjectErased')) throw failure;
    // The subject is erased: keep the refusal's tag only, never its (possibly personal) details.
    return recorded({ _tag: result.error._tag, message: erasedMessage(result.error._tag) });
  }
};

const erasedMessage = (tag: string): string =>
  `${tag}: the details were erased with the personal data they named.`;

/**
 * The original result of a command handled before, rebuilt from its record: an accepted
 * command's events are read back from its stream (decrypted now, so erased fields read as
 * `ErasedValue`); a refusal's error is decrypted (after erasure only its tag remains).
 */
export const replayOutcome = async (input: {
  readonly commandId: string;
  readonly recorded: RecordedOutcome;
  readonly eventStore: EventStore;
  readonly routeOf: (streamName: string) => CommandRoute | undefined;
  readonly keys: KeyRing;
}): Promise<CommandAccepted | CommandRejected> => {
  const { recorded, commandId, keys } = input;
  if (recorded.kind === 'rejected') {
    let error = recorded.error as unknown as DomainError;
    if (isEncryptedValue(recorded.error)) {
      const key = await keys.find(recorded.error.subject);
      const plain =
        key instanceof Uint8Array
          ? decryptValue(key, recorded.error, associatedData(commandId))
          : undefined;
      error =
        plain === undefined
          ? {
              _tag: recorded.errorTag,
              message: `${recorded.errorTag}: the details were erased with the personal data they named.`,
            }
          : (plain as unknown as DomainError);
    }
    return { kind: 'rejected', commandId, streamName: recorded.streamName ?? undefined, error };
  }
  const route = input.routeOf(recorded.streamName);
  const stored =
    recorded.eventCount === 0 || route === undefined
      ? []
      : await input.eventStore.readStream(recorded.streamName, {
          fromRevision: recorded.firstRevision,
          maxCount: recorded.eventCount,
        });
  const events = [];
  for (const event of stored) {
    const decoded = decodeRevealed(route as CommandRoute, await revealEvent(event, keys));
    events.push({
      type: decoded.type,
      version: decoded.version,
      data: decoded.data,
      metadata: decoded.metadata,
      revision: decoded.revision,
    });
  }
  return {
    kind: 'accepted',
    commandId,
    streamName: recorded.streamName,
    events,
    revision: recorded.revision,
    position: recorded.position === null ? undefined : parsePosition(recorded.position),
  };
};
