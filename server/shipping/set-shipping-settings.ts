import { sql } from "drizzle-orm";
import { shippingSettings } from "@/db/schema";
import { requireAdmin, type ServiceContext } from "../context";
import type { ShippingSettings } from "./get-shipping-settings";
import type { ShippingSettingsInput } from "./schemas";

/** Saves the shop's shipping settings (the one row, made on first save). */
export async function setShippingSettings(ctx: ServiceContext, input: ShippingSettingsInput): Promise<ShippingSettings> {
  requireAdmin(ctx);
  await ctx.db
    .insert(shippingSettings)
    .values({ autoBuyLabels: input.autoBuyLabels })
    .onConflictDoUpdate({ target: shippingSettings.id, set: { autoBuyLabels: input.autoBuyLabels, updatedAt: sql`now()` } });
  return { autoBuyLabels: input.autoBuyLabels };
}
