import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { CampaignCommand, decodeCampaignCommand } from './commands.ts';
import { CampaignEvent, campaignUpcasters, decodeCampaignEvent } from './events.ts';
import {
  addMembers,
  cancel,
  complete,
  cost,
  customer,
  launch,
  launched,
  money,
  plan,
  respond,
} from './test-fixtures.ts';

const commands = [
  plan(),
  addMembers(customer(1), customer(2)),
  launch,
  respond(customer(1), 'converted'),
  cost(money(1_999, 'JPY')),
  complete,
  cancel,
];

// What a store or a network hands back: the same JSON, none of the original objects.
const viaJson = <T>(value: T): T => JSON.parse(JSON.stringify(value));

describe('campaign command codecs', () => {
  it('decode what they encode', () => {
    for (const command of commands) {
      expect(decodeCampaignCommand(viaJson(CampaignCommand.encode(command)))).toEqual(
        E.right(command),
      );
    }
  });

  it('name the offending field', () => {
    const sent = respond(customer(1), 'sent');
    const badResponse = { ...sent, data: { ...sent.data, response: 'liked' } };
    expect(decodeCampaignCommand(badResponse)).toMatchObject({
      left: { _tag: 'InvalidInput', field: 'data.response' },
    });
    const planned = plan();
    const segment = { tags: [], lifecycleStages: ['prospect'] };
    const badStage = { ...planned, data: { ...planned.data, targetSegment: segment } };
    expect(decodeCampaignCommand(badStage)).toMatchObject({
      left: { field: 'data.targetSegment.lifecycleStages.0' },
    });
    const spent = cost(money(1));
    const badCost = {
      ...spent,
      data: { ...spent.data, amount: { amountMinor: 1.5, currency: 'EUR' } },
    };
    expect(decodeCampaignCommand(badCost)).toMatchObject({
      left: { field: 'data.amount.amountMinor' },
    });
  });

  it('report an unknown command type', () => {
    expect(decodeCampaignCommand({ type: 'ArchiveCampaign', data: {} })).toMatchObject({
      left: { _tag: 'InvalidInput', field: 'type' },
    });
  });
});

describe('campaign event codecs', () => {
  const events = launched(respond(customer(1), 'clicked'), cost(money(10)), complete);

  it('decode stored events of the current version', () => {
    expect(campaignUpcasters).toEqual([]);
    for (const event of [...events, ...launched(cancel)]) {
      expect(decodeCampaignEvent(viaJson(CampaignEvent.encode(event)))).toEqual(E.right(event));
    }
  });

  it('refuse an unknown version', () => {
    const [planned] = events;
    if (planned === undefined) throw new Error('expected a plan');
    expect(decodeCampaignEvent({ ...planned, version: 0 })).toMatchObject({
      left: { _tag: 'InvalidInput', field: 'version' },
    });
  });
});
