// Root layout: system fonts only, dark mode from the system setting; the header says who is signed in.
import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { HeaderAccount } from "./_components/header-account";
import { Notice } from "./_components/notice";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Portcheck: can the internet reach this port?", template: "%s · Portcheck" },
  description: "Check from the internet whether TCP ports on your IP address or server are open, closed or filtered, and learn what to do about it.",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#0b1120" },
  ],
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-white font-sans text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:rounded focus:bg-blue-600 focus:px-3 focus:py-2 focus:text-white">
          Skip to content
        </a>
        <header className="border-b border-slate-200 dark:border-slate-800">
          <nav aria-label="Main" className="mx-auto flex max-w-4xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
            <Link href="/" className="mr-auto text-lg font-bold tracking-tight sm:mr-0">
              Port<span className="text-blue-600 dark:text-blue-400">check</span>
            </Link>
            {/* Narrow screens: the links take a row of their own under the name and the account. */}
            <div className="order-last flex w-full flex-wrap gap-x-4 gap-y-1 text-sm sm:order-none sm:mr-auto sm:w-auto">
              {[
                ["/ports", "Ports"],
                ["/guides/what-is-a-port", "What is a port?"],
                ["/docs/api", "API"],
                ["/dashboard", "Monitors"],
              ].map(([href, label]) => (
                <Link key={href} href={href!} className="text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-white">
                  {label}
                </Link>
              ))}
            </div>
            <HeaderAccount />
          </nav>
        </header>
        <main id="main" className="mx-auto max-w-4xl px-4 py-8">
          <Suspense>
            <Notice />
          </Suspense>
          {children}
        </main>
        <footer className="mx-auto max-w-4xl px-4 py-8 text-sm text-slate-500 dark:text-slate-400">
          <p>Portcheck connects from our servers to the host and ports you enter. It never checks private networks.</p>
          <p className="mt-2 flex flex-wrap gap-4">
            <Link href="/guides/open-a-port" className="underline">How to open a port</Link>
            <Link href="/guides/close-a-port" className="underline">How to close a port</Link>
            <Link href="/ports" className="underline">Port numbers</Link>
          </p>
        </footer>
      </body>
    </html>
  );
}
