"use client";
import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { OrderAddress } from "@/app/_components/order-address";
import { OrderLines } from "@/app/_components/order-lines";
import { FulfilmentStatusBadge, OrderStatusBadge } from "@/app/_components/order-status-badge";
import { OrderMessages } from "@/app/_components/order-messages";
import { OrderTimeline } from "@/app/_components/order-timeline";
import { useTRPC } from "@/app/_trpc/client";
import type { GetOrderInput } from "@/server/orders/schemas";
import { OrderShipments } from "./order-shipments";
import { OrderStatusMessage } from "./order-status-message";

const POLL_MS = 2_000;
const TRACKING_POLL_MS = 5_000;
const MOVING = new Set(["label_purchased", "in_transit", "out_for_delivery", "exception"]);
const placedFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeStyle: "short" });

/** The order page, which is also the confirmation page after paying: it re-reads the order while the payment is pending. */
export function OrderDetails({ input, signedIn }: { input: GetOrderInput; signedIn: boolean }) {
  const trpc = useTRPC();
  const { data: order } = useSuspenseQuery({
    ...trpc.orders.get.queryOptions(input),
    refetchInterval: (query) => {
      const data = query.state.data;
      if (data?.status === "pending") return POLL_MS;
      // A parcel on its way: follow its tracking while the page is open.
      return data?.shipments.some((s) => MOVING.has(s.status)) ? TRACKING_POLL_MS : false;
    },
  });

  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-6 px-4 py-8 sm:px-6">
      <div className="flex flex-col gap-1">
        {signedIn && (
          <Link href="/orders" className="text-sm text-stone-600 underline-offset-2 hover:underline">
            ← Your orders
          </Link>
        )}
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Order #{order.number}</h1>
          <OrderStatusBadge status={order.status} />
          <FulfilmentStatusBadge status={order.fulfilmentStatus} />
        </div>
        <p className="text-sm text-stone-600">
          Placed on{" "}
          <time dateTime={order.placedAt.toISOString()} suppressHydrationWarning>
            {placedFormat.format(order.placedAt)}
          </time>{" "}
          · {order.itemCount} {order.itemCount === 1 ? "item" : "items"}
        </p>
      </div>

      <OrderStatusMessage order={order} />

      <div className="grid gap-8 md:grid-cols-[1fr_18rem]">
        <section aria-labelledby="items-heading" className="flex flex-col gap-3">
          <h2 id="items-heading" className="text-lg font-semibold">
            Items
          </h2>
          <OrderLines order={order} linkProducts />
          {order.shipments.length > 0 && (
            <section aria-labelledby="shipments-heading" className="mt-4 flex flex-col gap-3">
              <h2 id="shipments-heading" className="text-lg font-semibold">
                Shipments
              </h2>
              <OrderShipments shipments={order.shipments} />
            </section>
          )}
        </section>
        <div className="flex flex-col gap-8">
          <section aria-labelledby="timeline-heading" className="flex flex-col gap-3">
            <h2 id="timeline-heading" className="text-lg font-semibold">
              Status
            </h2>
            <OrderTimeline events={order.timeline} />
          </section>
          <section aria-labelledby="shipping-heading" className="flex flex-col gap-2">
            <h2 id="shipping-heading" className="text-lg font-semibold">
              Shipping to
            </h2>
            <OrderAddress address={order.shippingAddress} />
            <p className="text-sm text-stone-600">Email: {order.email}</p>
          </section>
          <section aria-labelledby="messages-heading" className="flex flex-col gap-2">
            <h2 id="messages-heading" className="text-lg font-semibold">
              Messages
            </h2>
            <OrderMessages messages={order.messages} />
          </section>
        </div>
      </div>

      <Link href="/" className="self-start rounded-md border border-stone-300 px-4 py-2 text-sm font-medium hover:bg-stone-50">
        Continue shopping
      </Link>
    </div>
  );
}
