import type { DomainEvent, RegisteredCustomer } from '@crm/domain';
import { describe, expect, it } from 'vitest';
import { products } from './catalogue.ts';
import { generateCrmHistory } from './generate-crm-history.ts';
import { e164Of } from './phone-numbers.ts';
import { decideAll } from './test-support.ts';

const history = generateCrmHistory({
  seed: 'realism',
  customers: 400,
  months: 24,
  startAt: '2024-01-01T00:00:00Z',
});
const { facts } = history;
const { decided, states } = decideAll(history);
const events: ReadonlyArray<DomainEvent> = decided.flatMap((entry) => entry.events);
const ofType = <TType extends DomainEvent['type']>(type: TType) =>
  events.filter((event): event is Extract<DomainEvent, { type: TType }> => event.type === type);
const count = (type: string) => events.filter((event) => event.type === type).length;
const customerState = (id: string) => states.get(`customer-${id}`) as RegisteredCustomer;

describe('the people and companies in a generated history', () => {
  const registered = ofType('CustomerRegistered');

  it('come from several countries, with valid phone numbers typed nationally and internationally', () => {
    const countries = new Set(
      registered.flatMap((e) => (e.data.address ? [e.data.address.country] : [])),
    );
    expect([...countries].sort()).toEqual(['CN', 'DE', 'ES', 'FR', 'GB', 'JP', 'US']);
    const prefixes = new Set(
      registered.flatMap((e) => (e.data.phone ? [e.data.phone.slice(0, 3)] : [])),
    );
    for (const code of ['+44', '+1', '+49', '+33', '+34', '+86', '+81'])
      expect([...prefixes].some((prefix) => prefix.startsWith(code))).toBe(true);
    const typed = decided.flatMap(({ item }) =>
      item.command.type === 'RegisterCustomer' && item.command.data.phone !== undefined
        ? [item.command.data]
        : [],
    );
    expect(typed.some((data) => data.phoneRegion !== undefined)).toBe(true);
    expect(typed.some((data) => data.phone?.startsWith('+'))).toBe(true);
    expect(typed.every((data) => e164Of(data.phone ?? '', data.phoneRegion) !== undefined)).toBe(
      true,
    );
  });

  it('are people and companies, each phone number and email belonging to one of them (duplicates aside)', () => {
    const kinds = new Set(registered.map((e) => e.data.party.kind));
    expect(kinds).toEqual(new Set(['person', 'company']));
    const duplicates = new Set<string>(facts.duplicates.map((pair) => pair.duplicateId));
    const phones = registered
      .filter((e) => !duplicates.has(e.data.customerId))
      .flatMap((e) => (e.data.phone ? [e.data.phone] : []));
    expect(new Set(phones).size).toBe(phones.length);
    const emails = registered
      .filter((e) => !duplicates.has(e.data.customerId))
      .flatMap((e) => (e.data.email ? [e.data.email] : []));
    expect(new Set(emails).size).toBe(emails.length);
  });

  it('include duplicates registered with the phone typed another way, merged into their survivors', () => {
    expect(facts.duplicates.length).toBeGreaterThanOrEqual(1);
    for (const { duplicateId, survivorId } of facts.duplicates) {
      const phoneOf = (id: string) => registered.find((e) => e.data.customerId === id)?.data.phone;
      expect(phoneOf(duplicateId)).toBe(phoneOf(survivorId));
      const typedOf = (id: string) => {
        for (const { item } of decided) {
          const { command } = item;
          if (command.type === 'RegisterCustomer' && command.data.customerId === id)
            return command.data;
        }
        return undefined;
      };
      expect(typedOf(duplicateId)?.phone).not.toBe(typedOf(survivorId)?.phone);
      expect(customerState(duplicateId).mergedInto).toBe(survivorId);
      expect(customerState(survivorId).absorbedDuplicates).toContain(duplicateId);
    }
  });

  it('have exactly one erasure, by the privacy officer, of the customer the facts name', () => {
    const erasures = decided.flatMap(({ item }) => {
      const { command } = item;
      return command.type === 'ErasePersonalData'
        ? [[command.data.customerId, item.actor.role]]
        : [];
    });
    expect(erasures).toEqual([[facts.erasedCustomerId, 'privacy_officer']]);
    const erasedAt = decided.findIndex(({ item }) => item.command.type === 'ErasePersonalData');
    const afterwards = decided
      .slice(erasedAt + 1)
      .filter(
        ({ item }) =>
          item.aggregate === 'customer' && item.command.data.customerId === facts.erasedCustomerId,
      );
    expect(afterwards).toEqual([]);
    const erased = customerState(facts.erasedCustomerId);
    expect([erased.party, erased.email, erased.phone, erased.erasedAt !== null]).toEqual([
      null,
      null,
      null,
      true,
    ]);
    expect(ofType('DealWon').some((e) => e.data.customerId === facts.erasedCustomerId)).toBe(true);
  });

  it('include the well-known customer, found by the national phone number the facts give', () => {
    const { customerId, phone } = facts.wellKnownCustomer;
    expect(e164Of(phone.typed, phone.region)).toBe(phone.e164);
    expect(phone.typed).toMatch(/^020 7946 0\d{3}$/);
    const state = customerState(customerId);
    expect(state.phone).toBe(phone.e164);
    expect(
      registered.filter((e) => e.data.phone === phone.e164).map((e) => e.data.customerId),
    ).toEqual([customerId]);
    const won = ofType('DealWon').filter((e) => e.data.customerId === customerId);
    expect(won.length).toBeGreaterThanOrEqual(3);
    expect(ofType('TicketOpened').some((e) => e.data.customerId === customerId)).toBe(true);
    expect(state.lastCommunication).not.toBeNull();
    expect(state.interactionCount).toBeGreaterThan(10);
    expect(state.lifecycle.stage).not.toBe('churned');
  });
});

