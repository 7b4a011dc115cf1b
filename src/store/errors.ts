import type { z } from "zod";

/** A data file that cannot be trusted; the start stops with the file's name and the file is left as it is. */
export class StoreError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file} ${reason}`);
    this.name = "StoreError";
  }
}

/** The first zod issue as `path: message`, short enough for one log line. */
export function describeZodIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "is invalid";
  const where = issue.path.length ? issue.path.map((p) => (typeof p === "number" ? `[${p}]` : String(p))).join(".") : "(root)";
  return `${where}: ${issue.message}`;
}
