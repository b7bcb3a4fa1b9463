// One API operation in the reference: method and path, what it does, its parameters and body fields,
// examples in curl, JavaScript and Python, and its answers.
import { rowClass, Table } from "@/app/_components/table";
import { curlExample, javascriptExample, pythonExample } from "./code-examples";
import { constraintText, type JsonSchema, typeText } from "./schema-text";

export interface OperationDoc {
  method: string;
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  auth: "none" | "user" | "user-or-key" | "session";
  parameters?: { name: string; in: string; required: boolean; description?: string; schema: JsonSchema }[];
  body?: JsonSchema;
  example?: unknown;
  responses: Record<string, { description: string }>;
}

const AUTH_TEXT = {
  none: "No key needed (an API key or a session raises the limits). Callable from any origin.",
  user: "A session or an API key.",
  "user-or-key": "An API key (Authorization: Bearer) or a signed-in session.",
  session: "A signed-in session only: API keys cannot manage API keys.",
} as const;

export function Code({ children, label }: { children: string; label?: string }) {
  return (
    <pre aria-label={label} className="mt-2 overflow-x-auto rounded-md bg-slate-100 p-3 text-sm dark:bg-slate-900">
      {children}
    </pre>
  );
}

export function OperationSection({ operation, baseUrl }: { operation: OperationDoc; baseUrl: string }) {
  const fields = Object.entries(operation.body?.properties ?? {});
  const required = new Set(operation.body?.required ?? []);
  const example = { baseUrl, method: operation.method, path: operation.path, auth: operation.auth, body: operation.example };
  return (
    <section id={operation.operationId} className="space-y-3 border-t border-slate-200 pt-6 dark:border-slate-800">
      <h3 className="text-lg font-semibold">
        <span className="mr-2 rounded bg-slate-800 px-2 py-0.5 font-mono text-sm text-white dark:bg-slate-200 dark:text-slate-900">{operation.method}</span>
        <span className="font-mono break-all">{operation.path}</span>
      </h3>
      <p className="font-medium">{operation.summary}</p>
      {operation.description && <p>{operation.description}</p>}
      <p className="text-sm text-slate-600 dark:text-slate-400">{AUTH_TEXT[operation.auth]}</p>
      {operation.parameters && operation.parameters.length > 0 && (
        <Table columns={["parameter", "in", "type", "meaning"]}>
          {operation.parameters.map((parameter) => (
            <tr key={`${parameter.in}:${parameter.name}`} className={rowClass}>
              <td className="py-2 pr-4 font-mono">
                {parameter.name}
                {parameter.required ? "" : "?"}
              </td>
              <td className="py-2 pr-4">{parameter.in}</td>
              <td className="py-2 pr-4 font-mono text-xs">{typeText(parameter.schema)}</td>
              <td className="py-2">{[parameter.description, constraintText(parameter.schema)].filter(Boolean).join(" ")}</td>
            </tr>
          ))}
        </Table>
      )}
      {fields.length > 0 && (
        <Table columns={["body field", "type", "meaning"]}>
          {fields.map(([name, schema]) => (
            <tr key={name} className={rowClass}>
              <td className="py-2 pr-4 font-mono">
                {name}
                {required.has(name) ? "" : "?"}
              </td>
              <td className="py-2 pr-4 font-mono text-xs">{typeText(schema)}</td>
              <td className="py-2">{[schema.description, constraintText(schema)].filter(Boolean).join(" ")}</td>
            </tr>
          ))}
        </Table>
      )}
      <details className="rounded-md border border-slate-200 p-3 dark:border-slate-800">
        <summary className="cursor-pointer font-medium">Examples: curl, JavaScript, Python</summary>
        <Code label="curl">{curlExample(example)}</Code>
        <Code label="JavaScript">{javascriptExample(example)}</Code>
        <Code label="Python">{pythonExample(example)}</Code>
      </details>
      <ul className="list-disc pl-6 text-sm">
        {Object.entries(operation.responses).map(([status, response]) => (
          <li key={status}>
            <span className="font-mono">{status}</span>: {response.description.split("\n\n").map((line) => line.split(": ")[0]).join(", ")}
          </li>
        ))}
      </ul>
    </section>
  );
}
