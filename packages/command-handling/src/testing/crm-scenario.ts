import type { CommandContext } from '../handling/command-context.ts';

/** One step of a scenario: the command and who sends it, under which command id. */
export interface ScenarioStep {
  readonly command: { readonly type: string; readonly data: Readonly<Record<string, unknown>> };
  readonly context: CommandContext;
}

const rep = { id: 'u-rep-jo', role: 'sales_rep' } as const;
const agent = { id: 'u-agent-sam', role: 'service_agent' } as const;

const step = (
  commandId: string,
  actor: CommandContext['actor'],
  type: string,
  data: Readonly<Record<string, unknown>>,
): ScenarioStep => ({
  command: { type, data },
  context: { commandId, actor, correlationId: `scenario-${commandId}` },
});

/**
 * The personal data of the scenario's customer, as the commands give it and as stored after
 * normalisation (the email lower-cased, the phone in E.164). After erasure none may appear
 * anywhere in the database.
 */
export const scenarioPersonalValues: ReadonlyArray<string> = [
  'Ana-Maria',
  'Quintanilla',
  'Ana.Quintanilla@Example.org',
  'ana.quintanilla@example.org',
  '+44 20 7183 8750',
  '+442071838750',
  '221B Baker Street',
  'Marylebone',
  'NW1 6XE',
  'asked about the Quintanilla kitchen quote',
  'call Ana-Maria back about the tiles',
  'Quintanilla kitchen renovation',
  'Ana-Maria: tiles arrived broken',
  'Ana-Maria says three tiles were cracked',
  'Dear Ana-Maria, new tiles are on their way',
];

/**
 * A small CRM story for one customer, `c-ana`, owned by the rep `u-rep-jo`: registration with
 * name, email, phone and address; an interaction and a follow-up; a deal opened and won (the
 * policies move her to `customer`); a complaint ticket with a reply. Every step's personal
 * data is in `scenarioPersonalValues`.
 */
export const crmScenario = (customerId = 'c-ana', suffix = ''): ReadonlyArray<ScenarioStep> => {
  const dealId = `d-kitchen${suffix}`;
  const ticketId = `t-tiles${suffix}`;
  return [
    step(`register${suffix}`, rep, 'RegisterCustomer', {
      customerId,
      party: { kind: 'person', givenName: 'Ana-Maria', familyName: 'Quintanilla' },
      acquisition: { source: 'spring-fair-2026', channel: 'event' },
      ownerId: rep.id,
      email: 'Ana.Quintanilla@Example.org',
      phone: '+44 20 7183 8750',
      address: {
        lines: ['221B Baker Street'],
        city: 'Marylebone',
        postalCode: 'NW1 6XE',
        country: 'GB',
      },
      at: '2026-03-01T09:00:00Z',
    }),
    step(`interaction${suffix}`, rep, 'RecordInteraction', {
      customerId,
      interactionId: 'i-1',
      channel: 'call',
      direction: 'inbound',
      summary: 'asked about the Quintanilla kitchen quote',
      by: rep.id,
      at: '2026-03-01T10:00:00Z',
    }),
    step(`follow-up${suffix}`, rep, 'ScheduleFollowUp', {
      customerId,
      followUpId: 'f-1',
      dueAt: '2026-03-05T10:00:00Z',
      assigneeId: rep.id,
      note: 'call Ana-Maria back about the tiles',
      at: '2026-03-01T10:05:00Z',
    }),
    step(`open-deal${suffix}`, rep, 'OpenDeal', {
      dealId,
      customerId,
      ownerId: rep.id,
      title: 'Quintanilla kitchen renovation',
      expectedCloseDate: '2026-04-30',
      currency: 'EUR',
      lineItems: [
        {
          productId: 'p-tiles',
          quantity: 40,
          unitPrice: { amountMinor: 2500, currency: 'EUR' },
          unitCost: { amountMinor: 1500, currency: 'EUR' },
        },
      ],
      at: '2026-03-02T09:00:00Z',
    }),
    step(`win-deal${suffix}`, rep, 'WinDeal', { dealId, at: '2026-03-10T16:00:00Z' }),
    step(`open-ticket${suffix}`, agent, 'OpenTicket', {
      ticketId,
      customerId,
      subject: 'Ana-Maria: tiles arrived broken',
      description: 'Ana-Maria says three tiles were cracked',
      channel: 'phone',
      category: 'complaint',
      priority: 'high',
      dealId,
      at: '2026-03-12T09:00:00Z',
    }),
    step(`reply${suffix}`, agent, 'ReplyToTicket', {
      ticketId,
      replyId: 'r-1',
      author: { kind: 'agent', userId: agent.id },
      visibility: 'public',
      body: 'Dear Ana-Maria, new tiles are on their way',
      at: '2026-03-12T09:30:00Z',
    }),
  ];
};

/** The privacy officer's erasure of the scenario's customer. */
export const eraseScenarioCustomer = (customerId = 'c-ana', suffix = ''): ScenarioStep =>
  step(`erase${suffix}`, { id: 'u-privacy-kim', role: 'privacy_officer' }, 'ErasePersonalData', {
    customerId,
    reason: 'Erasure request under GDPR article 17',
    at: '2026-04-01T09:00:00Z',
  });
