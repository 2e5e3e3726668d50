/**
 * The domain benchmark (issue 3 item 7): decide + evolve throughput of the four deciders over
 * realistic lifecycles, and the fold of a 10,000-event customer history.
 *
 *   pnpm --filter @crm/domain bench [--json] [--scale=1] [--rounds=7] [--warmup=2]
 *
 * Pure CPU: no store, no I/O, so there is no database baseline to compare against. Scenarios are
 * written by hand from the domain's own exports (not @crm/testing, which depends on this
 * package), decoded once with each aggregate's command decoder, and checked to land before
 * anything is timed: a refused command, or one that records nothing, stops the run with exit
 * code 1, because a benchmark of refusals would measure the wrong path.
 */
import { cpus, totalmem } from 'node:os';
import * as E from 'fp-ts/lib/Either.js';
import {
  type CampaignCommand,
  type Command,
  type CustomerCommand,
  type CustomerEvent,
  type CustomerState,
  campaignDecider,
  customerDecider,
  type DealCommand,
  type Decider,
  type DomainError,
  dealDecider,
  decodeCampaignCommand,
  decodeCustomerCommand,
  decodeDealCommand,
  decodeTicketCommand,
  type InvalidInput,
  slaTargets,
  type TicketCommand,
  type TicketPriority,
  ticketDecider,
  type VersionedEvent,
} from '../src/index.ts';

// ---------------------------------------------------------------------------------------------
// Settings

const argument = (name: string, fallback: number): number => {
  const found = process.argv.find((arg) => arg.startsWith(`--${name}=`));
  const value = found === undefined ? fallback : Number(found.slice(name.length + 3));
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
};
const asJson = process.argv.includes('--json');
const scale = argument('scale', 1);
const timedRounds = Math.round(argument('rounds', 7));
const warmupRounds = Math.round(argument('warmup', 2));
const entitiesOf = (base: number): number => Math.max(1, Math.round(base * scale));
const customerCount = Math.max(40, entitiesOf(2000));
const dealCount = entitiesOf(2000);
const ticketCount = entitiesOf(3000);
const campaignCount = entitiesOf(250);
const membersPerCampaign = 40;
const historyEvents = 10_000;
const foldWarmups = 5;
const foldRounds = 30;
const decideSamples = 30;
const decidesPerSample = 1000;
/** Shorter prefixes of the history, folded too, to show how the fold time grows with length. */
const prefixLengths = [2500, 5000];
const prefixRounds = 10;

// ---------------------------------------------------------------------------------------------
// Progress on stderr, as a percentage of all the rounds to run

const totalSteps =
  4 * (warmupRounds + timedRounds) +
  foldWarmups +
  foldRounds +
  prefixLengths.length * prefixRounds +
  decideSamples;
let stepsDone = 0;
const progress = (message: string): void => {
  stepsDone += 1;
  const percent = String(Math.round((100 * stepsDone) / totalSteps)).padStart(3);
  process.stderr.write(`[${percent}%] ${message}\n`);
};
const note = (message: string): void => {
  process.stderr.write(`       ${message}\n`);
};

// ---------------------------------------------------------------------------------------------
// Deterministic data: instants from a fixed epoch, choices by index (no clock, no randomness)

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;
const epoch = Date.UTC(2025, 0, 6, 9, 0, 0);
const instantAt = (ms: number): string => new Date(ms).toISOString();
const dateAt = (ms: number): string => instantAt(ms).slice(0, 10);
const pick = <T>(values: ReadonlyArray<T>, index: number): T => {
  const value = values[index % values.length];
  if (value === undefined) throw new Error('pick from an empty list');
  return value;
};
const pad = (n: number): string => String(n).padStart(6, '0');

const customerIdOf = (n: number): string => `cust-${pad(n % customerCount)}`;
const owners = ['user-ana', 'user-bo', 'user-chen', 'user-dev'];
const agents = ['agent-eli', 'agent-fay', 'agent-gus', 'agent-hal', 'agent-ida'];

type Decode<TCommand> = (input: unknown) => E.Either<InvalidInput, TCommand>;

/** Decodes hand-written commands once, so every scenario holds commands the codecs accept. */
const decodeAll = <TCommand>(
  label: string,
  decode: Decode<TCommand>,
  raw: ReadonlyArray<unknown>,
): ReadonlyArray<TCommand> =>
  raw.map((input, index) => {
    const decoded = decode(input);
    if (E.isLeft(decoded)) {
      throw new Error(`${label}: command ${index} is malformed: ${decoded.left.message}`);
    }
    return decoded.right;
  });

// ---------------------------------------------------------------------------------------------
// Customer: register, tags, preferences, interactions, follow-ups, lifecycle, loyalty, surveys

const givenNames = ['Ana', 'Bo', 'Chidi', 'Dana', 'Emil', 'Fatima', 'Goran', 'Hana'];
const familyNames = ['Lopez', 'Svensson', 'Okafor', 'Novak', 'Berg', 'Haddad', 'Sato'];
const acquisitions = [
  { source: 'spring-fair-2025', channel: 'event' },
  { source: 'google-ads:crm', channel: 'paid_ads' },
  { source: 'partner:acme', channel: 'partner' },
  { source: 'newsletter-q1', channel: 'email' },
  { source: 'blog', channel: 'organic_search' },
];
const regions = ['emea', 'amer', 'apac', 'nordics'];

