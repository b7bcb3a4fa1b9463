// /sign-up
import type { Metadata } from "next";
import { Suspense } from "react";
import { SignUpForm } from "@/app/_components/account-forms";

export const metadata: Metadata = { title: "Create an account", robots: { index: false } };

export default function Page() {
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-6 text-2xl font-bold">Create an account</h1>
      <Suspense>
        <SignUpForm />
      </Suspense>
    </div>
  );
}
