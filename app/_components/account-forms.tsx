"use client";
// Sign up, forgot and reset password: plain forms over better-auth's JSON endpoints (sign in: sign-in-form.tsx).
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { safeNextPath } from "@/lib/auth/next-path";
import { Field, postAuth as post, useSubmit, verifiedLanding } from "./account-form-kit";
import { buttonClass, errorMessage, FormError } from "./form";

export function SignUpForm() {
  const next = safeNextPath(useSearchParams().get("next"));
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { error, busy, onSubmit } = useSubmit(async (form) => {
    const email = String(form.get("email") ?? "");
    const response = await post("/sign-up/email", { name: form.get("name"), email, password: form.get("password"), callbackURL: verifiedLanding(next) });
    if (!response.ok) return errorMessage(response, "The account could not be created.");
    setSentTo(email);
    return null;
  });
  // The same words whether or not the address already had an account (its owner gets a mail saying so).
  if (sentTo) {
    return (
      <div role="status" className="space-y-2">
        <p className="font-semibold">Check your inbox</p>
        <p>
          We sent a link to <strong className="break-all">{sentTo}</strong>. Open it within an hour to confirm the address and sign in.
        </p>
        <p className="text-sm text-slate-600 dark:text-slate-400">No mail after a few minutes? Look in the spam folder, or sign in to get a new link.</p>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <Field label="Name" name="name" autoComplete="name" />
      <Field label="E-mail" name="email" type="email" autoComplete="email" />
      <Field label="Password (at least 10 characters)" name="password" type="password" autoComplete="new-password" minLength={10} />
      <FormError message={error} />
      <button type="submit" disabled={busy} className={buttonClass}>
        {busy ? "Creating…" : "Create account"}
      </button>
      <p className="text-sm">
        Already have an account? <Link href={next ? `/sign-in?next=${encodeURIComponent(next)}` : "/sign-in"} className="text-blue-700 underline dark:text-blue-400">Sign in</Link>
      </p>
    </form>
  );
}

export function ForgotPasswordForm() {
  const [sent, setSent] = useState(false);
  const { error, busy, onSubmit } = useSubmit(async (form) => {
    const response = await post("/request-password-reset", { email: form.get("email"), redirectTo: "/reset-password" });
    if (!response.ok) return errorMessage(response, "The e-mail could not be sent.");
    setSent(true);
    return null;
  });
  if (sent) return <p role="status">If an account uses that address, an e-mail with a link to choose a new password is on its way. The link works for an hour.</p>;
  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <Field label="E-mail" name="email" type="email" autoComplete="email" />
      <FormError message={error} />
      <button type="submit" disabled={busy} className={buttonClass}>
        Send reset link
      </button>
    </form>
  );
}

export function ResetPasswordForm() {
  const router = useRouter();
  const params = useSearchParams();
  const token = params.get("token");
  const { error, busy, onSubmit } = useSubmit(async (form) => {
    const response = await post("/reset-password", { token, newPassword: form.get("password") });
    if (!response.ok) return errorMessage(response, "The link has expired or was already used. Ask for a new one.");
    router.push("/sign-in?notice=password-reset");
    return null;
  });
  if (!token || params.get("error")) {
    return (
      <p role="alert">
        This reset link is invalid or has expired. <Link href="/forgot-password" className="text-blue-700 underline dark:text-blue-400">Ask for a new one</Link>.
      </p>
    );
  }
  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <Field label="New password (at least 10 characters)" name="password" type="password" autoComplete="new-password" minLength={10} />
      <FormError message={error} />
      <button type="submit" disabled={busy} className={buttonClass}>
        Set new password
      </button>
    </form>
  );
}