describe('the lifecycle', () => {
  it('drops off stage by stage, with churn and reactivation', () => {
    const furthest = [...states.entries()]
      .filter(([stream]) => stream.startsWith('customer-'))
      .map(([, state]) => (state as RegisteredCustomer).lifecycle.furthestStage);
    const atLeast = (stages: ReadonlyArray<string>) =>
      furthest.filter((stage) => stages.includes(stage)).length;
    const mql = atLeast([
      'marketing_qualified',
      'sales_qualified',
      'opportunity',
      'customer',
      'advocate',
    ]);
    const opportunity = atLeast(['opportunity', 'customer', 'advocate']);
    const customer = atLeast(['customer', 'advocate']);
    expect(furthest.length).toBeGreaterThan(mql);
    expect(mql).toBeGreaterThan(opportunity);
    expect(opportunity).toBeGreaterThan(customer);
    expect(customer).toBeGreaterThan(atLeast(['advocate']));
    expect(count('CustomerChurned')).toBeGreaterThan(5);
    expect(count('CustomerReactivated')).toBeGreaterThan(0);
  });
});

describe('sales', () => {
  it('wins and loses deals, against named competitors', () => {
    expect(count('DealWon')).toBeGreaterThan(40);
    const lost = ofType('DealLost');
    expect(lost.length).toBeGreaterThan(20);
    expect(lost.some((e) => e.data.competitor !== null)).toBe(true);
    expect(count('DealStageChanged')).toBeGreaterThan(count('DealOpened'));
  });

  it('wins in EUR mostly, and in USD and GBP with the rate into the reporting currency', () => {
    const won = ofType('DealWon');
    const inEuro = won.filter((e) => e.data.currency === 'EUR');
    expect(inEuro.length).toBeGreaterThan(won.length / 2);
    expect(inEuro.every((e) => e.data.exchangeRate === null)).toBe(true);
    for (const currency of ['USD', 'GBP']) {
      const foreign = won.filter((e) => e.data.currency === currency);
      expect(foreign.length).toBeGreaterThan(0);
      expect(
        foreign.every(
          (e) => e.data.exchangeRate?.base === currency && e.data.exchangeRate.quote === 'EUR',
        ),
      ).toBe(true);
    }
  });

  it('sells from a catalogue of about twenty products, some at a loss, some at a high margin', () => {
    expect(products.length).toBe(20);
    const sold = new Set(
      ofType('DealWon').flatMap((e) => e.data.lineItems.map((line) => line.productId)),
    );
    expect(sold.size).toBeGreaterThan(12);
    const margins = products.map((p) => (p.listPriceEur - p.unitCostEur) / p.listPriceEur);
    expect(margins.filter((m) => m < 0).length).toBe(3);
    expect(margins.filter((m) => m > 0.6).length).toBeGreaterThan(3);
    expect(
      ofType('DealWon').some((e) =>
        e.data.lineItems.some((l) => l.unitCost.amountMinor > l.unitPrice.amountMinor),
      ),
    ).toBe(true);
  });

  it('delivers orders in full and in part, invoices them, and has some payments outstanding', () => {
    const deliveries = ofType('DeliveryRecorded');
    expect(deliveries.some((e) => !e.data.fullyDelivered)).toBe(true);
    expect(deliveries.some((e) => e.data.fullyDelivered)).toBe(true);
    expect(count('InvoiceIssued')).toBeGreaterThan(30);
    expect(ofType('PaymentRecorded').some((e) => e.data.invoiceOutstanding.amountMinor > 0)).toBe(
      true,
    );
    const owing = [...states.entries()].filter(
      ([stream, state]) =>
        stream.startsWith('deal-') &&
        (state as { order?: { outstanding: { amountMinor: number } } }).order?.outstanding
          .amountMinor,
    );
    expect(owing.length).toBeGreaterThan(0);
  });
});

