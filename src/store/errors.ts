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

/** A unit of work waited longer than the lock timeout for a record or name another unit holds (JSON backend). */
export class LockTimeoutError extends Error {
  constructor(readonly key: string) {
    super(`waited too long for ${key} (held by another unit of work)`);
    this.name = "LockTimeoutError";
  }
}

/**
 * Whether a unit failed only because it waited too long for a lock — JSON: LockTimeoutError;
 * PostgreSQL: `lock_timeout` (SQLSTATE 55P03, lock_not_available). Nothing of the unit was kept,
 * and the same request may simply be sent again.
 */
export function isLockTimeout(error: unknown): boolean {
  return error instanceof LockTimeoutError || (typeof error === "object" && error !== null && (error as { code?: unknown }).code === "55P03");
}

/** The first zod issue as `path: message`, short enough for one log line. */
export function describeZodIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "is invalid";
  const where = issue.path.length ? issue.path.map((p) => (typeof p === "number" ? `[${p}]` : String(p))).join(".") : "(root)";
  return `${where}: ${issue.message}`;
}
