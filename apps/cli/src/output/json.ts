/** JSON for scripts: bigints as strings (they do not fit a JSON number), dates as ISO. */
export const toJson = (value: unknown): string =>
  JSON.stringify(
    value,
    (_key, item: unknown) => (typeof item === 'bigint' ? item.toString() : item),
    2,
  );
