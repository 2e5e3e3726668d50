import { type CrmHistoryOptions, resolveOptions } from './options.ts';

// Measured on generated histories (see the README): commands and events per customer grow
// with the months each customer is around for, plus campaign traffic per campaign.
const perCustomer = { base: 9, perMonth: 0.75 };
const eventsPerCommand = 1.07;

/**
 * A quick estimate of how many commands and events a history will have, without generating
 * it: good to within about 10 % (for a progress bar, or to pick `customers` for a target).
 * `generateCrmHistoryStats` gives the exact figures at the cost of one dry run.
 */
export const estimateCrmHistorySize = (
  options: CrmHistoryOptions,
): { readonly commands: number; readonly events: number } => {
  const { customers, months, campaignsPerMonth, campaignReach } = resolveOptions(options);
  const customerCommands = customers * (perCustomer.base + perCustomer.perMonth * months);
  const campaignCommands =
    campaignsPerMonth * months * (8 + Math.max(10, campaignReach * customers) * 0.9);
  const commands = Math.round(customerCommands + campaignCommands);
  return { commands, events: Math.round(commands * eventsPerCommand) };
};
