/**
 * A small structured logger to stderr. Never pass message texts or personal data here:
 * user keys and ids are enough to follow a problem.
 */
export type LogLevel = "debug" | "info" | "warn" | "error";
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export function createLogger(level: LogLevel = "info", write: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Logger {
  const emit = (at: LogLevel, message: string, fields: LogFields | undefined) => {
    if (ORDER[at] < ORDER[level]) return;
    const { error, ...rest } = fields ?? {};
    const parts = [new Date().toISOString(), at.toUpperCase(), message];
    for (const [k, v] of Object.entries(rest)) if (v !== undefined) parts.push(`${k}=${JSON.stringify(v)}`);
    if (error !== undefined) parts.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
    write(parts.join(" "));
  };
  return {
    debug: (m, f) => emit("debug", m, f),
    info: (m, f) => emit("info", m, f),
    warn: (m, f) => emit("warn", m, f),
    error: (m, f) => emit("error", m, f),
  };
}

/** For tests and benchmarks: keeps lines instead of printing them. */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return Object.assign(createLogger("debug", (l) => lines.push(l)), { lines });
}
