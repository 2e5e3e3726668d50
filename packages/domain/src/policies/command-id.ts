import type { CommandId, EventId } from '../kernel/ids.ts';

// Ids may be at most 128 characters (kernel/ids.ts).
const maxIdLength = 128;

const fnvOffset = 0xcbf29ce484222325n;
const fnvPrime = 0x100000001b3n;
const mask64 = (1n << 64n) - 1n;

/** FNV-1a, 64 bits, as 16 hex digits: a pure, stable digest (no crypto needed, no node import). */
const fnv1a64 = (text: string): string => {
  let hash = fnvOffset;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * fnvPrime) & mask64;
  }
  return hash.toString(16).padStart(16, '0');
};

/**
 * The id of a command a policy sends in reaction to an event: `policy.<policy>.<eventId>`, plus
 * `.<part>` when one reaction sends several commands. It depends only on its arguments, so
 * reacting twice to one event yields the same command id and the command handler's idempotence
 * makes the second reaction a no-op. An event id too long to fit in 128 characters is shortened
 * to a prefix and a digest of the whole id, so distinct events still get distinct ids.
 *
 * @example
 * policyCommandId('deal-won-promotes-customer', eventId)
 * // 'policy.deal-won-promotes-customer.evt-42'
 */
export const policyCommandId = (policy: string, eventId: EventId, part?: string): CommandId => {
  const prefix = `policy.${policy}.`;
  const suffix = part === undefined ? '' : `.${part}`;
  const plain = `${prefix}${eventId}${suffix}`;
  if (plain.length <= maxIdLength) return plain as CommandId;
  const digest = fnv1a64(eventId);
  const room = maxIdLength - prefix.length - suffix.length - digest.length - 1;
  // Policy names and parts are short constants, so `room` is always well above zero.
  return `${prefix}${eventId.slice(0, room)}.${digest}${suffix}` as CommandId;
};
