import { z } from "zod";
import { adminProcedure, createTRPCRouter, toServiceCtx } from "../trpc/init";
import { buyShipmentLabel } from "./buy-shipment-label";
import { getShippingSettings } from "./get-shipping-settings";
import { listFulfilmentQueue } from "./list-fulfilment-queue";
import { markShipmentShipped } from "./mark-shipment-shipped";
import { MarkShippedInput, ShipmentIdInput, ShippingSettingsInput, SplitShipmentInput } from "./schemas";
import { setShippingSettings } from "./set-shipping-settings";
import { splitShipment } from "./split-shipment";
import { voidShipmentLabel } from "./void-shipment-label";

const QueueInput = z.object({ page: z.int().min(1).max(10_000).default(1), pageSize: z.int().min(1).max(100).default(25) }).strict();

export const adminFulfilmentRouter = createTRPCRouter({
  queue: adminProcedure.input(QueueInput).query(({ ctx, input }) => listFulfilmentQueue(toServiceCtx(ctx), input)),
  buyLabel: adminProcedure.input(ShipmentIdInput).mutation(({ ctx, input }) => buyShipmentLabel(toServiceCtx(ctx), input)),
  voidLabel: adminProcedure.input(ShipmentIdInput).mutation(({ ctx, input }) => voidShipmentLabel(toServiceCtx(ctx), input)),
  split: adminProcedure.input(SplitShipmentInput).mutation(({ ctx, input }) => splitShipment(toServiceCtx(ctx), input)),
  markShipped: adminProcedure.input(MarkShippedInput).mutation(({ ctx, input }) => markShipmentShipped(toServiceCtx(ctx), input)),
  settings: adminProcedure.query(({ ctx }) => getShippingSettings(toServiceCtx(ctx))),
  setSettings: adminProcedure.input(ShippingSettingsInput).mutation(({ ctx, input }) => setShippingSettings(toServiceCtx(ctx), input)),
});
