import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { getTableColumns, getTableName, sql, type InferInsertModel, type InferSelectModel } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type postgres from "postgres";
import type { Tx } from "./client";

const BATCH_SIZE = 5000;

type Column = { name: string; getSQLType(): string };

function columnsOf(table: PgTable): (key: string) => Column {
  const columns: Record<string, Column> = getTableColumns(table);
  return (key) => {
    const found = columns[key];
    if (!found) throw new Error(`${getTableName(table)} has no column ${key}`);
    return found;
  };
}

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
  const column = columnsOf(table);
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

const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

/** One value in COPY's text format, shaped by its column's type (text[] as an array literal, json as JSON). */
function copyField(value: unknown, type: string): string {
  if (value === null || value === undefined) return "\\N";
  let text: string;
  if (value instanceof Date) text = value.toISOString();
  else if (type.endsWith("[]")) text = `{${(value as unknown[]).map((v) => `"${String(v).replace(/["\\]/g, "\\$&")}"`).join(",")}}`;
  else if (type.startsWith("json")) text = JSON.stringify(value);
  else text = String(value);
  return text.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c] as string);
}

/**
 * Streams rows (keyed like the drizzle table; every row with the keys of the first) into the table with COPY, the
 * cheapest way in: no statement per batch, no parameters to parse. Identity columns take the values given, as COPY
 * always does, so the caller assigns ids (and moves the sequence on afterwards). The table must have been truncated in
 * this transaction: the rows are written frozen and all-visible (COPY FREEZE), so index-only scans work at once
 * instead of after the next vacuum.
 */
export async function copyRows<T extends PgTable>(tx: Tx, table: T, rows: InferInsertModel<T>[]): Promise<void> {
  if (rows.length === 0) return;
  const column = columnsOf(table);
  const keys = Object.keys(rows[0] as object);
  const types = keys.map((key) => column(key).getSQLType());
  const names = keys.map((key) => `"${column(key).name}"`).join(", ");
  // drizzle keeps its postgres.js transaction in the (internal) session; COPY needs it, as drizzle has no COPY.
  const client = (tx as unknown as { session: { client: postgres.TransactionSql } }).session.client;
  const stream = await client.unsafe(`copy "${getTableName(table)}" (${names}) from stdin with (freeze)`).writable();
  async function* lines() {
    for (let start = 0; start < rows.length; start += 1000) {
      yield rows
        .slice(start, start + 1000)
        .map((row) => keys.map((key, i) => copyField((row as Record<string, unknown>)[key], types[i] as string)).join("\t") + "\n")
        .join("");
    }
  }
  await pipeline(Readable.from(lines()), stream);
}

/**
 * Loading a large catalogue into indexed, constrained tables with triggers costs many times more than building the
 * same indexes and checking the same keys once afterwards. Drops the tables' plain indexes and foreign keys (primary
 * keys and unique constraints stay) and disables their triggers; returns a function that re-creates the indexes,
 * re-adds the foreign keys (each checked by one join) and enables the triggers again. What the triggers maintain must
 * be rebuilt by the caller. Run inside the loading transaction, so nothing else ever sees the tables without them.
 */
export async function deferUpkeep(tx: Tx, tables: PgTable[]): Promise<() => Promise<void>> {
  const names = tables.map((table) => getTableName(table));
  const indexes = await tx.execute<{ name: string; definition: string }>(sql`
    select indexname as name, indexdef as definition from pg_indexes
    where schemaname = current_schema() and tablename in ${names}
      and not exists (select 1 from pg_constraint where conindid = format('%I.%I', schemaname, indexname)::regclass)`);
  const foreignKeys = await tx.execute<{ table: string; name: string; definition: string }>(sql`
    select c.relname as table, k.conname as name, pg_get_constraintdef(k.oid) as definition
    from pg_constraint k join pg_class c on c.oid = k.conrelid
    where k.contype = 'f' and c.relnamespace = current_schema()::regnamespace and c.relname in ${names}
    order by k.conname`);
  for (const { table, name } of foreignKeys) await tx.execute(sql`alter table ${sql.identifier(table)} drop constraint ${sql.identifier(name)}`);
  for (const { name } of indexes) await tx.execute(sql`drop index ${sql.identifier(name)}`);
  for (const table of names) await tx.execute(sql`alter table ${sql.identifier(table)} disable trigger user`);
  return async () => {
    await tx.execute(sql`set local maintenance_work_mem = '256MB'`);
    for (const { definition } of indexes) await tx.execute(sql.raw(definition));
    for (const { table, name, definition } of foreignKeys) {
      await tx.execute(sql`alter table ${sql.identifier(table)} add constraint ${sql.identifier(name)} ${sql.raw(definition)}`);
    }
    for (const table of names) await tx.execute(sql`alter table ${sql.identifier(table)} enable trigger user`);
  };
}
