// Small form pieces shared by the account and monitor forms.
export const inputClass =
  "mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-900 aria-[invalid=true]:border-red-600";
export const buttonClass =
  "rounded-md bg-blue-600 px-4 py-2 font-semibold text-white hover:bg-blue-700 disabled:opacity-60 dark:bg-blue-500 dark:hover:bg-blue-400";
export const secondaryButtonClass =
  "rounded-md border border-slate-300 px-4 py-2 font-medium hover:border-slate-500 disabled:opacity-60 dark:border-slate-700";
export const dangerButtonClass = "rounded-md bg-red-600 px-4 py-2 font-semibold text-white hover:bg-red-700 disabled:opacity-60";

export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800 dark:bg-red-950 dark:text-red-300">
      {message}
    </p>
  );
}

/** The message of a failed JSON response: problem+json detail, better-auth message, or a fallback. */
export async function errorMessage(response: Response, fallback: string): Promise<string> {
  const body = (await response.json().catch(() => null)) as { detail?: string; message?: string; errors?: { path: string; message: string }[] } | null;
  if (response.status === 429) return body?.message ?? body?.detail ?? "Too many attempts. Please wait a minute and try again.";
  return body?.detail ?? body?.message ?? fallback;
}
