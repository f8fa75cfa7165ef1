const timeFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "medium" });

/** A moment on the admin order page, machine-readable in `dateTime`. */
export function AdminTime({ at }: { at: Date }) {
  return <time dateTime={at.toISOString()}>{timeFormat.format(at)}</time>;
}
