import { getTableColumns, getTableName, sql, type InferInsertModel, type InferSelectModel } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Tx } from "./client";

const BATCH_SIZE = 5000;

/**
 * Inserts rows (keyed like the drizzle table) in batches of one statement each, the whole batch sent as one JSON
 * parameter and unpacked by json_to_recordset: far cheaper to build and parse than a bind parameter per value.
 * Every row must have the keys of the first. Returns the `returning` columns of the inserted rows.
 */
export async function bulkInsert<T extends PgTable, K extends keyof InferSelectModel<T> & string = never>(
  tx: Tx,
  table: T,
  rows: InferInsertModel<T>[],
  returning: K[] = [],
): Promise<Pick<InferSelectModel<T>, K>[]> {
  const columns: Record<string, { name: string; getSQLType(): string }> = getTableColumns(table);
  const column = (key: string) => {
    const found = columns[key];
    if (!found) throw new Error(`${getTableName(table)} has no column ${key}`);
    return found;
  };
  const keys = Object.keys(rows[0] ?? {});
  const target = sql.join(keys.map((key) => sql.identifier(column(key).name)), sql`, `);
  const source = sql.join(keys.map((key) => sql.identifier(key)), sql`, `);
  const record = sql.raw(keys.map((key) => `"${key}" ${column(key).getSQLType()}`).join(", "));
  const output = returning.length
    ? sql`returning ${sql.join(returning.map((key) => sql`${sql.identifier(column(key).name)} as ${sql.identifier(key)}`), sql`, `)}`
    : sql``;

  const inserted: Pick<InferSelectModel<T>, K>[] = [];
  for (let start = 0; start < rows.length; start += BATCH_SIZE) {
    const batch = JSON.stringify(rows.slice(start, start + BATCH_SIZE));
    const result = await tx.execute<Pick<InferSelectModel<T>, K>>(
      sql`insert into ${table} (${target}) select ${source} from json_to_recordset(${batch}::json) as r(${record}) ${output}`,
    );
    inserted.push(...(result as Pick<InferSelectModel<T>, K>[]));
  }
  return inserted;
}

/**
 * Loading 50,000 products into indexed tables takes several times longer than building the indexes once afterwards.
 * Drops the tables' plain indexes (those behind primary keys and constraints stay) and returns a function that re-creates them.
 */
export async function dropIndexes(tx: Tx, tables: PgTable[]): Promise<() => Promise<void>> {
  const indexes = await tx.execute<{ name: string; definition: string }>(sql`
    select indexname as name, indexdef as definition from pg_indexes
    where schemaname = current_schema() and tablename in ${tables.map((table) => getTableName(table))}
      and not exists (select 1 from pg_constraint where conindid = format('%I.%I', schemaname, indexname)::regclass)`);
  for (const { name } of indexes) await tx.execute(sql`drop index ${sql.identifier(name)}`);
  return async () => {
    await tx.execute(sql`set local maintenance_work_mem = '256MB'`);
    for (const { definition } of indexes) await tx.execute(sql.raw(definition));
  };
}
