import { TRPCError } from "@trpc/server";
import { getCaller } from "@/app/_trpc/server";

/** The stock levels as a CSV download; the procedure checks that the caller is an admin. */
export async function GET() {
  try {
    const { filename, csv } = await (await getCaller()).inventory.exportCsv();
    return new Response(csv, { headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${filename}"`, "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "UNAUTHORIZED" || error.code === "FORBIDDEN")) {
      return new Response(error.message, { status: error.code === "UNAUTHORIZED" ? 401 : 403 });
    }
    throw error;
  }
}
