import { shippingSettings } from "@/db/schema";
import type { ServiceContext } from "../context";

export interface ShippingSettings {
  /** Buy a paid order's labels at once; false leaves its shipments pending in the admin's queue. */
  autoBuyLabels: boolean;
}

/** The shop's shipping settings; the defaults while none were saved. */
export async function getShippingSettings(ctx: ServiceContext): Promise<ShippingSettings> {
  const [row] = await ctx.db.select({ autoBuyLabels: shippingSettings.autoBuyLabels }).from(shippingSettings);
  return { autoBuyLabels: row?.autoBuyLabels ?? true };
}