const phoneOf = (i: number): Record<string, string> => {
  switch (i % 3) {
    case 0:
      return { phone: `020 7183 ${String(1000 + (i % 9000))}`, phoneRegion: 'GB' };
    case 1:
      return { phone: `+44 20 7946 ${String(i % 10_000).padStart(4, '0')}` };
    default:
      return { phone: '+49 30 901820' };
  }
};

const customerScenario = (i: number): ReadonlyArray<unknown> => {
  const customerId = customerIdOf(i);
  const given = pick(givenNames, i);
  const family = pick(familyNames, i);
  const owner = pick(owners, i);
  let now = epoch + i * 10 * minute;
  const at = (step = 3 * hour): string => {
    now += step;
    return instantAt(now);
  };
  const party =
    i % 3 === 0
      ? { kind: 'company', legalName: `${family} Logistics ${i}` }
      : { kind: 'person', givenName: given, familyName: family };
  const interaction = (n: number, channel: string, direction: string, summary: string) => ({
    type: 'RecordInteraction',
    data: {
      customerId,
      interactionId: `int-${n}`,
      channel,
      direction,
      summary,
      by: owner,
      at: at(),
    },
  });
  const schedule = (n: number) => {
    const scheduledAt = at();
    return {
      type: 'ScheduleFollowUp',
      data: {
        customerId,
        followUpId: `fu-${n}`,
        dueAt: instantAt(now + 2 * day),
        assigneeId: owner,
        note: 'Call back about the quote',
        at: scheduledAt,
      },
    };
  };
  const lifecycleEnd: ReadonlyArray<unknown> =
    i % 5 === 0
      ? [
          {
            type: 'ChurnCustomer',
            data: { customerId, reason: 'Moved to a competitor', at: at() },
          },
          { type: 'ReactivateCustomer', data: { customerId, reason: 'Won back', at: at(day) } },
          { type: 'AdvanceLifecycleStage', data: { customerId, stage: 'customer', at: at() } },
        ]
      : i % 5 === 1
        ? [{ type: 'AdvanceLifecycleStage', data: { customerId, stage: 'advocate', at: at() } }]
        : [
            {
              type: 'ChangeCustomerAddress',
              data: {
                customerId,
                address: { lines: [`${1 + (i % 200)} High Street`], city: 'Leeds', country: 'GB' },
                at: at(),
              },
            },
          ];
  return [
    {
      type: 'RegisterCustomer',
      data: {
        customerId,
        party,
        email: ` ${given}.${family}${i}@Example.COM `,
        ...phoneOf(i),
        acquisition: pick(acquisitions, i),
        ownerId: owner,
        at: instantAt(now),
      },
    },
    { type: 'AddCustomerTag', data: { customerId, tag: 'newsletter', at: at() } },
    { type: 'AddCustomerTag', data: { customerId, tag: `region:${pick(regions, i)}`, at: at() } },
    {
      type: 'UpdateCustomerPreferences',
      data: {
        customerId,
        preferredChannel: 'email',
        language: 'en-GB',
        optOuts: ['social'],
        custom: { call_window: '09-12' },
        at: at(),
      },
    },
    interaction(1, 'call', 'inbound', 'Asked for a quote'),
    { type: 'AdvanceLifecycleStage', data: { customerId, stage: 'marketing_qualified', at: at() } },
    schedule(1),
    interaction(2, 'email', 'outbound', 'Sent the quote'),
    { type: 'CompleteFollowUp', data: { customerId, followUpId: 'fu-1', at: at(day) } },
    { type: 'AdvanceLifecycleStage', data: { customerId, stage: 'sales_qualified', at: at() } },
    {
      type: 'EnsureLifecycleStageAtLeast',
      data: { customerId, stage: 'opportunity', reason: 'Deal opened', at: at() },
    },
    interaction(3, 'meeting', 'outbound', 'Demo at their office'),
    {
      type: 'EnsureLifecycleStageAtLeast',
      data: { customerId, stage: 'customer', reason: 'Deal won', at: at(day) },
    },
    {
      type: 'EarnLoyaltyPoints',
      data: {
        customerId,
        points: 100 + (i % 5) * 50,
        reason: 'First order',
        reference: `order-${i}`,
        at: at(),
      },
    },
    {
      type: 'RecordSatisfactionScore',
      data: {
        customerId,
        surveyId: 'csat-1',
        score: { kind: 'csat', value: 3 + (i % 3) },
        at: at(),
      },
    },
    schedule(2),
    {
      type: 'CancelFollowUp',
      data: { customerId, followUpId: 'fu-2', reason: 'Customer called first', at: at() },
    },
    ...(i % 4 === 0
      ? [{ type: 'AddCustomerTag', data: { customerId, tag: 'vip', at: at() } }]
      : []),
    { type: 'EarnLoyaltyPoints', data: { customerId, points: 80, reason: 'Review', at: at() } },
    { type: 'RedeemLoyaltyPoints', data: { customerId, points: 150, reason: 'Voucher', at: at() } },
    { type: 'AssignCustomerOwner', data: { customerId, ownerId: pick(owners, i + 1), at: at() } },
    {
      type: 'ChangeCustomerEmail',
      data: { customerId, email: `${given.toLowerCase()}.${i}@example.org`, at: at() },
    },
    {
      type: 'RecordSatisfactionScore',
      data: { customerId, surveyId: 'nps-1', score: { kind: 'nps', value: i % 11 }, at: at() },
    },
    interaction(4, 'chat', 'inbound', 'Asked about delivery times'),
    { type: 'RemoveCustomerTag', data: { customerId, tag: 'newsletter', at: at() } },
    ...lifecycleEnd,
    schedule(3),
    { type: 'CompleteFollowUp', data: { customerId, followUpId: 'fu-3', at: at() } },
  ];
};

