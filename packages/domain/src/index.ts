export {
  EmailAddress,
  normaliseEmail,
  normalisePhone,
  PhoneE164,
  PhoneRegion,
} from './kernel/contact.ts';
export type { Command, Decider } from './kernel/decider.ts';
export { fold } from './kernel/decider.ts';
export { decodeByType, decodeWith } from './kernel/decode.ts';
export type {
  CurrencyMismatch,
  DomainError,
  InvalidEmailAddress,
  InvalidInput,
  InvalidPhoneNumber,
  KernelError,
  MoneyOutOfRange,
} from './kernel/domain-error.ts';
export { currencyMismatch, moneyOutOfRange } from './kernel/domain-error.ts';
export type { EventEnvelope, VersionedEvent } from './kernel/envelope.ts';
export { Actor, EventMetadata, eventEnvelopeCodec, Role } from './kernel/envelope.ts';
export { convertMoney, DecimalRate, ExchangeRate } from './kernel/exchange-rate.ts';
export type { IdBrand } from './kernel/ids.ts';
export {
  CampaignId,
  CommandId,
  CustomerId,
  DealId,
  EntryId,
  EventId,
  idCodec,
  ProductId,
  TicketId,
  UserId,
} from './kernel/ids.ts';
export type { MoneyError } from './kernel/money.ts';
export {
  addMoney,
  CurrencyCode,
  compareMoney,
  MinorUnits,
  Money,
  minorDigitsOf,
  multiplyMoney,
  subtractMoney,
  sumMoney,
  zeroMoney,
} from './kernel/money.ts';
export { NonEmptyString, Tag } from './kernel/text.ts';
export { CalendarDate, epochMillisOf, Instant, isBefore, millisBetween } from './kernel/time.ts';
export type { StoredEvent, Upcaster } from './kernel/upcaster.ts';
export { upcastEvent } from './kernel/upcaster.ts';
