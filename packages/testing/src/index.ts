export type { DeciderLawsInput } from './decider-laws.ts';
export { deciderLaws } from './decider-laws.ts';
export type {
  DeciderSpecification,
  DeciderThen,
  DeciderWhen,
} from './decider-specification.ts';
export { deciderSpecification } from './decider-specification.ts';
export type { DecidedHistory } from './history.ts';
export { historyArbitrary, historyFrom } from './history.ts';
export {
  calendarDateArbitrary,
  currencyArbitrary,
  emailArbitrary,
  eventMetadataArbitrary,
  idFrom,
  instantArbitrary,
  moneyArbitrary,
  phoneArbitrary,
  phoneSamples,
  roleArbitrary,
  tagArbitrary,
  textArbitrary,
  userIdArbitrary,
} from './kernel-arbitraries.ts';
