"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/client";

/** The shop setting: buy each paid order's labels at once, or leave its shipments here for an admin. */
export function AutoBuyToggle({ autoBuyLabels }: { autoBuyLabels: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [checked, setChecked] = useState(autoBuyLabels);
  const save = useMutation(trpc.adminFulfilment.setSettings.mutationOptions({ onSuccess: (saved) => (setChecked(saved.autoBuyLabels), router.refresh()) }));
  return (
    <label className="flex items-center gap-2 text-sm">
      <input type="checkbox" checked={checked} disabled={save.isPending} onChange={(e) => save.mutate({ autoBuyLabels: e.target.checked })} />
      Buy labels automatically when an order is paid
      {save.isError && (
        <span role="alert" className="text-red-700">
          Not saved: try again
        </span>
      )}
    </label>
  );
}
