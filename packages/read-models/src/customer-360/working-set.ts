import type { ProjectedEvent } from '@crm/projections';
import { type Selectable, sql, type Transaction } from 'kysely';
import { anyOf, isoOf, isoOrNull, replaceRows, safeNumberOf } from '../projection-kit/index.ts';
import type {
  CustomerRow,
  DealRow,
  FollowUpRow,
  MemberRow,
  TicketRow,
  TimelineRow,
} from './rows.ts';
import {
  type Customer360CustomersTable,
  type Customer360DealsTable,
  type Customer360Tables,
  customer360ColumnKinds,
} from './tables.ts';

const key = (a: string, b: string): string => `${a}\u0000${b}`;

// `(a, b) in (select * from unnest($1, $2))`: two array parameters however many pairs, so the
// statement is planned once and reaches the rows by the key. A literal list of tuples is a new
// statement for every count, and past a few hundred pairs the planner scans the whole table.
const pairIn = (first: string, second: string, pairs: Iterable<readonly [string, string]>) => {
  const firsts: string[] = [];
  const seconds: string[] = [];
  for (const [a, b] of pairs) {
    firsts.push(a);
    seconds.push(b);
  }
  return sql<boolean>`(${sql.ref(first)}, ${sql.ref(second)}) in (select * from unnest(${firsts}::text[], ${seconds}::text[]))`;
};
const numberOrNull = (value: string | number | null): number | null =>
  value === null ? null : safeNumberOf(value);

const customerRow = (row: Selectable<Customer360CustomersTable>): CustomerRow => ({
  ...row,
  tags: [...row.tags],
  family: [...row.family],
  registered_at: isoOf(row.registered_at),
  lifecycle_since: isoOf(row.lifecycle_since),
  loyalty_balance: safeNumberOf(row.loyalty_balance),
  loyalty_earned: safeNumberOf(row.loyalty_earned),
  loyalty_redeemed: safeNumberOf(row.loyalty_redeemed),
  nps_latest_at: isoOrNull(row.nps_latest_at),
  last_comm_at: isoOrNull(row.last_comm_at),
  erased_at: isoOrNull(row.erased_at),
});

const dealRow = (row: Selectable<Customer360DealsTable>): DealRow => ({
  ...row,
  value_minor: safeNumberOf(row.value_minor),
  weighted_minor: safeNumberOf(row.weighted_minor),
  opened_at: isoOf(row.opened_at),
  closed_at: isoOrNull(row.closed_at),
  revenue_minor: numberOrNull(row.revenue_minor),
  cost_minor: numberOrNull(row.cost_minor),
  profit_minor: numberOrNull(row.profit_minor),
  reporting_revenue_minor: numberOrNull(row.reporting_revenue_minor),
  reporting_cost_minor: numberOrNull(row.reporting_cost_minor),
  reporting_profit_minor: numberOrNull(row.reporting_profit_minor),
  ordered: [...row.ordered],
  delivered: [...row.delivered],
  invoiced_minor: safeNumberOf(row.invoiced_minor),
  paid_minor: safeNumberOf(row.paid_minor),
  outstanding_minor: safeNumberOf(row.outstanding_minor),
});

/** Entries sorted latest first, as the timeline ranks them. */
const latestFirst = (a: TimelineRow, b: TimelineRow): number =>
  a.at !== b.at
    ? a.at < b.at
      ? 1
      : -1
    : a.commit_position !== b.commit_position
      ? a.commit_position < b.commit_position
        ? 1
        : -1
      : a.prepare_position < b.prepare_position
        ? 1
        : a.prepare_position > b.prepare_position
          ? -1
          : 0;

/**
 * The rows one batch touches: loaded with a few `IN` queries, changed in memory event by event,
 * written back with a few multi-row upserts. Maps hold `undefined` for nothing stored yet.
 *
 * One that `holdsEverything` (a rebuild's fold, from empty tables) loads nothing: every row
 * the projection has is in it. It is kept across batches and `settle`d after each write.
 */
