import type { SessionUser, UserRole } from "@/server/users/schemas";

declare module "next-auth" {
  interface Session {
    user?: SessionUser;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role?: UserRole;
    /** The user's session version when this session signed in (users.session_version). */
    sessionVersion?: number;
  }
}
