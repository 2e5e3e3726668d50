import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeLeftoverServers, serverDirectoryPrefix } from './leftover-servers.ts';

/** A server directory as a run would leave it, with `pid` in its postmaster.pid. */
const fakeServerDirectory = (pid: number, ageMs: number): string => {
  const root = mkdtempSync(join(tmpdir(), serverDirectoryPrefix));
  mkdirSync(join(root, 'data-1'));
  writeFileSync(join(root, 'data-1', 'postmaster.pid'), `${pid}\n/data\n`);
  const then = (Date.now() - ageMs) / 1000;
  utimesSync(root, then, then);
  return root;
};

describe('leftover servers', () => {
  it('removes the directory of a server that is gone, keeps a live one and a young one', () => {
    const dead = fakeServerDirectory(2 ** 22 + 12_345, 600_000);
    const live = fakeServerDirectory(process.pid, 600_000);
    const young = fakeServerDirectory(2 ** 22 + 12_345, 1_000);
    removeLeftoverServers();
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(live)).toBe(true);
    expect(existsSync(young)).toBe(true);
    removeLeftoverServers(0);
    expect(existsSync(young)).toBe(false);
  });

  it('a process that exits without stop() takes its server and directory with it', () => {
    const script = `(async () => {
      const { startEmbeddedPostgres } = await import('./src/embedded-postgres-server.ts');
      const { default: pg } = await import('pg');
      const server = await startEmbeddedPostgres();
      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      const { rows } = await client.query('SHOW data_directory');
      await client.end();
      console.log(rows[0].data_directory);
      process.exit(0);
    })()`;
    const output = execFileSync('npx', ['tsx', '--eval', script], {
      cwd: join(import.meta.dirname, '..'),
      encoding: 'utf8',
    });
    const dataDirectory = output.trim().split('\n').pop() ?? '';
    expect(dataDirectory).toContain(serverDirectoryPrefix);
    expect(existsSync(join(dataDirectory, '..'))).toBe(false);
  });
});