// ---------------------------------------------------------------------------------------------
// Deal: open, revise, stage moves, (lose and reopen), win, correct, deliveries, invoices, payments

const catalog = [
  { productId: 'prod-laptop', price: 129_900, cost: 98_000 },
  { productId: 'prod-dock', price: 24_900, cost: 14_200 },
  { productId: 'prod-monitor', price: 41_900, cost: 33_500 },
  { productId: 'prod-support-1y', price: 19_900, cost: 4_000 },
  { productId: 'prod-headset', price: 8_900, cost: 5_100 },
  { productId: 'prod-install', price: 45_000, cost: 38_000 },
];

interface Line {
  readonly productId: string;
  readonly quantity: number;
  readonly price: number;
  readonly cost: number;
}

const lineAt = (productIndex: number, quantity: number): Line => ({
  ...pick(catalog, productIndex),
  quantity,
});
const lineItems = (lines: ReadonlyArray<Line>, currency: string): ReadonlyArray<unknown> =>
  lines.map((line) => ({
    productId: line.productId,
    quantity: line.quantity,
    unitPrice: { amountMinor: line.price, currency },
    unitCost: { amountMinor: line.cost, currency },
  }));

const dealScenario = (i: number): ReadonlyArray<unknown> => {
  const dealId = `deal-${pad(i)}`;
  const currency = i % 4 === 3 ? 'GBP' : 'EUR';
  const openedAt = epoch + i * 7 * minute;
  let now = openedAt;
  const at = (step = day): string => {
    now += step;
    return instantAt(now);
  };
  const first = lineAt(i, 1 + (i % 7));
  const second = lineAt(i + 1, 1 + (i % 3));
  const third = lineAt(i + 3, 2);
  const corrected = i % 10 === 0;
  const won = [corrected ? { ...first, quantity: first.quantity + 1 } : first, second, third];
  const revenue = won.reduce((sum, line) => sum + line.quantity * line.price, 0);
  const invoice1 = Math.floor(revenue / 2);
  const invoice2 = revenue - invoice1;
  const payment2 = Math.floor(invoice2 / 2);
  const rate = currency === 'EUR' ? { base: 'EUR', quote: 'USD', rate: '1.0834' } : undefined;
  const issue = (invoiceId: string, amountMinor: number) => {
    const issuedAt = at();
    return {
      type: 'IssueInvoice',
      data: {
        dealId,
        invoiceId,
        amount: { amountMinor, currency },
        dueDate: dateAt(now + 30 * day),
        at: issuedAt,
      },
    };
  };
  const pay = (paymentId: string, invoiceId: string, amountMinor: number) => ({
    type: 'RecordPayment',
    data: { dealId, paymentId, invoiceId, amount: { amountMinor, currency }, at: at(3 * day) },
  });
  return [
    {
      type: 'OpenDeal',
      data: {
        dealId,
        customerId: customerIdOf(i),
        ownerId: pick(owners, i),
        title: `Workplace refresh ${i}`,
        expectedCloseDate: dateAt(openedAt + 60 * day),
        currency,
        lineItems: lineItems([first, second], currency),
        ...(i % 6 === 0 ? { sourceCampaignId: `campaign-${pad(i % campaignCount)}` } : {}),
        at: instantAt(openedAt),
      },
    },
    {
      type: 'ReviseLineItems',
      data: { dealId, lineItems: lineItems([first, second, third], currency), at: at() },
    },
    { type: 'AdvanceDealStage', data: { dealId, at: at(2 * day) } },
    { type: 'SetDealWinProbability', data: { dealId, winProbabilityPercent: 30, at: at() } },
    { type: 'AdvanceDealStage', data: { dealId, at: at(3 * day) } },
    {
      type: 'MoveExpectedCloseDate',
      data: { dealId, expectedCloseDate: dateAt(openedAt + 75 * day), at: at() },
    },
    ...(i % 4 === 0
      ? [
          {
            type: 'LoseDeal',
            data: { dealId, reason: 'Budget frozen', competitor: 'Rival', at: at() },
          },
          { type: 'ReopenDeal', data: { dealId, at: at(7 * day) } },
        ]
      : []),
    { type: 'MoveDealToStage', data: { dealId, stage: 'negotiation', at: at(2 * day) } },
    ...(i % 3 === 0
      ? [{ type: 'ReassignDeal', data: { dealId, ownerId: pick(owners, i + 2), at: at() } }]
      : []),
    {
      type: 'WinDeal',
      data: {
        dealId,
        ...(rate !== undefined && i % 2 === 0 ? { exchangeRate: rate } : {}),
        at: at(),
      },
    },
    ...(corrected
      ? [
          {
            type: 'CorrectWonDeal',
            data: {
              dealId,
              reason: 'Customer added one unit before shipping',
              lineItems: lineItems(won, currency),
              at: at(),
            },
          },
        ]
      : []),
    {
      type: 'RecordDelivery',
      data: {
        dealId,
        deliveryId: 'del-1',
        lines: [{ productId: won[0]?.productId, quantity: won[0]?.quantity }],
        at: at(2 * day),
      },
    },
    issue('inv-1', invoice1),
    pay('pay-1', 'inv-1', invoice1),
    {
      type: 'RecordDelivery',
      data: {
        dealId,
        deliveryId: 'del-2',
        lines: won.slice(1).map(({ productId, quantity }) => ({ productId, quantity })),
        at: at(5 * day),
      },
    },
    issue('inv-2', invoice2),
    pay('pay-2', 'inv-2', payment2),
    pay('pay-3', 'inv-2', invoice2 - payment2),
  ];
};

