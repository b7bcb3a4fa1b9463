"use client";
// Sign out, and delete the account (password required) with every monitor, result and alert of it.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { dangerButtonClass, errorMessage, FormError, inputClass, secondaryButtonClass } from "./form";

export function AccountSettings() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function signOut() {
    await fetch("/api/auth/sign-out", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    router.push("/?notice=signed-out");
    router.refresh();
  }

  async function deleteAccount(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = new FormData(event.currentTarget).get("password");
    setBusy(true);
    setError(null);
    const response = await fetch("/api/auth/delete-user", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ password }) }).catch(() => null);
    setBusy(false);
    if (!response) return setError("Portcheck could not be reached.");
    if (!response.ok) return setError(response.status === 400 ? "The password is wrong." : await errorMessage(response, "The account could not be deleted."));
    router.push("/?notice=account-deleted");
    router.refresh();
  }

  return (
    <div className="space-y-8">
      <button type="button" className={secondaryButtonClass} onClick={signOut}>
        Sign out
      </button>
      <form onSubmit={deleteAccount} className="space-y-3 rounded-md border border-red-300 p-4 dark:border-red-800">
        <h2 className="font-semibold">Delete account</h2>
        <p className="text-sm">This deletes your account with every monitor, result, incident and alert log in it, at once and for good.</p>
        <label className="block">
          <span className="font-medium">Your password</span>
          <input name="password" type="password" required autoComplete="current-password" className={inputClass} />
        </label>
        <FormError message={error} />
        <button type="submit" disabled={busy} className={dangerButtonClass}>
          Delete my account
        </button>
      </form>
    </div>
  );
}
