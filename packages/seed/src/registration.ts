import type { AcquisitionSource, PartyKind } from '@crm/domain';
import { acquisitionOf, reachOf, seatsOf } from './acquisition.ts';
import { addMonths, day, minute, officeTimeFrom } from './calendar.ts';
import { type Interest, interests } from './catalogue.ts';
import { isActive, ownerOf } from './customer-actions.ts';
import { scheduleDuplicate } from './duplicates.ts';
import { customerIdOf, type HistoryPlan } from './history-plan.ts';
import { type Identity, makeIdentity } from './identities.ts';
import { gb } from './locales/gb.ts';
import { locales } from './locales/index.ts';
import type { Locale } from './locales/locale.ts';
import type { CustomerModel } from './models.ts';
import { startProspect } from './prospect-journey.ts';
import type { Simulation } from './simulation.ts';
import { repFor } from './staffing.ts';
import { openTicket } from './ticket-flow.ts';
import { welcome } from './welcome.ts';

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
    index === 1
      ? 'well-known'
      : index === plan.erasedIndex
        ? 'erased'
        : plan.duplicateOf.has(index)
          ? 'survivor'
          : 'regular';
  const special = role !== 'regular';
  const kind: PartyKind =
    special && role !== 'survivor' ? 'person' : random.chance(0.6) ? 'person' : 'company';
  const identity = given ?? makeIdentity(random, locale, kind, simulation.contacts);
  const { channel, source } = acquisitionOf(simulation, kind);
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
    reach:
      role === 'well-known' || role === 'erased' ? 'deal' : reachOf(random, identity.kind, channel),
    status: 'active',
    ownerId: owner.id,
    stage: 'lead',
    lastForward: 'lead',
    email: withEmail ? identity.email.toLowerCase() : '',
    phoneFixed: special,
    addressLine: withAddress ? identity.address.lines.join('\n') : '',
    tags: [],
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
        ...(withPhone
          ? {
              phone: phone.typed,
              ...(phone.region === undefined ? {} : { phoneRegion: phone.region }),
            }
          : {}),
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
    simulation.schedule(
      simulation.officeTime(simulation.now() + random.between(3, 30) * day, customer),
      () => {
        if (!isActive(customer)) return;
        simulation.customer(
          {
            type: 'CorrectCustomerName',
            data: { customerId: customer.id, party: identity.party, at: simulation.at() },
          },
          ownerOf(customer),
        );
      },
    );
  const duplicateIndex = plan.duplicateOf.get(index);
  if (duplicateIndex !== undefined)
    scheduleDuplicate(simulation, customer, customerIdOf(duplicateIndex));
  startProspect(simulation, customer);
  if (random.chance(0.05))
    simulation.schedule(
      simulation.officeTime(simulation.now() + random.between(1, 20) * day, customer),
      () => openTicket(simulation, customer, 'question'),
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
      const span = Math.max(
        day,
        Math.min(addMonths(options.startMs, month + 1), options.endMs) - from - 4 * day,
      );
      const count = plan.monthlyCounts[month] ?? 0;
      slots = Array.from({ length: count }, () => {
        const locale = random.weighted(locales.map((l) => [l, l.weight] as const));
        return {
          at: officeTimeFrom(from + random.between(0, span), locale.utcOffsetHours, random),
          locale,
        };
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
