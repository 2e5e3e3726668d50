import { Command } from 'commander';
import type { DemoFlags } from '../demo/run-demo.ts';

/** `crm demo`: the whole product on a fresh machine in about a minute. */
export const demoCommand = (): Command =>
  new Command('demo')
    .description(
      'starts an embedded PostgreSQL (unless --database-url), writes a seeded 24-month CRM history through the real command handling and policy runner, projects the read models, and prints what they answer',
    )
    .option(
      '--customers <n>',
      'customers in the history (people and companies, several locales)',
      '1500',
    )
    .option('--seed <seed>', 'the same seed gives the same history', 'crm-demo')
    .option('--months <n>', 'months of history, ending this month', '24')
    .option('--concurrency <n>', 'commands in flight at once (each on its own stream)', '12')
    .option(
      '--keep',
      'keep the embedded server running after the demo (Ctrl-C stops it) to try the other commands',
    )
    .action(async (flags: DemoFlags, command: Command) => {
      // Loaded on use: the seed and the embedded server are the demo's alone.
      const { runDemo } = await import('../demo/run-demo.ts');
      await runDemo(flags, command);
    });
