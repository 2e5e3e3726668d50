/**
 * Stream names are `<category>-<id>`: the category is a lower-camel word (`customer`,
 * `deal`, `salesOrder`), the id what follows the first `-` (it may contain `-` itself).
 */
const streamNamePattern = /^[a-z][A-Za-z0-9]{0,63}-[A-Za-z0-9][A-Za-z0-9_.:@-]{0,127}$/;

export const isValidStreamName = (name: string): boolean => streamNamePattern.test(name);

/** `customer-c1` → `customer`. */
export const categoryOf = (streamName: string): string => {
  const dash = streamName.indexOf('-');
  return dash < 0 ? streamName : streamName.slice(0, dash);
};

/** `customer-c1` → `c1`. */
export const idOf = (streamName: string): string => {
  const dash = streamName.indexOf('-');
  return dash < 0 ? '' : streamName.slice(dash + 1);
};

/** `streamNameOf('customer', 'c1')` → `customer-c1`. */
export const streamNameOf = (category: string, id: string): string => `${category}-${id}`;
