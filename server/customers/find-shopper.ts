import { and, eq } from "drizzle-orm";
import { users } from "@/db/schema";
import type { ServiceContext } from "../context";
import { notFound } from "../errors";

/** The shopper an admin action is about (never an admin's account), locked when asked; NotFound otherwise. */
export async function findShopper(ctx: ServiceContext, input: { userId: string; lock?: boolean }): Promise<{ id: string; email: string }> {
  const query = ctx.db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(eq(users.id, input.userId), eq(users.role, "shopper")));
  const [row] = await (input.lock ? query.for("update") : query);
  if (!row) throw notFound("Customer");
  return row;
}
