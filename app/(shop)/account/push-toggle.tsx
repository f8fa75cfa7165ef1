"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTRPC } from "@/app/_trpc/client";

type BrowserState = { kind: "checking" } | { kind: "unsupported" } | { kind: "ready"; registration: ServiceWorkerRegistration; endpoint: string | null };

/** The VAPID public key (base64url) as the Uint8Array PushManager.subscribe takes. */
function applicationServerKey(base64url: string): Uint8Array<ArrayBuffer> {
  const raw = atob(base64url.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(base64url.length / 4) * 4, "="));
  return Uint8Array.from(raw, (c) => c.charCodeAt(0));
}

/** Push notifications on this browser: registers /sw.js, subscribes with the shop's VAPID key and stores the subscription; off removes it. */
export function PushToggle() {
  const trpc = useTRPC();
  const [browser, setBrowser] = useState<BrowserState>({ kind: "checking" });
  const [error, setError] = useState<string | null>(null);
  const { data: key } = useQuery(trpc.push.publicKey.queryOptions());
  const endpoint = browser.kind === "ready" ? browser.endpoint : null;
  const status = useQuery({ ...trpc.push.status.queryOptions({ endpoint: endpoint ?? "" }), enabled: Boolean(endpoint) });
  const subscribe = useMutation(trpc.push.subscribe.mutationOptions());
  const unsubscribe = useMutation(trpc.push.unsubscribe.mutationOptions());

  useEffect(() => {
    const supported = "serviceWorker" in navigator && "PushManager" in window;
    void (supported ? navigator.serviceWorker.register("/sw.js") : Promise.reject(new Error("no push in this browser")))
      .then(() => navigator.serviceWorker.ready)
      .then(async (registration) => setBrowser({ kind: "ready", registration, endpoint: (await registration.pushManager.getSubscription())?.endpoint ?? null }))
      .catch(() => setBrowser({ kind: "unsupported" }));
  }, []);

  const on = Boolean(endpoint && status.data?.subscribed);
  const busy = subscribe.isPending || unsubscribe.isPending || browser.kind !== "ready";

  async function toggle() {
    if (browser.kind !== "ready" || !key?.publicKey) return;
    setError(null);
    try {
      if (on && endpoint) {
        await (await browser.registration.pushManager.getSubscription())?.unsubscribe();
        await unsubscribe.mutateAsync({ endpoint });
        setBrowser({ ...browser, endpoint: null });
        return;
      }
      if ((await Notification.requestPermission()) !== "granted") throw new Error("Notifications are blocked for this site in the browser's settings.");
      const subscription = await browser.registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: applicationServerKey(key.publicKey) });
      const json = subscription.toJSON() as { endpoint: string; expirationTime?: number | null; keys: { p256dh: string; auth: string } };
      await subscribe.mutateAsync({ endpoint: json.endpoint, expirationTime: json.expirationTime ?? null, keys: json.keys });
      setBrowser({ ...browser, endpoint: json.endpoint });
      await status.refetch();
    } catch (e) {
      setError(e instanceof Error ? e.message : "Could not change push notifications.");
    }
  }

  if (key && !key.publicKey) return <p className="text-sm text-stone-600">Push notifications are not set up on this shop.</p>;
  if (browser.kind === "unsupported") return <p className="text-sm text-stone-600">This browser cannot receive push notifications.</p>;
  return (
    <div className="flex flex-col gap-1">
      <label className="flex items-center gap-3 text-sm">
        <input type="checkbox" role="switch" checked={on} disabled={busy || !key} onChange={() => void toggle()} className="size-4 accent-stone-900" />
        Push notifications on this browser: <span data-testid="push-state">{on ? "on" : "off"}</span>
      </label>
      <p className="text-xs text-stone-500">Which messages arrive by push is chosen in the grid above.</p>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