export class WorkingSet {
  readonly #holdsEverything: boolean;
  readonly customers = new Map<string, CustomerRow>();
  readonly deals = new Map<string, DealRow>();
  readonly tickets = new Map<string, TicketRow>();
  readonly followUps = new Map<string, FollowUpRow>();
  readonly members = new Map<string, MemberRow>();
  readonly campaigns = new Map<string, string>();
  /** New timeline entries, by customer. */
  readonly timeline = new Map<string, TimelineRow[]>();
  readonly erased = new Set<string>();
  /** Customers whose row came from the database (the others are registered in this batch). */
  readonly #stored = new Set<string>();
  readonly #dirty = {
    customers: new Set<string>(),
    deals: new Set<string>(),
    tickets: new Set<string>(),
    followUps: new Set<string>(),
    members: new Set<string>(),
    campaigns: new Set<string>(),
  };

  constructor(options: { readonly holdsEverything?: boolean } = {}) {
    this.#holdsEverything = options.holdsEverything ?? false;
  }

  customer(id: string): CustomerRow | undefined {
    return this.customers.get(id);
  }

  touchCustomer(row: CustomerRow): void {
    this.customers.set(row.customer_id, row);
    this.#dirty.customers.add(row.customer_id);
  }

  touchDeal(row: DealRow): void {
    this.deals.set(row.deal_id, row);
    this.#dirty.deals.add(row.deal_id);
  }

  touchTicket(row: TicketRow): void {
    this.tickets.set(row.ticket_id, row);
    this.#dirty.tickets.add(row.ticket_id);
  }

  /** Adds an entry to the customer's timeline and counts it on the customer's row. */
  addTimelineEntry(entry: TimelineRow): void {
    const entries = this.timeline.get(entry.customer_id);
    if (entries === undefined) this.timeline.set(entry.customer_id, [entry]);
    else entries.push(entry);
    const customer = this.customers.get(entry.customer_id);
    if (customer === undefined) return;
    customer.timeline_entries += 1;
    this.touchCustomer(customer);
  }

  followUp(customerId: string, followUpId: string): FollowUpRow | undefined {
    return this.followUps.get(key(customerId, followUpId));
  }

  touchFollowUp(row: FollowUpRow): void {
    const id = key(row.customer_id, row.follow_up_id);
    this.followUps.set(id, row);
    this.#dirty.followUps.add(id);
  }

  member(campaignId: string, customerId: string): MemberRow | undefined {
    return this.members.get(key(campaignId, customerId));
  }

  touchMember(row: MemberRow): void {
    const id = key(row.campaign_id, row.customer_id);
    this.members.set(id, row);
    this.#dirty.members.add(id);
  }

  touchCampaign(campaignId: string, name: string): void {
    this.campaigns.set(campaignId, name);
    this.#dirty.campaigns.add(campaignId);
  }

  /** True once the customer's personal data is erased: nothing personal is stored for it again. */
  isErased(customerId: string): boolean {
    return (this.customers.get(customerId)?.erased_at ?? null) !== null;
  }

  /** Drops the personal text of every row of the customer held in memory (the database follows in `write`). */
  eraseInMemory(customerId: string): void {
    this.erased.add(customerId);
    for (const deal of this.deals.values()) if (deal.customer_id === customerId) deal.title = null;
    for (const ticket of this.tickets.values())
      if (ticket.customer_id === customerId) ticket.subject = null;
    for (const followUp of this.followUps.values()) {
      if (followUp.customer_id === customerId) followUp.note = null;
    }
    for (const entry of this.timeline.get(customerId) ?? []) entry.summary = null;
  }

  /** Loads every row the events will touch (nothing when it holds everything). */
  async load(
    db: Transaction<Customer360Tables>,
    events: ReadonlyArray<ProjectedEvent>,
  ): Promise<void> {
    if (this.#holdsEverything) return;
    const dealIds = new Set<string>();
    const ticketIds = new Set<string>();
    const customerIds = new Set<string>();
    const followUpKeys = new Map<string, readonly [string, string]>();
    const memberKeys = new Map<string, readonly [string, string]>();
    const campaignIds = new Set<string>();
    for (const { event } of events) {
      const data = event.data as Readonly<Record<string, unknown>>;
      const text = (field: string) =>
        typeof data[field] === 'string' ? (data[field] as string) : undefined;
      const dealId = text('dealId');
      const ticketId = text('ticketId');
      const customerId = text('customerId');
      const campaignId = text('campaignId');
      if (dealId !== undefined && event.type !== 'TicketOpened') dealIds.add(dealId);
      if (ticketId !== undefined) ticketIds.add(ticketId);
      if (customerId !== undefined) customerIds.add(customerId);
      if (campaignId !== undefined) campaignIds.add(campaignId);
      const survivorId = text('survivorId');
      if (survivorId !== undefined) customerIds.add(survivorId);
      const followUpId = text('followUpId');
      if (followUpId !== undefined && customerId !== undefined) {
        followUpKeys.set(key(customerId, followUpId), [customerId, followUpId]);
      }
      if (event.type === 'CampaignMembersAdded') {
        for (const id of event.data.customerIds) {
          customerIds.add(id);
          memberKeys.set(key(event.data.campaignId, id), [event.data.campaignId, id]);
        }
      }
      if (event.type === 'CampaignResponseRecorded') {
        memberKeys.set(key(event.data.campaignId, event.data.customerId), [
          event.data.campaignId,
          event.data.customerId,
        ]);
      }
    }
    if (dealIds.size > 0) {
      const rows = await db
        .selectFrom('deals')
        .selectAll()
        .where('deal_id', '=', anyOf(dealIds))
        .execute();
      for (const row of rows) {
        this.deals.set(row.deal_id, dealRow(row));
        customerIds.add(row.customer_id);
      }
    }
    if (ticketIds.size > 0) {
      const rows = await db
        .selectFrom('tickets')
        .selectAll()
        .where('ticket_id', '=', anyOf(ticketIds))
        .execute();
      for (const row of rows) {
        this.tickets.set(row.ticket_id, { ...row, opened_at: isoOf(row.opened_at) });
        customerIds.add(row.customer_id);
      }
    }
    if (customerIds.size > 0) {
      const rows = await db
        .selectFrom('customers')
        .selectAll()
        .where('customer_id', '=', anyOf(customerIds))
        .execute();
      for (const row of rows) {
        this.customers.set(row.customer_id, customerRow(row));
        this.#stored.add(row.customer_id);
      }
    }
    if (followUpKeys.size > 0) {
      const rows = await db
        .selectFrom('follow_ups')
        .selectAll()
        .where(pairIn('customer_id', 'follow_up_id', followUpKeys.values()))
        .execute();
      for (const row of rows)
        this.followUps.set(key(row.customer_id, row.follow_up_id), {
          ...row,
          due_at: isoOf(row.due_at),
        });
    }
    if (memberKeys.size > 0) {
      const rows = await db
        .selectFrom('campaign_members')
        .selectAll()
        .where(pairIn('campaign_id', 'customer_id', memberKeys.values()))
        .execute();
      for (const row of rows) this.members.set(key(row.campaign_id, row.customer_id), { ...row });
    }
    if (campaignIds.size > 0) {
      const rows = await db
        .selectFrom('campaigns')
        .selectAll()
        .where('campaign_id', '=', anyOf(campaignIds))
        .execute();
      for (const row of rows) this.campaigns.set(row.campaign_id, row.name);
    }
  }

  /** Writes the changed rows, erases what must be erased, and trims the timeline to `timelineLength`. */
  async write(db: Transaction<Customer360Tables>, timelineLength: number): Promise<void> {
    const kinds = customer360ColumnKinds;
    const pick = <T>(ids: Set<string>, rows: Map<string, T>): T[] =>
      [...ids].flatMap((id) => {
        const row = rows.get(id);
        return row === undefined ? [] : [row];
      });
    // The timeline first: the customers' entry counts follow from it.
    const timelineKey = ['customer_id', 'commit_position', 'prepare_position'] as const;
    await replaceRows(
      db,
      'timeline',
      timelineKey,
      this.#timelineToWrite(timelineLength),
      kinds.timeline,
    );
    await this.#trimTimeline(db, timelineLength);
    // jsonb columns go out as objects: the bulk write serialises them.
    const customers = pick(this.#dirty.customers, this.customers) as never;
    await replaceRows(db, 'customers', ['customer_id'], customers, kinds.customers);
    const deals = pick(this.#dirty.deals, this.deals) as never;
    await replaceRows(db, 'deals', ['deal_id'], deals, kinds.deals);
    const tickets = pick(this.#dirty.tickets, this.tickets);
    await replaceRows(db, 'tickets', ['ticket_id'], tickets, kinds.tickets);
    const followUps = pick(this.#dirty.followUps, this.followUps);
    await replaceRows(
      db,
      'follow_ups',
      ['customer_id', 'follow_up_id'],
      followUps,
      kinds.follow_ups,
    );
    const members = pick(this.#dirty.members, this.members);
    await replaceRows(
      db,
      'campaign_members',
      ['campaign_id', 'customer_id'],
      members,
      kinds.campaign_members,
    );
    const campaigns = [...this.#dirty.campaigns].map((id) => ({
      campaign_id: id,
      name: this.campaigns.get(id) ?? id,
    }));
    await replaceRows(db, 'campaigns', ['campaign_id'], campaigns, kinds.campaigns);
    if (this.erased.size > 0) await this.#erase(db, [...this.erased]);
  }

  /** Forgets what `write` wrote: the rows stay, as stored, and nothing is left to write. */
  settle(): void {
    for (const id of this.customers.keys()) this.#stored.add(id);
    for (const dirty of Object.values(this.#dirty)) dirty.clear();
    this.timeline.clear();
    this.erased.clear();
  }

  /** Rows and new timeline entries held in memory. */
  rowsHeld(): number {
    let entries = 0;
    for (const list of this.timeline.values()) entries += list.length;
    return (
      entries +
      this.customers.size +
      this.deals.size +
      this.tickets.size +
      this.followUps.size +
      this.members.size +
      this.campaigns.size
    );
  }

  // A customer's new entries beyond the latest `length` would be trimmed right after being
  // written: they are left out (a fold gathers a customer's whole history before writing).
  #timelineToWrite(length: number): TimelineRow[] {
    const rows: TimelineRow[] = [];
    for (const entries of this.timeline.values()) {
      if (entries.length > length) entries.sort(latestFirst);
      for (const entry of entries.length > length ? entries.slice(0, length) : entries) {
        rows.push(entry);
      }
    }
    return rows;
  }

  // Rows of erased customers this batch did not load still hold personal text: null it in place.
  async #erase(db: Transaction<Customer360Tables>, ids: ReadonlyArray<string>): Promise<void> {
    await db.updateTable('deals').set({ title: null }).where('customer_id', 'in', ids).execute();
    await db
      .updateTable('tickets')
      .set({ subject: null })
      .where('customer_id', 'in', ids)
      .execute();
    await db
      .updateTable('follow_ups')
      .set({ note: null })
      .where('customer_id', 'in', ids)
      .execute();
    await db
      .updateTable('timeline')
      .set({ summary: null })
      .where('customer_id', 'in', ids)
      .execute();
  }

  /*
   * Keeps the latest `length` entries of each customer past the limit. Only those are ranked
   * and trimmed: a stored customer's row counts its entries as they are added; a customer
   * registered in this batch is counted in the table once (it may have entries from before its
   * registration, from another aggregate's events).
   */
  async #trimTimeline(db: Transaction<Customer360Tables>, length: number): Promise<void> {
    const fresh = [...this.#dirty.customers].filter((id) => !this.#stored.has(id));
    if (fresh.length > 0) {
      const counted = await db
        .selectFrom('timeline')
        .select(['customer_id', sql<number>`count(*)::int4`.as('entries')])
        .where('customer_id', '=', anyOf(fresh))
        .groupBy('customer_id')
        .execute();
      for (const { customer_id, entries } of counted) {
        const customer = this.customers.get(customer_id);
        if (customer !== undefined) customer.timeline_entries = entries;
      }
    }
    const over = [...this.#dirty.customers].filter(
      (id) => (this.customers.get(id)?.timeline_entries ?? 0) > length,
    );
    for (const id of over) {
      const customer = this.customers.get(id);
      if (customer !== undefined) customer.timeline_entries = length;
    }
    // Entries of a customer with no row (not registered yet) are not counted: ranked every time.
    for (const id of this.timeline.keys()) {
      if (!this.customers.has(id)) over.push(id);
    }
    if (over.length === 0) return;
    const ranked = db
      .selectFrom('timeline')
      .select([
        'customer_id',
        'commit_position',
        'prepare_position',
        sql<number>`row_number() over (partition by customer_id order by at desc, commit_position desc, prepare_position desc)`.as(
          'place',
        ),
      ])
      .where('customer_id', '=', anyOf(over));
    const beyond = db
      .selectFrom(ranked.as('ranked'))
      .select(['ranked.customer_id', 'ranked.commit_position', 'ranked.prepare_position'])
      .where('ranked.place', '>', length);
    // The first condition lets the planner reach the rows by the key, not by a scan.
    await db
      .deleteFrom('timeline')
      .where('customer_id', '=', anyOf(over))
      .where(sql<boolean>`(customer_id, commit_position, prepare_position) in (${beyond})`)
      .execute();
  }
}
