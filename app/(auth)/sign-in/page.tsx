// /sign-in
import type { Metadata } from "next";
import { Suspense } from "react";
import { SignInForm } from "@/app/_components/sign-in-form";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

export default function Page() {
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-6 text-2xl font-bold">Sign in</h1>
      <Suspense>
        <SignInForm />
      </Suspense>
    </div>
  );
}
