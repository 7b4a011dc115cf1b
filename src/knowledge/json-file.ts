import { readFileSync } from "node:fs";
import type { z } from "zod";

/** The first schema problem, as "path message". */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue?.path.join(".") ?? ""} ${issue?.message ?? "is invalid"}`.trim();
}

/** Reads a JSON data file and checks it with its schema; a problem comes back as a message, not a throw. */
export function readJsonFile<T>(file: string, schema: z.ZodType<T>): { ok: true; value: T } | { ok: false; message: string } {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, message: firstIssue(parsed.error) };
}
