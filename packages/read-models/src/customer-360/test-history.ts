import {
  advance,
  line,
  on,
  openDeal,
  registerCustomer,
  winDeal,
} from '../projection-kit/testing/commands.ts';
import { type EventHistory, eventHistory } from '../projection-kit/testing/event-history.ts';

// Test support: the story of Ana Lopez, a customer with a bit of everything.

const deal = (type: string, data: Record<string, unknown>) => ({ type, data });
const ticket = (type: string, data: Record<string, unknown>) => ({ type, data });
const customer = (type: string, data: Record<string, unknown>) => ({ type, data });

/** Ana: profile, lifecycle, five deals (three won in EUR, USD and GBP), two tickets, a campaign. */
export const anaHistory = (): EventHistory =>
  eventHistory()
    .run(
      'customer',
      registerCustomer('c-ana', on('2025-01-02'), {
        givenName: 'Ana',
        familyName: 'Lopez',
        email: ' Ana.Lopez@Example.COM ',
        phone: '020 7183 8750',
        phoneRegion: 'GB',
      }),
      registerCustomer('c-bo', on('2025-01-03'), { givenName: 'Bo', familyName: 'Lindqvist' }),
      customer('ChangeCustomerAddress', {
        customerId: 'c-ana',
        address: { lines: ['1 Main St'], city: 'Leeds', postalCode: 'LS1 1AA', country: 'GB' },
        at: on('2025-01-04'),
      }),
      customer('AddCustomerTag', { customerId: 'c-ana', tag: 'vip', at: on('2025-01-04') }),
      customer('UpdateCustomerPreferences', {
        customerId: 'c-ana',
        preferredChannel: 'email',
        language: 'en-GB',
        custom: { call_window: 'mornings only' },
        at: on('2025-01-04'),
      }),
      advance('c-ana', 'opportunity', on('2025-01-10')),
      advance('c-ana', 'customer', on('2025-02-01')),
      customer('RecordInteraction', {
        customerId: 'c-ana',
        interactionId: 'call-1',
        channel: 'call',
        direction: 'inbound',
        summary: 'Asked when the chairs arrive',
        by: 'user-rep',
        at: on('2025-02-10'),
      }),
      customer('ScheduleFollowUp', {
        customerId: 'c-ana',
        followUpId: 'fu-1',
        dueAt: on('2025-03-20'),
        assigneeId: 'user-rep',
        note: 'Call Ana about the table',
        at: on('2025-02-10'),
      }),
      customer('ScheduleFollowUp', {
        customerId: 'c-ana',
        followUpId: 'fu-2',
        dueAt: on('2025-03-01'),
        assigneeId: 'user-rep',
        at: on('2025-02-10'),
      }),
      customer('ScheduleFollowUp', {
        customerId: 'c-ana',
        followUpId: 'fu-3',
        dueAt: on('2025-02-20'),
        assigneeId: 'user-rep',
        at: on('2025-02-10'),
      }),
      customer('CompleteFollowUp', {
        customerId: 'c-ana',
        followUpId: 'fu-3',
        at: on('2025-02-19'),
      }),
      customer('RecordSatisfactionScore', {
        customerId: 'c-ana',
        surveyId: 's-1',
        score: { kind: 'csat', value: 4 },
        at: on('2025-02-11'),
      }),
      customer('RecordSatisfactionScore', {
        customerId: 'c-ana',
        surveyId: 's-2',
        score: { kind: 'nps', value: 9 },
        at: on('2025-02-12'),
      }),
      customer('RecordSatisfactionScore', {
        customerId: 'c-ana',
        surveyId: 's-3',
        score: { kind: 'nps', value: 6 },
        at: on('2025-02-25'),
      }),
      customer('EarnLoyaltyPoints', {
        customerId: 'c-ana',
        points: 100,
        reason: 'order d-1',
        at: on('2025-02-01'),
      }),
      customer('RedeemLoyaltyPoints', {
        customerId: 'c-ana',
        points: 30,
        reason: 'voucher',
        at: on('2025-02-15'),
      }),
    )
    .run(
      'deal',
      // d-1: 3 chairs and a table in EUR; two chairs delivered, 300.00 of 800.00 paid.
      openDeal('d-1', 'c-ana', on('2025-01-10'), [
        line('p-chair', 3, 10_000, 6_000),
        line('p-table', 1, 50_000, 30_000),
      ]),
      winDeal('d-1', on('2025-02-01')),
      deal('RecordDelivery', {
        dealId: 'd-1',
        deliveryId: 'dl-1',
        lines: [{ productId: 'p-chair', quantity: 2 }],
        at: on('2025-02-05'),
      }),
      deal('IssueInvoice', {
        dealId: 'd-1',
        invoiceId: 'inv-1',
        amount: { amountMinor: 80_000, currency: 'EUR' },
        dueDate: '2025-03-01',
        at: on('2025-02-02'),
      }),
      deal('RecordPayment', {
        dealId: 'd-1',
        paymentId: 'pay-1',
        invoiceId: 'inv-1',
        amount: { amountMinor: 30_000, currency: 'EUR' },
        at: on('2025-02-08'),
      }),
      // d-2: in USD, won at 0.9 to EUR, delivered and paid in full.
      openDeal('d-2', 'c-ana', on('2025-01-12'), [line('p-lamp', 1, 10_000, 5_000, 'USD')], 'USD'),
      winDeal('d-2', on('2025-01-20'), { base: 'USD', quote: 'EUR', rate: '0.9' }),
      deal('RecordDelivery', {
        dealId: 'd-2',
        deliveryId: 'dl-2',
        lines: [{ productId: 'p-lamp', quantity: 1 }],
        at: on('2025-01-22'),
      }),
      deal('IssueInvoice', {
        dealId: 'd-2',
        invoiceId: 'inv-2',
        amount: { amountMinor: 10_000, currency: 'USD' },
        dueDate: '2025-02-20',
        at: on('2025-01-21'),
      }),
      deal('RecordPayment', {
        dealId: 'd-2',
        paymentId: 'pay-2',
        invoiceId: 'inv-2',
        amount: { amountMinor: 10_000, currency: 'USD' },
        at: on('2025-01-30'),
      }),
      // d-3: in GBP, won without a rate: kept apart, unconverted.
      openDeal('d-3', 'c-ana', on('2025-01-12'), [line('p-rug', 1, 4_000, 1_000, 'GBP')], 'GBP'),
      winDeal('d-3', on('2025-01-25')),
      // d-4 and d-5 are in the pipeline; d-6 was lost.
      openDeal('d-4', 'c-ana', on('2025-02-20'), [line('p-sofa', 1, 20_000, 12_000)]),
      openDeal('d-5', 'c-ana', on('2025-02-21'), [line('p-desk', 1, 10_000, 6_000)]),
      deal('MoveDealToStage', { dealId: 'd-5', stage: 'proposal', at: on('2025-02-22') }),
      openDeal('d-6', 'c-ana', on('2025-01-05'), [line('p-bed', 1, 90_000, 60_000)]),
      deal('LoseDeal', { dealId: 'd-6', reason: 'too expensive', at: on('2025-01-15') }),
    )
    .run(
      'ticket',
      ticket('OpenTicket', {
        ticketId: 't-1',
        customerId: 'c-ana',
        dealId: 'd-1',
        subject: 'Ana: one chair is scratched',
        description: 'The second chair arrived scratched.',
        channel: 'email',
        category: 'complaint',
        priority: 'urgent',
        at: on('2025-02-06'),
      }),
      ticket('CheckTicketSla', { ticketId: 't-1', at: on('2025-02-06', '12:00:00') }),
      ticket('ReplyToTicket', {
        ticketId: 't-1',
        replyId: 'r-1',
        author: { kind: 'agent', userId: 'user-agent' },
        visibility: 'internal',
        body: 'Check with the warehouse',
        at: on('2025-02-06', '13:00:00'),
      }),
      ticket('ReplyToTicket', {
        ticketId: 't-1',
        replyId: 'r-2',
        author: { kind: 'agent', userId: 'user-agent' },
        visibility: 'public',
        body: 'We will replace the chair, Ana.',
        at: on('2025-02-06', '14:00:00'),
      }),
      ticket('ResolveTicket', {
        ticketId: 't-1',
        resolution: 'Chair replaced',
        at: on('2025-02-09'),
      }),
      ticket('RateTicket', { ticketId: 't-1', score: 2, at: on('2025-02-09', '10:00:00') }),
      ticket('CloseTicket', { ticketId: 't-1', at: on('2025-02-09', '11:00:00') }),
      ticket('OpenTicket', {
        ticketId: 't-2',
        customerId: 'c-ana',
        subject: 'Question about the table',
        description: 'When does the table come?',
        channel: 'phone',
        category: 'question',
        priority: 'low',
        at: on('2025-02-26'),
      }),
    )
    .run(
      'campaign',
      {
        type: 'PlanCampaign',
        data: {
          campaignId: 'camp-1',
          name: 'Spring sale',
          channel: 'email',
          budget: { amountMinor: 100_000, currency: 'EUR' },
          period: { start: '2025-02-01', end: '2025-03-31' },
          targetSegment: { tags: ['vip'], lifecycleStages: ['customer'] },
          at: on('2025-01-20'),
        },
      },
      {
        type: 'AddCampaignMembers',
        data: { campaignId: 'camp-1', customerIds: ['c-ana', 'c-bo'], at: on('2025-01-21') },
      },
      { type: 'LaunchCampaign', data: { campaignId: 'camp-1', at: on('2025-02-01') } },
      {
        type: 'RecordCampaignResponse',
        data: { campaignId: 'camp-1', customerId: 'c-ana', response: 'sent', at: on('2025-02-01') },
      },
      {
        type: 'RecordCampaignResponse',
        data: {
          campaignId: 'camp-1',
          customerId: 'c-ana',
          response: 'converted',
          at: on('2025-02-03'),
        },
      },
      {
        type: 'RecordCampaignResponse',
        data: {
          campaignId: 'camp-1',
          customerId: 'c-bo',
          response: 'bounced',
          at: on('2025-02-01'),
        },
      },
    );
