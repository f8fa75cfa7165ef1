import { and, asc, desc, eq } from "drizzle-orm";
import { userAddresses } from "@/db/schema";
import { withTransaction, type ServiceContext } from "../context";
import { conflict, notFound, uniqueViolation } from "../errors";
import { signedInUser } from "../notifications/get-preferences";
import type { SaveAddressInput } from "./schemas";

const columns = {
  id: userAddresses.id,
  address: userAddresses.address,
  defaultShipping: userAddresses.defaultShipping,
  defaultBilling: userAddresses.defaultBilling,
};
export type SavedAddress = { [K in keyof typeof columns]: (typeof columns)[K]["_"]["data"] };

/** The signed-in shopper's addresses, the default for shipping first. */
export function listAddresses(ctx: ServiceContext): Promise<SavedAddress[]> {
  return addressesOf(ctx, signedInUser(ctx));
}

/** One account's address book, the default for shipping first; the caller has checked who may read it. */
export function addressesOf(ctx: ServiceContext, userId: string): Promise<SavedAddress[]> {
  return ctx.db
    .select(columns)
    .from(userAddresses)
    .where(eq(userAddresses.userId, userId))
    .orderBy(desc(userAddresses.defaultShipping), asc(userAddresses.createdAt));
}

/**
 * Adds an address, or edits one of the shopper's own (NotFound for anyone else's). Marking it a default takes the mark
 * from the previous default in the same transaction; the partial unique indexes refuse two defaults from racing saves.
 */
export async function saveAddress(ctx: ServiceContext, input: SaveAddressInput): Promise<SavedAddress> {
  const userId = signedInUser(ctx);
  try {
    return await withTransaction(ctx, async (tx) => {
      const mine = eq(userAddresses.userId, userId);
      if (input.defaultShipping) await tx.db.update(userAddresses).set({ defaultShipping: false }).where(and(mine, eq(userAddresses.defaultShipping, true)));
      if (input.defaultBilling) await tx.db.update(userAddresses).set({ defaultBilling: false }).where(and(mine, eq(userAddresses.defaultBilling, true)));
      const values = { address: input.address, defaultShipping: input.defaultShipping, defaultBilling: input.defaultBilling };
      const [row] = input.id
        ? await tx.db
            .update(userAddresses)
            .set(values)
            .where(and(mine, eq(userAddresses.id, input.id)))
            .returning(columns)
        : await tx.db
            .insert(userAddresses)
            .values({ ...values, userId })
            .returning(columns);
      if (!row) throw notFound("Address");
      return row;
    });
  } catch (error) {
    if (uniqueViolation(error)) throw conflict("Another change to your default address happened at the same time: try again");
    throw error;
  }
}

export async function deleteAddress(ctx: ServiceContext, input: { id: string }): Promise<void> {
  const [gone] = await ctx.db
    .delete(userAddresses)
    .where(and(eq(userAddresses.userId, signedInUser(ctx)), eq(userAddresses.id, input.id)))
    .returning({ id: userAddresses.id });
  if (!gone) throw notFound("Address");
}
