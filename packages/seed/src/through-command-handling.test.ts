import {
  type CommandResult,
  createCommandHandler,
  createInMemoryCommandOutcomeStore,
  createInMemoryKeyStore,
  crmRoleTable,
  crmRoutingTable,
  eventIdFor,
} from '@crm/command-handling';
import {
  type DomainEvent,
  type EventEnvelope,
  type EventId,
  policyCommandId,
  reactTo,
} from '@crm/domain';
import { createMemoryEventStore } from '@crm/event-store-memory';
import { describe, expect, it } from 'vitest';
import { generateCrmHistory } from './generate-crm-history.ts';
import type { SeedCommand } from './seed-command.ts';

const handlerOverMemory = () => {
  const eventStore = createMemoryEventStore();
  const handler = createCommandHandler({
    eventStore,
    routes: crmRoutingTable,
    roles: crmRoleTable,
    keyStore: createInMemoryKeyStore(),
    outcomes: createInMemoryCommandOutcomeStore(),
  });
  return { eventStore, handler };
};

describe('a generated history sent through the real command handling', () => {
  it('is accepted command by command, authorised for every actor, with the events announced', async () => {
    const { eventStore, handler } = handlerOverMemory();
    const history = generateCrmHistory({
      seed: 'handled',
      customers: 40,
      months: 4,
      startAt: '2025-01-06',
      // The policy runner's own ids for the same reactions, so its reactions would be replays.
      policyCommandId: ({ policy, triggerCommandId, triggerEventIndex }) =>
        policyCommandId(policy, eventIdFor(triggerCommandId, triggerEventIndex) as EventId),
    });
    const sent: Array<{ readonly item: SeedCommand; readonly result: CommandResult }> = [];
    for (const item of history) {
      const { commandId, actor, command } = item;
      sent.push({ item, result: await handler.handle(command, { commandId, actor }) });
    }
    const notAccepted = sent.filter(({ result }) => result.kind !== 'accepted');
    expect(
      notAccepted.map(({ item, result }) => `${item.command.type}: ${JSON.stringify(result)}`),
    ).toEqual([]);
    const wrongCount = sent.filter(
      ({ item, result }) =>
        result.kind === 'accepted' && result.events.length !== item.expectedEvents,
    );
    expect(wrongCount).toEqual([]);
    const stored = await eventStore.readAll();
    expect(stored.length).toBe(history.progress.events);

    // Each reaction carries the id the policy runner derives from the triggering event, so a
    // runner reading this log sends only commands the handler has seen: replays, acting no more.
    const reactionIds = new Set(
      sent.flatMap(({ item }) => (item.reaction === undefined ? [] : [item.commandId])),
    );
    const runnerReactions = sent.flatMap(({ result }) =>
      result.kind === 'accepted'
        ? result.events.flatMap((event) => reactTo(event as unknown as EventEnvelope<DomainEvent>))
        : [],
    );
    expect(runnerReactions.length).toBe(reactionIds.size);
    expect(runnerReactions.every((reaction) => reactionIds.has(reaction.commandId))).toBe(true);
    for (const reaction of runnerReactions.slice(0, 20)) {
      const replay = await handler.handle(reaction.command, {
        commandId: reaction.commandId,
        actor: reaction.actor,
      });
      expect(replay.kind).toBe('accepted');
    }
    expect((await eventStore.readAll()).length).toBe(stored.length);
  }, 60_000);
});
