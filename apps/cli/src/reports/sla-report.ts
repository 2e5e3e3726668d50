import {
  type ServiceSlaTables,
  type SlaByPriority,
  type SlaFigures,
  slaBoardByPriority,
  slaBoardTotals,
} from '@crm/read-models';
import type { Kysely } from 'kysely';
import { count, decimal } from '../output/format.ts';
import { renderTable } from '../output/table.ts';

export interface SlaReport {
  readonly asOf: string;
  readonly totals: SlaFigures;
  readonly byPriority: ReadonlyArray<SlaByPriority>;
}

export const loadSla = async (db: Kysely<ServiceSlaTables>, asOf: string): Promise<SlaReport> => ({
  asOf,
  totals: await slaBoardTotals(db, { asOf }),
  byPriority: await slaBoardByPriority(db, { asOf }),
});

const hours = (minutes: number | null): string =>
  minutes === null ? '–' : `${decimal(minutes / 60, 1)} h`;

/** The SLA board: per priority and in all, breaches, overdue, times to respond and resolve. */
export const renderSla = (report: SlaReport): string => {
  const line = (name: string, f: SlaFigures) => [
    name,
    count(f.tickets),
    count(f.openTickets),
    `${count(f.firstResponseBreaches.total)} (${count(f.firstResponseBreaches.open)} open)`,
    `${count(f.resolutionBreaches.total)} (${count(f.resolutionBreaches.open)} open)`,
    f.overdue === null ? '–' : `${count(f.overdue.firstResponse)} / ${count(f.overdue.resolution)}`,
    hours(f.timeToFirstResponse.medianMinutes),
    hours(f.timeToResolution.medianMinutes),
    decimal(f.averageCsat, 2),
  ];
  return `Service SLA board as of ${report.asOf}\n${renderTable({
    head: [
      'priority',
      'tickets',
      'open',
      'first-response breaches',
      'resolution breaches',
      'overdue now',
      'median 1st reply',
      'median resolution',
      'CSAT',
    ],
    right: [1, 2, 3, 4, 5, 6, 7, 8],
    rows: [...report.byPriority.map((p) => line(p.priority, p)), line('all', report.totals)],
  })}`;
};
