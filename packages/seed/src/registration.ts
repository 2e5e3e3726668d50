import type {
  AcquisitionChannel,
  AcquisitionSource,
  InteractionChannel,
  LanguageTag,
  PartyKind,
  PreferenceKey,
  PreferenceValue,
} from '@crm/domain';
import { text } from './brands.ts';
import { addMonths, day, minute, officeTimeFrom } from './calendar.ts';
import { type Interest, interests } from './catalogue.ts';
import { addTag, favouriteProduct, isActive, ownerOf, recordInteraction } from './customer-actions.ts';
import { scheduleDuplicate } from './duplicates.ts';
import { customerIdOf, type HistoryPlan } from './history-plan.ts';
import { type Identity, makeIdentity } from './identities.ts';
import { gb } from './locales/gb.ts';
import { locales } from './locales/index.ts';
import type { Locale } from './locales/locale.ts';
import type { CustomerModel, ProspectReach } from './models.ts';
import { fill, inboundFirstContact } from './phrases.ts';
import { startProspect } from './prospect-journey.ts';
import type { Random } from './random.ts';
import type { Simulation } from './simulation.ts';
import { repFor } from './staffing.ts';
import { openTicket } from './ticket-flow.ts';

const channelWeights: Readonly<Record<PartyKind, ReadonlyArray<readonly [AcquisitionChannel, number]>>> = {
  person: [['organic_search', 25], ['paid_ads', 15], ['social', 15], ['email', 8], ['referral', 12], ['partner', 2], ['event', 5], ['direct', 12], ['outbound', 2], ['other', 4]],
  company: [['organic_search', 15], ['paid_ads', 10], ['social', 8], ['email', 5], ['referral', 12], ['partner', 12], ['event', 13], ['direct', 5], ['outbound', 18], ['other', 2]],
};

const qualificationBonus: Readonly<Partial<Record<AcquisitionChannel, number>>> = {
  referral: 0.2,
  event: 0.1,
  partner: 0.1,
  outbound: -0.1,
  paid_ads: -0.05,
};

const sourceOf = (simulation: Simulation, channel: AcquisitionChannel, year: number): string => {
  const { random } = simulation;
  switch (channel) {
    case 'organic_search':
      return random.pick(['google', 'bing', 'duckduckgo']);
    case 'paid_ads':
      return `${random.pick(['google-ads', 'linkedin-ads', 'meta-ads'])}-${year}`;
    case 'social':
      return random.pick(['linkedin', 'instagram', 'facebook', 'youtube']);
    case 'email':
      return random.pick(['newsletter-signup', 'webinar-registration']);
    case 'referral': {
      const referrer = simulation.customers.length > 0 ? random.pick(simulation.customers) : undefined;
      return referrer === undefined ? 'referral:word-of-mouth' : `referral:${referrer.id}`;
    }
    case 'partner':
      return random.pick(['partner:northwind-resellers', 'partner:alpen-it-haus', 'partner:bluepeak-msp']);
    case 'event':
      return `${random.pick(['spring-tech-fair', 'office-expo', 'smb-it-summit', 'regional-roadshow'])}-${year}`;
    case 'direct':
      return random.pick(['walk-in', 'phone-in', 'website']);
    case 'outbound':
      return random.pick(['cold-call', 'cold-email', 'account-based']);
    case 'other':
      return 'unknown';
  }
};

const reachOf = (random: Random, kind: PartyKind, channel: AcquisitionChannel): ProspectReach => {
  const marketingQualified = (kind === 'company' ? 0.65 : 0.6) + (qualificationBonus[channel] ?? 0);
  if (!random.chance(marketingQualified)) return random.chance(0.1) ? 'deal' : 'lead';
  if (!random.chance(0.7)) return 'marketing_qualified';
  return random.chance(0.8) ? 'deal' : 'sales_qualified';
};

const seatsOf = (random: Random, kind: PartyKind): number =>
  kind === 'person'
    ? 1
    : random.weighted<() => number>([
        [() => random.int(5, 20), 60],
        [() => random.int(20, 100), 30],
        [() => random.int(100, 400), 10],
      ])();