// ---------------------------------------------------------------------------------------------
// Ticket: open, (SLA check that breaches), assign, replies, (priority, escalations), resolve,
// (reopen and resolve again), rate, close

const priorities: ReadonlyArray<TicketPriority> = ['low', 'normal', 'high', 'urgent'];
const categories = ['question', 'complaint', 'incident', 'after_sales'];
const ticketChannels = ['email', 'phone', 'chat', 'web', 'social', 'visit'];

const ticketScenario = (i: number): ReadonlyArray<unknown> => {
  const ticketId = `ticket-${pad(i)}`;
  const priority = pick(priorities, i);
  const category = pick(categories, i);
  const agent = pick(agents, i);
  const openedAt = epoch + i * 3 * minute;
  const at = (minutes: number): string => instantAt(openedAt + minutes * minute);
  const breachPath = i % 3 === 0;
  const base = breachPath ? slaTargets[priority].firstResponseMinutes + 5 : 10;
  const reply = (n: number, minutes: number, author: 'agent' | 'customer', internal = false) => ({
    type: 'ReplyToTicket',
    data: {
      ticketId,
      replyId: `reply-${n}`,
      author: author === 'agent' ? { kind: 'agent', userId: agent } : { kind: 'customer' },
      visibility: internal ? 'internal' : 'public',
      body: author === 'agent' ? 'We are looking into it.' : 'Any news on this?',
      at: at(minutes),
    },
  });
  const reopened = i % 6 === 0;
  const last = reopened ? base + 24 * 60 + 60 : base + 120;
  return [
    {
      type: 'OpenTicket',
      data: {
        ticketId,
        customerId: customerIdOf(i),
        subject: 'Parcel arrived damaged',
        description: 'The box was crushed and the monitor inside is cracked.',
        channel: pick(ticketChannels, i),
        category,
        priority,
        ...(category === 'after_sales' ? { dealId: `deal-${pad(i % dealCount)}` } : {}),
        at: at(0),
      },
    },
    reply(1, 5, 'customer'),
    ...(breachPath ? [{ type: 'CheckTicketSla', data: { ticketId, at: at(base) } }] : []),
    { type: 'AssignTicket', data: { ticketId, assignee: agent, at: at(base + 5) } },
    reply(2, base + 10, 'agent', true),
    reply(3, base + 20, 'agent'),
    ...(i % 5 === 0
      ? [
          {
            type: 'ChangeTicketPriority',
            data: { ticketId, priority: pick(priorities, i + 1), at: at(base + 25) },
          },
        ]
      : []),
    ...(i % 4 === 2
      ? [
          {
            type: 'EscalateTicket',
            data: {
              ticketId,
              reason: 'Needs a technician',
              toLevel: 2,
              toTeam: 'field',
              at: at(base + 30),
            },
          },
        ]
      : []),
    ...(i % 8 === 2
      ? [
          {
            type: 'EscalateTicket',
            data: {
              ticketId,
              reason: 'Hardware fault',
              toLevel: 3,
              toTeam: 'vendor',
              at: at(base + 40),
            },
          },
        ]
      : []),
    reply(4, base + 60, 'customer'),
    reply(5, base + 90, 'agent'),
    {
      type: 'ResolveTicket',
      data: { ticketId, resolution: 'Replacement sent', at: at(base + 120) },
    },
    ...(reopened
      ? [
          {
            type: 'ReopenTicket',
            data: { ticketId, reason: 'Replacement faulty too', at: at(base + 24 * 60) },
          },
          reply(6, base + 24 * 60 + 30, 'agent'),
          { type: 'ResolveTicket', data: { ticketId, resolution: 'Refund issued', at: at(last) } },
        ]
      : []),
    { type: 'RateTicket', data: { ticketId, score: 1 + (i % 5), at: at(last + 60) } },
    { type: 'CloseTicket', data: { ticketId, at: at(last + 7 * 24 * 60) } },
  ];
};

// ---------------------------------------------------------------------------------------------
// Campaign: plan, add members in two batches, launch, response waves, costs, complete, late cost

const campaignChannels = ['email', 'sms', 'social', 'event'];

