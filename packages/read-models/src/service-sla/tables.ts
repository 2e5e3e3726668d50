import type { AppliedPositionTable, ColumnKinds, Timestamptz } from '../projection-kit/index.ts';

/** One row per ticket: its SLA clocks and where it stands now. */
export interface SlaTicketTable {
  ticket_id: string;
  customer_id: string;
  /** The current priority (a change recomputes both due instants from the opening). */
  priority: 'low' | 'normal' | 'high' | 'urgent';
  category: string;
  channel: string;
  status: 'open' | 'resolved' | 'closed';
  assignee_id: string | null;
  level: number;
  escalations: number;
  reopenings: number;
  opened_at: Timestamptz;
  first_response_due_at: Timestamptz;
  resolution_due_at: Timestamptz;
  /** The first public reply by an agent. */
  first_responded_at: Timestamptz | null;
  /** The latest resolution; `null` while (re)opened. */
  resolved_at: Timestamptz | null;
  closed_at: Timestamptz | null;
  /** When the breach of each clock was recorded (`null`: not breached). */
  first_response_breached_at: Timestamptz | null;
  resolution_breached_at: Timestamptz | null;
  /** CSAT 1–5 the customer gave the ticket. */
  rating: number | null;
}

/** The tables of the service SLA board. */
export interface ServiceSlaTables {
  sla_ticket: SlaTicketTable;
  applied_position: AppliedPositionTable;
}

/** The column types of `sla_ticket`, for bulk writes. */
export const slaTicketKinds: ColumnKinds<SlaTicketTable> = {
  ticket_id: 'text',
  customer_id: 'text',
  priority: 'text',
  category: 'text',
  channel: 'text',
  status: 'text',
  assignee_id: 'text',
  level: 'int2',
  escalations: 'int4',
  reopenings: 'int4',
  opened_at: 'timestamptz',
  first_response_due_at: 'timestamptz',
  resolution_due_at: 'timestamptz',
  first_responded_at: 'timestamptz',
  resolved_at: 'timestamptz',
  closed_at: 'timestamptz',
  first_response_breached_at: 'timestamptz',
  resolution_breached_at: 'timestamptz',
  rating: 'int2',
};
