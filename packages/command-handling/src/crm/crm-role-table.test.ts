import type { Role } from '@crm/domain';
import { describe, expect, it } from 'vitest';
import { scopeOf } from '../authorisation/role-table.ts';
import { crmHarness } from '../test-fixtures/crm-harness.ts';
import { crmScenario, eraseScenarioCustomer } from '../testing/crm-scenario.ts';
import { crmRoleTable } from './crm-role-table.ts';
import { crmRoutingTable } from './crm-routing-table.ts';

const as = (role: Role, id = `u-${role}`) => ({ id, role });

describe('the CRM role table', () => {
  it('names every command of every route in at least one grant, and grants auditors nothing', () => {
    for (const route of crmRoutingTable.routes) {
      for (const type of Object.keys(route.commandCodecs)) {
        const roles = (Object.keys(crmRoleTable) as Role[]).filter(
          (role) => scopeOf(crmRoleTable, role, route.aggregate, type) !== undefined,
        );
        expect(roles, type).not.toEqual([]);
        expect(roles).not.toContain('auditor');
      }
    }
  });

  it('lets only a privacy officer erase', () => {
    const erasers = (Object.keys(crmRoleTable) as Role[]).filter(
      (role) => scopeOf(crmRoleTable, role, 'customer', 'ErasePersonalData') !== undefined,
    );
    expect(erasers).toEqual(['privacy_officer']);
  });

  it('lets a sales rep work the deals of customers they own, and refuses another rep', async () => {
    const harness = crmHarness();
    await harness.run(crmScenario().slice(0, 4));
    const advance = {
      type: 'AdvanceDealStage',
      data: { dealId: 'd-kitchen', at: '2026-03-03T09:00:00Z' },
    };
    const other = await harness.handle(advance, {
      commandId: 'x1',
      actor: as('sales_rep', 'u-rep-max'),
    });
    expect(other).toMatchObject({
      kind: 'rejected',
      error: { _tag: 'Forbidden', reason: 'NotOwner' },
    });
    const own = await harness.handle(advance, {
      commandId: 'x2',
      actor: as('sales_rep', 'u-rep-jo'),
    });
    expect(own.kind).toBe('accepted');
    const manager = await harness.handle(
      {
        type: 'ReassignDeal',
        data: { dealId: 'd-kitchen', ownerId: 'u-rep-max', at: '2026-03-04T09:00:00Z' },
      },
      { commandId: 'x3', actor: as('sales_manager') },
    );
    expect(manager.kind).toBe('accepted');
  });

  it('keeps each role to its pillar: service agents tickets, marketers campaigns, auditors nothing', async () => {
    const harness = crmHarness();
    await harness.run(crmScenario().slice(0, 4));
    const win = { type: 'WinDeal', data: { dealId: 'd-kitchen', at: '2026-03-05T09:00:00Z' } };
    for (const role of [
      'service_agent',
      'marketer',
      'auditor',
      'privacy_officer',
      'system',
    ] as const) {
      const result = await harness.handle(win, { commandId: `win-${role}`, actor: as(role) });
      expect(result, role).toMatchObject({
        kind: 'rejected',
        error: { _tag: 'Forbidden', reason: 'RoleNotAllowed' },
      });
    }
    const plan = {
      type: 'PlanCampaign',
      data: {
        campaignId: 'cmp-1',
        name: 'Spring tiles',
        channel: 'email',
        budget: { amountMinor: 50000, currency: 'EUR' },
        period: { start: '2026-04-01', end: '2026-04-30' },
        targetSegment: { tags: [], lifecycleStages: ['customer'] },
        at: '2026-03-20T09:00:00Z',
      },
    };
    const planned = await harness.handle(plan, { commandId: 'plan', actor: as('marketer') });
    expect(planned.kind).toBe('accepted');
    const byRep = await harness.handle(plan, { commandId: 'plan-rep', actor: as('sales_rep') });
    expect(byRep).toMatchObject({ kind: 'rejected', error: { _tag: 'Forbidden' } });
  });

  it('refuses an admin’s erasure: a typed refusal, nothing appended, the key intact', async () => {
    const harness = crmHarness();
    await harness.run(crmScenario().slice(0, 1));
    const erase = eraseScenarioCustomer();
    const result = await harness.handle(erase.command, { ...erase.context, actor: as('admin') });
    expect(result).toMatchObject({ kind: 'rejected', error: { _tag: 'Forbidden' } });
    expect(await harness.eventStore.readStream('customer-c-ana')).toHaveLength(1);
    expect(await harness.keyStore.find('c-ana')).toBeInstanceOf(Uint8Array);
  });
});
