import { readFileSync } from "node:fs";
import type { z } from "zod";

/** The first schema problem, as "path message". */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue?.path.join(".") ?? ""} ${issue?.message ?? "is invalid"}`.trim();
}

/** Why a data file could not be used: the caller words it for its file (a missing profile names the setting that chose it). */
export type JsonFileProblem = "missing" | "not-json" | "invalid";

export type JsonFileRead<T> = { ok: true; value: T } | { ok: false; problem: JsonFileProblem; message: string };

/**
 * Reads a JSON data file of data/ and checks it with its schema; a problem comes back as a
 * message, not a throw. The one loader of data/ files (province profiles, provinces, support
 * kinds, the knowledge base, the lexicon).
 */
export function readJsonFile<T>(file: string, schema: z.ZodType<T>): JsonFileRead<T> {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
    return { ok: false, problem: missing ? "missing" : "not-json", message: (error as Error).message };
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, problem: "invalid", message: firstIssue(parsed.error) };
}

/** The same, or a throw of `fail(message)` naming the file: for files without which the bot does not start. */
export function loadJsonFile<T>(file: string, schema: z.ZodType<T>, fail: (message: string) => Error): T {
  const read = readJsonFile(file, schema);
  if (!read.ok) throw fail(`${file}: ${read.message}`);
  return read.value;
}
