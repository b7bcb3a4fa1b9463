// Which methods an API path answers, from the endpoint catalog: server.ts answers any other method with a
// 405 problem+json naming them (Allow), where Next.js would answer an empty 405. The most specific
// templates win, as in Next.js's routing (/monitors/export is not /monitors/{id}). Pure.
export interface RouteTemplate {
  method: string;
  path: string;
}

interface Compiled {
  pattern: RegExp;
  params: number;
  method: string;
}

export function compileTemplates(templates: readonly RouteTemplate[]): Compiled[] {
  return templates.map(({ method, path }) => ({
    pattern: new RegExp(`^${path.split(/\{[^}]+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("[^/]+")}/?$`),
    params: (path.match(/\{[^}]+\}/g) ?? []).length,
    method,
  }));
}

/** The methods the path answers (with HEAD beside GET, and OPTIONS), or null when no template matches it. */
export function allowedMethods(url: string, compiled: readonly Compiled[]): string[] | null {
  let path: string;
  try {
    // Dot segments resolved as Next.js resolves them; the query is not part of the route.
    path = new URL(url, "http://localhost").pathname;
  } catch {
    return null;
  }
  const matches = compiled.filter((route) => route.pattern.test(path));
  if (matches.length === 0) return null;
  const fewest = Math.min(...matches.map((route) => route.params));
  const methods = new Set(matches.filter((route) => route.params === fewest).map((route) => route.method));
  if (methods.has("GET")) methods.add("HEAD");
  methods.add("OPTIONS");
  return [...methods];
}
