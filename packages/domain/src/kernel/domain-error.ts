/**
 * Every domain error is a value with a `_tag` naming the fact (`DealAlreadyClosed`) and a
 * message a person can read. Each aggregate exports a tagged union of its own errors.
 */
export interface DomainError<TTag extends string = string> {
  readonly _tag: TTag;
  readonly message: string;
}

/** A command or value whose shape is wrong; `field` is the dotted path to the first culprit. */
export interface InvalidInput extends DomainError<'InvalidInput'> {
  readonly field: string;
  readonly issues: ReadonlyArray<{ readonly field: string; readonly message: string }>;
}

export interface InvalidPhoneNumber extends DomainError<'InvalidPhoneNumber'> {
  readonly field: string;
  readonly input: string;
}

export interface InvalidEmailAddress extends DomainError<'InvalidEmailAddress'> {
  readonly field: string;
  readonly input: string;
}

export interface CurrencyMismatch extends DomainError<'CurrencyMismatch'> {
  readonly expected: string;
  readonly actual: string;
}

export interface MoneyOutOfRange extends DomainError<'MoneyOutOfRange'> {
  readonly amountMinor: string;
}

/** The kernel's own errors; every aggregate's error union includes them. */
export type KernelError =
  | InvalidInput
  | InvalidPhoneNumber
  | InvalidEmailAddress
  | CurrencyMismatch
  | MoneyOutOfRange;

export const currencyMismatch = (expected: string, actual: string): CurrencyMismatch => ({
  _tag: 'CurrencyMismatch',
  expected,
  actual,
  message: `Amounts in ${actual} cannot be combined with amounts in ${expected}.`,
});

export const moneyOutOfRange = (amountMinor: bigint | number): MoneyOutOfRange => ({
  _tag: 'MoneyOutOfRange',
  amountMinor: String(amountMinor),
  message: `The amount ${amountMinor} (minor units) is outside the safe integer range.`,
});
