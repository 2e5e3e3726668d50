import { comparePositions, logStart } from '@crm/event-store';
import {
  createProjectionRunner,
  loadCheckpoint,
  migrateProjectionRuntime,
  ownerPidOf,
} from '@crm/projections';
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
import {
  openTestSide,
  type ProjectorProcess,
  sleep,
  spawnProjector,
  type TestSide,
  waitUntil,
} from './test-support.ts';

const database = await useTestDatabase('takeover');
let side: TestSide;

beforeAll(async () => {
  side = await openTestSide(database.url);
  await migrateProjectionRuntime(side.db);
});
afterAll(async () => {
  await side.close();
});

const names = ['category_counts', 'stream_counts'] as const;

const start = (instanceId: string): ProjectorProcess =>
  // The default acquire interval (1 s): the takeover time measured is the one production gets.
  spawnProjector(database.url, ['--instance-id', instanceId, '--lag-interval', '1000']);

const ownersAre = async (instanceId: string): Promise<boolean> => {
  for (const name of names) {
    if ((await loadCheckpoint(side.db, name))?.owner !== instanceId) return false;
  }
  return true;
};

const lockHolders = async (): Promise<ReadonlyArray<number | undefined>> =>
  Promise.all(names.map((name) => ownerPidOf(side.db, name)));

describe('two projector processes', () => {
  it('never run the same projection at once, and the survivor takes over a killed owner', async () => {
    await appendStreamHistories(side.store, sampleStreamHistories('take', 1000, 3));
    let appending = true;
    const appender = (async () => {
      for (let round = 0; appending; round += 1) {
        await appendStreamHistories(
          side.store,
          sampleStreamHistories(`more${round}x`, 20, 50 + round),
        );
        await sleep(100);
      }
    })();

    const a = start('instance-a');
    await waitUntil(() => ownersAre('instance-a'), 30_000, 'a to own both projections');
    const b = start('instance-b');
    await waitUntil(
      () => b.lines.some((line) => line.msg === 'projector started'),
      30_000,
      'b to start',
    );
    // b stands by: a keeps both, and b says so in its lag lines.
    await waitUntil(
      () => b.lines.some((line) => line.msg === 'owned by other instances'),
      10_000,
      'b to report standing by',
    );
    expect(await ownersAre('instance-a')).toBe(true);
    const heldByA = await lockHolders();

    const killedAt = Date.now();
    a.child.kill('SIGKILL');
    await a.exited;
    await waitUntil(
      async () => {
        const holders = await lockHolders();
        return holders.every((pid, index) => pid !== undefined && pid !== heldByA[index]);
      },
      15_000,
      'b to hold both locks',
    );
    const lockedMs = Date.now() - killedAt;
    await waitUntil(() => ownersAre('instance-b'), 15_000, 'b to run both projections');
    const runningMs = Date.now() - killedAt;

    // A restarted a stands by; a clean stop of b hands everything back to it.
    const a2 = start('instance-a2');
    await waitUntil(
      () => a2.lines.some((line) => line.msg === 'owned by other instances'),
      30_000,
      'a2 to report standing by',
    );
    expect(await ownersAre('instance-b')).toBe(true);
    const handedAt = Date.now();
    b.child.kill('SIGTERM');
    expect(await b.exited).toBe(0);
    await waitUntil(() => ownersAre('instance-a2'), 15_000, 'a2 to take over');
    const handoverMs = Date.now() - handedAt;

    appending = false;
    await appender;
    const log = await side.store.readAll();
    const head = log.at(-1)?.position ?? logStart;
    await waitUntil(
      async () => {
        for (const name of names) {
          const position = (await loadCheckpoint(side.db, name))?.position;
          if (position === undefined || comparePositions(position, head) < 0) return false;
        }
        return true;
      },
      30_000,
      'a2 to reach the head',
    );
    a2.child.kill('SIGTERM');
    expect(await a2.exited).toBe(0);

    for (const projection of [
      categoryCountProjection({ name: 'fresh_category_counts' }),
      streamCountProjection({ name: 'fresh_stream_counts' }),
    ]) {
      await createProjectionRunner({ db: side.db, eventStore: side.store, projection }).catchUp();
    }
    for (const name of names) {
      const runLog = await readRunLog(side.db, name);
      // Three owners one after the other, never two sessions interleaved.
      expect(runLogViolations(runLog)).toEqual([]);
      expect(new Set(runLog.map((batch) => batch.session)).size).toBe(3);
      expect(runLog.reduce((sum, batch) => sum + batch.events, 0)).toBe(log.length);
      expect(await schemaSnapshot(side.db, name)).toEqual(
        await schemaSnapshot(side.db, `fresh_${name}`),
      );
    }
    console.info(
      `takeover test: after SIGKILL of the owner, the standby held the locks in ${lockedMs} ms ` +
        `and ran both projections in ${runningMs} ms; after SIGTERM, handed over in ${handoverMs} ms`,
    );
  });
});
