import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/server/auth/options";
import { withTooManyAttemptsStatus } from "@/server/auth/too-many-attempts";

async function handler(req: NextRequest, context: { params: Promise<{ nextauth: string[] }> }): Promise<Response> {
  return withTooManyAttemptsStatus(await NextAuth(req, context, authOptions()));
}

export { handler as GET, handler as POST };
