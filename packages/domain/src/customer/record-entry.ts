/**
 * The value stored under `key` in a plain record used as a map. Ids such as `constructor` are
 * valid, so inherited properties must never be mistaken for entries.
 */
export const entryOf = <TValue>(
  record: Readonly<Record<string, TValue>>,
  key: string,
): TValue | undefined => (Object.hasOwn(record, key) ? record[key] : undefined);
