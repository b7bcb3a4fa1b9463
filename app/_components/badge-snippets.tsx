// The monitor's public badges, shown, with the snippets to embed them (Markdown and HTML).
export function BadgeSnippets({ baseUrl, monitorId }: { baseUrl: string; monitorId: string }) {
  const status = `${baseUrl}/badge/${monitorId}/status.svg`;
  const uptime = `${baseUrl}/badge/${monitorId}/uptime.svg?period=30d`;
  const snippets = [
    { label: "Markdown", text: `![status](${status}) ![uptime](${uptime})` },
    { label: "HTML", text: `<img src="${status}" alt="status"> <img src="${uptime}" alt="uptime over 30 days">` },
  ];
  return (
    <section aria-labelledby="badges" className="space-y-2" data-testid="badges">
      <h2 id="badges" className="text-xl font-semibold">Badges</h2>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Anyone with these links sees the state or the uptime, never the name, host or port. They refresh within a minute.
      </p>
      <p className="flex flex-wrap gap-2">
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img src={`/badge/${monitorId}/status.svg`} alt="status badge" height={20} />
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img src={`/badge/${monitorId}/uptime.svg?period=30d`} alt="uptime badge" height={20} />
      </p>
      {snippets.map((snippet) => (
        <div key={snippet.label}>
          <p className="text-sm font-medium">{snippet.label}</p>
          <pre className="overflow-x-auto rounded-md bg-slate-100 p-2 text-xs dark:bg-slate-900">
            <code>{snippet.text}</code>
          </pre>
        </div>
      ))}
    </section>
  );
}