const campaignScenario = (i: number): ReadonlyArray<unknown> => {
  const campaignId = `campaign-${pad(i)}`;
  const plannedAt = epoch + i * 30 * minute;
  let now = plannedAt;
  const at = (step = hour): string => {
    now += step;
    return instantAt(now);
  };
  const members = Array.from({ length: membersPerCampaign }, (_, k) => customerIdOf(i * 37 + k));
  const wave = (response: string, chosen: (k: number) => boolean): ReadonlyArray<unknown> => {
    const waveAt = at(day);
    return members.flatMap((customerId, k) =>
      chosen(k)
        ? [
            {
              type: 'RecordCampaignResponse',
              data: { campaignId, customerId, response, at: waveAt },
            },
          ]
        : [],
    );
  };
  const cost = (amountMinor: number, description: string, step = day) => ({
    type: 'RecordCampaignCost',
    data: { campaignId, amount: { amountMinor, currency: 'EUR' }, description, at: at(step) },
  });
  return [
    {
      type: 'PlanCampaign',
      data: {
        campaignId,
        name: `Spring offer ${i}`,
        channel: pick(campaignChannels, i),
        budget: { amountMinor: 250_000 + (i % 8) * 50_000, currency: 'EUR' },
        period: { start: dateAt(plannedAt + 7 * day), end: dateAt(plannedAt + 37 * day) },
        targetSegment: {
          tags: ['newsletter', `region:${pick(regions, i)}`],
          lifecycleStages: ['lead', 'customer'],
        },
        at: instantAt(plannedAt),
      },
    },
    {
      type: 'AddCampaignMembers',
      data: { campaignId, customerIds: members.slice(0, 25), at: at() },
    },
    { type: 'AddCampaignMembers', data: { campaignId, customerIds: members.slice(25), at: at() } },
    { type: 'LaunchCampaign', data: { campaignId, at: at(7 * day) } },
    ...wave('sent', () => true),
    ...wave('bounced', (k) => k % 10 === 9),
    ...wave('delivered', (k) => k % 10 !== 9),
    ...wave('opened', (k) => k % 10 <= 5),
    ...wave('unsubscribed', (k) => k % 10 === 6),
    ...wave('clicked', (k) => k % 10 <= 2),
    ...wave('responded', (k) => k % 10 <= 1),
    ...wave('converted', (k) => k % 10 === 0),
    cost(12_000 + (i % 10) * 100, 'Email service provider'),
    cost(80_000, 'Creative agency'),
    { type: 'CompleteCampaign', data: { campaignId, at: at(30 * day) } },
    cost(15_000, 'Agency final invoice', 14 * day),
  ];
};

// ---------------------------------------------------------------------------------------------
// Running scenarios: each command decided on the current state, its events folded with evolve

interface Tally {
  readonly commands: number;
  readonly events: number;
  readonly refused: number;
  readonly noOps: number;
  readonly problems: ReadonlyArray<string>;
}

/** One pass over every scenario; counts refusals and no-ops and names the first few. */
const replay = <
  TCommand extends Command,
  TEvent extends VersionedEvent,
  TState,
  TError extends DomainError,
>(
  decider: Decider<TCommand, TEvent, TState, TError>,
  scenarios: ReadonlyArray<ReadonlyArray<TCommand>>,
): Tally => {
  let commands = 0;
  let events = 0;
  let refused = 0;
  let noOps = 0;
  const problems: string[] = [];
  for (let s = 0; s < scenarios.length; s += 1) {
    const scenario = scenarios[s] ?? [];
    let state = decider.initialState;
    for (let c = 0; c < scenario.length; c += 1) {
      const command = scenario[c] as TCommand;
      const decision = decider.decide(command, state);
      commands += 1;
      if (E.isLeft(decision)) {
        refused += 1;
        if (problems.length < 5) {
          problems.push(
            `scenario ${s}, command ${c} (${command.type}) refused: ${decision.left.message}`,
          );
        }
        continue;
      }
      const emitted = decision.right;
      if (emitted.length === 0) {
        noOps += 1;
        if (problems.length < 5)
          problems.push(`scenario ${s}, command ${c} (${command.type}) recorded nothing`);
      }
      for (let e = 0; e < emitted.length; e += 1)
        state = decider.evolve(state, emitted[e] as TEvent);
      events += emitted.length;
    }
  }
  return { commands, events, refused, noOps, problems };
};

class ScenarioRefused extends Error {}

const requireLanded = (label: string, tally: Tally): void => {
  if (tally.refused === 0 && tally.noOps === 0) return;
  throw new ScenarioRefused(
    [
      `${label}: ${tally.refused} refused and ${tally.noOps} no-op commands out of ${tally.commands}; ` +
        'the scenario is wrong, so its figures would be meaningless:',
      ...tally.problems.map((problem) => `  ${problem}`),
    ].join('\n'),
  );
};

const median = (values: ReadonlyArray<number>): number => percentile(values, 50);

/** Nearest-rank percentile. */
const percentile = (values: ReadonlyArray<number>, p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
};

interface Throughput {
  readonly aggregate: string;
  readonly entities: number;
  readonly commandsPerRound: number;
  readonly eventsPerRound: number;
  readonly refused: number;
  readonly noOps: number;
  readonly roundMs: { readonly median: number; readonly min: number; readonly max: number };
  readonly commandsPerSecond: number;
  readonly eventsPerSecond: number;
}

const measureThroughput = <
  TCommand extends Command,
  TEvent extends VersionedEvent,
  TState,
  TError extends DomainError,
