// The contract test: every answer an API route gives in any test file is validated against the OpenAPI
// document (its status must be declared, its JSON must match the schema), so the document cannot drift
// from the code. Installed for every test file by vitest.config.ts (setupFiles).
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { afterAll, expect } from "vitest";
import type { ResponseObserver } from "../../lib/http/route";

type Operation = { responses: Record<string, { content?: Record<string, { schema?: object }> }> };
type Document = { paths: Record<string, Record<string, Operation & { operationId: string }>>; components: { schemas: { Problem: object } } };

const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;
const ajv = new Ajv2020({ strict: false, allErrors: true });
(addFormats as unknown as (instance: Ajv2020) => void)(ajv);

// Built on first use, not at import: the configuration is read once, and test files set theirs first.
let contract: Promise<{ operations: Map<string, Operation>; problem: ReturnType<typeof ajv.compile> }> | undefined;
function loadContract() {
  contract ??= import("../../lib/http/openapi").then(({ openApiDocument }) => {
    const document = openApiDocument("http://localhost:3000") as Document;
    const operations = new Map<string, Operation>();
    for (const methods of Object.values(document.paths)) for (const operation of Object.values(methods)) operations.set(operation.operationId, operation);
    return { operations, problem: ajv.compile(document.components.schemas.Problem) };
  });
  return contract;
}
const compiled = new Map<object, ReturnType<typeof ajv.compile>>();
const validatorFor = (schema: object) => {
  let validate = compiled.get(schema);
  if (!validate) compiled.set(schema, (validate = ajv.compile(schema)));
  return validate;
};

const pending: Promise<void>[] = [];
const failures: string[] = [];

const observe: ResponseObserver = (operationId, request, response) => {
  pending.push(
    (async () => {
      const where = `${request.method} ${new URL(request.url).pathname} (${operationId}) -> ${response.status}`;
      const { operations, problem } = await loadContract();
      const operation = operations.get(operationId);
      if (!operation) return void failures.push(`${where}: not in the document`);
      const declared = operation.responses[String(response.status)];
      if (!declared) return void failures.push(`${where}: status not declared`);
      if (response.status === 204) return;
      const type = (response.headers.get("content-type") ?? "").split(";")[0]!.trim();
      if (type === "text/event-stream" || type === "text/csv") {
        if (!declared.content?.[type] && !declared.content?.["application/json"]) failures.push(`${where}: ${type} not declared`);
        return;
      }
      const body = await response.json().catch(() => undefined);
      const validate = type === "application/problem+json" ? problem : declared.content?.[type]?.schema ? validatorFor(declared.content[type]!.schema!) : null;
      if (!validate) return void failures.push(`${where}: no schema for ${type}`);
      if (!validate(body)) failures.push(`${where}: ${ajv.errorsText(validate.errors)} in ${JSON.stringify(body).slice(0, 300)}`);
    })(),
  );
};

(globalThis as unknown as { portcheckResponseObserver?: ResponseObserver }).portcheckResponseObserver = observe;

afterAll(async () => {
  await Promise.all(pending);
  expect(failures, "API answers that do not match the OpenAPI document").toEqual([]);
});
