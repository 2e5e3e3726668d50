import type {
  AcquisitionChannel,
  InteractionChannel,
  LanguageTag,
  PreferenceKey,
  PreferenceValue,
} from '@crm/domain';
import { addTag, favouriteProduct, ownerOf, recordInteraction } from './customer-actions.ts';
import type { CustomerModel } from './models.ts';
import { fill, inboundFirstContact } from './phrases.ts';
import type { Simulation } from './simulation.ts';

/**
 * What follows a registration within minutes: segment tags (party kind, newsletter, interest),
 * sometimes the customer's preferences, and often a first contact on record.
 */
export const welcome = (
  simulation: Simulation,
  customer: CustomerModel,
  channel: AcquisitionChannel,
  source: string,
): void => {
  const { random } = simulation;
  const owner = ownerOf(customer);
  addTag(simulation, customer, owner, customer.identity.kind === 'company' ? 'b2b' : 'b2c');
  if (customer.email !== '' && random.chance(0.6))
    addTag(simulation, customer, owner, 'newsletter');
  if (random.chance(0.4)) addTag(simulation, customer, owner, `interest:${customer.interest}`);
  if (random.chance(0.35)) {
    const preferred = random.pick<InteractionChannel>(['email', 'call', 'chat', 'meeting']);
    const optOuts: InteractionChannel[] = random.chance(0.2)
      ? preferred === 'call'
        ? ['social']
        : ['call']
      : [];
    simulation.customer(
      {
        type: 'UpdateCustomerPreferences',
        data: {
          customerId: customer.id,
          preferredChannel: preferred,
          language: customer.locale.language as LanguageTag,
          ...(optOuts.length > 0 ? { optOuts } : {}),
          ...(random.chance(0.3)
            ? {
                custom: {
                  ['call_window' as PreferenceKey]: random.pick([
                    'mornings',
                    'afternoons',
                    'after 17:00',
                  ]) as PreferenceValue,
                },
              }
            : {}),
          at: simulation.at(),
        },
      },
      owner,
    );
  }
  const inbound = !['outbound', 'event', 'partner'].includes(channel);
  if (random.chance(0.55)) {
    const summary = inbound
      ? fill(random.pick(inboundFirstContact), { p: favouriteProduct(customer) })
      : channel === 'event'
        ? `Met at ${source}`
        : `First call: introduced ourselves (${source})`;
    const medium = inbound
      ? random.pick<InteractionChannel>(['chat', 'email', 'call'])
      : channel === 'event'
        ? 'meeting'
        : 'call';
    recordInteraction(
      simulation,
      customer,
      owner,
      medium,
      inbound ? 'inbound' : 'outbound',
      summary,
    );
  }
};
