/** Liveness: the process is up and serving. Touches nothing else, so a database outage never restarts the pods. */
export function GET() {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}

export const dynamic = "force-dynamic";
