// /settings: the account: password, e-mail address, two-factor sign-in, API keys, sign out, delete it.
import type { Metadata } from "next";
import { headers } from "next/headers";
import { AccountSettings } from "@/app/_components/account-settings";
import { ApiKeysSettings } from "@/app/_components/api-keys-settings";
import { ChangeEmailForm, ChangePasswordForm } from "@/app/_components/credentials-settings";
import { TwoFactorSettings } from "@/app/_components/two-factor-settings";
import { currentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Account settings" };

export default async function SettingsPage() {
  const user = (await currentUser(await headers()))!;
  return (
    <div className="max-w-2xl space-y-8">
      <h1 className="text-2xl font-bold">Account settings</h1>
      <p>
        Signed in as <strong className="break-all">{user.email}</strong>.
      </p>
      <ChangePasswordForm />
      <ChangeEmailForm email={user.email} />
      <TwoFactorSettings enabled={user.twoFactorEnabled === true} />
      <ApiKeysSettings />
      <AccountSettings />
    </div>
  );
}
