import { parseInstant } from '@crm/audit';
import type { ServiceSlaTables } from '@crm/read-models';
import { Command } from 'commander';
import { processOutput } from '../output/output.ts';
import { loadSla, renderSla } from '../reports/sla-report.ts';
import { withRuntime } from '../with-runtime.ts';

/** `crm sla`: the service SLA board. */
export const slaCommand = (): Command =>
  new Command('sla')
    .description(
      'service SLA board: tickets, breaches, overdue clocks, response and resolution times, CSAT by priority',
    )
    .option('--as-of <instant>', 'instant overdue clocks are judged at (default: now)')
    .option('--json', 'JSON for scripts')
    .action(async (flags: { asOf?: string; json?: boolean }, command: Command) => {
      const asOf =
        flags.asOf === undefined
          ? new Date().toISOString()
          : parseInstant(flags.asOf, 'as-of').instant;
      await withRuntime(command, {}, async (runtime) => {
        const report = await loadSla(runtime.readModel<ServiceSlaTables>('service_sla'), asOf);
        if (flags.json === true) processOutput.json(report);
        else processOutput.result(renderSla(report));
      });
    });
