export type {
  ProjectedEvent,
  Projection,
  ReadModelDatabase,
  ReportingSettings,
} from './projection.ts';