const welcome = (simulation: Simulation, customer: CustomerModel, channel: AcquisitionChannel, source: string): void => {
  const { random } = simulation;
  const owner = ownerOf(customer);
  addTag(simulation, customer, owner, customer.identity.kind === 'company' ? 'b2b' : 'b2c');
  if (customer.email !== '' && random.chance(0.6)) addTag(simulation, customer, owner, 'newsletter');
  if (random.chance(0.4)) addTag(simulation, customer, owner, `interest:${customer.interest}`);
  if (random.chance(0.35)) {
    const preferred = random.pick<InteractionChannel>(['email', 'call', 'chat', 'meeting']);
    const optOuts: InteractionChannel[] = random.chance(0.2) ? (preferred === 'call' ? ['social'] : ['call']) : [];
    simulation.customer(
      {
        type: 'UpdateCustomerPreferences',
        data: {
          customerId: customer.id,
          preferredChannel: preferred,
          language: customer.locale.language as LanguageTag,
          ...(optOuts.length > 0 ? { optOuts } : {}),
          ...(random.chance(0.3)
            ? { custom: { ['call_window' as PreferenceKey]: random.pick(['mornings', 'afternoons', 'after 17:00']) as PreferenceValue } }
            : {}),
          at: simulation.at(),
        },
      },
      owner,
    );
    customer.preferredChannel = preferred;
    customer.language = customer.locale.language;
  }
  const inbound = !['outbound', 'event', 'partner'].includes(channel);
  if (random.chance(0.55)) {
    const summary = inbound
      ? fill(random.pick(inboundFirstContact), { p: favouriteProduct(customer) })
      : channel === 'event'
        ? `Met at ${source}`
        : `First call: introduced ourselves (${source})`;
    const medium = inbound ? random.pick<InteractionChannel>(['chat', 'email', 'call']) : channel === 'event' ? 'meeting' : 'call';
    recordInteraction(simulation, customer, owner, medium, inbound ? 'inbound' : 'outbound', summary);
  }
};

/**
 * Registers one customer now: a person or a company from `locale`, owned by a rep of its
 * territory, with where it came from; then tags, preferences and a first contact, and the
 * prospect journey.
 */
