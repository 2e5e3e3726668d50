import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { runCrm } from './test-support/run-crm.ts';

describe('crm demo with nothing but Node', () => {
  it('starts its own PostgreSQL, shows the product working, and stops the server it started', async () => {
    const run = await runCrm(['demo', '--customers', '50'], { timeoutMs: 240_000 });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('Starting an embedded PostgreSQL 18');
    expect(run.stdout).toMatch(/A customer calls from .+ — who is it\?/);
    for (const heading of [
      '360° view',
      'Lifecycle funnel',
      'Profit tiers',
      'Campaign ROI',
      'Sales forecast',
    ]) {
      expect(run.stdout).toContain(heading);
    }
    expect(run.stdout).toMatch(/Demo done in [\d.]+ s\./);
    expect(run.stderr).toContain('Stopping the embedded PostgreSQL');
    const host = /ready on (127\.0\.0\.1:\d+)/.exec(run.stderr)?.[1];
    expect(host).toBeDefined();
    const client = new pg.Client({
      connectionString: `postgres://postgres:postgres@${host}/postgres`,
      connectionTimeoutMillis: 3_000,
    });
    await expect(client.connect()).rejects.toThrow(/ECONNREFUSED/);
  });
});
