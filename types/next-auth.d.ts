import type { SessionUser, UserRole } from "@/server/users/schemas";

declare module "next-auth" {
  interface Session {
    user?: SessionUser;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role?: UserRole;
  }
}
