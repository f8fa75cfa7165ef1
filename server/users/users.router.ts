import { createTRPCRouter, publicProcedure, shopperProcedure, toServiceCtx } from "../trpc/init";
import { deleteAddress, listAddresses, saveAddress } from "./address-book";
import { confirmEmailChange, requestEmailChange } from "./change-email";
import { changePassword } from "./change-password";
import { deleteAccount } from "./delete-account";
import { resendEmailVerification, verifyEmail } from "./email-verification";
import { exportMyData } from "./export-my-data";
import { getMe } from "./get-me";
import { requestPasswordReset, resetPassword } from "./password-reset";
import { getProfile, updateProfile } from "./profile";
import {
  AddressIdInput,
  ChangePasswordInput,
  ConfirmEmailChangeInput,
  DeleteAccountInput,
  RequestPasswordResetInput,
  RequestEmailChangeInput,
  ResetPasswordInput,
  SaveAddressInput,
  SignUpInput,
  UpdateProfileInput,
  VerifyEmailInput,
} from "./schemas";
import { signUp } from "./sign-up";

export const usersRouter = createTRPCRouter({
  signUp: publicProcedure.input(SignUpInput).mutation(({ ctx, input }) => signUp(toServiceCtx(ctx), { ...input, ip: ctx.ip })),
  me: publicProcedure.query(({ ctx }) => getMe(toServiceCtx(ctx))),
  requestPasswordReset: publicProcedure
    .input(RequestPasswordResetInput)
    .mutation(({ ctx, input }) => requestPasswordReset(toServiceCtx(ctx), { ...input, ip: ctx.ip })),
  resetPassword: publicProcedure.input(ResetPasswordInput).mutation(({ ctx, input }) => resetPassword(toServiceCtx(ctx), input)),
  verifyEmail: publicProcedure.input(VerifyEmailInput).mutation(({ ctx, input }) => verifyEmail(toServiceCtx(ctx), input)),
  resendVerification: shopperProcedure.mutation(({ ctx }) => resendEmailVerification(toServiceCtx(ctx))),
  changePassword: shopperProcedure.input(ChangePasswordInput).mutation(({ ctx, input }) => changePassword(toServiceCtx(ctx), input)),
  requestEmailChange: shopperProcedure.input(RequestEmailChangeInput).mutation(({ ctx, input }) => requestEmailChange(toServiceCtx(ctx), input)),
  confirmEmailChange: publicProcedure.input(ConfirmEmailChangeInput).mutation(({ ctx, input }) => confirmEmailChange(toServiceCtx(ctx), input)),
  profile: shopperProcedure.query(({ ctx }) => getProfile(toServiceCtx(ctx))),
  updateProfile: shopperProcedure.input(UpdateProfileInput).mutation(({ ctx, input }) => updateProfile(toServiceCtx(ctx), input)),
  addresses: shopperProcedure.query(({ ctx }) => listAddresses(toServiceCtx(ctx))),
  saveAddress: shopperProcedure.input(SaveAddressInput).mutation(({ ctx, input }) => saveAddress(toServiceCtx(ctx), input)),
  deleteAddress: shopperProcedure.input(AddressIdInput).mutation(({ ctx, input }) => deleteAddress(toServiceCtx(ctx), input)),
  exportMyData: shopperProcedure.query(({ ctx }) => exportMyData(toServiceCtx(ctx))),
  deleteAccount: shopperProcedure.input(DeleteAccountInput).mutation(({ ctx, input }) => deleteAccount(toServiceCtx(ctx), input)),
});
