// /settings: the account: password, e-mail address, two-factor sign-in, the time zone of its alerts, API keys, sign out, delete it.
import type { Metadata } from "next";
import { headers } from "next/headers";
import { AccountSettings } from "@/app/_components/account-settings";
import { ApiKeysSettings } from "@/app/_components/api-keys-settings";
import { ChangeEmailForm, ChangePasswordForm } from "@/app/_components/credentials-settings";
import { TwoFactorSettings } from "@/app/_components/two-factor-settings";
import { TimeZoneSetting } from "@/app/_components/time-zone-setting";
import { currentUser } from "@/lib/auth/session";
import { getTimeZone } from "@/lib/auth/time-zone";
import { db } from "@/lib/db";

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
      <TimeZoneSetting current={await getTimeZone(db(), user.id)} />
      <ApiKeysSettings />
      <AccountSettings />
    </div>
  );
}
