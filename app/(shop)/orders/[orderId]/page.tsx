import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getQueryClient, HydrateClient, trpc } from "@/app/_trpc/hydration";
import { currentUser } from "@/server/auth/session";
import { GetOrderInput } from "@/server/orders/schemas";
import { OrderDetails } from "./order-details";
import { ReturnItems } from "./return-items";

interface OrderPageProps {
  params: Promise<{ orderId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

async function readInput({ params, searchParams }: OrderPageProps): Promise<GetOrderInput | null> {
  const [{ orderId }, { token }] = await Promise.all([params, searchParams]);
  const parsed = GetOrderInput.safeParse(typeof token === "string" ? { orderId, accessToken: token } : { orderId });
  return parsed.success ? parsed.data : null;
}

/** The order into the request's query cache, or null when this visitor may not see it (or it does not exist: the same answer). */
const loadOrder = cache(async (orderId: string, accessToken?: string) => {
  const options = trpc.orders.get.queryOptions(accessToken === undefined ? { orderId } : { orderId, accessToken });
  return getQueryClient()
    .fetchQuery(options)
    .catch((error: unknown) => {
      if (error instanceof TRPCError && error.code === "NOT_FOUND") return null;
      throw error;
    });
});

export async function generateMetadata(props: OrderPageProps): Promise<Metadata> {
  const input = await readInput(props);
  const order = input && (await loadOrder(input.orderId, input.accessToken));
  return { title: order ? `Order #${order.number}` : "Order not found", robots: { index: false } };
}

export default async function OrderPage(props: OrderPageProps) {
  const input = await readInput(props);
  if (!input) notFound();
  const [order, user] = await Promise.all([loadOrder(input.orderId, input.accessToken), currentUser()]);
  if (!order) notFound();
  return (
    <HydrateClient>
      <OrderDetails input={input} signedIn={user !== null} />
      <ReturnItems input={input} />
    </HydrateClient>
  );
}
