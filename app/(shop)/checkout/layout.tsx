import type { ReactNode } from "react";
import { TRPCReactProvider } from "@/app/_trpc/client";

export default function CheckoutLayout({ children }: { children: ReactNode }) {
  return <TRPCReactProvider>{children}</TRPCReactProvider>;
}