describe('service and marketing', () => {
  it('handles tickets with replies, escalations, SLA breaches, resolutions and ratings', () => {
    expect(count('TicketOpened')).toBeGreaterThan(30);
    expect(count('TicketReplied')).toBeGreaterThan(count('TicketOpened'));
    expect(count('TicketEscalated')).toBeGreaterThan(0);
    expect(
      count('TicketFirstResponseSlaBreached') + count('TicketResolutionSlaBreached'),
    ).toBeGreaterThan(5);
    expect(count('TicketResolved')).toBeGreaterThan(20);
    expect(count('TicketRated')).toBeGreaterThan(5);
  });

  it('runs campaigns on several channels, with members, costs, a funnel of responses and conversions', () => {
    const channels = new Set(ofType('CampaignPlanned').map((e) => e.data.channel));
    expect(channels.size).toBeGreaterThanOrEqual(3);
    const responses = new Set(ofType('CampaignResponseRecorded').map((e) => e.data.response));
    for (const response of ['delivered', 'opened', 'clicked', 'converted'])
      expect(responses).toContain(response);
    expect(count('CampaignCostRecorded')).toBeGreaterThan(10);
    expect(ofType('DealOpened').some((e) => e.data.sourceCampaignId !== null)).toBe(true);
  });

  it('keeps customers engaged: interactions, follow-ups, surveys and loyalty points', () => {
    expect(count('InteractionRecorded')).toBeGreaterThan(400);
    expect(count('FollowUpScheduled')).toBeGreaterThan(count('FollowUpCompleted'));
    expect(count('FollowUpCompleted')).toBeGreaterThan(20);
    const scores = new Set(ofType('SatisfactionScoreRecorded').map((e) => e.data.score.kind));
    expect(scores).toEqual(new Set(['csat', 'nps']));
    expect(count('LoyaltyPointsEarned')).toBeGreaterThan(10);
    expect(count('LoyaltyPointsRedeemed')).toBeGreaterThan(0);
  });
});