>(
  aggregate: string,
  decider: Decider<TCommand, TEvent, TState, TError>,
  scenarios: ReadonlyArray<ReadonlyArray<TCommand>>,
): Throughput => {
  const check = replay(decider, scenarios);
  requireLanded(aggregate, check);
  note(
    `${aggregate}: ${scenarios.length} entities, ${check.commands} commands, ${check.events} events per round, all landed`,
  );
  for (let round = 1; round <= warmupRounds; round += 1) {
    requireLanded(aggregate, replay(decider, scenarios));
    progress(`${aggregate}: warm-up ${round}/${warmupRounds}`);
  }
  const times: number[] = [];
  for (let round = 1; round <= timedRounds; round += 1) {
    const started = performance.now();
    const tally = replay(decider, scenarios);
    times.push(performance.now() - started);
    requireLanded(aggregate, tally);
    progress(`${aggregate}: timed round ${round}/${timedRounds}`);
  }
  const medianMs = median(times);
  return {
    aggregate,
    entities: scenarios.length,
    commandsPerRound: check.commands,
    eventsPerRound: check.events,
    refused: check.refused,
    noOps: check.noOps,
    roundMs: { median: medianMs, min: Math.min(...times), max: Math.max(...times) },
    commandsPerSecond: check.commands / (medianMs / 1000),
    eventsPerSecond: check.events / (medianMs / 1000),
  };
};

// ---------------------------------------------------------------------------------------------
// A 10,000-event customer history, built by deciding commands that each record one event

const historyCustomer = 'cust-history';

const historyCommand = (j: number, slot: number): unknown => {
  const customerId = historyCustomer;
  const at = instantAt(epoch + (j * 12 + slot + 1) * hour);
  switch (slot) {
    case 0:
      return {
        type: 'RecordInteraction',
        data: {
          customerId,
          interactionId: `int-${j}-a`,
          channel: pick(['call', 'email', 'chat'], j),
          direction: 'inbound',
          summary: 'Question about an order',
          by: pick(owners, j),
          at,
        },
      };
    case 1:
      return {
        type: 'EarnLoyaltyPoints',
        data: { customerId, points: 50, reason: 'Order', reference: `order-${j}`, at },
      };
    case 2:
      return {
        type: 'ScheduleFollowUp',
        data: {
          customerId,
          followUpId: `fu-${j}`,
          dueAt: instantAt(epoch + (j * 12 + 48) * hour),
          assigneeId: pick(owners, j),
          at,
        },
      };
    case 3:
      return {
        type: 'RecordInteraction',
        data: {
          customerId,
          interactionId: `int-${j}-b`,
          channel: 'email',
          direction: 'outbound',
          summary: 'Answered the question',
          by: pick(owners, j),
          at,
        },
      };
    case 4:
      return j % 4 === 3
        ? {
            type: 'CancelFollowUp',
            data: { customerId, followUpId: `fu-${j}`, reason: 'No longer needed', at },
          }
        : { type: 'CompleteFollowUp', data: { customerId, followUpId: `fu-${j}`, at } };
    case 5:
      return {
        type: 'RecordSatisfactionScore',
        data: {
          customerId,
          surveyId: `survey-${j}`,
          score:
            j % 2 === 0 ? { kind: 'csat', value: 1 + (j % 5) } : { kind: 'nps', value: j % 11 },
          at,
        },
      };
    case 6:
      return {
        type: 'RedeemLoyaltyPoints',
        data: { customerId, points: 30, reason: 'Voucher', at },
      };
    case 7:
      return { type: 'AddCustomerTag', data: { customerId, tag: `promo-${j % 3}`, at } };
    case 8:
      return {
        type: 'AssignCustomerOwner',
        data: { customerId, ownerId: pick(owners, j + 1), at },
      };
    case 9:
      return { type: 'RemoveCustomerTag', data: { customerId, tag: `promo-${j % 3}`, at } };
    case 10:
      return {
        type: 'UpdateCustomerPreferences',
        data: { customerId, custom: { last_offer: `offer-${j}` }, at },
      };
    default: {
      const stages = [
        'marketing_qualified',
        'sales_qualified',
        'opportunity',
        'customer',
        'advocate',
      ];
      if (j < stages.length)
        return { type: 'AdvanceLifecycleStage', data: { customerId, stage: stages[j], at } };
      if (j % 10 === 5)
        return { type: 'ChurnCustomer', data: { customerId, reason: 'Cancelled the plan', at } };
      if (j % 10 === 6)
        return { type: 'ReactivateCustomer', data: { customerId, reason: 'Came back', at } };
      if (j % 10 === 7)
        return { type: 'AdvanceLifecycleStage', data: { customerId, stage: 'advocate', at } };
      return {
        type: 'ChangeCustomerEmail',
        data: { customerId, email: `ana.${j}@example.com`, at },
      };
    }
  }
};

interface LongHistory {
  readonly events: ReadonlyArray<CustomerEvent>;
  readonly commands: number;
  readonly state: CustomerState;
}

const buildHistory = (): LongHistory => {
  const register = {
    type: 'RegisterCustomer',
    data: {
      customerId: historyCustomer,
      party: { kind: 'person', givenName: 'Ana', familyName: 'Lopez' },
      email: 'ana.lopez@example.com',
      phone: '020 7183 8750',
      phoneRegion: 'GB',
      acquisition: { source: 'spring-fair-2025', channel: 'event' },
      ownerId: pick(owners, 0),
      at: instantAt(epoch),
    },
  };
  const events: CustomerEvent[] = [];
  let state = customerDecider.initialState;
  let commands = 0;
  const run = (raw: unknown): void => {
    const [command] = decodeAll<CustomerCommand>('customer history', decodeCustomerCommand, [raw]);
    if (command === undefined) throw new Error('unreachable: one command decoded');
    const decision = customerDecider.decide(command, state);
    commands += 1;
    const where = `customer history, command ${commands} (${command.type})`;
    if (E.isLeft(decision)) throw new ScenarioRefused(`${where} refused: ${decision.left.message}`);
    if (decision.right.length === 0) throw new ScenarioRefused(`${where} recorded nothing`);
    for (const event of decision.right) {
      state = customerDecider.evolve(state, event);
      events.push(event);
    }
  };
  run(register);
  for (let j = 0; events.length < historyEvents; j += 1) {
    for (let slot = 0; slot < 12 && events.length < historyEvents; slot += 1)
      run(historyCommand(j, slot));
  }
  return { events, commands, state };
};

