import type {
  Actor,
  CampaignCommand,
  CommandId,
  CustomerCommand,
  DealCommand,
  Instant,
  PolicyName,
  TicketCommand,
} from '@crm/domain';
import { instantOf, officeTimeFrom } from './calendar.ts';
import type { ContactRegistry } from './identities.ts';
import type { CustomerModel } from './models.ts';
import type { ResolvedOptions } from './options.ts';
import type { Random } from './random.ts';
import type { SeedCommand } from './seed-command.ts';
import { policyActor, type StaffMember } from './staff.ts';
import { createTaskQueue } from './task-queue.ts';

/** How far a generation has got: counts so far, and the totals it expects. */
export interface CrmHistoryProgress {
  readonly commands: number;
  /** Events the deciders record for the commands so far. */
  readonly events: number;
  /** Commands so far by command type. */
  readonly byType: Readonly<Record<string, number>>;
  readonly customersRegistered: number;
  /** The business instant reached (`null` before the first command). */
  readonly at: Instant | null;
  /** Estimates of the totals, for a progress bar (see `estimateCrmHistorySize`). */
  readonly estimatedCommands: number;
  readonly estimatedEvents: number;
}

interface MutableProgress {
  commands: number;
  events: number;
  byType: Record<string, number>;
  customersRegistered: number;
  at: Instant | null;
  estimatedCommands: number;
  estimatedEvents: number;
}

/**
 * The running simulation: a clock, a queue of things to do at future instants, the models of
 * live aggregates, and the commands emitted so far waiting to be handed out. Every emitted
 * command carries the current instant, so the output is ordered by business time.
 */
export interface Simulation {
  readonly random: Random;
  readonly options: ResolvedOptions;
  readonly contacts: ContactRegistry;
  readonly customers: CustomerModel[];
  /** Sales reps who currently take on customers. */
  readonly activeReps: StaffMember[];
  readonly progress: CrmHistoryProgress;
  readonly now: () => number;
  readonly at: () => Instant;
  /** Runs `run` at `at` (not before now); anything after the end of the period is dropped. */
  readonly schedule: (at: number, run: () => void) => void;
  /** The first office-hours instant at or after `from`, in the customer's time zone. */
  readonly officeTime: (from: number, customer: CustomerModel) => number;
  readonly customer: (command: CustomerCommand, actor: Actor, expectedEvents?: number) => CommandId;
  readonly deal: (command: DealCommand, actor: Actor, expectedEvents?: number) => CommandId;
  readonly ticket: (command: TicketCommand, actor: Actor, expectedEvents?: number) => CommandId;
  readonly campaign: (command: CampaignCommand, actor: Actor, expectedEvents?: number) => CommandId;
  /** Emits the customer command a policy sends in reaction to the first event of `trigger`. */
  readonly react: (
    trigger: CommandId,
    policy: PolicyName,
    command: CustomerCommand,
    expectedEvents: number,
  ) => CommandId;
  /** A new id: `<kind>-000001`, counting per kind. */
  readonly newId: (kind: string) => string;
  /** The next command, running scheduled work until one is emitted; `undefined` at the end. */
  readonly next: () => SeedCommand | undefined;
}

/** Creates the simulation engine; the caller schedules the first work. */
export const createSimulation = (
  options: ResolvedOptions,
  random: Random,
  estimate: { readonly commands: number; readonly events: number },
): Simulation => {
  const tasks = createTaskQueue();
  const ready: SeedCommand[] = [];
  let readIndex = 0;
  let now = options.startMs;
  let nowInstant: Instant | null = null;
  let commandCount = 0;
  const counters = new Map<string, number>();
  const progress: MutableProgress = {
    commands: 0,
    events: 0,
    byType: {},
    customersRegistered: 0,
    at: null,
    estimatedCommands: estimate.commands,
    estimatedEvents: estimate.events,
  };
  const customers: CustomerModel[] = [];

  const at = (): Instant => {
    nowInstant ??= instantOf(now);
    return nowInstant;
  };

  const push = (item: SeedCommand): CommandId => {
    ready.push(item);
    return item.commandId;
  };

  // Progress counts what has been handed out, so a caller's count and ours always agree.
  const handOut = (item: SeedCommand): SeedCommand => {
    progress.commands += 1;
    progress.events += item.expectedEvents;
    progress.byType[item.command.type] = (progress.byType[item.command.type] ?? 0) + 1;
    progress.at = item.at;
    if (item.command.type === 'RegisterCustomer') progress.customersRegistered += 1;
    return item;
  };

  const nextCommandId = (): CommandId => {
    commandCount += 1;
    return `${options.commandIdPrefix}-${commandCount}` as CommandId;
  };

  const checkAt = (command: { readonly data: { readonly at: Instant } }): Instant => {
    // Every command happens now: that is what keeps the stream in business-time order.
    if (command.data.at !== at())
      throw new Error(`command at ${command.data.at} emitted at ${at()}`);
    return command.data.at;
  };

  const simulation: Simulation = {
    random,
    options,
    contacts: { phones: new Set(), emails: new Set() },
    customers,
    activeReps: [],
    progress,
    now: () => now,
    at,
    schedule: (when, run) => {
      if (when < now) throw new Error(`cannot schedule at ${instantOf(when)}, before ${at()}`);
      if (when < options.endMs) tasks.add(when, run);
    },
    officeTime: (from, customer) => officeTimeFrom(from, customer.locale.utcOffsetHours, random),
    customer: (command, actor, expectedEvents = 1) =>
      push({
        commandId: nextCommandId(),
        aggregate: 'customer',
        streamName: `customer-${command.data.customerId}`,
        command,
        actor,
        at: checkAt(command),
        expectedEvents,
      }),
    deal: (command, actor, expectedEvents = 1) =>
      push({
        commandId: nextCommandId(),
        aggregate: 'deal',
        streamName: `deal-${command.data.dealId}`,
        command,
        actor,
        at: checkAt(command),
        expectedEvents,
      }),
    ticket: (command, actor, expectedEvents = 1) =>
      push({
        commandId: nextCommandId(),
        aggregate: 'ticket',
        streamName: `ticket-${command.data.ticketId}`,
        command,
        actor,
        at: checkAt(command),
        expectedEvents,
      }),
    campaign: (command, actor, expectedEvents = 1) =>
      push({
        commandId: nextCommandId(),
        aggregate: 'campaign',
        streamName: `campaign-${command.data.campaignId}`,
        command,
        actor,
        at: checkAt(command),
        expectedEvents,
      }),
    react: (trigger, policy, command, expectedEvents) => {
      const reaction = { policy, triggerCommandId: trigger, triggerEventIndex: 0 };
      const seedId = nextCommandId();
      return push({
        commandId: (options.policyCommandId?.(reaction) as CommandId | undefined) ?? seedId,
        aggregate: 'customer',
        streamName: `customer-${command.data.customerId}`,
        command,
        actor: policyActor(policy),
        at: checkAt(command),
        expectedEvents,
        reaction,
      });
    },
    newId: (kind) => {
      const n = (counters.get(kind) ?? 0) + 1;
      counters.set(kind, n);
      return `${kind}-${String(n).padStart(6, '0')}`;
    },
    next: () => {
      while (readIndex >= ready.length) {
        ready.length = 0;
        readIndex = 0;
        const task = tasks.take();
        if (task === undefined) return undefined;
        if (task.at !== now) {
          now = task.at;
          nowInstant = null;
        }
        task.run();
      }
      const item = ready[readIndex] as SeedCommand;
      readIndex += 1;
      return handOut(item);
    },
  };
  return simulation;
};
