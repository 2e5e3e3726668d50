import type { AcquisitionSource, CustomerId, PhoneRegion } from '@crm/domain';
import { day } from './calendar.ts';
import { isActive, recordInteraction } from './customer-actions.ts';
import type { CustomerModel } from './models.ts';
import { retyped } from './phone-numbers.ts';
import { customerMerged } from './policy-reactions.ts';
import type { Simulation } from './simulation.ts';
import { salesManager } from './staff.ts';
import { repFor } from './staffing.ts';

// Some people type their address in capitals the second time round; the decider lower-cases it.
const shouted = (email: string): string => email.toUpperCase();

const merge = (simulation: Simulation, duplicate: CustomerModel, survivor: CustomerModel): void => {
  if (!isActive(duplicate) || !isActive(survivor)) return;
  const trigger = simulation.customer(
    {
      type: 'MergeCustomerInto',
      data: { customerId: duplicate.id, survivorId: survivor.id, at: simulation.at() },
    },
    salesManager,
  );
  duplicate.status = 'merged';
  customerMerged(simulation, trigger, duplicate, survivor);
};

const register = (simulation: Simulation, survivor: CustomerModel, id: CustomerId): void => {
  const { random } = simulation;
  const { identity, locale } = survivor;
  const rep = repFor(simulation, locale, survivor.ownerId);
  const phone = retyped(
    identity.phoneDraft,
    locale.code as PhoneRegion,
    identity.phoneStyle,
    random,
  );
  const emailStyle = random.weighted([
    ['same', 2],
    ['shouted', 1],
    ['none', 1],
  ] as const);
  const channel = random.pick(['event', 'direct', 'referral'] as const);
  simulation.customer(
    {
      type: 'RegisterCustomer',
      data: {
        customerId: id,
        party: identity.party,
        acquisition: {
          source: (channel === 'event' ? 'regional-roadshow' : 'phone-in') as AcquisitionSource,
          channel,
        },
        ownerId: rep.id,
        ...(emailStyle === 'none'
          ? {}
          : { email: emailStyle === 'same' ? survivor.email : shouted(survivor.email) }),
        phone: phone.typed,
        ...(phone.region === undefined ? {} : { phoneRegion: phone.region }),
        ...(random.chance(0.5) ? { address: identity.address } : {}),
        at: simulation.at(),
      },
    },
    rep,
  );
  const duplicate: CustomerModel = {
    ...survivor,
    id,
    index: 0,
    role: 'duplicate',
    registeredAt: simulation.now(),
    ownerId: rep.id,
    stage: 'lead',
    lastForward: 'lead',
    tags: [],
    openFollowUps: [],
    openDeals: [],
    openTickets: [],
    wonDeals: [],
    caring: false,
  };
  simulation.customers.push(duplicate);
  if (random.chance(0.5))
    recordInteraction(
      simulation,
      duplicate,
      rep,
      'meeting',
      'inbound',
      'Asked for a quote at the stand',
    );
  const room = simulation.options.endMs - simulation.now();
  const mergeAt =
    simulation.now() + random.between(1, Math.max(1.5, Math.min(14, (room / day) * 0.3))) * day;
  simulation.schedule(simulation.officeTime(mergeAt, duplicate), () =>
    merge(simulation, duplicate, survivor),
  );
};

/**
 * Registers the same person again some weeks later, by another rep, with the phone number
 * typed another way (and the email shouted or left out): a duplicate the sales manager then
 * merges into its survivor, and the policy has the survivor record it absorbed the duplicate.
 */
export const scheduleDuplicate = (
  simulation: Simulation,
  survivor: CustomerModel,
  id: CustomerId,
): void => {
  const room = (simulation.options.endMs - simulation.now()) / day;
  const after = simulation.random.between(3, Math.max(4, Math.min(60, room * 0.5))) * day;
  simulation.schedule(simulation.officeTime(simulation.now() + after, survivor), () =>
    register(simulation, survivor, id),
  );
};
