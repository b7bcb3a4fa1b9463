"use client";
// Sign in: e-mail and password, then, when the account has two-factor sign-in on, a code from the
// authenticator app or a recovery code. Afterwards, back to the page that asked for it.
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { safeNextPath } from "@/lib/auth/next-path";
import { Field, postAuth, useSubmit, verifiedLanding } from "./account-form-kit";
import { buttonClass, errorMessage, FormError } from "./form";

const linkClass = "text-blue-700 underline dark:text-blue-400";

export function SignInForm() {
  const router = useRouter();
  const next = safeNextPath(useSearchParams().get("next"));
  const [secondStep, setSecondStep] = useState(false);
  const done = () => {
    router.push(next ?? "/dashboard");
    router.refresh();
  };
  const { error, busy, onSubmit } = useSubmit(async (form) => {
    const response = await postAuth("/sign-in/email", { email: form.get("email"), password: form.get("password"), callbackURL: verifiedLanding(next) });
    if (response.status === 401) return "The e-mail or the password is wrong.";
    if (response.status === 403) return "Confirm your e-mail address first: we sent you a new link. It works for an hour.";
    if (!response.ok) return errorMessage(response, "Sign-in failed.");
    const body = (await response.json()) as { twoFactorRedirect?: boolean };
    if (body.twoFactorRedirect) setSecondStep(true);
    else done();
    return null;
  });
  if (secondStep) return <SecondStepForm onDone={done} />;
  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <Field label="E-mail" name="email" type="email" autoComplete="email" />
      <Field label="Password" name="password" type="password" autoComplete="current-password" />
      <FormError message={error} />
      <button type="submit" disabled={busy} className={buttonClass}>
        {busy ? "Signing in…" : "Sign in"}
      </button>
      <p className="flex flex-wrap justify-between gap-2 text-sm">
        <Link href="/forgot-password" className={linkClass}>Forgot your password?</Link>
        <Link href={next ? `/sign-up?next=${encodeURIComponent(next)}` : "/sign-up"} className={linkClass}>Create an account</Link>
      </p>
    </form>
  );
}

function SecondStepForm({ onDone }: { onDone: () => void }) {
  const [recovery, setRecovery] = useState(false);
  const { error, busy, onSubmit } = useSubmit(async (form) => {
    const code = String(form.get("code") ?? "").trim();
    const response = await postAuth(recovery ? "/two-factor/verify-backup-code" : "/two-factor/verify-totp", recovery ? { code } : { code: code.replace(/\s+/g, "") });
    if (response.ok) {
      onDone();
      return null;
    }
    if (response.status === 401) {
      const body = (await response.json().catch(() => null)) as { code?: string } | null;
      if (body?.code === "INVALID_TWO_FACTOR_COOKIE") return "This sign-in took too long or had too many wrong codes. Reload the page and sign in again.";
      return recovery ? "This recovery code is wrong or was already used." : "This code is wrong or has expired. Enter the code your app shows now.";
    }
    return errorMessage(response, "Sign-in failed.");
  });
  return (
    <form onSubmit={onSubmit} className="space-y-4" key={recovery ? "recovery" : "totp"}>
      <h2 className="text-lg font-semibold">Two-factor sign-in</h2>
      {recovery ? (
        <Field label="Recovery code" name="code" autoComplete="off" hint="One of the codes you saved when you turned two-factor sign-in on. Each works once." />
      ) : (
        <Field label="Code from your authenticator app" name="code" autoComplete="one-time-code" inputMode="numeric" />
      )}
      <FormError message={error} />
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" disabled={busy} className={buttonClass}>
          {busy ? "Checking…" : "Continue"}
        </button>
        <button type="button" className={`text-sm ${linkClass}`} onClick={() => setRecovery(!recovery)}>
          {recovery ? "Use a code from the app instead" : "Use a recovery code instead"}
        </button>
      </div>
    </form>
  );
}
