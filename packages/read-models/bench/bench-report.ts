import Table from 'cli-table3';
import type { LatencyFigures, LookupResult } from './phone-lookups.ts';
import type { ProjectionTiming, RebuildResult } from './rebuild.ts';
import type { LogFacts } from './seeded-log.ts';

/** Targets of issue 7, item 5. */
export const targets = { rebuildRatio: 0.4, lookupP99Ratio: 3 } as const;

/** Everything one run measured. */
export interface BenchReport {
  readonly facts: Readonly<Record<string, string>>;
  readonly rebuild:
    | {
        readonly log: LogFacts;
        /** Raw 100-row INSERT rows per second, before and after the rebuild. */
        readonly rawBefore: number;
        readonly rawAfter: number;
        readonly together: RebuildResult;
        readonly alone: ReadonlyArray<ProjectionTiming>;
      }
    | undefined;
  readonly lookup: (LookupResult & { readonly log: LogFacts }) | undefined;
}

const whole = (n: number): string => Math.round(n).toLocaleString('en');
const verdict = (met: boolean): string => (met ? 'met' : 'MISSED');
const ms = (n: number): string => n.toFixed(2);

const rebuildTables = (rebuild: NonNullable<BenchReport['rebuild']>): string[] => {
  const { log, together, alone } = rebuild;
  const raw = (rebuild.rawBefore + rebuild.rawAfter) / 2;
  const rate = log.events / together.seconds;
  const summary = new Table({
    head: [
      '(a) Measurement',
      'Events',
      'Seconds',
      'Events/s',
      'Raw 100-row INSERT rows/s',
      'Ratio',
      'Target',
      '',
    ],
  });
  summary.push([
    `Rebuild all ${together.projections.length} read models side by side`,
    whole(log.events),
    together.seconds.toFixed(1),
    whole(rate),
    `${whole(raw)} (${whole(rebuild.rawBefore)} before, ${whole(rebuild.rawAfter)} after)`,
    (rate / raw).toFixed(2),
    `≥ ${targets.rebuildRatio}`,
    verdict(rate / raw >= targets.rebuildRatio),
  ]);
  const perProjection = new Table({
    head: [
      'Projection',
      'Events of its types',
      'Side by side: done after (s)',
      'Alone (s)',
      'Alone: log events/s',
      'Alone: ratio to raw',
      'Alone: in apply or fold',
    ],
  });
  const names = [...new Set([...together.projections, ...alone].map((t) => t.name))];
  for (const name of names) {
    const timing = together.projections.find((t) => t.name === name);
    const own = alone.find((a) => a.name === name);
    perProjection.push([
      name,
      whole(timing?.events ?? own?.events ?? 0),
      timing === undefined ? '' : timing.seconds.toFixed(1),
      own === undefined ? '' : own.seconds.toFixed(1),
      own === undefined ? '' : whole(log.events / own.seconds),
      own === undefined ? '' : (log.events / own.seconds / raw).toFixed(2),
      own === undefined ? '' : `${Math.round((100 * own.applySeconds) / own.seconds)} %`,
    ]);
  }
  const perEvent = (seconds: number): string => `${((1e6 * seconds) / log.events).toFixed(0)} µs`;
  const cpu = new Table({
    head: ['(a) CPU during the side-by-side rebuild', 'CPU seconds', 'Per event', 'Cores busy'],
  });
  cpu.push([
    'This Node process (all threads)',
    together.nodeCpuSeconds.toFixed(1),
    perEvent(together.nodeCpuSeconds),
    (together.nodeCpuSeconds / together.seconds).toFixed(2),
  ]);
  if (together.postgresCpuSeconds !== undefined) {
    cpu.push([
      'PostgreSQL (every server process)',
      together.postgresCpuSeconds.toFixed(1),
      perEvent(together.postgresCpuSeconds),
      (together.postgresCpuSeconds / together.seconds).toFixed(2),
    ]);
  }
  return [summary.toString(), perProjection.toString(), cpu.toString()];
};

const latencyRow = (name: string, f: LatencyFigures, rawP99: number, target: boolean): string[] => [
  name,
  whole(f.count),
  ms(f.p50),
  ms(f.p95),
  ms(f.p99),
  ms(f.mean),
  (f.p99 / rawP99).toFixed(2),
  target ? `≤ ${targets.lookupP99Ratio}` : '',
  target ? verdict(f.p99 / rawP99 <= targets.lookupP99Ratio) : '',
];

const lookupTable = (lookup: NonNullable<BenchReport['lookup']>): string => {
  const table = new Table({
    head: [
      '(b) Measurement',
      'Look-ups',
      'p50 (ms)',
      'p95 (ms)',
      'p99 (ms)',
      'Mean (ms)',
      'p99 × raw p99',
      'Target',
      '',
    ],
  });
  const rawP99 = lookup.rawById.p99;
  table.push(
    latencyRow(
      `customer360ByPhone among ${whole(lookup.customers)} customer rows`,
      lookup.byPhone,
      rawP99,
      true,
    ),
    latencyRow('raw SELECT * … WHERE customer_id = $1 (same table)', lookup.rawById, rawP99, false),
  );
  return table.toString();
};

/** Prints the report: JSON, or the facts and tables. */
export const printReport = (report: BenchReport, json: boolean): void => {
  if (json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  const lines = Object.entries(report.facts).map(([key, value]) => `${key}: ${value}`);
  if (report.rebuild !== undefined) {
    const { log } = report.rebuild;
    lines.push(
      `(a) log: ${whole(log.events)} events from ${whole(log.commands)} commands, ${whole(log.customers)} registrations, written in ${log.seconds.toFixed(0)} s`,
      ...rebuildTables(report.rebuild),
    );
  }
  if (report.lookup !== undefined) {
    const { log } = report.lookup;
    lines.push(
      `(b) log: ${whole(log.events)} events from ${whole(log.commands)} commands, ${whole(log.customers)} registrations, written in ${log.seconds.toFixed(0)} s; misses: ${report.lookup.misses}`,
      lookupTable(report.lookup),
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
};
