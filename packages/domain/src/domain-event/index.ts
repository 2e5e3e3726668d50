export type { AggregateName, DomainEvent } from './domain-event.ts';
export { aggregateOfEventType, decodeDomainEvent } from './domain-event.ts';
