"use client";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { SignUpInput } from "@/server/users/schemas";
import { AuthCard, FormError, primaryButton, TextField } from "../sign-in/auth-card";
import { refusalMessage, serverFieldErrors, zodFieldErrors, type FieldErrors } from "./field-errors";

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const trpc = useTRPC();
  const signUp = useMutation(trpc.users.signUp.mutationOptions());
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [signingIn, setSigningIn] = useState(false);
  const pending = signUp.isPending || signingIn;
  const signInHref = callbackUrl === "/" ? "/sign-in" : `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const showFieldErrors = (errors: FieldErrors) => {
      setFieldErrors(errors);
      const first = Array.from(formElement.elements).find((el) => el instanceof HTMLInputElement && el.name in errors);
      if (first instanceof HTMLInputElement) first.focus();
    };
    const parsed = SignUpInput.safeParse({ name: form.get("name"), email: form.get("email"), password: form.get("password") });
    setError(null);
    if (!parsed.success) {
      showFieldErrors(zodFieldErrors(parsed.error));
      return;
    }
    setFieldErrors({});
    try {
      await signUp.mutateAsync(parsed.data);
    } catch (e) {
      const fields = serverFieldErrors(e);
      if (fields) showFieldErrors(fields);
      else setError(refusalMessage(e) ?? "We could not create your account. Please try again.");
      return;
    }
    setSigningIn(true);
    const result = await signIn("credentials", { redirect: false, email: parsed.data.email, password: parsed.data.password, callbackUrl }).catch(() => null);
    if (!result?.ok) {
      router.push(signInHref);
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  }

  return (
    <AuthCard
      title="Create your account"
      footer={
        <>
          Already have an account?{" "}
          <Link href={signInHref} className="font-medium text-stone-900 underline underline-offset-2">
            Sign in
          </Link>
        </>
      }
    >
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <FormError message={error} />
        <TextField label="Name" name="name" autoComplete="name" maxLength={100} required error={fieldErrors.name} />
        <TextField label="Email" name="email" type="email" autoComplete="email" required error={fieldErrors.email} />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={12}
          maxLength={256}
          required
          hint="At least 12 characters; a few unrelated words work well."
          error={fieldErrors.password}
        />
        <button type="submit" disabled={pending} className={primaryButton}>
          {signingIn ? "Signing you in…" : signUp.isPending ? "Creating account…" : "Create account"}
        </button>
      </form>
    </AuthCard>
  );
}
