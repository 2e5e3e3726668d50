import type { JsonValue } from '@crm/event-store';
import { decryptValue, encryptValue, isEncryptedValue } from '../privacy/field-cipher.ts';
import type { KeyRing } from '../privacy/key-ring.ts';

const associatedData = (streamName: string, revision: number): string =>
  `snapshot:${streamName}:${revision}`;

/**
 * The stored form of a state: encrypted under `subject`'s key when the state may hold personal
 * data (a customer's name lives in its state as much as in its events), plain JSON otherwise.
 * `undefined` when the subject is erased: such a state is not snapshotted at all.
 */
export const sealState = async (
  state: JsonValue,
  where: { readonly streamName: string; readonly revision: number },
  subject: string | undefined,
  keys: KeyRing,
): Promise<JsonValue | undefined> => {
  if (subject === undefined) return state;
  const key = await keys.find(subject);
  if (!(key instanceof Uint8Array)) return undefined;
  return encryptValue(key, subject, state, associatedData(where.streamName, where.revision));
};

/** The state back from its stored form; `undefined` when it cannot be read (erased, altered). */
export const openState = async (
  stored: JsonValue,
  where: { readonly streamName: string; readonly revision: number },
  keys: KeyRing,
): Promise<JsonValue | undefined> => {
  if (!isEncryptedValue(stored)) return stored;
  const key = await keys.find(stored.subject);
  if (!(key instanceof Uint8Array)) return undefined;
  return decryptValue(key, stored, associatedData(where.streamName, where.revision));
};
