// What answered on an open port and its TLS certificate, in plain words. Banner text is rendered as
// text in a <pre>, never as HTML; it was stored with its control characters escaped.
import type { CheckResultView } from "@/lib/checks/check-view";

type Banner = NonNullable<CheckResultView["banner"]>;
type Tls = NonNullable<CheckResultView["tls"]>;

export function BannerDetails({ banner }: { banner: Banner }) {
  const name = [banner.product, banner.version].filter(Boolean).join(" ");
  const game = banner.game;
  return (
    <div className="mt-2" data-testid="banner">
      <p>
        <span className="text-slate-500 dark:text-slate-400">What answered: </span>
        <span className="font-medium">{name || banner.service}</span>
        {name && banner.service !== "unknown" && <span className="text-slate-500 dark:text-slate-400"> ({banner.service})</span>}
        {banner.http && <span className="text-slate-500 dark:text-slate-400"> · HTTP {banner.http.status}</span>}
      </p>
      {game && (
        <p className="mt-1" data-testid="game-info">
          {game.motd && <span className="font-medium">“{game.motd}”</span>}
          {game.version && <span> · version {game.version}</span>}
          {(game.playersOnline !== null || game.playersMax !== null) && (
            <span>
              {" "}
              · {game.playersOnline ?? "?"} of {game.playersMax ?? "?"} players online
            </span>
          )}
          {game.map && <span> · map {game.map}</span>}
        </p>
      )}
      {banner.text && (
        <details className="mt-1">
          <summary className="cursor-pointer text-slate-600 dark:text-slate-400">What it said</summary>
          <pre className="mt-1 max-h-48 overflow-auto rounded bg-slate-100 p-2 font-mono text-xs whitespace-pre-wrap break-all dark:bg-slate-900">{banner.text}</pre>
        </details>
      )}
    </div>
  );
}

function yesNo(ok: boolean | null, yes: string, no: string) {
  if (ok === null) return null;
  return <span className={ok ? "text-green-700 dark:text-green-400" : "font-medium text-red-700 dark:text-red-400"}>{ok ? yes : no}</span>;
}

export function TlsDetails({ tls }: { tls: Tls }) {
  const via = tls.starttls ? "STARTTLS" : "TLS";
  if (tls.error) {
    return (
      <p className="mt-2" data-testid="tls">
        <span className="text-slate-500 dark:text-slate-400">{via}: </span>
        <span className="font-medium text-red-700 dark:text-red-400">{tls.error}</span>
      </p>
    );
  }
  const days = tls.daysLeft;
  const expiry = days === null ? null : days < 0 ? `expired ${-days} days ago` : `expires in ${days} day${days === 1 ? "" : "s"}`;
  return (
    <div className="mt-2" data-testid="tls">
      <p>
        <span className="text-slate-500 dark:text-slate-400">{via}: </span>
        <span className="font-medium">{tls.version ?? "unknown version"}</span>
        {tls.cipher && <span className="text-slate-500 dark:text-slate-400"> · {tls.cipher}</span>}
      </p>
      <p className="mt-0.5">
        Certificate {tls.subject ? <span className="font-mono text-xs">{tls.subject}</span> : "without subject"}
        {tls.issuer && (
          <>
            {" "}
            issued by <span className="font-mono text-xs">{tls.issuer}</span>
          </>
        )}
        {expiry && <span className={days !== null && days < 14 ? "font-medium text-red-700 dark:text-red-400" : ""}> · {expiry}</span>}
      </p>
      <p className="mt-0.5 flex flex-wrap gap-x-3">
        {yesNo(tls.trusted, "trusted chain", `not trusted${tls.trustError ? ` (${tls.trustError})` : ""}`)}
        {yesNo(tls.hostnameMatches, "names this host", "does not name this host")}
        {tls.san.length > 0 && <span className="text-slate-500 dark:text-slate-400">for {tls.san.slice(0, 4).join(", ")}{tls.san.length > 4 ? ` and ${tls.san.length - 4} more` : ""}</span>}
      </p>
    </div>
  );
}
