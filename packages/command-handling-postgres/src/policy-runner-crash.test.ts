import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { crmScenario } from '@crm/command-handling/testing';
import { describe, expect, it } from 'vitest';
import { postgresCrm, useCommandHandlingDatabase } from './test-support.ts';

const database = await useCommandHandlingDatabase('ch_runner_crash');
const crm = postgresCrm(database);
const script = fileURLToPath(new URL('./policy-runner-process.ts', import.meta.url));

const start = (untilCaughtUp: boolean): { child: ChildProcess; started: Promise<void>; exited: Promise<number | null> } => {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: {
      ...process.env,
      RUNNER_DATABASE_URL: database.database.url,
      RUNNER_UNTIL_CAUGHT_UP: untilCaughtUp ? '1' : '0',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const started = new Promise<void>((resolve) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('started')) resolve();
    });
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, started, exited };
};

describe('the policy runner on PostgreSQL, killed (SIGKILL) and restarted', () => {
  it('acts exactly once per triggering event, however often it is killed', { timeout: 120_000 }, async () => {
    const customers = 15;
    for (let n = 0; n < customers; n += 1) {
      const steps = crmScenario(`c-${n}`, `-${n}`).slice(0, 5);
      const results = await crm.run(steps);
      expect(results.every((r) => r.kind === 'accepted')).toBe(true);
    }
    // Killed at random moments while it works (the first run also reads the log from nothing).
    for (let kill = 0; kill < 4; kill += 1) {
      const runner = start(false);
      await runner.started;
      await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 200));
      runner.child.kill('SIGKILL');
      await runner.exited;
    }
    const last = start(true);
    expect(await last.exited).toBe(0);

    const effects = new Map<string, number>();
    for (const event of await crm.eventStore.readAll({ filter: { streamCategories: ['customer'] } })) {
      const commandId = String(event.metadata.commandId);
      if (commandId.startsWith('policy.')) effects.set(commandId, (effects.get(commandId) ?? 0) + 1);
    }
    // One opened and one won deal per customer: two reactions, each one lifecycle event.
    expect(effects.size).toBe(customers * 2);
    expect([...effects.values()].every((count) => count === 1)).toBe(true);
  });
});
