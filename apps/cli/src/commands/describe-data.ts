import { money } from '../output/format.ts';

/** An event's data in one line: its fields but the aggregate id and `at`, erased ones marked. */
export const describeData = (data: unknown, erasedPaths: ReadonlyArray<string>): string => {
  if (typeof data !== 'object' || data === null) return '';
  const erased = new Set(erasedPaths.map((path) => path.replace(/^data\./, '').split('.')[0]));
  const skip = new Set(['at', 'customerId', 'dealId', 'ticketId', 'campaignId']);
  return Object.entries(data as Record<string, unknown>)
    .filter(([key]) => !skip.has(key) || Object.keys(data).length === 1)
    .map(([key, value]) => `${key}=${erased.has(key) ? '(erased)' : shownValue(value)}`)
    .join(' ');
};

const shownValue = (value: unknown): string => {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null)
    return String(value);
  if (
    typeof value === 'object' &&
    value !== null &&
    '_tag' in value &&
    (value as { _tag: unknown })._tag === 'ErasedValue'
  ) {
    return '(erased)';
  }
  if (isMoney(value)) {
    return money(value.amountMinor, value.currency);
  }
  return JSON.stringify(value);
};

const isMoney = (value: unknown): value is { amountMinor: number; currency: string } =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { amountMinor?: unknown }).amountMinor === 'number' &&
  typeof (value as { currency?: unknown }).currency === 'string';
