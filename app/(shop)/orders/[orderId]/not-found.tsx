import { NotFoundMessage } from "@/app/_components/not-found-message";

export default function OrderNotFound() {
  return (
    <NotFoundMessage
      title="Order not found"
      text="We could not find this order. If you checked out without an account, open the link from your order confirmation; otherwise sign in with the account you ordered with."
    />
  );
}
