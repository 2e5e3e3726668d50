export {
  EmailAddress,
  normaliseEmail,
  normalisePhone,
  PhoneE164,
  PhoneRegion,
} from './contact.ts';
export type { Command, Decider } from './decider.ts';
export { fold } from './decider.ts';
export { decodeByType, decodeWith } from './decode.ts';
export type {
  CurrencyMismatch,
  DomainError,
  InvalidEmailAddress,
  InvalidInput,
  InvalidPhoneNumber,
  KernelError,
  MoneyOutOfRange,
} from './domain-error.ts';
export { currencyMismatch, moneyOutOfRange } from './domain-error.ts';
export type { EventEnvelope, VersionedEvent } from './envelope.ts';
export { Actor, EventMetadata, eventEnvelopeCodec, Role } from './envelope.ts';
export { convertMoney, DecimalRate, ExchangeRate } from './exchange-rate.ts';
export type { IdBrand } from './ids.ts';
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
} from './ids.ts';
export type { MoneyError } from './money.ts';
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
} from './money.ts';
export { NonEmptyString, Tag } from './text.ts';
export { CalendarDate, epochMillisOf, Instant, isBefore, millisBetween } from './time.ts';
export type { StoredEvent, Upcaster } from './upcaster.ts';
export { upcastEvent } from './upcaster.ts';
