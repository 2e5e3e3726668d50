export { customer360Migrations } from './migrations.ts';
export type { DeliveryStatus, PaymentStatus } from './order-status.ts';
export { deliveryStatusOf, paymentStatusOf } from './order-status.ts';
export type { Customer360Options } from './projection.ts';
export { customer360Projection, defaultTimelineLength } from './projection.ts';
export type {
  Customer360QueryOptions,
  Found,
  NameLookupOptions,
  PhoneLookupOptions,
} from './queries.ts';
export {
  customer360ByEmail,
  customer360ById,
  customer360ByNamePrefix,
  customer360ByPhone,
} from './queries.ts';
export type {
  Customer360CampaignMembersTable,
  Customer360CampaignsTable,
  Customer360CustomersTable,
  Customer360DealsTable,
  Customer360FollowUpsTable,
  Customer360Tables,
  Customer360TicketsTable,
  Customer360TimelineTable,
  StoredAddress,
  StoredExchangeRate,
  StoredPreferences,
  StoredQuantity,
} from './tables.ts';
export type {
  Average,
  CurrencyAmount,
  Customer360,
  LastCommunication,
  Order,
  TimelineEntry,
} from './view.ts';
