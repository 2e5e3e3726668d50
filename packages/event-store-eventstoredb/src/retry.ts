import { setTimeout as sleep } from 'node:timers/promises';

/** How often and how patiently a safe operation is retried after a transient failure. */
export interface RetryPolicy {
  /** Attempts in all, the first included (1 disables retries). */
  readonly attempts: number;
  /** The backoff ceiling for the first retry; it doubles per retry up to `maxDelayMs`. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

/** Three attempts within about a second and a half at worst. */
export const defaultRetryPolicy: RetryPolicy = Object.freeze({
  attempts: 3,
  baseDelayMs: 100,
  maxDelayMs: 1000,
});

/** "Full jitter": a uniform delay up to the exponential ceiling, so retries do not stampede. */
export const backoffDelay = (retry: number, policy: RetryPolicy): number =>
  Math.random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);

/**
 * Runs `operation`, repeating it after a jittered backoff while it fails with an error
 * `retryable` accepts, at most `policy.attempts` times in all; the last error is rethrown.
 */
export const withRetry = async <T>(
  operation: () => Promise<T>,
  retryable: (error: unknown) => boolean,
  policy: RetryPolicy,
): Promise<T> => {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await operation();
    } catch (error) {
      if (attempt >= policy.attempts || !retryable(error)) throw error;
      await sleep(backoffDelay(attempt - 1, policy));
    }
  }
};