interface FoldResult {
  readonly events: number;
  readonly commandsThatBuiltIt: number;
  /** Open ones are kept in full; closed ones only as ids. */
  readonly followUps: { readonly open: number; readonly closed: number };
  readonly answeredSurveys: number;
  readonly foldMs: { readonly median: number; readonly p95: number; readonly min: number };
  readonly eventsFoldedPerSecond: number;
  /** Median fold time of the first `events` events, for shorter prefixes and the whole history. */
  readonly growth: ReadonlyArray<{ readonly events: number; readonly medianMs: number }>;
  readonly decideCommand: string;
  readonly decideMicroseconds: { readonly median: number; readonly p95: number };
}

const foldOnce = (events: ReadonlyArray<CustomerEvent>): CustomerState => {
  let state = customerDecider.initialState;
  for (let e = 0; e < events.length; e += 1)
    state = customerDecider.evolve(state, events[e] as CustomerEvent);
  return state;
};

const measureFold = (): FoldResult => {
  const history = buildHistory();
  const { events, state } = history;
  if (state.status !== 'registered') throw new Error('the history did not register its customer');
  note(`customer history: ${events.length} events from ${history.commands} commands, all landed`);
  let sink = 0;
  for (let round = 1; round <= foldWarmups; round += 1) {
    sink += foldOnce(events).status.length;
    progress(`fold: warm-up ${round}/${foldWarmups}`);
  }
  const foldTimes: number[] = [];
  let folded: CustomerState = customerDecider.initialState;
  for (let round = 1; round <= foldRounds; round += 1) {
    const started = performance.now();
    folded = foldOnce(events);
    foldTimes.push(performance.now() - started);
    progress(`fold: timed round ${round}/${foldRounds}`);
  }
  if (JSON.stringify(folded) !== JSON.stringify(state)) {
    throw new Error('folding the history gave another state than building it');
  }
  const growth = prefixLengths.map((length) => {
    const prefix = events.slice(0, length);
    const times: number[] = [];
    for (let round = 1; round <= prefixRounds; round += 1) {
      const started = performance.now();
      sink += foldOnce(prefix).status.length;
      times.push(performance.now() - started);
      progress(`fold of the first ${length} events: round ${round}/${prefixRounds}`);
    }
    return { events: length, medianMs: median(times) };
  });
  const [next] = decodeAll<CustomerCommand>('one more command', decodeCustomerCommand, [
    {
      type: 'ScheduleFollowUp',
      data: {
        customerId: historyCustomer,
        followUpId: 'fu-next',
        dueAt: instantAt(epoch + 400 * day),
        assigneeId: pick(owners, 1),
        note: 'Renewal call',
        at: instantAt(epoch + 399 * day),
      },
    },
  ]);
  if (next === undefined) throw new Error('unreachable: one command decoded');
  const once = customerDecider.decide(next, folded);
  if (E.isLeft(once)) throw new ScenarioRefused(`one more command refused: ${once.left.message}`);
  if (once.right.length === 0) throw new ScenarioRefused('one more command recorded nothing');
  const decideTimes: number[] = [];
  for (let sample = 1; sample <= decideSamples; sample += 1) {
    const started = performance.now();
    for (let n = 0; n < decidesPerSample; n += 1) {
      const decision = customerDecider.decide(next, folded);
      sink += E.isRight(decision) ? decision.right.length : 0;
    }
    decideTimes.push(((performance.now() - started) * 1000) / decidesPerSample);
    progress(`decide on the folded state: sample ${sample}/${decideSamples}`);
  }
  if (sink === 0) throw new Error('unreachable: the measured work produced nothing');
  const foldMedian = median(foldTimes);
  return {
    events: events.length,
    commandsThatBuiltIt: history.commands,
    followUps: {
      open: state.followUps.open.length,
      closed: [...state.followUps.completed, ...state.followUps.cancelled].flat().length,
    },
    answeredSurveys: [...state.answeredSurveys.csat, ...state.answeredSurveys.nps].flat().length,
    foldMs: { median: foldMedian, p95: percentile(foldTimes, 95), min: Math.min(...foldTimes) },
    eventsFoldedPerSecond: events.length / (foldMedian / 1000),
    growth: [...growth, { events: events.length, medianMs: foldMedian }],
    decideCommand: `${next.type} (a new follow-up)`,
    decideMicroseconds: { median: median(decideTimes), p95: percentile(decideTimes, 95) },
  };
};

// ---------------------------------------------------------------------------------------------
// Output

