import { type CrmHistoryOptions, resolveOptions } from './options.ts';

// Commands per customer by length of history, measured with the default options (1,000 to
// 5,000 customers; the figure barely moves with the number of customers). In between, linear.
const commandsPerCustomer: ReadonlyArray<readonly [number, number]> = [
  [2, 7.9],
  [3, 8.7],
  [6, 11.2],
  [12, 14],
  [18, 15.2],
  [24, 16.7],
  [36, 19.6],
  [48, 21.2],
  [60, 22.1],
  [120, 25.2],
];

// Of which campaign traffic (plans, members, responses, costs), per customer and month.
const campaignCommandsPerCustomerMonth = 0.075;

const interpolate = (months: number): number => {
  for (let i = 1; i < commandsPerCustomer.length; i += 1) {
    const [m1, c1] = commandsPerCustomer[i] as readonly [number, number];
    const [m0, c0] = commandsPerCustomer[i - 1] as readonly [number, number];
    if (months <= m1) return c0 + ((c1 - c0) * (months - m0)) / (m1 - m0);
  }
  return (commandsPerCustomer.at(-1) as readonly [number, number])[1];
};

/**
 * A quick estimate of how many commands and events a history will have, without generating
 * it — within about 10 % with the default campaign settings, rougher when they change. For a
 * progress bar, or to pick `customers` for a target number of events; `generateCrmHistoryStats`
 * gives the exact figures at the cost of one dry run.
 *
 * @example
 * estimateCrmHistorySize({ seed: 1, customers: 60_000, months: 24, startAt: '2024-01-01' });
 * // { commands: ~1,000,000, events: ~990,000 }
 */
export const estimateCrmHistorySize = (
  options: CrmHistoryOptions,
): { readonly commands: number; readonly events: number } => {
  const { customers, months, campaignsPerMonth, campaignReach } = resolveOptions(options);
  const campaigns = campaignCommandsPerCustomerMonth * months;
  const campaignScale = (campaignsPerMonth / 2) * Math.min(3, campaignReach / 0.06);
  const perCustomer = interpolate(months) - campaigns + campaigns * campaignScale;
  const commands = Math.round(customers * perCustomer);
  // A few commands record two events (a late reply and its SLA breach); policy reactions
  // already in effect record none, and there are more of those the longer the history.
  return { commands, events: Math.round(commands * (1 - 0.00035 * months)) };
};
