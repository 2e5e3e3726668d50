export type { Interest, Product, ProductCategory } from './catalogue.ts';
export { products } from './catalogue.ts';
export { estimateCrmHistorySize } from './estimate.ts';
export type {
  CrmHistory,
  CrmHistoryFacts,
  DuplicatePair,
  WellKnownCustomer,
} from './generate-crm-history.ts';
export { generateCrmHistory } from './generate-crm-history.ts';
export type { CrmHistoryStats } from './history-stats.ts';
export { generateCrmHistoryStats } from './history-stats.ts';
export type { CrmHistoryOptions } from './options.ts';
export type { TypedPhone } from './phone-numbers.ts';
export type { CrmCommand, PolicyReactionRef, SeedAggregate, SeedCommand } from './seed-command.ts';
export type { CrmHistoryProgress } from './simulation.ts';
export type { StaffMember, Territory } from './staff.ts';
