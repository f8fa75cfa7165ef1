"use client";
import { useSyncExternalStore } from "react";

const subscribe = () => () => {};
const shopperFormat = new Intl.DateTimeFormat(undefined, { hour: "numeric", minute: "2-digit" });
const serverFormat = new Intl.DateTimeFormat("en-US", { hour: "numeric", minute: "2-digit", timeZone: "UTC", timeZoneName: "short" });

/**
 * A time of day in the shopper's own locale and time zone. The server knows neither, so it renders UTC, labelled;
 * React swaps in the shopper's time right after hydration without a mismatch.
 */
export function HoldTime({ at }: { at: Date }) {
  const text = useSyncExternalStore(
    subscribe,
    () => shopperFormat.format(at),
    () => serverFormat.format(at),
  );
  return <time dateTime={at.toISOString()}>{text}</time>;
}
