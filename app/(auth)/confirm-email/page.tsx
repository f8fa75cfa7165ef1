import type { Metadata } from "next";
import { ConfirmEmail } from "./confirm-email";

export const metadata: Metadata = { title: "Confirm your new email", robots: { index: false } };

export default async function ConfirmEmailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await searchParams;
  return <ConfirmEmail token={typeof token === "string" ? token : ""} />;
}
