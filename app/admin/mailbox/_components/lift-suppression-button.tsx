"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { rowButtonClass } from "../../_components/row-cell";
import { serverErrors } from "../../_lib/form-errors";

/** Lets the shop write to a suppressed address again, once its owner has fixed it. */
export function LiftSuppressionButton({ address }: { address: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const lift = useMutation(trpc.notifications.liftSuppression.mutationOptions());
  const [error, setError] = useState("");

  async function onClick() {
    setError("");
    try {
      await lift.mutateAsync({ address });
      router.refresh();
    } catch (e) {
      setError(serverErrors(e).message);
    }
  }

  return (
    <span className="flex items-center gap-2">
      <button type="button" className={rowButtonClass} disabled={lift.isPending} onClick={onClick} aria-label={`Lift the suppression of ${address}`}>
        Lift
      </button>
      {error && (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
