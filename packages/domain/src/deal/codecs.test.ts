import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import type { CurrencyCode, MinorUnits } from '../kernel/money.ts';
import { decodeDealCommand } from './commands.ts';
import { DealEvent, decodeDealEvent } from './events.ts';
import { moneyText } from './money-text.ts';
import { nextOpenStage, openDealStages, WinProbabilityPercent } from './stage.ts';
import { openDeal, won } from './test-fixtures.ts';

describe('deal command codecs', () => {
  it('decode a valid command and drop nothing', () => {
    const command = openDeal();
    expect(decodeDealCommand(JSON.parse(JSON.stringify(command)))).toEqual(E.right(command));
  });

  it('name the offending field of a bad command', () => {
    const raw = JSON.parse(JSON.stringify(openDeal()));
    raw.data.lineItems[1].quantity = 0;
    const result = decodeDealCommand(raw);
    expect(E.isLeft(result) && result.left.field).toBe('data.lineItems.1.quantity');
    const probability = decodeDealCommand({
      type: 'SetDealWinProbability',
      data: { dealId: 'deal-1', winProbabilityPercent: 101, at: '2025-03-01T09:00:00Z' },
    });
    expect(E.isLeft(probability) && probability.left.field).toBe('data.winProbabilityPercent');
  });

  it('report an unknown command type', () => {
    const result = decodeDealCommand({ type: 'CloseDeal', data: {} });
    expect(E.isLeft(result) && result.left.field).toBe('type');
  });
});

describe('deal event codecs', () => {
  it('read stored events at version 1', () => {
    for (const event of won) {
      const stored = JSON.parse(JSON.stringify(DealEvent.encode(event)));
      expect(decodeDealEvent(stored)).toEqual(E.right(event));
    }
  });

  it('refuse an unknown version or malformed data, naming the field', () => {
    const [opened] = won;
    const future = decodeDealEvent({ type: 'DealOpened', version: 9, data: opened?.data });
    expect(E.isLeft(future) && future.left.field).toBe('version');
    const bad = decodeDealEvent({
      type: 'DealOpened',
      version: 1,
      data: { ...opened?.data, currency: 'EURO' },
    });
    expect(E.isLeft(bad) && bad.left.field).toBe('data.currency');
  });
});

describe('stages and probabilities', () => {
  it('walk the open stages in order', () => {
    expect(openDealStages.map(nextOpenStage)).toEqual([
      'needs_analysis',
      'proposal',
      'negotiation',
      undefined,
    ]);
  });

  it('accept whole percentages 0–100 only', () => {
    expect([0, 55, 100].every((n) => WinProbabilityPercent.is(n))).toBe(true);
    expect([-1, 101, 12.5].some((n) => WinProbabilityPercent.is(n))).toBe(false);
  });
});

describe('moneyText', () => {
  const m = (amountMinor: number, currency: string) => ({
    amountMinor: amountMinor as MinorUnits,
    currency: currency as CurrencyCode,
  });

  it('writes amounts in the currency’s own minor digits', () => {
    expect(moneyText(m(123450, 'EUR'))).toBe('1234.50 EUR');
    expect(moneyText(m(5, 'EUR'))).toBe('0.05 EUR');
    expect(moneyText(m(-7, 'JPY'))).toBe('-7 JPY');
    expect(moneyText(m(1500, 'KWD'))).toBe('1.500 KWD');
  });
});
