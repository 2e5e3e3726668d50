import type { Customer360 } from '@crm/read-models';
import { count, day, decimal, instant, money, truncate } from './format.ts';
import { renderTable } from './table.ts';

const average = (value: { count: number; average: number | null }): string =>
  value.count === 0 ? '–' : `${decimal(value.average, 1)} (${count(value.count)})`;

/** The 360° view of one customer for a person on the phone: profile, orders, activity. */
export const renderCustomer360 = (
  view: Customer360,
  options: {
    readonly reportingCurrency: string;
    readonly orders?: number;
    readonly timeline?: number;
  },
): string => {
  const currency = options.reportingCurrency;
  const name =
    view.name?.display ?? (view.erasedAt === null ? '(no name)' : '(personal data erased)');
  const pipeline = view.deals.pipeline.map(
    (p) => `${money(p.valueMinor, p.currency)} (weighted ${money(p.weightedMinor, p.currency)})`,
  );
  const owed = view.outstandingBalance.map((o) => money(o.amountMinor, o.currency));
  const unconverted = view.won.unconverted.map(
    (u) => `${u.deals} in ${u.currency}: ${money(u.revenueMinor, u.currency)}`,
  );
  const facts: Array<[string, string]> = [
    ['customer', `${name} (${view.kind}) · ${view.customerId}`],
    ['contact', [view.phone ?? 'no phone', view.email ?? 'no email'].join(' · ')],
    ...(view.address === null
      ? []
      : [
          [
            'address',
            [
              ...view.address.lines,
              [view.address.postalCode, view.address.city].filter(Boolean).join(' '),
              view.address.country,
            ].join(', '),
          ] as [string, string],
        ]),
    [
      'owner',
      `${view.ownerId} · registered ${day(view.registeredAt)} via ${view.acquisition.channel} (${view.acquisition.source})`,
    ],
    [
      'lifecycle',
      `${view.lifecycle.stage} since ${day(view.lifecycle.since)} · furthest ${view.lifecycle.furthestStage}`,
    ],
    ...(view.tags.length === 0 ? [] : [['tags', view.tags.join(', ')] as [string, string]]),
    ...(view.mergedInto === null ? [] : [['merged into', view.mergedInto] as [string, string]]),
    ...(view.mergedDuplicates.length === 0
      ? []
      : [['duplicates merged', view.mergedDuplicates.join(', ')] as [string, string]]),
    ...(view.erasedAt === null ? [] : [['erased', instant(view.erasedAt)] as [string, string]]),
    [
      'deals',
      `${count(view.deals.won)} won · ${count(view.deals.lost)} lost · ${count(view.deals.open)} open${pipeline.length === 0 ? '' : ` worth ${pipeline.join(', ')}`}`,
    ],
    [
      'won (all orders)',
      `revenue ${money(view.won.revenueMinor, currency)} · profit ${money(view.won.profitMinor, currency)}${unconverted.length === 0 ? '' : ` · not converted: ${unconverted.join(', ')}`}`,
    ],
    ['still owed', owed.length === 0 ? 'nothing' : owed.join(', ')],
    [
      'tickets',
      `${count(view.tickets.open)} open of ${count(view.tickets.total)} · SLA breaches ${count(view.tickets.slaBreaches)}`,
    ],
    [
      'satisfaction',
      `CSAT ${average(view.satisfaction.csat.combined)} · NPS ${average(view.satisfaction.nps)}${view.satisfaction.nps.latest === null ? '' : `, latest ${view.satisfaction.nps.latest}`}`,
    ],
    [
      'campaigns',
      `${count(view.campaigns.memberships)} · reached ${count(view.campaigns.touches)} · converted ${count(view.campaigns.conversions)}`,
    ],
    [
      'loyalty',
      `${count(view.loyalty.balance)} points (earned ${count(view.loyalty.earned)}, redeemed ${count(view.loyalty.redeemed)})`,
    ],
    [
      'next follow-up',
      view.nextFollowUp === null
        ? 'none'
        : `${instant(view.nextFollowUp.dueAt)} by ${view.nextFollowUp.assigneeId}${view.nextFollowUp.note === null ? '' : ` — ${truncate(view.nextFollowUp.note, 60)}`}`,
    ],
    [
      'last contact',
      view.lastCommunication === null
        ? 'none'
        : `${instant(view.lastCommunication.at)} ${view.lastCommunication.channel} ${view.lastCommunication.direction} by ${view.lastCommunication.by ?? 'the customer'}${view.lastCommunication.summary === null ? '' : ` — ${truncate(view.lastCommunication.summary, 70)}`}`,
    ],
  ];
  const parts = [renderTable({ head: ['360° view', ''], rows: facts, maxWidth: 100 })];
  const orders = view.orders.slice(0, options.orders ?? 5);
  if (orders.length > 0) {
    parts.push(
      `Orders (${orders.length} latest of ${view.orders.length})`,
      renderTable({
        head: ['won', 'deal', 'title', 'revenue', 'delivery', 'payment', 'outstanding'],
        right: [3, 6],
        rows: orders.map((order) => [
          day(order.wonAt),
          order.dealId,
          truncate(order.title ?? '(erased)', 28),
          money(order.revenueMinor, order.currency),
          order.deliveryStatus.replace(/_/g, ' '),
          order.paymentStatus.replace(/_/g, ' '),
          money(order.outstandingMinor, order.currency),
        ]),
      }),
    );
  }
  const timeline = view.timeline.slice(0, options.timeline ?? 8);
  if (timeline.length > 0) {
    parts.push(
      'Recent activity',
      renderTable({
        head: ['when', 'what', 'detail'],
        rows: timeline.map((entry) => [
          instant(entry.at),
          truncate(entry.title, 44),
          truncate(entry.summary ?? '', 50),
        ]),
      }),
    );
  }
  return parts.join('\n');
};
