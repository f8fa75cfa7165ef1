import { NotFoundMessage } from "@/app/_components/not-found-message";

export default function ShopNotFound() {
  return <NotFoundMessage title="Page not found" text="We could not find what you were looking for. Try a search, or start from the home page." />;
}
