import type { LifecycleFunnelTables } from '@crm/read-models';
import { Command } from 'commander';
import { processOutput } from '../output/output.ts';
import { loadFunnel, renderFunnel } from '../reports/funnel-report.ts';
import { withRuntime } from '../with-runtime.ts';

/** `crm funnel`: customers per lifecycle stage and the deal pipeline. */
export const funnelCommand = (): Command =>
  new Command('funnel')
    .description(
      'customers per lifecycle stage (current and furthest), conversion between stages, time in stage, and the deal pipeline',
    )
    .option('--json', 'JSON for scripts')
    .action(async (flags: { json?: boolean }, command: Command) => {
      await withRuntime(command, {}, async (runtime) => {
        const report = await loadFunnel(
          runtime.readModel<LifecycleFunnelTables>('lifecycle_funnel'),
        );
        if (flags.json === true) processOutput.json(report);
        else processOutput.result(renderFunnel(report, runtime.options.settings.reportingCurrency));
      });
    });
