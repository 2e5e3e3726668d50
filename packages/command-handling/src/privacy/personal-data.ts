import type { JsonValue } from '@crm/event-store';
import {
  decryptValue,
  type EncryptedValue,
  encryptValue,
  isEncryptedValue,
} from './field-cipher.ts';
import type { KeyRing } from './key-ring.ts';

/**
 * Where an event's personal fields are, relative to its `data`: dotted paths, with `*` for
 * every element of an array (`party.familyName`, `address.lines`, `replies.*.body`). A path
 * that is absent or `null` in a given event is skipped.
 */
export type PersonalFieldPaths = ReadonlyArray<string>;

type JsonRecord = { readonly [key: string]: JsonValue };

const isRecord = (value: JsonValue | undefined): value is JsonRecord =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The authenticated data that binds an encrypted field to its place in its event. */
export const fieldAssociatedData = (eventId: string, path: string): string =>
  `event:${eventId.toLowerCase()}:${path}`;

const encryptAt = (
  value: JsonValue | undefined,
  segments: ReadonlyArray<string>,
  path: string,
  encrypt: (plain: JsonValue, path: string) => EncryptedValue,
): JsonValue | undefined => {
  if (value === undefined || value === null) return value;
  const [head, ...rest] = segments;
  if (head === undefined) return isEncryptedValue(value) ? value : encrypt(value, path);
  if (head === '*') {
    return Array.isArray(value)
      ? value.map((item: JsonValue, i) => encryptAt(item, rest, `${path}.${i}`, encrypt) ?? null)
      : value;
  }
  if (!isRecord(value) || !Object.hasOwn(value, head)) return value;
  const next = encryptAt(value[head], rest, `${path}.${head}`, encrypt);
  return next === undefined ? value : { ...value, [head]: next };
};

/**
 * Replaces the personal fields of an event's data by their encryption under `subject`'s key.
 * Pure apart from the random IVs; the paths of the result are `data.<path>`.
 */
export const encryptPersonalFields = (
  data: JsonValue,
  paths: PersonalFieldPaths,
  options: { readonly eventId: string; readonly subject: string; readonly key: Uint8Array },
): JsonValue =>
  paths.reduce<JsonValue>(
    (current, path) =>
      encryptAt(current, path.split('.'), 'data', (plain, at) =>
        encryptValue(options.key, options.subject, plain, fieldAssociatedData(options.eventId, at)),
      ) ?? current,
    data,
  );

/** True when any of the paths holds a value (not absent, not `null`) to encrypt. */
export const hasPersonalValues = (data: JsonValue, paths: PersonalFieldPaths): boolean => {
  let found = false;
  for (const path of paths) {
    encryptAt(data, path.split('.'), 'data', (plain) => {
      found = true;
      return { $pii: 'aes-256-gcm/v1', subject: '', iv: '', data: JSON.stringify(plain) };
    });
  }
  return found;
};

/** An event's data with its personal fields decrypted, and which of them were erased. */
export interface RevealedData {
  readonly data: JsonValue;
  /** Dotted paths (`data.email`) of the fields that read as `ErasedValue`. */
  readonly erasedPaths: ReadonlyArray<string>;
  readonly erasedSubjects: ReadonlyArray<string>;
}

/** A personal field that a key exists for but that does not decrypt: it was altered. */
export interface UndecryptableField {
  readonly _tag: 'UndecryptableField';
  readonly path: string;
  readonly subject: string;
}

const collect = (
  value: JsonValue,
  path: string,
  found: Array<{ readonly path: string; readonly value: EncryptedValue }>,
): void => {
  if (isEncryptedValue(value)) {
    found.push({ path, value });
  } else if (Array.isArray(value)) {
    value.forEach((item: JsonValue, i) => {
      collect(item, `${path}.${i}`, found);
    });
  } else if (isRecord(value)) {
    for (const [key, item] of Object.entries(value)) collect(item, `${path}.${key}`, found);
  }
};

const replaceAll = (
  value: JsonValue,
  path: string,
  replacements: ReadonlyMap<string, JsonValue>,
): JsonValue => {
  const replacement = replacements.get(path);
  if (replacement !== undefined) return replacement;
  if (Array.isArray(value)) {
    return value.map((item: JsonValue, i) => replaceAll(item, `${path}.${i}`, replacements));
  }
  if (isRecord(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        replaceAll(item, `${path}.${key}`, replacements),
      ]),
    );
  }
  return value;
};

/**
 * Decrypts every encrypted field of an event's data. A field whose subject was erased (or
 * whose key is missing) reads as an `ErasedValue`; a field whose key exists but that does not
 * decrypt was tampered with and is reported, never guessed at.
 */
export const revealPersonalData = async (
  data: JsonValue,
  eventId: string,
  keys: KeyRing,
): Promise<RevealedData | UndecryptableField> => {
  const found: Array<{ readonly path: string; readonly value: EncryptedValue }> = [];
  collect(data, 'data', found);
  if (found.length === 0) return { data, erasedPaths: [], erasedSubjects: [] };
  const replacements = new Map<string, JsonValue>();
  const erasedPaths: string[] = [];
  const erasedSubjects = new Set<string>();
  for (const { path, value } of found) {
    const key = await keys.find(value.subject);
    if (!(key instanceof Uint8Array)) {
      replacements.set(path, { _tag: 'ErasedValue', subject: value.subject });
      erasedPaths.push(path);
      erasedSubjects.add(value.subject);
      continue;
    }
    const plain = decryptValue(key, value, fieldAssociatedData(eventId, path));
    if (plain === undefined) return { _tag: 'UndecryptableField', path, subject: value.subject };
    replacements.set(path, plain);
  }
  return {
    data: replaceAll(data, 'data', replacements),
    erasedPaths,
    erasedSubjects: [...erasedSubjects],
  };
};
