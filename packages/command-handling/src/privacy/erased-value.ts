/**
 * What a personal field reads as once its subject's key has been deleted (crypto-shredding):
 * the event is still there, its non-personal fields intact, and each erased field says so
 * instead of failing the read.
 */
export interface ErasedValue {
  readonly _tag: 'ErasedValue';
  /** Whose personal data it was (the key's subject, a customer id). */
  readonly subject: string;
}

/** The placeholder of a field of `subject` whose key is gone. */
export const erasedValue = (subject: string): ErasedValue => ({ _tag: 'ErasedValue', subject });

/** True when `value` is the placeholder of an erased personal field. */
export const isErasedValue = (value: unknown): value is ErasedValue =>
  typeof value === 'object' &&
  value !== null &&
  (value as { _tag?: unknown })._tag === 'ErasedValue' &&
  typeof (value as { subject?: unknown }).subject === 'string';
