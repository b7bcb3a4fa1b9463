// /settings: the account: API keys, sign out, delete it with everything in it.
import type { Metadata } from "next";
import { headers } from "next/headers";
import { AccountSettings } from "@/app/_components/account-settings";
import { ApiKeysSettings } from "@/app/_components/api-keys-settings";
import { currentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Account settings" };

export default async function SettingsPage() {
  const user = (await currentUser(await headers()))!;
  return (
    <div className="max-w-2xl space-y-8">
      <h1 className="text-2xl font-bold">Account settings</h1>
      <p>
        Signed in as <strong>{user.email}</strong>.
      </p>
      <ApiKeysSettings />
      <AccountSettings />
    </div>
  );
}