export const registerCustomer = (
  simulation: Simulation,
  plan: HistoryPlan,
  index: number,
  locale: Locale,
  given?: Identity,
): CustomerModel => {
  const { random } = simulation;
  const role: CustomerModel['role'] =
    index === 1 ? 'well-known' : index === plan.erasedIndex ? 'erased' : plan.duplicateOf.has(index) ? 'survivor' : 'regular';
  const special = role !== 'regular';
  const kind: PartyKind = special && role !== 'survivor' ? 'person' : random.chance(0.6) ? 'person' : 'company';
  const identity = given ?? makeIdentity(random, locale, kind, simulation.contacts);
  const channel = random.weighted(channelWeights[kind]);
  const year = new Date(simulation.now()).getUTCFullYear();
  const source = sourceOf(simulation, channel, year);
  const owner = role === 'well-known' ? gbRep(simulation) : repFor(simulation, locale);
  const withEmail = special || random.chance(0.92);
  const withPhone = special || random.chance(0.9);
  const withAddress = special || random.chance(0.8);
  const customer: CustomerModel = {
    id: customerIdOf(index),
    index,
    locale,
    identity,
    role,
    registeredAt: simulation.now(),
    activity: role === 'well-known' ? 3 : 1,
    interest: random.pick<Interest>(interests),
    seats: seatsOf(random, identity.kind),
    reach: role === 'well-known' || role === 'erased' ? 'deal' : reachOf(random, identity.kind, channel),
    status: 'active',
    ownerId: owner.id,
    stage: 'lead',
    lastForward: 'lead',
    email: withEmail ? identity.email.toLowerCase() : '',
    phoneE164: withPhone ? identity.phone.e164 : '',
    phoneFixed: special,
    addressLine: withAddress ? identity.address.lines.join('\n') : '',
    tags: [],
    preferredChannel: null,
    language: null,
    loyalty: 0,
    openFollowUps: [],
    openDeals: [],
    openTickets: [],
    wonDeals: [],
    wonRevenueEur: 0,
    lastPurchaseAt: null,
    lastNpsAt: null,
    caring: false,
    grievances: 0,
    unsubscribed: false,
  };
  const { phone } = identity;
  simulation.customer(
    {
      type: 'RegisterCustomer',
      data: {
        customerId: customer.id,
        party: identity.registeredParty,
        acquisition: { source: source as AcquisitionSource, channel },
        ownerId: owner.id,
        ...(withEmail ? { email: identity.email } : {}),
        ...(withPhone ? { phone: phone.typed, ...(phone.region === undefined ? {} : { phoneRegion: phone.region }) } : {}),
        ...(withAddress ? { address: identity.address } : {}),
        at: simulation.at(),
      },
    },
    owner,
  );
  simulation.customers.push(customer);
  simulation.schedule(simulation.now() + random.int(2, 20) * minute, () => {
    if (isActive(customer)) welcome(simulation, customer, channel, source);
  });
  if (identity.registeredParty !== identity.party)
    simulation.schedule(simulation.officeTime(simulation.now() + random.between(3, 30) * day, customer), () => {
      if (!isActive(customer)) return;
      simulation.customer(
        { type: 'CorrectCustomerName', data: { customerId: customer.id, party: identity.party, at: simulation.at() } },
        ownerOf(customer),
      );
    });
  const duplicateIndex = plan.duplicateOf.get(index);
  if (duplicateIndex !== undefined) scheduleDuplicate(simulation, customer, customerIdOf(duplicateIndex));
  startProspect(simulation, customer);
  if (random.chance(0.05))
    simulation.schedule(simulation.officeTime(simulation.now() + random.between(1, 20) * day, customer), () =>
      openTicket(simulation, customer, 'question'),
    );
  return customer;
};

const gbRep = (simulation: Simulation) =>
  simulation.activeReps.find((rep) => rep.id === 'u-rep-oliver-bennett') ?? repFor(simulation, gb);

/**
 * Registers customers through the period: the well-known customer on the first working
 * morning, then the rest month by month in business-time order, each month's instants drawn
 * only when the month begins (so memory stays flat however many customers there are).
 */
export const startRegistrations = (simulation: Simulation, plan: HistoryPlan): void => {
  const { options, random } = simulation;
  simulation.schedule(officeTimeFrom(options.startMs + minute, gb.utcOffsetHours, random), () =>
    registerCustomer(simulation, plan, 1, gb, plan.wellKnown),
  );
  let month = 0;
  let index = 2;
  let slots: Array<{ readonly at: number; readonly locale: Locale }> = [];
  let position = 0;
  const draw = (): void => {
    while (position >= slots.length && month < options.months) {
      const from = addMonths(options.startMs, month);
      const span = Math.max(day, Math.min(addMonths(options.startMs, month + 1), options.endMs) - from - 4 * day);
      const count = plan.monthlyCounts[month] ?? 0;
      slots = Array.from({ length: count }, () => {
        const locale = random.weighted(locales.map((l) => [l, l.weight] as const));
        return { at: officeTimeFrom(from + random.between(0, span), locale.utcOffsetHours, random), locale };
      }).sort((a, b) => a.at - b.at);
      position = 0;
      month += 1;
    }
  };
  const feed = (): void => {
    const slot = slots[position];
    if (slot === undefined) return;
    registerCustomer(simulation, plan, index, slot.locale);
    index += 1;
    position += 1;
    draw();
    const next = slots[position];
    if (next !== undefined) simulation.schedule(Math.max(next.at, simulation.now()), feed);
  };
  draw();
  const first = slots[position];
  if (first !== undefined) simulation.schedule(first.at, feed);
};
