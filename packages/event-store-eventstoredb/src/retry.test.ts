import { describe, expect, it } from 'vitest';
import { backoffDelay, withRetry } from './retry.ts';

const policy = { attempts: 3, baseDelayMs: 1, maxDelayMs: 4 };

describe('withRetry', () => {
  it('repeats a retryable failure up to the number of attempts, then rethrows', async () => {
    let calls = 0;
    const failing = () => {
      calls += 1;
      return Promise.reject(new Error(`attempt ${calls}`));
    };
    await expect(withRetry(failing, () => true, policy)).rejects.toThrow('attempt 3');
    expect(calls).toBe(3);
  });

  it('stops at the first success, and never repeats what is not retryable', async () => {
    let calls = 0;
    const flaky = () => (++calls < 2 ? Promise.reject(new Error('flaky')) : Promise.resolve(calls));
    expect(await withRetry(flaky, () => true, policy)).toBe(2);
    calls = 0;
    await expect(withRetry(flaky, () => false, policy)).rejects.toThrow('flaky');
    expect(calls).toBe(1);
  });
});

describe('backoffDelay', () => {
  it('is jittered below an exponential ceiling capped at maxDelayMs', () => {
    const big = { attempts: 9, baseDelayMs: 100, maxDelayMs: 1000 };
    for (let retry = 0; retry < 8; retry += 1) {
      for (let sample = 0; sample < 50; sample += 1) {
        const delay = backoffDelay(retry, big);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThanOrEqual(Math.min(1000, 100 * 2 ** retry));
      }
    }
  });
});
