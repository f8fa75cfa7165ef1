import type { ServiceContext } from "../context";
import { conflict } from "../errors";
import { startPayment, type PaymentSession } from "../payments/start-payment";
import { createOrderFromCart } from "./create-order-from-cart";
import type { OrderStatus, PlaceOrderInput } from "./schemas";

export interface PlaceOrderResult {
  orderId: string;
  number: number;
  status: OrderStatus;
  totalAmount: number;
  currency: string;
  payment: PaymentSession;
}

/**
 * Checks out the caller's cart: the order, its stock reservation and the shop/order.placed event that starts the
 * checkout saga in one transaction (createOrderFromCart), then, once that has committed, the payment is opened. Every part is idempotent per cart, so a
 * repeated or concurrent submit, or a retry after a failure past the commit, answers with the same order and payment.
 */
export async function placeOrder(ctx: ServiceContext, input: PlaceOrderInput): Promise<PlaceOrderResult> {
  const { orderId, number, status, totalAmount, currency } = await createOrderFromCart(ctx, input);
  // A stale tab submitting a cart whose order has since been cancelled: that checkout is over.
  if (status === "cancelled" || status === "refunded") throw conflict(`Order #${number} from this cart was ${status}; add the items to a new cart`);
  const payment = await startPayment(ctx, { orderId });
  return { orderId, number, status, totalAmount, currency, payment };
}
