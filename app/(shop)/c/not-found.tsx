import { NotFoundMessage } from "@/app/_components/not-found-message";

export default function CategoryNotFound() {
  return <NotFoundMessage title="Category not found" text="There is no category at this address. Browse all products or search instead." />;
}
