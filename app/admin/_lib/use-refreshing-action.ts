"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { serverErrors } from "./form-errors";

/** Runs a mutation and refreshes the page's server data after it; a refusal becomes `error` (its first field message, else its message). */
export function useRefreshingAction() {
  const router = useRouter();
  const [error, setError] = useState("");
  async function run(work: () => Promise<unknown>) {
    setError("");
    try {
      await work();
      router.refresh();
    } catch (e) {
      const { fields, message } = serverErrors(e);
      setError(Object.values(fields)[0] ?? message);
    }
  }
  return { error, setError, run };
}
