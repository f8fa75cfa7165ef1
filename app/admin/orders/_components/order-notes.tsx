"use client";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/app/_trpc/client";
import type { OrderNoteView } from "@/server/orders/admin-order-details";
import { Notes } from "../../_components/notes";

/** The admins' internal notes on the order, oldest first, and a box to add one. The customer never sees them. */
export function OrderNotes({ orderId, notes }: { orderId: string; notes: OrderNoteView[] }) {
  const trpc = useTRPC();
  const add = useMutation(trpc.adminOrders.addNote.mutationOptions());
  return <Notes notes={notes} pending={add.isPending} add={(body) => add.mutateAsync({ orderId, body })} />;
}
