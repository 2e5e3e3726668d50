import type { Customer360Tables } from '@crm/read-models';
import type { Kysely } from 'kysely';

/** A stored customer that an imported row may duplicate. */
export interface StoredCustomer {
  readonly customerId: string;
  readonly displayName: string | null;
  readonly email: string | null;
  readonly phone: string | null;
}

/**
 * Where an import looks for customers already stored, by normalised email (lower-case) and
 * phone (E.164). Merged-away duplicates and erased customers are not candidates.
 */
export interface StoredCustomerDirectory {
  readonly find: (query: {
    readonly emails: ReadonlyArray<string>;
    readonly phones: ReadonlyArray<string>;
  }) => Promise<ReadonlyArray<StoredCustomer>>;
}

/**
 * The directory on the customer-360 read model (`db` bound to its schema), which keeps emails
 * and phones normalised and indexed. It knows what the projector has applied: run the import
 * after the projector has caught up to see customers registered just before.
 *
 * @example
 * const directory = customer360Directory(db.withSchema('customer_360'));
 */
export const customer360Directory = (db: Kysely<Customer360Tables>): StoredCustomerDirectory => ({
  find: async ({ emails, phones }) => {
    if (emails.length === 0 && phones.length === 0) return [];
    const rows = await db
      .selectFrom('customers')
      .select(['customer_id', 'display_name', 'email', 'phone'])
      .where((eb) =>
        eb.and([
          eb('merged_into', 'is', null),
          eb('erased_at', 'is', null),
          eb.or([
            ...(emails.length === 0 ? [] : [eb('email', 'in', [...emails])]),
            ...(phones.length === 0 ? [] : [eb('phone', 'in', [...phones])]),
          ]),
        ]),
      )
      .orderBy('customer_id')
      .execute();
    return rows.map((row) => ({
      customerId: row.customer_id,
      displayName: row.display_name,
      email: row.email,
      phone: row.phone,
    }));
  },
});
