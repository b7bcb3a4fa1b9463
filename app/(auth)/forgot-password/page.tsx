// /forgot-password
import type { Metadata } from "next";
import { Suspense } from "react";
import { ForgotPasswordForm } from "@/app/_components/account-forms";

export const metadata: Metadata = { title: "Forgot your password?", robots: { index: false } };

export default function Page() {
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-6 text-2xl font-bold">Forgot your password?</h1>
      <Suspense>
        <ForgotPasswordForm />
      </Suspense>
    </div>
  );
}
