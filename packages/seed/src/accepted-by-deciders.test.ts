import { crmRoleTable, crmRoutingTable, scopeOf } from '@crm/command-handling';
import {
  type DomainEvent,
  decodeCampaignCommand,
  decodeCustomerCommand,
  decodeDealCommand,
  decodeTicketCommand,
  type EventId,
  reactTo,
} from '@crm/domain';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { generateCrmHistory } from './generate-crm-history.ts';
import type { SeedAggregate, SeedCommand } from './seed-command.ts';
import { decideAll } from './test-support.ts';

const history = generateCrmHistory({
  seed: 'acceptance',
  customers: 300,
  months: 24,
  startAt: '2024-01-01',
});
const { decided, refusals } = decideAll(history);

const decoders: Readonly<Record<SeedAggregate, (input: unknown) => E.Either<unknown, unknown>>> = {
  customer: decodeCustomerCommand,
  deal: decodeDealCommand,
  ticket: decodeTicketCommand,
  campaign: decodeCampaignCommand,
};

const envelopeOf = (item: SeedCommand, event: DomainEvent) => ({
  ...event,
  metadata: {
    eventId: `${item.commandId}#0` as EventId,
    commandId: item.commandId,
    correlationId: item.commandId,
    causationId: item.commandId,
    actor: item.actor,
    occurredAt: item.at,
  },
});

describe('a generated history of 300 customers over 24 months', () => {
  it('is accepted in full by the deciders: not one refusal', () => {
    expect(
      refusals.map(({ item, error }) => `${item.commandId} ${item.command.type}: ${error.message}`),
    ).toEqual([]);
    expect(decided.length).toBeGreaterThan(4_000);
  });

  it('records exactly the events each command announces; only a policy reaction already in effect records none', () => {
    const wrong = decided.filter(({ item, events }) => events.length !== item.expectedEvents);
    expect(
      wrong.map(
        ({ item, events }) => `${item.command.type}: ${item.expectedEvents} vs ${events.length}`,
      ),
    ).toEqual([]);
    const silent = decided.filter(
      ({ item, events }) => events.length === 0 && item.reaction === undefined,
    );
    expect(silent.map(({ item }) => item.command.type)).toEqual([]);
    expect(history.progress.events).toBe(
      decided.reduce((sum, { events }) => sum + events.length, 0),
    );
  });

  it('is ordered by business time, every command at its own instant, with unique ids seed-<n>', () => {
    const items = decided.map(({ item }) => item);
    const instants = items.map((item) => Date.parse(item.at));
    expect(instants.every((ms, i) => i === 0 || ms >= (instants[i - 1] ?? 0))).toBe(true);
    expect(items.every((item) => item.at === item.command.data.at)).toBe(true);
    expect(new Set(items.map((item) => item.commandId)).size).toBe(items.length);
    expect(items.every((item) => /^seed-\d+$/.test(item.commandId))).toBe(true);
  });

  it('decodes every command through its aggregate decoder after a JSON round trip', () => {
    const failures = decided.filter(({ item }) => {
      const decoded = decoders[item.aggregate](JSON.parse(JSON.stringify(item.command)));
      return E.isLeft(decoded) || JSON.stringify(decoded.right) !== JSON.stringify(item.command);
    });
    expect(failures.map(({ item }) => item.command.type)).toEqual([]);
  });

  it('sends every command as an actor the CRM role table allows, owners where the grant is "own"', () => {
    const refused = decided.filter(({ item, before }) => {
      const scope = scopeOf(crmRoleTable, item.actor.role, item.aggregate, item.command.type);
      if (scope === undefined) return true;
      if (scope === 'any') return false;
      const route = crmRoutingTable.routeOfAggregate(item.aggregate);
      return route?.ownerOf(before, item.command) !== item.actor.id;
    });
    expect(
      refused.map(({ item }) => `${item.actor.id} (${item.actor.role}) ${item.command.type}`),
    ).toEqual([]);
  });

  it("sends, right after each triggering command, exactly the commands the domain's policies send", () => {
    const byCommandId = new Map(decided.map((entry) => [entry.item.commandId as string, entry]));
    const reactions = decided.filter(({ item }) => item.reaction !== undefined);
    for (const { item } of reactions) {
      const trigger = byCommandId.get(item.reaction?.triggerCommandId ?? '');
      const event = trigger?.events[0];
      expect(event).toBeDefined();
      if (trigger === undefined || event === undefined) continue;
      const sent = reactTo(envelopeOf(trigger.item, event)).filter(
        (r) => r.policy === item.reaction?.policy,
      );
      expect(sent.map((r) => r.command)).toEqual([item.command]);
      expect(sent[0]?.actor).toEqual(item.actor);
    }
    const triggers = decided.filter(({ item, events }) =>
      events.some((event) => reactTo(envelopeOf(item, event)).length > 0),
    );
    expect(reactions.length).toBe(triggers.length);
    expect(reactions.length).toBeGreaterThan(100);
  });

  it('opens deals and tickets, and adds campaign members, only for registered customers not merged away', () => {
    const customers = new Map<string, 'registered' | 'merged'>();
    const strays: string[] = [];
    const known = (id: string) => {
      if (customers.get(id) !== 'registered') strays.push(id);
    };
    for (const { item, events } of decided) {
      const { command } = item;
      if (command.type === 'OpenDeal' || command.type === 'OpenTicket')
        known(command.data.customerId);
      if (command.type === 'AddCampaignMembers') command.data.customerIds.forEach(known);
      if (command.type === 'RecordCampaignResponse') known(command.data.customerId);
      for (const event of events) {
        if (event.type === 'CustomerRegistered') customers.set(event.data.customerId, 'registered');
        if (event.type === 'CustomerMerged') customers.set(event.data.customerId, 'merged');
      }
    }
    expect(strays).toEqual([]);
  });
});
