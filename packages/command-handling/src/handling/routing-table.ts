import type { DomainError, VersionedEvent } from '@crm/domain';
import type * as t from 'io-ts';
import type { CommandRoute } from './command-route.ts';

/** The routes by command type and by aggregate, with every command codec in one record. */
export interface RoutingTable<
  TEvent extends VersionedEvent = VersionedEvent,
  TError extends DomainError = DomainError,
> {
  readonly routes: ReadonlyArray<CommandRoute<TEvent, TError>>;
  readonly commandCodecs: Readonly<Record<string, t.Mixed>>;
  readonly routeOfCommand: (commandType: string) => CommandRoute<TEvent, TError> | undefined;
  readonly routeOfAggregate: (aggregate: string) => CommandRoute<TEvent, TError> | undefined;
}

/**
 * Builds the table from routes. Each command type and each aggregate may appear once: a clash
 * is a programming error and throws at start-up, not on the first command.
 *
 * @example
 * const table = routingTable([customerRoute, dealRoute, ticketRoute, campaignRoute]);
 * table.routeOfCommand('WinDeal')?.aggregate; // 'deal'
 */
export const routingTable = <TRoute extends CommandRoute<VersionedEvent, DomainError>>(
  routes: ReadonlyArray<TRoute>,
): RoutingTable<EventOfRoute<TRoute>, ErrorOfRoute<TRoute>> =>
  // Each route is one of the union, so the table holds routes of the union's events and errors.
  buildTable(
    routes as unknown as ReadonlyArray<CommandRoute<EventOfRoute<TRoute>, ErrorOfRoute<TRoute>>>,
  );

/** The events of a route (distributes over a union of routes). */
export type EventOfRoute<TRoute> =
  TRoute extends CommandRoute<infer TEvent, infer _TError> ? TEvent : never;

/** The domain errors of a route (distributes over a union of routes). */
export type ErrorOfRoute<TRoute> =
  TRoute extends CommandRoute<infer _TEvent, infer TError> ? TError : never;

const buildTable = <TEvent extends VersionedEvent, TError extends DomainError>(
  routes: ReadonlyArray<CommandRoute<TEvent, TError>>,
): RoutingTable<TEvent, TError> => {
  const byCommand = new Map<string, CommandRoute<TEvent, TError>>();
  const byAggregate = new Map<string, CommandRoute<TEvent, TError>>();
  const commandCodecs: Record<string, t.Mixed> = {};
  for (const route of routes) {
    if (byAggregate.has(route.aggregate)) {
      throw new Error(`Two routes for the aggregate ${route.aggregate}.`);
    }
    byAggregate.set(route.aggregate, route);
    for (const [type, codec] of Object.entries(route.commandCodecs)) {
      if (byCommand.has(type)) throw new Error(`Two routes for the command ${type}.`);
      byCommand.set(type, route);
      commandCodecs[type] = codec;
    }
  }
  return {
    routes,
    commandCodecs,
    routeOfCommand: (type) => byCommand.get(type),
    routeOfAggregate: (aggregate) => byAggregate.get(aggregate),
  };
};
