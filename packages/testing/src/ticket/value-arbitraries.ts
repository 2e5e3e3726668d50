import { type SupportLevel, TicketCategory, TicketChannel, TicketPriority } from '@crm/domain';
import * as fc from 'fast-check';

// Every key of an io-ts `keyof` codec, so a value added to the codec is generated at once.
const keysOf = <TKey extends string>(codec: {
  readonly keys: Readonly<Record<TKey, unknown>>;
}): fc.Arbitrary<TKey> =>
  fc.constantFrom(
    ...Object.keys(codec.keys).filter((k): k is TKey => Object.hasOwn(codec.keys, k)),
  );

/** Every channel a ticket can come through. */
export const ticketChannelArbitrary: fc.Arbitrary<TicketChannel> = keysOf(TicketChannel);

/** Every ticket category. */
export const ticketCategoryArbitrary: fc.Arbitrary<TicketCategory> = keysOf(TicketCategory);

/** Every ticket priority. */
export const ticketPriorityArbitrary: fc.Arbitrary<TicketPriority> = keysOf(TicketPriority);

/** Every support level, 1 to 3. */
export const supportLevelArbitrary: fc.Arbitrary<SupportLevel> = fc.constantFrom(1, 2, 3);
