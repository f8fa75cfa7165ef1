"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { AuthCard, FormError, primaryButton, secondaryButton, TextField } from "./auth-card";
import { signInErrorMessage } from "./sign-in-errors";

interface Props {
  callbackUrl: string;
  cognito: boolean;
  initialError: string | null;
}

export function SignInForm({ callbackUrl, cognito, initialError }: Props) {
  const router = useRouter();
  const [error, setError] = useState(initialError);
  const [pending, setPending] = useState(false);
  const signUpHref = callbackUrl === "/" ? "/sign-up" : `/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", { redirect: false, email: form.get("email"), password: form.get("password"), callbackUrl });
      if (!result?.ok) {
        setError(signInErrorMessage(result?.error ?? "unknown"));
        setPending(false);
        return;
      }
      router.replace(callbackUrl);
      router.refresh();
    } catch {
      setError("We could not reach the server. Check your connection and try again.");
      setPending(false);
    }
  }

  return (
    <AuthCard
      title="Sign in"
      footer={
        <>
          New to Emporium?{" "}
          <Link href={signUpHref} className="font-medium text-stone-900 underline underline-offset-2">
            Create an account
          </Link>
        </>
      }
    >
      <form onSubmit={onSubmit} className="space-y-4">
        <FormError message={error} />
        <TextField label="Email" name="email" type="email" autoComplete="email" required autoFocus />
        <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
        <p className="-mt-2 text-right text-sm">
          <Link href="/forgot-password" className="text-stone-700 underline underline-offset-2">
            Forgot password?
          </Link>
        </p>
        <button type="submit" disabled={pending} className={primaryButton}>
          {pending ? "Signing in…" : "Sign in"}
        </button>
      </form>
      {cognito && (
        <>
          <div className="my-5 flex items-center gap-3 text-xs uppercase tracking-wide text-stone-500" aria-hidden="true">
            <span className="h-px flex-1 bg-stone-200" />
            or
            <span className="h-px flex-1 bg-stone-200" />
          </div>
          <button type="button" disabled={pending} className={secondaryButton} onClick={() => void signIn("cognito", { callbackUrl })}>
            Continue with Cognito
          </button>
        </>
      )}
    </AuthCard>
  );
}
