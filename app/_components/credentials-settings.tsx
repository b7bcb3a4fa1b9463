"use client";
// Change the password (other sessions are signed out) and the e-mail address (a link to the new one
// confirms it; until then the old address keeps it, alerts included).
import { useState } from "react";
import { Field, postAuth, useSubmit } from "./account-form-kit";
import { errorMessage, FormError, secondaryButtonClass } from "./form";

const sectionClass = "space-y-3 rounded-md border border-slate-200 p-4 dark:border-slate-800";

export function ChangePasswordForm() {
  const [done, setDone] = useState(false);
  const { error, busy, onSubmit } = useSubmit(async (form) => {
    setDone(false);
    const response = await postAuth("/change-password", { currentPassword: form.get("currentPassword"), newPassword: form.get("newPassword"), revokeOtherSessions: true });
    if (response.status === 400) {
      const body = (await response.json().catch(() => null)) as { code?: string; message?: string } | null;
      return body?.code === "INVALID_PASSWORD" ? "The current password is wrong." : (body?.message ?? "The password could not be changed.");
    }
    if (!response.ok) return errorMessage(response, "The password could not be changed.");
    setDone(true);
    return null;
  });
  return (
    <form onSubmit={onSubmit} className={sectionClass} aria-labelledby="password-heading" data-testid="change-password">
      <h2 id="password-heading" className="font-semibold">Password</h2>
      <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" />
      <Field label="New password (at least 10 characters)" name="newPassword" type="password" autoComplete="new-password" minLength={10} />
      <FormError message={error} />
      {done ? <p role="status">Your password is changed. Your other sessions were signed out.</p> : null}
      <button type="submit" disabled={busy} className={secondaryButtonClass}>
        Change password
      </button>
    </form>
  );
}

export function ChangeEmailForm({ email }: { email: string }) {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { error, busy, onSubmit } = useSubmit(async (form) => {
    const newEmail = String(form.get("newEmail") ?? "").trim();
    const response = await postAuth("/change-email", { newEmail, password: form.get("password"), callbackURL: "/verified?notice=email-changed&next=%2Fsettings" });
    if (response.status === 400) {
      const body = (await response.json().catch(() => null)) as { message?: string } | null;
      return body?.message === "Email is the same" ? "That is already your address." : (body?.message ?? "Check the new address.");
    }
    if (!response.ok) return errorMessage(response, "The address could not be changed.");
    setSentTo(newEmail);
    return null;
  });
  return (
    <form onSubmit={onSubmit} className={sectionClass} aria-labelledby="email-heading" data-testid="change-email">
      <h2 id="email-heading" className="font-semibold">E-mail address</h2>
      <p className="text-sm">
        Now <strong className="break-all">{email}</strong>. A new address is used once you open the link we send to it; until then alerts keep going here.
      </p>
      <Field label="New e-mail address" name="newEmail" type="email" autoComplete="email" />
      <Field label="Your password" name="password" type="password" autoComplete="current-password" />
      <FormError message={error} />
      {sentTo ? (
        <p role="status">
          Check the inbox of <strong className="break-all">{sentTo}</strong>: open the link within an hour to confirm the change.
        </p>
      ) : null}
      <button type="submit" disabled={busy} className={secondaryButtonClass}>
        Change e-mail address
      </button>
    </form>
  );
}
