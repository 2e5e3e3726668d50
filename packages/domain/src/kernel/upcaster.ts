import * as E from 'fp-ts/lib/Either.js';
import type { InvalidInput } from './domain-error.ts';

/** An event as it was stored: any schema version, data not yet trusted. */
export interface StoredEvent {
  readonly type: string;
  readonly version: number;
  readonly data: unknown;
}

/**
 * Turns one stored version of one event type into the next version. Upcasters are pure and
 * chained, so an event written by any past release reads as the current schema.
 */
export interface Upcaster {
  readonly type: string;
  readonly fromVersion: number;
  readonly upcast: (data: unknown) => E.Either<InvalidInput, unknown>;
}

/** Applies upcasters until no more apply; the result still has to pass the current codec. */
export const upcastEvent = (
  upcasters: ReadonlyArray<Upcaster>,
  stored: StoredEvent,
): E.Either<InvalidInput, StoredEvent> => {
  let current: StoredEvent = stored;
  for (;;) {
    const step = upcasters.find(
      (u) => u.type === current.type && u.fromVersion === current.version,
    );
    if (step === undefined) return E.right(current);
    const next = step.upcast(current.data);
    if (E.isLeft(next)) return next;
    current = { type: current.type, version: current.version + 1, data: next.right };
  }
};
