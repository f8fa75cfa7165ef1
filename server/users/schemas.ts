import { z } from "zod";

export const UserRole = z.enum(["shopper", "admin"]);
export type UserRole = z.infer<typeof UserRole>;

const Email = z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address"));

export const SignUpInput = z
  .object({
    email: Email,
    password: z.string().min(8, "Use at least 8 characters").max(128, "Use at most 128 characters"),
    name: z.string().trim().min(1, "Enter your name").max(100, "Use at most 100 characters"),
  })
  .strict();
export type SignUpInput = z.infer<typeof SignUpInput>;

/** `npm run admin:create`: the same email and password rules as a sign-up. */
export const CreateAdminInput = SignUpInput.pick({ email: true, password: true });
export type CreateAdminInput = z.infer<typeof CreateAdminInput>;

export const SignInInput = z
  .object({
    email: Email,
    password: z.string().min(1, "Enter your password").max(128),
  })
  .strict();
export type SignInInput = z.infer<typeof SignInInput>;

/** What the session carries and `users.me` answers. */
export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
  role: UserRole;
}

/** A verified identity from an OpenID provider (Cognito), as the sign-in callback hands it over. */
export interface OidcIdentity {
  provider: string;
  providerAccountId: string;
  email: string;
  emailVerified: boolean;
  name: string | null;
  image: string | null;
}
