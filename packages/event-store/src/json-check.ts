import { EventStoreError } from './errors.ts';

/** An identifier-like key is written `.key`; anything else `["key"]`, so the path stays unambiguous. */
const propertyPath = (path: string, key: string): string =>
  /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;

/**
 * NUL and unpaired surrogates survive `JSON.stringify`, but PostgreSQL's jsonb refuses them, so
 * they are refused everywhere to keep every store holding the same data.
 */
const unpairedSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const isUnstorable = (text: string): boolean =>
  text.includes('\u0000') || unpairedSurrogate.test(text);

const isPlainObject = (value: object): boolean => {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

const describeValue = (value: unknown): string => {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'object' || value === null) return typeof value;
  return Object.getPrototypeOf(value)?.constructor?.name ?? 'object';
};

/**
 * Throws `InvalidInput` naming the path of the first value that does not survive a JSON round
 * trip unchanged: only null, booleans, finite numbers, strings, arrays and plain objects pass.
 */
export const assertStrictJson = (value: unknown, path: string): void => {
  const ancestors = new Set<object>();
  const visit = (current: unknown, at: string): void => {
    switch (typeof current) {
      case 'string':
        if (isUnstorable(current)) {
          throw EventStoreError.invalidInput(
            at,
            'contains a NUL character or an unpaired surrogate',
          );
        }
        return;
      case 'boolean':
        return;
      case 'number':
        if (!Number.isFinite(current)) {
          throw EventStoreError.invalidInput(at, `${current} is not a finite number`);
        }
        return;
      case 'object':
        break;
      default:
        throw EventStoreError.invalidInput(at, `${typeof current} is not JSON`);
    }
    if (current === null) return;
    if (ancestors.has(current)) throw EventStoreError.invalidInput(at, 'is a circular reference');
    ancestors.add(current);
    if (Array.isArray(current)) {
      for (let index = 0; index < current.length; index += 1) {
        // A hole reads as undefined, which JSON would silently turn into null.
        visit(index in current ? current[index] : undefined, `${at}[${index}]`);
      }
    } else if (isPlainObject(current)) {
      for (const key of Object.keys(current)) {
        const keyPath = propertyPath(at, key);
        if (isUnstorable(key)) {
          throw EventStoreError.invalidInput(
            keyPath,
            'the key contains a NUL character or an unpaired surrogate',
          );
        }
        visit((current as Record<string, unknown>)[key], keyPath);
      }
    } else {
      throw EventStoreError.invalidInput(at, `a ${describeValue(current)} is not plain JSON`);
    }
    ancestors.delete(current);
  };
  visit(value, path);
};
