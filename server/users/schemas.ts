import { z } from "zod";
import { ShippingAddress } from "../checkout/details-schemas";

export const UserRole = z.enum(["shopper", "admin", "staff"]);
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

/** The current password, when the account has one, so a borrowed session cannot move the account away. */
export const RequestEmailChangeInput = z.strictObject({ newEmail: Email, password: z.string().max(256).optional() });
export type RequestEmailChangeInput = z.infer<typeof RequestEmailChangeInput>;

export const ConfirmEmailChangeInput = z.strictObject({ token: LinkToken });
export type ConfirmEmailChangeInput = z.infer<typeof ConfirmEmailChangeInput>;

export const ChangePasswordInput = z.strictObject({ currentPassword: z.string().min(1, "Enter your current password").max(256), newPassword: NewPassword });
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;

const Phone = z
  .string()
  .trim()
  .max(30)
  .refine((p) => p === "" || /^\+?[0-9 ()./-]{5,30}$/.test(p), "Enter a phone number with digits only")
  .transform((p) => p || null);

export const UpdateProfileInput = z.strictObject({
  name: z.string().trim().min(1, "Enter your name").max(100, "Use at most 100 characters"),
  phone: Phone,
});
export type UpdateProfileInput = z.output<typeof UpdateProfileInput>;

/** An address book entry: a new one without `id`, an edit of one with it. */
export const SaveAddressInput = z.strictObject({
  id: z.uuid().optional(),
  address: ShippingAddress,
  defaultShipping: z.boolean().default(false),
  defaultBilling: z.boolean().default(false),
});
export type SaveAddressInput = z.output<typeof SaveAddressInput>;

export const AddressIdInput = z.strictObject({ id: z.uuid() });

/** The current password, when the account has one, so a borrowed session cannot erase it. */
export const DeleteAccountInput = z.strictObject({ password: z.string().max(256).optional() });
export type DeleteAccountInput = z.infer<typeof DeleteAccountInput>;

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
