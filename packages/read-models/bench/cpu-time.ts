import { readdirSync, readFileSync } from 'node:fs';

// Clock ticks per second of /proc/<pid>/stat times (USER_HZ, 100 on Linux).
const ticksPerSecond = 100;

/**
 * CPU seconds used so far by every PostgreSQL process of the machine (Linux `/proc`): each
 * process's own user and system time, plus what its exited children used (so the sessions a
 * pool closed still count, through the postmaster). `undefined` where there is no `/proc`.
 */
export const postgresCpuSeconds = (): number | undefined => {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return undefined;
  }
  let ticks = 0;
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    if (!stat.includes('(postgres)')) continue;
    // Fields after the command name: state is field 3, utime 14 … cstime 17.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    for (const index of [11, 12, 13, 14]) ticks += Number(fields[index] ?? 0);
  }
  return ticks / ticksPerSecond;
};

/** CPU seconds (user + system) of this Node process so far, all its threads. */
export const nodeCpuSeconds = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};
