import { type Kysely, type RawBuilder, sql } from 'kysely';
import { isoOf, isoOrNull } from '../projection-kit/index.ts';
import type { ServiceSlaTables, SlaTicketTable } from './tables.ts';

/** Which tickets the board covers, and the instant "overdue" is judged at. */
export interface SlaBoardOptions {
  /** Counts tickets whose clock is still running past its due instant at this instant. */
  readonly asOf?: string;
  /** Only tickets opened at or after this instant. */
  readonly openedFrom?: string;
  /** Only tickets opened before this instant. */
  readonly openedBefore?: string;
}

/** Breaches of one SLA clock. */
export interface BreachCounts {
  /** Tickets with a recorded breach of this clock. */
  readonly total: number;
  /**
   * Of those, the ones whose clock is still running: no public agent reply yet (and not closed)
   * for first response; still open for resolution.
   */
  readonly open: number;
}

/** Average and median of a duration, in minutes, over the tickets that have it. */
export interface DurationStats {
  readonly tickets: number;
  readonly averageMinutes: number | null;
  readonly medianMinutes: number | null;
}

/** One line of the SLA board. */
export interface SlaFigures {
  readonly tickets: number;
  readonly openTickets: number;
  readonly firstResponseBreaches: BreachCounts;
  readonly resolutionBreaches: BreachCounts;
  /**
   * With `asOf`: tickets past a due instant whose clock is still running, breach recorded or not
   * (the breach events come from a scheduler and may lag). `null` without `asOf`.
   */
  readonly overdue: { readonly firstResponse: number; readonly resolution: number } | null;
  /** From the opening to the first public agent reply. */
  readonly timeToFirstResponse: DurationStats;
  /** From the opening to the latest resolution, over tickets resolved or closed now. */
  readonly timeToResolution: DurationStats;
  readonly ratings: number;
  readonly averageCsat: number | null;
}

/** The board line of one priority. */
export interface SlaByPriority extends SlaFigures {
  readonly priority: SlaTicketTable['priority'];
}

/** The board line of one assignee (`null`: tickets nobody is assigned to). */
export interface SlaByAssignee extends SlaFigures {
  readonly assigneeId: string | null;
}

/** A ticket with a recorded breach, for drilling into the board. */
export interface BreachedTicket {
  readonly ticketId: string;
  readonly customerId: string;
  readonly priority: SlaTicketTable['priority'];
  readonly status: SlaTicketTable['status'];
  readonly assigneeId: string | null;
  readonly openedAt: string;
  readonly firstResponseBreachedAt: string | null;
  readonly resolutionBreachedAt: string | null;
}

/** The priorities, most urgent first: the order of the board. */
export const priorities = ['urgent', 'high', 'normal', 'low'] as const;

const minutes = (from: string, to: string): RawBuilder<number> =>
  sql<number>`extract(epoch from (${sql.ref(to)} - ${sql.ref(from)})) / 60`;

const figureColumns = (asOf: string | undefined) => {
  const firstResponse = minutes('opened_at', 'first_responded_at');
  const resolution = minutes('opened_at', 'resolved_at');
  const frRunning = sql`first_responded_at is null and status <> 'closed'`;
  return [
    sql<string>`count(*)`.as('tickets'),
    sql<string>`count(*) filter (where status = 'open')`.as('open_tickets'),
    sql<string>`count(first_response_breached_at)`.as('fr_total'),
    sql<string>`count(first_response_breached_at) filter (where ${frRunning})`.as('fr_open'),
    sql<string>`count(resolution_breached_at)`.as('res_total'),
    sql<string>`count(resolution_breached_at) filter (where status = 'open')`.as('res_open'),
    asOf === undefined
      ? sql<string | null>`null`.as('fr_overdue')
      : sql<
          string | null
        >`count(*) filter (where ${frRunning} and first_response_due_at < ${asOf}::timestamptz)`.as(
          'fr_overdue',
        ),
    asOf === undefined
      ? sql<string | null>`null`.as('res_overdue')
      : sql<
          string | null
        >`count(*) filter (where status = 'open' and resolution_due_at < ${asOf}::timestamptz)`.as(
          'res_overdue',
        ),
    sql<string>`count(first_responded_at)`.as('fr_n'),
    sql<string | null>`avg(${firstResponse})`.as('fr_avg'),
    sql<string | null>`percentile_cont(0.5) within group (order by ${firstResponse})`.as(
      'fr_median',
    ),
    sql<string>`count(resolved_at)`.as('res_n'),
    sql<string | null>`avg(${resolution})`.as('res_avg'),
    sql<string | null>`percentile_cont(0.5) within group (order by ${resolution})`.as('res_median'),
    sql<string>`count(rating)`.as('ratings'),
    sql<string | null>`avg(rating)`.as('csat'),
  ] as const;
};

interface FigureRow {
  readonly tickets: string;
  readonly open_tickets: string;
  readonly fr_total: string;
  readonly fr_open: string;
  readonly res_total: string;
  readonly res_open: string;
  readonly fr_overdue: string | null;
  readonly res_overdue: string | null;
  readonly fr_n: string;
  readonly fr_avg: string | null;
  readonly fr_median: string | null;
  readonly res_n: string;
  readonly res_avg: string | null;
  readonly res_median: string | null;
  readonly ratings: string;
  readonly csat: string | null;
}

