import type { PhoneRegion } from '@crm/domain';
import { postalAddress } from './brands.ts';
import { ownerOf } from './customer-actions.ts';
import type { CustomerModel } from './models.ts';
import { newPhone } from './phone-numbers.ts';
import type { Simulation } from './simulation.ts';

/**
 * A change of contact details, as the owner records it: a new mobile number (never for a
 * customer whose number is looked up or shared with a duplicate), a new email address, or a
 * move to another street.
 */
export const changeContact = (simulation: Simulation, customer: CustomerModel): void => {
  const { random } = simulation;
  const at = simulation.at();
  const roll = random.next();
  if (roll < 0.4 && !customer.phoneFixed) {
    const { phone } = newPhone(
      customer.locale.mobile,
      customer.locale.code as PhoneRegion,
      simulation.contacts.phones,
      random,
    );
    simulation.customer(
      {
        type: 'ChangeCustomerPhone',
        data: {
          customerId: customer.id,
          phone: phone.typed,
          ...(phone.region === undefined ? {} : { phoneRegion: phone.region }),
          at,
        },
      },
      ownerOf(customer),
    );
  } else if (roll < 0.7) {
    // Someone registered without an email address gets one now, made from the one they use.
    const current = customer.email === '' ? customer.identity.email.toLowerCase() : customer.email;
    const [local = 'contact', domain = 'example.com'] = current.split('@');
    const company = customer.identity.kind === 'company';
    const base = company
      ? random.pick(customer.locale.companyMailboxes)
      : local.replace(/\d+$/, '');
    const host = company ? domain : domain === 'example.com' ? 'example.net' : 'example.com';
    let email = `${base}@${host}`;
    while (email === customer.email || simulation.contacts.emails.has(email))
      email = `${base}${random.int(2, 999)}@${host}`;
    simulation.contacts.emails.add(email);
    customer.email = email;
    simulation.customer(
      { type: 'ChangeCustomerEmail', data: { customerId: customer.id, email, at } },
      ownerOf(customer),
    );
  } else {
    const { identity } = customer;
    let line = customer.addressLine;
    while (line === customer.addressLine)
      line = customer.locale.streetLines(random, identity.kind === 'company')[0] ?? line;
    customer.addressLine = line;
    const { city, postalCode, country } = identity.address;
    const address = postalAddress([line], city, postalCode, country);
    simulation.customer(
      { type: 'ChangeCustomerAddress', data: { customerId: customer.id, address, at } },
      ownerOf(customer),
    );
  }
};
