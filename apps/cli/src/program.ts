import { Command } from 'commander';
import { asOfCommand } from './commands/as-of.ts';
import { campaignsCommand } from './commands/campaigns.ts';
import { customerCommand } from './commands/customer.ts';
import { demoCommand } from './commands/demo.ts';
import { forecastCommand } from './commands/forecast.ts';
import { funnelCommand } from './commands/funnel.ts';
import { historyCommand } from './commands/history.ts';
import { importCommand } from './commands/import.ts';
import { rebuildCommand } from './commands/rebuild.ts';
import { slaCommand } from './commands/sla.ts';
import { stateCommand } from './commands/state.ts';
import { statusCommand } from './commands/status.ts';
import { tiersCommand } from './commands/tiers.ts';
import { verifyCommand } from './commands/verify.ts';
import { addGlobalOptions } from './global-options.ts';

/** The `crm` program: every command, the shared options, help grouped as a user meets them. */
export const crmProgram = (): Command => {
  const program = addGlobalOptions(
    new Command('crm')
      .description(
        'The event-sourced CRM core: the demo, audit replays, rebuilds, read-model queries and CSV import.',
      )
      .version('0.1.0')
      .showSuggestionAfterError(true),
  );
  for (const command of [
    demoCommand(),
    historyCommand(),
    stateCommand(),
    asOfCommand(),
    verifyCommand(),
    rebuildCommand(),
    statusCommand(),
    customerCommand(),
    funnelCommand(),
    tiersCommand(),
    campaignsCommand(),
    forecastCommand(),
    slaCommand(),
    importCommand(),
  ]) {
    program.addCommand(command);
  }
  return program;
};
