"use client";
// Sign up, sign in, forgot and reset password: plain forms over better-auth's JSON endpoints.
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { buttonClass, errorMessage, FormError, inputClass } from "./form";

async function post(path: string, body: unknown): Promise<Response> {
  return fetch(`/api/auth${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
}

function useSubmit(action: (form: FormData) => Promise<string | null>) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const onSubmit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setError(await action(new FormData(event.currentTarget)));
    } catch {
      setError("Portcheck could not be reached. Check your connection and try again.");
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, onSubmit };
}

function Field({ label, name, type = "text", autoComplete, minLength }: { label: string; name: string; type?: string; autoComplete?: string; minLength?: number }) {
  return (
    <label className="block">
      <span className="font-medium">{label}</span>
      <input name={name} type={type} required autoComplete={autoComplete} minLength={minLength} className={inputClass} />
    </label>
  );
}

export function SignUpForm() {
  const router = useRouter();
  const { error, busy, onSubmit } = useSubmit(async (form) => {
    const response = await post("/sign-up/email", { name: form.get("name"), email: form.get("email"), password: form.get("password"), callbackURL: "/dashboard" });
    if (!response.ok) return errorMessage(response, "The account could not be created.");
    router.push("/dashboard");
    router.refresh();
    return null;
  });
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
        Already have an account? <Link href="/sign-in" className="text-blue-700 underline dark:text-blue-400">Sign in</Link>
      </p>
    </form>
  );
}

export function SignInForm() {
  const router = useRouter();
  const { error, busy, onSubmit } = useSubmit(async (form) => {
    const response = await post("/sign-in/email", { email: form.get("email"), password: form.get("password") });
    if (!response.ok) return response.status === 401 ? "The e-mail or the password is wrong." : errorMessage(response, "Sign-in failed.");
    router.push("/dashboard");
    router.refresh();
    return null;
  });
  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <Field label="E-mail" name="email" type="email" autoComplete="email" />
      <Field label="Password" name="password" type="password" autoComplete="current-password" />
      <FormError message={error} />
      <button type="submit" disabled={busy} className={buttonClass}>
        {busy ? "Signing in…" : "Sign in"}
      </button>
      <p className="flex justify-between text-sm">
        <Link href="/forgot-password" className="text-blue-700 underline dark:text-blue-400">Forgot your password?</Link>
        <Link href="/sign-up" className="text-blue-700 underline dark:text-blue-400">Create an account</Link>
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
    router.push("/sign-in?reset=1");
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
