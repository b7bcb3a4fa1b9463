// Import monitors from a JSON array or a CSV file (name,host,port,intervalSeconds,expect): up to 500,
// validated as a whole with an error per row and field, created all or nothing within the quota.
import { parse } from "csv-parse/sync";
import { ProblemError, type FieldError } from "../problem-error";
import { normaliseHostOrThrow } from "../targets/check-literal";
import { TargetError } from "../targets/errors";
import { type CreatedMonitor, createMonitors } from "./create-monitor";
import { type CreateMonitorInput, createMonitorBody } from "./schemas";

export const CSV_COLUMNS = ["name", "host", "port", "intervalSeconds", "expect"] as const;
export const MAX_IMPORT_ROWS = 500;
export const MAX_IMPORT_BYTES = 1024 * 1024;
/** A file with thousands of mistakes does not need thousands of messages. */
const MAX_REPORTED_ERRORS = 200;

/** The rows of an import body: a JSON array of monitors, or CSV with a header line. */
export function importRows(contentType: string, text: string): unknown[] {
  if (/^text\/csv\b/i.test(contentType)) return csvRows(text);
  if (/^application\/([\w.+-]*\+)?json\b/i.test(contentType)) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new ProblemError("invalid_request", "The body is not valid JSON: send an array of monitors.");
    }
    if (!Array.isArray(value)) throw new ProblemError("invalid_request", "Send a JSON array of monitors (the shape GET /api/v1/monitors/export?format=json gives).");
    return value;
  }
  throw new ProblemError("unsupported_media_type", "Send the monitors as application/json (an array) or text/csv (name,host,port,intervalSeconds,expect).");
}

function csvRows(text: string): Record<string, unknown>[] {
  let records: Record<string, string>[];
  try {
    records = parse(text, { columns: (header: string[]) => header.map((column) => column.trim()), skip_empty_lines: true, trim: true, bom: true, max_record_size: 4096 });
  } catch (error) {
    throw new ProblemError("invalid_request", `The CSV could not be read: ${(error as Error).message.slice(0, 200)}`);
  }
  if (records.length === 0) return [];
  const missing = CSV_COLUMNS.filter((column) => !(column in records[0]!));
  if (missing.length) throw new ProblemError("invalid_request", `The CSV header must name the columns ${CSV_COLUMNS.join(",")}; missing: ${missing.join(", ")}.`);
  const numeric = new Set(["port", "intervalSeconds"]);
  return records.map((record) =>
    Object.fromEntries(
      Object.entries(record)
        .filter(([column, value]) => (CSV_COLUMNS as readonly string[]).includes(column) && value !== "")
        .map(([column, value]) => [column, numeric.has(column) && /^\d+$/.test(value) ? Number(value) : value]),
    ),
  );
}

export async function importMonitors(
  context: Parameters<typeof createMonitors>[0],
  userId: string,
  rows: unknown[],
  minIntervalSeconds: number,
): Promise<CreatedMonitor[]> {
  if (rows.length === 0) throw new ProblemError("invalid_request", "The import has no monitors.");
  if (rows.length > MAX_IMPORT_ROWS) throw new ProblemError("invalid_request", `An import has at most ${MAX_IMPORT_ROWS} monitors; this one has ${rows.length}.`);
  const schema = createMonitorBody(minIntervalSeconds);
  const errors: FieldError[] = [];
  const inputs: CreateMonitorInput[] = [];
  const hosts: string[] = [];
  rows.forEach((row, index) => {
    const parsed = schema.safeParse(row);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors.push({ path: ["rows", index, ...issue.path].join("/"), message: issue.message });
      return;
    }
    try {
      hosts.push(normaliseHostOrThrow(parsed.data.host, context.rules).value);
      inputs.push(parsed.data);
    } catch (error) {
      if (!(error instanceof TargetError)) throw error;
      errors.push({ path: `rows/${index}/host`, message: error.message });
    }
  });
  if (errors.length) {
    const rowsWithErrors = new Set(errors.map((error) => error.path.split("/")[1])).size;
    throw new ProblemError("invalid_request", `${rowsWithErrors} of ${rows.length} rows are invalid; nothing was imported.`, { errors: errors.slice(0, MAX_REPORTED_ERRORS) });
  }
  return createMonitors(context, userId, inputs, hosts);
}
