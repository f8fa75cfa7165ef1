import { notFound } from "next/navigation";

/** Any address no other route matches: the shop's 404 (app/(shop)/not-found.tsx) inside its header and footer. */
export default function MissingPage() {
  notFound();
}
