// The reference's examples of each operation in curl, JavaScript (fetch) and Python (requests).
export interface ExampleInput {
  baseUrl: string;
  method: string;
  path: string;
  auth: "none" | "user" | "user-or-key" | "session";
  body?: unknown;
}

/** Path parameters get a placeholder the reader replaces. */
function url({ baseUrl, path }: ExampleInput): string {
  return `${baseUrl}${path.replace(/\{(\w+)\}/g, (_, name: string) => (name === "port" ? "22" : "<" + name + ">"))}`;
}

export function curlExample(input: ExampleInput): string {
  const lines = [`curl -s${input.method === "GET" ? "" : ` -X ${input.method}`} '${url(input)}'`];
  if (input.auth !== "none" && input.auth !== "session") lines.push(`  -H "Authorization: Bearer $PORTCHECK_KEY"`);
  if (input.body !== undefined) lines.push(`  -H 'content-type: application/json'`, `  -d '${JSON.stringify(input.body)}'`);
  return lines.join(" \\\n");
}

export function javascriptExample(input: ExampleInput): string {
  const headers: string[] = [];
  if (input.auth !== "none" && input.auth !== "session") headers.push("authorization: `Bearer ${process.env.PORTCHECK_KEY}`");
  if (input.body !== undefined) headers.push(`"content-type": "application/json"`);
  const options = [
    input.method !== "GET" ? `method: "${input.method}"` : null,
    headers.length ? `headers: { ${headers.join(", ")} }` : null,
    input.body !== undefined ? `body: JSON.stringify(${JSON.stringify(input.body)})` : null,
  ].filter(Boolean);
  return `const response = await fetch("${url(input)}"${options.length ? `, {\n  ${options.join(",\n  ")},\n}` : ""});\nconst data = await response.json();`;
}

export function pythonExample(input: ExampleInput): string {
  const args = [`"${url(input)}"`];
  if (input.auth !== "none" && input.auth !== "session") args.push(`headers={"Authorization": f"Bearer {os.environ['PORTCHECK_KEY']}"}`);
  if (input.body !== undefined) args.push(`json=${JSON.stringify(input.body).replace(/true/g, "True").replace(/false/g, "False").replace(/null/g, "None")}`);
  return `import os, requests\n\nresponse = requests.${input.method.toLowerCase()}(${args.join(", ")}, timeout=35)\nprint(response.json())`;
}
