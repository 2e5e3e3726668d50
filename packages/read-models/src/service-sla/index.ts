export { serviceSlaMigrations } from './migrations.ts';
export { serviceSlaEventTypes, serviceSlaProjection } from './projection.ts';
export type {
  BreachCounts,
  BreachedTicket,
  DurationStats,
  SlaBoardOptions,
  SlaByAssignee,
  SlaByPriority,
  SlaFigures,
} from './queries.ts';
export {
  priorities,
  slaBoardByAssignee,
  slaBoardByPriority,
  slaBoardTotals,
  slaBreachedTickets,
} from './queries.ts';
export type { ServiceSlaTables, SlaTicketTable } from './tables.ts';
