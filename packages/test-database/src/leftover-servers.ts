import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Every embedded server's directory is `<tmpdir>/crm-test-pg-<random>`. */
export const serverDirectoryPrefix = 'crm-test-pg-';

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** The postmaster's pid from `postmaster.pid` under `root`, if a server is (or was) running. */
const postmasterPid = (root: string): number | undefined => {
  for (const entry of readdirSync(root)) {
    try {
      const pid = Number(readFileSync(join(root, entry, 'postmaster.pid'), 'utf8').split('\n')[0]);
      if (Number.isInteger(pid) && pid > 0) return pid;
    } catch {
      // no server in that directory
    }
  }
  return undefined;
};

/**
 * Stops the server under `root` at once (SIGQUIT: immediate shutdown, no checkpoint) and
 * deletes the directory, synchronously: for `process.on('exit')`, where nothing async runs.
 */
export const destroyServerNow = (root: string): void => {
  try {
    const pid = postmasterPid(root);
    if (pid !== undefined && isAlive(pid)) process.kill(pid, 'SIGQUIT');
  } catch {
    // already gone
  }
  rmSync(root, { recursive: true, force: true });
};

/**
 * Removes what runs that died without their teardown left behind (a killed test runner): the
 * directories of servers that are no longer running, once they are old enough not to be a
 * server still starting up.
 */
export const removeLeftoverServers = (minimumAgeMs = 120_000): void => {
  const directory = tmpdir();
  for (const entry of readdirSync(directory)) {
    if (!entry.startsWith(serverDirectoryPrefix)) continue;
    const root = join(directory, entry);
    try {
      if (Date.now() - statSync(root).mtimeMs < minimumAgeMs) continue;
      const pid = postmasterPid(root);
      if (pid === undefined || !isAlive(pid)) rmSync(root, { recursive: true, force: true });
    } catch {
      // another process is cleaning it up, or it is not ours to read
    }
  }
};
