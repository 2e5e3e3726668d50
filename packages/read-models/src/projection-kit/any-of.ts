import { type RawBuilder, sql } from 'kysely';

/**
 * The right-hand side of `column = any($1)`: one array parameter however many ids a batch
 * touches (an `in` list sends and plans one parameter per id).
 *
 * @example
 * db.selectFrom('deals').selectAll().where('deal_id', '=', anyOf(dealIds))
 */
export const anyOf = (ids: Iterable<string>): RawBuilder<string> =>
  sql<string>`any(${[...ids]}::text[])`;
