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

interface FoundValue {
  readonly path: string;
  readonly segments: ReadonlyArray<string>;
  readonly value: EncryptedValue;
}

// Walks the data once; a path is spelled out only for the encrypted values it finds, since a
// projector reveals every event it reads and most nodes hold none.
const collect = (value: JsonValue, segments: string[], found: FoundValue[]): void => {
  if (typeof value !== 'object' || value === null) return;
  if (isEncryptedValue(value)) {
    found.push({ path: ['data', ...segments].join('.'), segments: [...segments], value });
  } else if (Array.isArray(value)) {
    value.forEach((item: JsonValue, i) => {
      segments.push(String(i));
      collect(item, segments, found);
      segments.pop();
    });
  } else {
    for (const key of Object.keys(value)) {
      segments.push(key);
      collect((value as JsonRecord)[key] as JsonValue, segments, found);
      segments.pop();
    }
  }
};

type Mutable = { [key: string]: JsonValue } | JsonValue[];

/** The data with values put at paths; only the containers on those paths are copied. */
const replaceAt = (
  data: JsonValue,
  replacements: ReadonlyArray<{
    readonly segments: ReadonlyArray<string>;
    readonly value: JsonValue;
  }>,
): JsonValue => {
  const copies = new Set<unknown>();
  const copied = (container: JsonValue): Mutable => {
    if (copies.has(container)) return container as Mutable;
    const copy: Mutable = Array.isArray(container)
      ? [...container]
      : { ...(container as JsonRecord) };
    copies.add(copy);
    return copy;
  };
  let root = data;
  for (const { segments, value } of replacements) {
    const last = segments.at(-1);
    if (last === undefined) {
      root = value;
      continue;
    }
    root = copied(root);
    let parent = root as Record<string, JsonValue>;
    for (const key of segments.slice(0, -1)) {
      const child = copied(parent[key] as JsonValue);
      parent[key] = child;
      parent = child as Record<string, JsonValue>;
    }
    parent[last] = value;
  }
  return root;
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
  const found: FoundValue[] = [];
  collect(data, [], found);
  if (found.length === 0) return { data, erasedPaths: [], erasedSubjects: [] };
  const replacements: Array<{
    readonly segments: ReadonlyArray<string>;
    readonly value: JsonValue;
  }> = [];
  const erasedPaths: string[] = [];
  const erasedSubjects = new Set<string>();
  for (const { path, segments, value } of found) {
    const key = await keys.find(value.subject);
    if (!(key instanceof Uint8Array)) {
      replacements.push({ segments, value: { _tag: 'ErasedValue', subject: value.subject } });
      erasedPaths.push(path);
      erasedSubjects.add(value.subject);
      continue;
    }
    const plain = decryptValue(key, value, fieldAssociatedData(eventId, path));
    if (plain === undefined) return { _tag: 'UndecryptableField', path, subject: value.subject };
    replacements.push({ segments, value: plain });
  }
  return {
    data: replaceAt(data, replacements),
    erasedPaths,
    erasedSubjects: [...erasedSubjects],
  };
};
