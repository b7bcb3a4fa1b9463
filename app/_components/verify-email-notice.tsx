"use client";
// Until the address is confirmed, alerts are not e-mailed: say so, and offer the link again.
import { useState } from "react";
import { secondaryButtonClass } from "./form";

export function VerifyEmailNotice({ email }: { email: string }) {
  const [sent, setSent] = useState(false);
  return (
    <div role="status" className="mb-6 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm dark:border-amber-800 dark:bg-amber-950">
      <p>
        Confirm <strong>{email}</strong> to receive alerts by e-mail: we sent you a link. Webhook alerts work already.
      </p>
      <button
        type="button"
        disabled={sent}
        className={`${secondaryButtonClass} mt-2`}
        onClick={async () => {
          await fetch("/api/auth/send-verification-email", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, callbackURL: "/verified" }) }).catch(() => null);
          setSent(true);
        }}
      >
        {sent ? "Sent: check your inbox" : "Send the link again"}
      </button>
    </div>
  );
}