const integer = (n: number): string => Math.round(n).toLocaleString('en-US');
const decimal = (n: number, digits: number): string =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** A plain-text table, numbers right-aligned, in Markdown pipe syntax so it pastes into docs. */
const table = (
  header: ReadonlyArray<string>,
  rows: ReadonlyArray<ReadonlyArray<string>>,
): string => {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: ReadonlyArray<string>, alignRight: boolean): string =>
    `| ${cells
      .map((cell, column) => {
        const width = widths[column] ?? 0;
        return alignRight && column > 0 ? cell.padStart(width) : cell.padEnd(width);
      })
      .join(' | ')} |`;
  const rule = `|${widths.map((width, column) => (column === 0 ? `${'-'.repeat(width + 2)}` : `${'-'.repeat(width + 1)}:`)).join('|')}|`;
  return [line(header, false), rule, ...rows.map((row) => line(row, true))].join('\n');
};

const machine = () => {
  const processors = cpus();
  return {
    node: process.version,
    v8: process.versions.v8,
    cpuModel: processors[0]?.model.trim() ?? 'unknown',
    cores: processors.length,
    platform: `${process.platform} ${process.arch}`,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
  };
};

const main = (): void => {
  const started = new Date();
  note(
    `building scenarios: ${customerCount} customers, ${dealCount} deals, ${ticketCount} tickets, ` +
      `${campaignCount} campaigns (scale ${scale}); ${warmupRounds} warm-up and ${timedRounds} timed rounds`,
  );
  const build = <TCommand>(
    count: number,
    label: string,
    decode: Decode<TCommand>,
    scenario: (i: number) => ReadonlyArray<unknown>,
  ) => Array.from({ length: count }, (_, i) => decodeAll(`${label} ${i}`, decode, scenario(i)));
  const customers = build<CustomerCommand>(
    customerCount,
    'customer',
    decodeCustomerCommand,
    customerScenario,
  );
  const deals = build<DealCommand>(dealCount, 'deal', decodeDealCommand, dealScenario);
  const tickets = build<TicketCommand>(ticketCount, 'ticket', decodeTicketCommand, ticketScenario);
  const campaigns = build<CampaignCommand>(
    campaignCount,
    'campaign',
    decodeCampaignCommand,
    campaignScenario,
  );

  const throughput = [
    measureThroughput('customer', customerDecider, customers),
    measureThroughput('deal', dealDecider, deals),
    measureThroughput('ticket', ticketDecider, tickets),
    measureThroughput('campaign', campaignDecider, campaigns),
  ];
  const fold = measureFold();
  const facts = machine();
  const command = `pnpm --filter @crm/domain bench${process.argv.slice(2).length > 0 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;

  if (asJson) {
    process.stdout.write(
      `${JSON.stringify(
        {
          benchmark: 'domain: decide + evolve',
          command,
          startedAt: started.toISOString(),
          machine: facts,
          settings: {
            scale,
            warmupRounds,
            timedRounds,
            foldWarmups,
            foldRounds,
            decideSamples,
            decidesPerSample,
          },
          throughput,
          fold,
        },
        null,
        2,
      )}\n`,
    );
    return;
  }
  const out = [
    `Domain: decide + evolve (${started.toISOString()})`,
    `Node ${facts.node} (V8 ${facts.v8}), ${facts.cpuModel}, ${facts.cores} cores, ${facts.platform}, ${facts.memoryGiB} GiB`,
    `Median of ${timedRounds} timed rounds after ${warmupRounds} warm-up rounds; every command landed (0 refused, 0 no-ops).`,
    '',
    table(
      [
        'Aggregate',
        'Entities',
        'Commands/round',
        'Events/round',
        'Median round (ms)',
        'Commands/s',
        'Events/s',
      ],
      throughput.map((row) => [
        row.aggregate,
        integer(row.entities),
        integer(row.commandsPerRound),
        integer(row.eventsPerRound),
        decimal(row.roundMs.median, 1),
        integer(row.commandsPerSecond),
        integer(row.eventsPerSecond),
      ]),
    ),
    '',
    `Customer history of ${integer(fold.events)} events (${integer(fold.commandsThatBuiltIt)} commands; ` +
      `${integer(fold.followUps.open + fold.followUps.closed)} follow-ups (${integer(fold.followUps.open)} open), ` +
      `${integer(fold.answeredSurveys)} surveys in the state); ` +
      `fold over ${foldRounds} rounds after ${foldWarmups} warm-ups, decide over ${decideSamples} samples of ${decidesPerSample}.`,
    '',
    table(
      ['Measure', 'Median', 'p95'],
      [
        [
          `Fold ${integer(fold.events)} events (ms)`,
          decimal(fold.foldMs.median, 2),
          decimal(fold.foldMs.p95, 2),
        ],
        ['Events folded per second', integer(fold.eventsFoldedPerSecond), ''],
        [
          `Decide ${fold.decideCommand} on that state (µs)`,
          decimal(fold.decideMicroseconds.median, 2),
          decimal(fold.decideMicroseconds.p95, 2),
        ],
      ],
    ),
    '',
    'How the fold time grows with the length of the history:',
    '',
    table(
      ['Events folded', 'Median fold (ms)', 'µs per event'],
      fold.growth.map((row) => [
        integer(row.events),
        decimal(row.medianMs, 2),
        decimal((row.medianMs * 1000) / row.events, 2),
      ]),
    ),
    '',
  ];
  process.stdout.write(out.join('\n'));
};

try {
  main();
} catch (error) {
  process.stderr.write(
    `${error instanceof ScenarioRefused ? 'Benchmark stopped: a scenario does not land.\n' : ''}${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
}
