import { createTRPCRouter, publicProcedure, shopperProcedure, toServiceCtx } from "../trpc/init";
import { changePassword } from "./change-password";
import { resendEmailVerification, verifyEmail } from "./email-verification";
import { getMe } from "./get-me";
import { requestPasswordReset, resetPassword } from "./password-reset";
import { ChangePasswordInput, RequestPasswordResetInput, ResetPasswordInput, SignUpInput, VerifyEmailInput } from "./schemas";
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
});
