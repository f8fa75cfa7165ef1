import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { template: "%s · Emporium", default: "Emporium" },
  description: "Emporium: clothing, home and everyday goods, delivered.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#ffffff" };

// No tRPC provider here: the pages that use tRPC hooks put TRPCReactProvider (app/_trpc/client.tsx) in their own layouts.
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="flex min-h-dvh flex-col">{children}</body>
    </html>
  );
}
