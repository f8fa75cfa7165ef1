"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/app/_trpc/client";

/** Sends a message again as a new message linked to this one; the list shows it once the page refreshes. */
export function ResendMessageButton({ notificationId }: { notificationId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const resend = useMutation(trpc.notifications.resend.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <span className="ml-auto flex items-center gap-2">
      {resend.isError && <span role="alert" className="text-xs text-red-700">Not resent</span>}
      <button type="button" className="rounded border border-stone-300 px-2 py-0.5 text-xs hover:bg-stone-100 disabled:opacity-50" disabled={resend.isPending} onClick={() => resend.mutate({ notificationId })}>
        Resend
      </button>
    </span>
  );
}
