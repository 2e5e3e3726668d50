import * as t from 'io-ts';

/** The brand that makes one kind of id unassignable to another (a `DealId` is not a `CustomerId`). */
export type IdBrand<TName extends string> = { readonly [K in TName]: symbol };

/**
 * Ids are opaque to the domain but travel inside stream names (`customer-<id>`) and URLs,
 * so they are restricted to a conservative alphabet and length.
 */
const idPattern = /^[A-Za-z0-9][A-Za-z0-9_.:@-]{0,127}$/;

/** Makes the codec of a branded id; the codec and the type share one name at each use. */
export const idCodec = <TName extends string>(name: TName) =>
  t.brand(t.string, (s: string): s is t.Branded<string, IdBrand<TName>> => idPattern.test(s), name);

export const CustomerId = idCodec('CustomerId');
export type CustomerId = t.TypeOf<typeof CustomerId>;
export const DealId = idCodec('DealId');
export type DealId = t.TypeOf<typeof DealId>;
export const TicketId = idCodec('TicketId');
export type TicketId = t.TypeOf<typeof TicketId>;
export const CampaignId = idCodec('CampaignId');
export type CampaignId = t.TypeOf<typeof CampaignId>;
export const ProductId = idCodec('ProductId');
export type ProductId = t.TypeOf<typeof ProductId>;
/** A member of staff or a system account: owners, assignees and actors. */
export const UserId = idCodec('UserId');
export type UserId = t.TypeOf<typeof UserId>;
export const CommandId = idCodec('CommandId');
export type CommandId = t.TypeOf<typeof CommandId>;
export const EventId = idCodec('EventId');
export type EventId = t.TypeOf<typeof EventId>;
/** Ids of entities inside an aggregate (an interaction, a follow-up, an invoice...). */
export const EntryId = idCodec('EntryId');
export type EntryId = t.TypeOf<typeof EntryId>;
