import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { decodeCustomerEvent } from './events.ts';
import { personFromFullName } from './upcasters.ts';

// Exactly as release 1 wrote a registration to the event store: type and version in their
// columns, the data as this JSON text.
const storedV1Data = `{
  "customerId": "customer-42",
  "name": "Ana Maria  Lopez",
  "email": "ana.lopez@example.com",
  "phone": "+442071838750",
  "address": null,
  "acquisition": { "source": "website", "channel": "organic_search" },
  "ownerId": "user-ana",
  "at": "2023-11-02T10:15:00Z"
}`;

describe('CustomerRegistered v1 → v2', () => {
  it('reads a stored v1 registration as the current v2 event', () => {
    const decoded = decodeCustomerEvent({
      type: 'CustomerRegistered',
      version: 1,
      data: JSON.parse(storedV1Data),
    });
    expect(decoded).toEqual(
      E.right({
        type: 'CustomerRegistered',
        version: 2,
        data: {
          customerId: 'customer-42',
          party: { kind: 'person', givenName: 'Ana Maria', familyName: 'Lopez' },
          email: 'ana.lopez@example.com',
          phone: '+442071838750',
          address: null,
          acquisition: { source: 'website', channel: 'organic_search' },
          ownerId: 'user-ana',
          at: '2023-11-02T10:15:00Z',
        },
      }),
    );
  });

  it('keeps a single-word name whole as the family name', () => {
    expect(personFromFullName(' Madonna ' as never)).toEqual({
      kind: 'person',
      familyName: 'Madonna',
    });
  });

  it('refuses a malformed v1 payload, naming the field', () => {
    const malformed = { ...JSON.parse(storedV1Data), name: '' };
    expect(
      decodeCustomerEvent({ type: 'CustomerRegistered', version: 1, data: malformed }),
    ).toEqual(E.left(expect.objectContaining({ _tag: 'InvalidInput', field: 'data.name' })));
  });

  it('still reads a current v2 registration unchanged', () => {
    const v2 = {
      type: 'CustomerRegistered',
      version: 2,
      data: {
        ...JSON.parse(storedV1Data),
        name: undefined,
        party: { kind: 'company', legalName: 'Acme' },
      },
    };
    const decoded = decodeCustomerEvent(JSON.parse(JSON.stringify(v2)));
    expect(E.isRight(decoded) && decoded.right.data).toMatchObject({
      party: { kind: 'company', legalName: 'Acme' },
    });
  });
});