const orNull = (value: string | number | null): number | null =>
  value === null ? null : Number(value);

const figuresOf = (row: FigureRow | undefined, withOverdue: boolean): SlaFigures => ({
  tickets: Number(row?.tickets ?? 0),
  openTickets: Number(row?.open_tickets ?? 0),
  firstResponseBreaches: { total: Number(row?.fr_total ?? 0), open: Number(row?.fr_open ?? 0) },
  resolutionBreaches: { total: Number(row?.res_total ?? 0), open: Number(row?.res_open ?? 0) },
  overdue: withOverdue
    ? { firstResponse: Number(row?.fr_overdue ?? 0), resolution: Number(row?.res_overdue ?? 0) }
    : null,
  timeToFirstResponse: {
    tickets: Number(row?.fr_n ?? 0),
    averageMinutes: orNull(row?.fr_avg ?? null),
    medianMinutes: orNull(row?.fr_median ?? null),
  },
  timeToResolution: {
    tickets: Number(row?.res_n ?? 0),
    averageMinutes: orNull(row?.res_avg ?? null),
    medianMinutes: orNull(row?.res_median ?? null),
  },
  ratings: Number(row?.ratings ?? 0),
  averageCsat: orNull(row?.csat ?? null),
});

/** An instant given to a query as a `Date`, or a `RangeError` naming the option. */
const instant = (name: string, value: string): Date => {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`${name}: "${value}" is not an instant`);
  return date;
};

const tickets = (db: Kysely<ServiceSlaTables>, options: SlaBoardOptions) => {
  const { openedFrom, openedBefore, asOf } = options;
  if (asOf !== undefined) instant('asOf', asOf);
  return db
    .selectFrom('sla_ticket')
    .$if(openedFrom !== undefined, (qb) =>
      qb.where('opened_at', '>=', instant('openedFrom', openedFrom ?? '')),
    )
    .$if(openedBefore !== undefined, (qb) =>
      qb.where('opened_at', '<', instant('openedBefore', openedBefore ?? '')),
    );
};

/**
 * The SLA board by priority (urgent first, every priority listed): open tickets, breaches of
 * each clock (open and total), tickets overdue at `asOf`, time to first response and to
 * resolution (average and median minutes), and the average CSAT.
 *
 * @example
 * const board = await slaBoardByPriority(db, { asOf: '2025-03-03T12:00:00Z' });
 */
export const slaBoardByPriority = async (
  db: Kysely<ServiceSlaTables>,
  options: SlaBoardOptions = {},
): Promise<ReadonlyArray<SlaByPriority>> => {
  const rows = await tickets(db, options)
    .select(['priority', ...figureColumns(options.asOf)])
    .groupBy('priority')
    .execute();
  return priorities.map((priority) => ({
    priority,
    ...figuresOf(
      rows.find((row) => row.priority === priority),
      options.asOf !== undefined,
    ),
  }));
};

/** The same board by assignee (the current one; `null` first for unassigned tickets). */
export const slaBoardByAssignee = async (
  db: Kysely<ServiceSlaTables>,
  options: SlaBoardOptions = {},
): Promise<ReadonlyArray<SlaByAssignee>> => {
  const rows = await tickets(db, options)
    .select(['assignee_id', ...figureColumns(options.asOf)])
    .groupBy('assignee_id')
    .orderBy(sql`assignee_id nulls first`)
    .execute();
  return rows.map((row) => ({
    assigneeId: row.assignee_id,
    ...figuresOf(row, options.asOf !== undefined),
  }));
};

/** The board over every ticket in the options, all priorities and assignees together. */
export const slaBoardTotals = async (
  db: Kysely<ServiceSlaTables>,
  options: SlaBoardOptions = {},
): Promise<SlaFigures> => {
  const row = await tickets(db, options).select(figureColumns(options.asOf)).executeTakeFirst();
  return figuresOf(row, options.asOf !== undefined);
};

/** Tickets with a recorded breach (only those whose breached clock still runs, if `openOnly`). */
export const slaBreachedTickets = async (
  db: Kysely<ServiceSlaTables>,
  options: { readonly openOnly?: boolean } = {},
): Promise<ReadonlyArray<BreachedTicket>> => {
  const rows = await db
    .selectFrom('sla_ticket')
    .selectAll()
    .where((eb) =>
      options.openOnly === true
        ? eb.or([
            eb.and([
              eb('first_response_breached_at', 'is not', null),
              eb('first_responded_at', 'is', null),
              eb('status', '<>', 'closed'),
            ]),
            eb.and([eb('resolution_breached_at', 'is not', null), eb('status', '=', 'open')]),
          ])
        : eb.or([
            eb('first_response_breached_at', 'is not', null),
            eb('resolution_breached_at', 'is not', null),
          ]),
    )
    .orderBy('opened_at')
    .orderBy('ticket_id')
    .execute();
  return rows.map((row) => ({
    ticketId: row.ticket_id,
    customerId: row.customer_id,
    priority: row.priority,
    status: row.status,
    assigneeId: row.assignee_id,
    openedAt: isoOf(row.opened_at),
    firstResponseBreachedAt: isoOrNull(row.first_response_breached_at),
    resolutionBreachedAt: isoOrNull(row.resolution_breached_at),
  }));
};
