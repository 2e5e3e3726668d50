import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { crmScenario } from '@crm/command-handling/testing';
import { describe, expect, it } from 'vitest';
import { postgresCrm, useCommandHandlingDatabase } from './test-support.ts';

const database = await useCommandHandlingDatabase('ch_runner_crash');
const crm = postgresCrm(database);
const script = fileURLToPath(new URL('./policy-runner-process.ts', import.meta.url));

const start = (
  untilCaughtUp: boolean,
): { child: ChildProcess; started: Promise<void>; exited: Promise<number | null> } => {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: {
      ...process.env,
      RUNNER_DATABASE_URL: database.database.url,
      RUNNER_UNTIL_CAUGHT_UP: untilCaughtUp ? '1' : '0',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const started = new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('started')) resolve();
    });
    void exited.then((code) => reject(new Error(`the runner process exited early (${code})`)));
  });
  return { child, started, exited };
};

/** Events appended by policy commands, counted by command id. */
const policyEffects = async (): Promise<Map<string, number>> => {
  const effects = new Map<string, number>();
  for (const event of await crm.eventStore.readAll({
    filter: { streamCategories: ['customer'] },
  })) {
    const commandId = String(event.metadata.commandId);
    if (commandId.startsWith('policy.')) effects.set(commandId, (effects.get(commandId) ?? 0) + 1);
  }
  return effects;
};

describe('the policy runner on PostgreSQL, killed (SIGKILL) and restarted', () => {
  it('acts exactly once per triggering event, however often it is killed', {
    timeout: 120_000,
  }, async () => {
    const customers = 15;
    for (let n = 0; n < customers; n += 1) {
      const steps = crmScenario(`c-${n}`, `-${n}`).slice(0, 5);
      const results = await crm.run(steps);
      expect(results.every((r) => r.kind === 'accepted')).toBe(true);
    }
    // Killed at random moments while it works (the first run also reads the log from nothing).
    const progress: number[] = [];
    for (let kill = 0; kill < 4; kill += 1) {
      const runner = start(false);
      await runner.started;
      // Kill it in the middle of its work: once it has acted again, after a random moment.
      const before = progress.at(-1) ?? 0;
      for (let i = 0; i < 500 && (await policyEffects()).size <= before; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 30));
      runner.child.kill('SIGKILL');
      await runner.exited;
      progress.push((await policyEffects()).size);
    }
    // Progress was made and interrupted: some kill struck between the first and the last reaction.
    expect(
      progress.some((done) => done > 0 && done < customers * 2),
      String(progress),
    ).toBe(true);
    const last = start(true);
    const deadline = setTimeout(() => last.child.kill('SIGKILL'), 60_000);
    expect(await last.exited).toBe(0);
    clearTimeout(deadline);

    const effects = await policyEffects();
    // One opened and one won deal per customer: two reactions, each one lifecycle event.
    expect(effects.size).toBe(customers * 2);
    expect([...effects.values()].every((count) => count === 1)).toBe(true);
  });
});
