import { routingTable } from '../handling/routing-table.ts';
import { campaignRoute } from './campaign-route.ts';
import { customerRoute } from './customer-route.ts';
import { dealRoute } from './deal-route.ts';
import { ticketRoute } from './ticket-route.ts';

/** Every CRM command, routed to its aggregate: customer, deal, ticket and campaign. */
export const crmRoutingTable = routingTable([customerRoute, dealRoute, ticketRoute, campaignRoute]);
