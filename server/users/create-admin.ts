import { sql } from "drizzle-orm";
import { users } from "@/db/schema";
import type { AdminRole, ServiceContext } from "../context";
import { DomainError } from "../errors";
import { hashPassword } from "./password";
import type { CreateAdminInput } from "./schemas";

/**
 * Makes `email` an admin (or staff: the admin area without refunds, prices and the audit log) who signs in with
 * `password`: a new account, or an existing one given that role and password. Only an operator's command (a system
 * actor) may; no request reaches it.
 */
export async function createAdmin(ctx: ServiceContext, input: CreateAdminInput, role: AdminRole = "admin"): Promise<{ id: string; created: boolean }> {
  if (ctx.actor.type !== "system") throw new DomainError("Forbidden", "Only an operator's command creates admins");
  const passwordHash = await hashPassword(input.password);
  // xmax is 0 on a freshly inserted row and set on one the upsert updated.
  const [row] = await ctx.db.execute<{ id: string; created: boolean }>(sql`
    insert into ${users} (email, role, password_hash) values (${input.email}, ${role}, ${passwordHash})
    on conflict (lower(email)) do update set role = excluded.role, password_hash = excluded.password_hash
    returning id, (xmax = 0) as created`);
  return row!;
}
