"use client";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

const POLL_MS = 15_000;
// Several changes in a burst (order, payment, refund rows in one checkout) become one refresh.
const SETTLE_MS = 300;

/**
 * Re-renders the page's server components when an order, payment or refund changes: pushed by /api/admin/events
 * (server-sent events), or every 15 s when the browser cannot keep that stream open.
 */
export function LiveRefresh() {
  const router = useRouter();
  const [mode, setMode] = useState<"connecting" | "live" | "polling">("connecting");

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      clearTimeout(timer);
      timer = setTimeout(() => router.refresh(), SETTLE_MS);
    };
    let poll: ReturnType<typeof setInterval> | undefined;
    const startPolling = () => {
      setMode("polling");
      poll ??= setInterval(() => router.refresh(), POLL_MS);
    };
    if (typeof EventSource === "undefined") {
      startPolling();
      return () => clearInterval(poll);
    }
    const source = new EventSource("/api/admin/events");
    let reconnecting = false;
    source.onopen = () => {
      clearInterval(poll);
      poll = undefined;
      setMode("live");
      // Whatever changed while the stream was down.
      if (reconnecting) router.refresh();
      reconnecting = true;
    };
    source.addEventListener("change", refresh);
    // The browser retries a dropped stream by itself; until it is back (or for good, after a refusal) poll instead.
    source.onerror = () => startPolling();
    return () => {
      source.close();
      clearTimeout(timer);
      clearInterval(poll);
    };
  }, [router]);

  return (
    <p role="status" className="text-xs text-stone-500">
      {mode === "live" ? "● Live" : mode === "polling" ? "Updating every 15 s" : "Connecting…"}
    </p>
  );
}
