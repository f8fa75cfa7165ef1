import { appDb } from "@/server/db";
import { env } from "@/server/env";
import { checkReadiness, readinessResponse } from "@/server/health/check-readiness";

/** Readiness: 200 when this instance can serve (database, migrations, configured services), 503 with what is failing. */
export async function GET() {
  return readinessResponse(await checkReadiness({ db: appDb(), env: env() }));
}

export const dynamic = "force-dynamic";
