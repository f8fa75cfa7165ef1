import { NotFoundMessage } from "@/app/_components/not-found-message";

export default function ProductNotFound() {
  return <NotFoundMessage title="Product not found" text="This product does not exist or is no longer for sale." />;
}
