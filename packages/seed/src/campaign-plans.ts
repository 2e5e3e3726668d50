import type { CampaignResponse, LifecycleStage } from '@crm/domain';
import { interests } from './catalogue.ts';
import type { CampaignModel } from './models.ts';

/** A campaign channel. */
export type Channel = CampaignModel['channel'];

/** Whom a campaign is for, and the channels that suit them. */
export interface Segment {
  readonly name: string;
  readonly tags: ReadonlyArray<string>;
  readonly stages: ReadonlyArray<LifecycleStage>;
  readonly channels: ReadonlyArray<Channel>;
}

/** The segments campaigns are planned for: nurture, upsell, offers, events, win-back, interests. */
export const segments: ReadonlyArray<Segment> = [
  {
    name: 'Nurture',
    tags: ['newsletter'],
    stages: ['lead', 'marketing_qualified'],
    channels: ['email', 'social'],
  },
  { name: 'Upsell', tags: ['b2b'], stages: ['customer', 'advocate'], channels: ['email', 'event'] },
  {
    name: 'Consumer offers',
    tags: ['b2c', 'newsletter'],
    stages: ['customer', 'reactivated', 'advocate'],
    channels: ['email', 'sms'],
  },
  {
    name: 'Pipeline event',
    tags: ['b2b'],
    stages: ['marketing_qualified', 'sales_qualified', 'opportunity'],
    channels: ['event'],
  },
  { name: 'Win-back', tags: ['b2b', 'b2c'], stages: ['churned'], channels: ['email', 'sms'] },
  ...interests.map((interest) => ({
    name: `Interest: ${interest}`,
    tags: [`interest:${interest}`],
    stages: ['lead', 'marketing_qualified', 'sales_qualified', 'customer', 'reactivated'] as const,
    channels: ['social', 'email'] as const,
  })),
];

/** Budget ranges per channel, in euros. */
export const budgetEuros: Readonly<Record<Channel, readonly [number, number]>> = {
  email: [1_500, 6_000],
  sms: [1_000, 4_000],
  social: [4_000, 20_000],
  event: [8_000, 40_000],
};

/** How long a campaign runs per channel, in days. */
export const durationDays: Readonly<Record<Channel, readonly [number, number]>> = {
  email: [10, 21],
  sms: [5, 10],
  social: [14, 35],
  event: [7, 21],
};

/** The chance of each next response, from the member's current one, per channel. */
export const funnel: Readonly<
  Record<
    Channel,
    Readonly<Partial<Record<string, ReadonlyArray<readonly [CampaignResponse | 'stop', number]>>>>
  >
> = {
  email: {
    added: [
      ['bounced', 3],
      ['delivered', 97],
    ],
    delivered: [
      ['opened', 30],
      ['unsubscribed', 1],
      ['stop', 69],
    ],
    opened: [
      ['clicked', 30],
      ['unsubscribed', 1],
      ['stop', 69],
    ],
    clicked: [
      ['responded', 35],
      ['stop', 65],
    ],
    responded: [
      ['converted', 30],
      ['stop', 70],
    ],
  },
  sms: {
    added: [
      ['bounced', 2],
      ['delivered', 98],
    ],
    delivered: [
      ['clicked', 7],
      ['unsubscribed', 1.5],
      ['stop', 91.5],
    ],
    clicked: [
      ['responded', 30],
      ['stop', 70],
    ],
    responded: [
      ['converted', 30],
      ['stop', 70],
    ],
  },
  social: {
    added: [['delivered', 100]],
    delivered: [
      ['opened', 20],
      ['stop', 80],
    ],
    opened: [
      ['clicked', 30],
      ['stop', 70],
    ],
    clicked: [
      ['responded', 30],
      ['stop', 70],
    ],
    responded: [
      ['converted', 25],
      ['stop', 75],
    ],
  },
  event: {
    added: [['delivered', 100]],
    delivered: [
      ['opened', 35],
      ['stop', 65],
    ],
    opened: [
      ['responded', 40],
      ['stop', 60],
    ],
    responded: [
      ['converted', 30],
      ['stop', 70],
    ],
  },
};
