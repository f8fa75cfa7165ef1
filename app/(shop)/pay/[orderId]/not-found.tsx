import { NotFoundMessage } from "@/app/_components/not-found-message";

export default function PayNotFound() {
  return (
    <NotFoundMessage
      title="Order not found"
      text="We could not find this order to pay. If you checked out without an account, use the payment link from checkout; otherwise sign in with the account you ordered with."
    />
  );
}
