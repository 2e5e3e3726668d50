import { comparePositions, type LogPosition, logStart } from '@crm/event-store';
import { createProjectionRunner, loadCheckpoint, migrateProjectionRuntime } from '@crm/projections';
import {
  appendStreamHistories,
  categoryCountProjection,
  readRunLog,
  runLogViolations,
  sampleStreamHistories,
  schemaSnapshot,
  streamCountProjection,
} from '@crm/projections/testing';
import { useTestDatabase } from '@crm/test-database/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestSide, sleep, spawnProjector, type TestSide, waitUntil } from './test-support.ts';

const database = await useTestDatabase('crash');
let side: TestSide;

beforeAll(async () => {
  side = await openTestSide(database.url);
  await migrateProjectionRuntime(side.db);
});
afterAll(async () => {
  await side.close();
});

const names = ['category_counts', 'stream_counts'] as const;
const kills = 21;

const seeded = (seed: number): (() => number) => {
  let state = seed;
  return () => {
    state = (state * 16807) % 2147483647;
    return state / 2147483647;
  };
};

/** Whether some projection's checkpoint is short of `head`. */
const behind = async (head: LogPosition): Promise<boolean> => {
  for (const name of names) {
    const position = (await loadCheckpoint(side.db, name))?.position;
    if (position === undefined || comparePositions(position, head) < 0) return true;
  }
  return false;
};

describe('the projector, killed at random points', () => {
  it('resumes every time and ends with every table equal to a fresh rebuild', {
    timeout: 240_000,
  }, async () => {
    await appendStreamHistories(side.store, sampleStreamHistories('crash', 3000, 1));
    // The log keeps growing while the projector is killed again and again.
    let appending = true;
    const appender = (async () => {
      for (let round = 0, added = 0; appending && added < 1_000; round += 1) {
        added += await appendStreamHistories(
          side.store,
          sampleStreamHistories(`grow${round}x`, 20, 100 + round),
        );
        await sleep(250);
      }
    })();
    const random = seeded(2026);
    const killedWhileBehind: number[] = [];
    const divergences: string[] = [];
    for (let kill = 0; kill < kills; kill += 1) {
      // Every run finds work: a few hundred events more, in small batches.
      await appendStreamHistories(side.store, sampleStreamHistories(`k${kill}x`, 150, 500 + kill));
      const projector = spawnProjector(database.url, [
        '--batch-size',
        String(5 + Math.floor(random() * 20)),
        '--acquire-interval',
        '100',
        '--lag-interval',
        '60000',
      ]);
      // Now and then during start-up (migrations, taking the locks), mostly while applying.
      if (kill % 5 === 0) {
        await sleep(Math.floor(random() * 2000));
      } else {
        await waitUntil(
          () => projector.lines.some((line) => line.msg === 'projection running'),
          30_000,
          'the projector to start',
        );
        await sleep(Math.floor(random() * 500));
      }
      const head = (await side.store.readAll()).at(-1)?.position ?? logStart;
      projector.child.kill('SIGKILL');
      expect(await projector.exited).toBe('SIGKILL');
      if (await behind(head)) killedWhileBehind.push(kill);
      for (const name of names) {
        for (const violation of runLogViolations(await readRunLog(side.db, name).catch(() => []))) {
          divergences.push(`kill ${kill}, ${name}: ${violation}`);
        }
      }
    }
    appending = false;
    await appender;

    const log = await side.store.readAll();
    const head = log.at(-1)?.position ?? logStart;
    const last = spawnProjector(database.url, ['--acquire-interval', '100']);
    await waitUntil(
      async () => !(await behind(head)),
      60_000,
      'the last run to reach the head of the log',
    );
    last.child.kill('SIGTERM');
    expect(await last.exited).toBe(0);
    expect(last.stderr()).toBe('');

    for (const projection of [
      categoryCountProjection({ name: 'fresh_category_counts' }),
      streamCountProjection({ name: 'fresh_stream_counts' }),
    ]) {
      await createProjectionRunner({ db: side.db, eventStore: side.store, projection }).catchUp();
    }
    for (const name of names) {
      const runLog = await readRunLog(side.db, name);
      expect(runLogViolations(runLog)).toEqual([]);
      // Every event applied once: the committed batches add up to the log.
      expect(runLog.reduce((sum, batch) => sum + batch.events, 0)).toBe(log.length);
      expect(await schemaSnapshot(side.db, name)).toEqual(
        await schemaSnapshot(side.db, `fresh_${name}`),
      );
      expect((await loadCheckpoint(side.db, name))?.status).toBe('stopped');
    }
    expect(divergences).toEqual([]);
    expect(killedWhileBehind.length).toBeGreaterThanOrEqual(kills / 2);
    expect(kills).toBeGreaterThanOrEqual(20);
    console.info(
      `crash test: ${kills} SIGKILLs over a log of ${log.length} events, ` +
        `${killedWhileBehind.length} of them while it was behind the log (applying); ` +
        `divergences: ${divergences.length}`,
    );
  });
});
