// The probe options a check or a monitor can ask for, in the API's words and in the database's.
// Pure: the form, the API and the worker share it.
export type FamilyChoice = "4" | "6" | "both";
export type DbFamilyChoice = "v4" | "v6" | "both";
export type TlsChoice = "auto" | boolean;
export type DbTlsMode = "auto" | "on" | "off";

export function familyChoice(stored: DbFamilyChoice): FamilyChoice {
  return stored === "v4" ? "4" : stored === "v6" ? "6" : "both";
}

export function storedFamily(choice: FamilyChoice): DbFamilyChoice {
  return choice === "4" ? "v4" : choice === "6" ? "v6" : "both";
}

/** In plain SQL: a stored family (the enum's values '4', '6', 'both') under Prisma's names (v4, v6, both). */
export function familyNameSql(column: string): string {
  return `CASE ${column}::text WHEN '4' THEN 'v4' WHEN '6' THEN 'v6' ELSE 'both' END`;
}

export function tlsChoice(stored: DbTlsMode): TlsChoice {
  return stored === "auto" ? "auto" : stored === "on";
}

export function storedTls(choice: TlsChoice): DbTlsMode {
  return choice === "auto" ? "auto" : choice ? "on" : "off";
}

/** The API spells "open|filtered" with a bar; the database enum value is open_filtered. */
export function apiState<T extends string>(stored: T): T extends "open_filtered" ? "open|filtered" : T {
  return (stored === "open_filtered" ? "open|filtered" : stored) as never;
}
