import { z } from "zod";

export const UserRole = z.enum(["shopper", "admin"]);
export type UserRole = z.infer<typeof UserRole>;

const Email = z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address").max(254));

/** 12 to 256 characters, every one of them counted (argon2id has no 72-byte cut-off); the common-password check runs on the server. */
export const NewPassword = z.string().min(12, "Use at least 12 characters").max(256, "Use at most 256 characters");

export const SignUpInput = z
  .object({
    email: Email,
    password: NewPassword,
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
    password: z.string().min(1, "Enter your password").max(256),
  })
  .strict();
export type SignInInput = z.infer<typeof SignInInput>;

export const RequestPasswordResetInput = z.strictObject({ email: Email });
export type RequestPasswordResetInput = z.infer<typeof RequestPasswordResetInput>;

const LinkToken = z.string().min(1).max(512);

export const ResetPasswordInput = z.strictObject({ token: LinkToken, password: NewPassword });
export type ResetPasswordInput = z.infer<typeof ResetPasswordInput>;

export const VerifyEmailInput = z.strictObject({ token: LinkToken });

export const ChangePasswordInput = z.strictObject({ currentPassword: z.string().min(1, "Enter your current password").max(256), newPassword: NewPassword });
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;

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
