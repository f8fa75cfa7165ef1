import { createTRPCRouter, publicProcedure, toServiceCtx } from "../trpc/init";
import { getMe } from "./get-me";
import { SignUpInput } from "./schemas";
import { signUp } from "./sign-up";

export const usersRouter = createTRPCRouter({
  signUp: publicProcedure.input(SignUpInput).mutation(({ ctx, input }) => signUp(toServiceCtx(ctx), input)),
  me: publicProcedure.query(({ ctx }) => getMe(toServiceCtx(ctx))),
});
