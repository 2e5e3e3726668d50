/**
 * How often and how patiently a command is retried after a wrong-expected-revision conflict:
 * at most `maxAttempts` decisions in all, waiting a random time between 0 and
 * `min(maxDelayMs, baseDelayMs × 2^attempt)` before each retry ("full jitter"), so writers
 * that collided once spread out instead of colliding again.
 */
export interface RetryPolicy {
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

/** Ten decisions at most, waiting up to 5 ms, 10 ms, 20 ms … capped at 250 ms. */
export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 10, baseDelayMs: 5, maxDelayMs: 250 };

/** The wait before retry number `attempt` (0 for the first retry); `random` returns [0, 1). */
export const backoffDelay = (
  policy: RetryPolicy,
  attempt: number,
  random: () => number = Math.random,
): number => Math.floor(random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt));

/** Resolves after `ms` milliseconds. */
export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });
