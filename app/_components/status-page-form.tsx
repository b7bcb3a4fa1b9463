"use client";
// Publish a status page: a slug, a title, the monitors it shows, and whether hosts and ports show.
// And the list of the account's pages, each with its public link and a delete button.
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { StatusPageView } from "@/lib/status-pages/schemas";
import { buttonClass, dangerButtonClass, FormError, inputClass } from "./form";

interface Problem {
  detail?: string;
  errors?: { path: string; message: string }[];
}

export function StatusPages({ pages, monitors }: { pages: StatusPageView[]; monitors: { id: string; name: string }[] }) {
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = {
      slug: String(form.get("slug") ?? "").trim(),
      title: String(form.get("title") ?? "").trim(),
      monitorIds: form.getAll("monitorIds").map(String),
      showTargets: form.get("showTargets") === "on",
    };
    setBusy(true);
    setErrors({});
    setFormError(null);
    try {
      const response = await fetch("/api/v1/status-pages", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      if (!response.ok) {
        const problem = (await response.json().catch(() => ({}))) as Problem;
        const byField = Object.fromEntries((problem.errors ?? []).map((error) => [error.path.split("/")[0]!, error.message]));
        setErrors(byField);
        if (!Object.keys(byField).length) setFormError(problem.detail ?? "The page could not be published.");
        return;
      }
      (event.target as HTMLFormElement).reset();
      router.refresh();
    } catch {
      setFormError("Portcheck could not be reached. Check your connection and try again.");
    } finally {
      setBusy(false);
    }
  }

  async function remove(page: StatusPageView) {
    if (!window.confirm(`Take ${page.title} down? Its address will answer "not found".`)) return;
    const response = await fetch(`/api/v1/status-pages/${encodeURIComponent(page.id)}`, { method: "DELETE" }).catch(() => null);
    if (!response?.ok) setFormError("The page could not be deleted. Please try again.");
    router.refresh();
  }

  const fieldError = (name: string) =>
    errors[name] && (
      <p role="alert" className="mt-1 text-sm text-red-700 dark:text-red-400">
        {errors[name]}
      </p>
    );

  return (
    <div className="space-y-8">
      {pages.length > 0 && (
        <ul className="divide-y divide-slate-200 rounded-md border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
          {pages.map((page) => (
            <li key={page.id} className="flex flex-wrap items-center justify-between gap-3 p-3" data-testid="status-page-row">
              <div>
                <p className="font-medium">{page.title}</p>
                <a href={`/status/${page.slug}`} className="font-mono text-sm text-blue-700 underline dark:text-blue-400">
                  /status/{page.slug}
                </a>
                <span className="text-sm text-slate-500 dark:text-slate-400"> · {page.monitorIds.length} monitors{page.showTargets ? " · hosts and ports shown" : ""}</span>
              </div>
              <button type="button" className={dangerButtonClass} onClick={() => remove(page)}>
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={onSubmit} noValidate className="space-y-4 rounded-md border border-slate-200 p-4 dark:border-slate-800">
        <h2 className="text-lg font-semibold">Publish a status page</h2>
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor="title" className="block font-medium">Title</label>
            <input id="title" name="title" maxLength={100} className={inputClass} placeholder="Acme services" aria-invalid={errors.title ? true : undefined} />
            {fieldError("title")}
          </div>
          <div>
            <label htmlFor="slug" className="block font-medium">Address</label>
            <input id="slug" name="slug" maxLength={50} className={`${inputClass} font-mono`} placeholder="acme" aria-invalid={errors.slug ? true : undefined} />
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">The page will be at /status/your-address.</p>
            {fieldError("slug")}
          </div>
        </div>
        <fieldset>
          <legend className="font-medium">Monitors it shows</legend>
          {monitors.length === 0 ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">Add a monitor first.</p>
          ) : (
            <div className="mt-1 grid gap-1 sm:grid-cols-2">
              {monitors.map((monitor) => (
                <label key={monitor.id} className="flex items-center gap-2">
                  <input type="checkbox" name="monitorIds" value={monitor.id} className="h-4 w-4 accent-blue-600" />
                  {monitor.name}
                </label>
              ))}
            </div>
          )}
          {fieldError("monitorIds")}
        </fieldset>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="showTargets" className="h-4 w-4 accent-blue-600" />
          Show each monitor&apos;s host and port (off: only the names you gave them)
        </label>
        <FormError message={formError} />
        <button type="submit" disabled={busy} className={buttonClass}>
          {busy ? "Publishing…" : "Publish"}
        </button>
      </form>
    </div>
  );
}
