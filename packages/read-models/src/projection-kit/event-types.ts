import type { DomainEvent } from '@crm/domain';

/** The event types of one aggregate, in the order its codecs are declared. */
export const eventTypesOf = <Codecs extends object>(
  codecs: Codecs,
): ReadonlyArray<keyof Codecs & string> => Object.keys(codecs) as Array<keyof Codecs & string>;

/** The customer events that move a customer through its lifecycle, merges included. */
export const customerLifecycleEventTypes = [
  'CustomerRegistered',
  'CustomerLifecycleStageAdvanced',
  'CustomerChurned',
  'CustomerReactivated',
  'CustomerMerged',
  'CustomerMergeReverted',
] as const satisfies ReadonlyArray<DomainEvent['type']>;

/** A deal's win and the corrections of its won figures. */
export const wonDealEventTypes = ['DealWon', 'WonDealCorrected'] as const satisfies ReadonlyArray<
  DomainEvent['type']
>;

/** A type guard for the events whose type is one of `types` (what a projection reads). */
export const isEventOf = <const Type extends DomainEvent['type']>(types: ReadonlyArray<Type>) => {
  const wanted: ReadonlySet<string> = new Set(types);
  return (event: DomainEvent): event is Extract<DomainEvent, { readonly type: Type }> =>
    wanted.has(event.type);
};
