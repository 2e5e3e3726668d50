import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** What one run of the CLI gave. */
export interface CrmRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const bin = fileURLToPath(new URL('../../bin/crm.mjs', import.meta.url));

/**
 * Runs `crm` as a user would: a child process through the package's bin, with the given
 * arguments and environment (DATABASE_URL and friends removed unless given, so a test says
 * which database it means).
 */
export const runCrm = (
  args: ReadonlyArray<string>,
  options: {
    readonly env?: Readonly<Record<string, string>>;
    readonly cwd?: string;
    readonly timeoutMs?: number;
  } = {},
): Promise<CrmRun> =>
  new Promise((resolve, reject) => {
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) {
      if (
        value !== undefined &&
        !['DATABASE_URL', 'EVENTSTORE_CONNECTION_STRING', 'LOG_LEVEL', 'LOG_FILE'].includes(key)
      ) {
        env[key] = value;
      }
    }
    const child = spawn(process.execPath, [bin, ...args], {
      env: { ...env, ...options.env },
      cwd: options.cwd ?? process.cwd(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
