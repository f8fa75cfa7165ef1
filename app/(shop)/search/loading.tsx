import { ListingSkeleton } from "@/app/_components/listing-skeleton";

export default function Loading() {
  return <ListingSkeleton />;
}
