import type { CampaignPerformanceTables } from '@crm/read-models';
import { Command } from 'commander';
import { processOutput } from '../output/output.ts';
import { loadCampaigns, renderCampaigns } from '../reports/campaigns-report.ts';
import { withRuntime } from '../with-runtime.ts';

/** `crm campaigns`: each campaign's funnel, sourced deals, attributed profit, cost and ROI. */
export const campaignsCommand = (): Command =>
  new Command('campaigns')
    .description(
      'campaign performance: members, conversions, sourced deals, attributed profit, cost and ROI',
    )
    .option('--json', 'JSON for scripts')
    .action(async (flags: { json?: boolean }, command: Command) => {
      await withRuntime(command, {}, async (runtime) => {
        const campaigns = await loadCampaigns(
          runtime.readModel<CampaignPerformanceTables>('campaign_performance'),
        );
        if (flags.json === true) processOutput.json(campaigns);
        else
          processOutput.result(
            renderCampaigns(campaigns, runtime.options.settings.reportingCurrency),
          );
      });
    });
