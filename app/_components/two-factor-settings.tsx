"use client";
// Two-factor sign-in with an authenticator app (TOTP): turn on (password, scan the QR code or type the
// key, confirm a code, save the recovery codes), new recovery codes, turn off.
import { useRouter } from "next/navigation";
import QRCode from "qrcode";
import { useEffect, useState } from "react";
import { Field, postAuth, useSubmit } from "./account-form-kit";
import { buttonClass, dangerButtonClass, errorMessage, FormError, secondaryButtonClass } from "./form";
import { RecoveryCodes } from "./recovery-codes";

const WRONG_PASSWORD = "The password is wrong.";

function QrCode({ uri }: { uri: string }) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    QRCode.toString(uri, { type: "svg", margin: 2, errorCorrectionLevel: "M" }).then(setSvg, () => setSvg(null));
  }, [uri]);
  if (!svg) return null;
  return <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`} alt="QR code for your authenticator app" width={184} height={184} className="rounded bg-white p-1" />;
}

function Enable() {
  const router = useRouter();
  const [setup, setSetup] = useState<{ uri: string; codes: string[] } | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const start = useSubmit(async (form) => {
    const response = await postAuth("/two-factor/enable", { password: form.get("password") });
    if (response.status === 400) return WRONG_PASSWORD;
    if (!response.ok) return errorMessage(response, "Two-factor sign-in could not be turned on.");
    const body = (await response.json()) as { totpURI: string; backupCodes: string[] };
    setSetup({ uri: body.totpURI, codes: body.backupCodes });
    return null;
  });
  const confirm = useSubmit(async (form) => {
    const response = await postAuth("/two-factor/verify-totp", { code: String(form.get("code") ?? "").replace(/\s+/g, "") });
    if (response.status === 401) return "This code is wrong or has expired. Enter the code your app shows now.";
    if (!response.ok) return errorMessage(response, "The code could not be checked.");
    setConfirmed(true);
    return null;
  });
  if (confirmed && setup) {
    return (
      <div className="space-y-3">
        <p role="status" className="font-medium">Two-factor sign-in is on. From now on, signing in asks for a code from your app.</p>
        <RecoveryCodes codes={setup.codes} />
        <button type="button" className={buttonClass} onClick={() => router.refresh()}>
          I saved them
        </button>
      </div>
    );
  }
  if (setup) {
    const secret = new URL(setup.uri).searchParams.get("secret") ?? "";
    return (
      <form onSubmit={confirm.onSubmit} className="space-y-3">
        <p>Scan this code with your authenticator app, or type the key in it.</p>
        <QrCode uri={setup.uri} />
        <p className="text-sm">
          Key: <code data-testid="totp-secret" className="break-all font-mono">{secret}</code>
        </p>
        <details className="text-sm">
          <summary className="cursor-pointer">Setup link (otpauth://)</summary>
          <code data-testid="totp-uri" className="break-all font-mono">{setup.uri}</code>
        </details>
        <Field label="Code from the app" name="code" autoComplete="one-time-code" inputMode="numeric" />
        <FormError message={confirm.error} />
        <button type="submit" disabled={confirm.busy} className={buttonClass}>
          Turn on
        </button>
      </form>
    );
  }
  return (
    <form onSubmit={start.onSubmit} className="space-y-3">
      <p className="text-sm">Signing in then also asks for a code from an authenticator app on your phone.</p>
      <Field label="Your password" name="password" type="password" autoComplete="current-password" />
      <FormError message={start.error} />
      <button type="submit" disabled={start.busy} className={buttonClass}>
        Set up two-factor sign-in
      </button>
    </form>
  );
}

function Manage() {
  const router = useRouter();
  const [codes, setCodes] = useState<string[] | null>(null);
  const regenerate = useSubmit(async (form) => {
    const response = await postAuth("/two-factor/generate-backup-codes", { password: form.get("password") });
    if (response.status === 400) return WRONG_PASSWORD;
    if (!response.ok) return errorMessage(response, "New recovery codes could not be made.");
    setCodes(((await response.json()) as { backupCodes: string[] }).backupCodes);
    return null;
  });
  const disable = useSubmit(async (form) => {
    const response = await postAuth("/two-factor/disable", { password: form.get("password") });
    if (response.status === 400) return WRONG_PASSWORD;
    if (!response.ok) return errorMessage(response, "Two-factor sign-in could not be turned off.");
    router.refresh();
    return null;
  });
  return (
    <div className="space-y-4">
      <p role="status">Two-factor sign-in is on: signing in asks for a code from your authenticator app.</p>
      {codes ? <RecoveryCodes codes={codes} /> : null}
      <form onSubmit={regenerate.onSubmit} className="space-y-3">
        <h3 className="font-medium">New recovery codes</h3>
        <p className="text-sm">The old codes stop working.</p>
        <Field label="Your password" name="password" type="password" autoComplete="current-password" />
        <FormError message={regenerate.error} />
        <button type="submit" disabled={regenerate.busy} className={secondaryButtonClass}>
          Make new recovery codes
        </button>
      </form>
      <form onSubmit={disable.onSubmit} className="space-y-3">
        <h3 className="font-medium">Turn off</h3>
        <Field label="Your password" name="password" type="password" autoComplete="current-password" />
        <FormError message={disable.error} />
        <button type="submit" disabled={disable.busy} className={dangerButtonClass}>
          Turn off two-factor sign-in
        </button>
      </form>
    </div>
  );
}

export function TwoFactorSettings({ enabled }: { enabled: boolean }) {
  return (
    <section className="space-y-3 rounded-md border border-slate-200 p-4 dark:border-slate-800" aria-labelledby="two-factor-heading">
      <h2 id="two-factor-heading" className="font-semibold">Two-factor sign-in</h2>
      {enabled ? <Manage /> : <Enable />}
    </section>
  );
}
