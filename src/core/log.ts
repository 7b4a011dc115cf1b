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

/** A Telegram bot token (`<bot id>:<secret>`), as it appears in Bot API URLs (`/bot<token>/getMe`). */
const TELEGRAM_TOKEN = /(?<!\d)\d{5,16}:[A-Za-z0-9_-]{30,}/g;
/** The password in a URL's user part (`postgres://bot:secret@host/db`). */
const URL_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:)[^\s@/]+@/gi;

/**
 * A log line without credentials: the secrets given (the configured tokens and keys), any Telegram
 * bot token and any password in a URL — libraries put request URLs into their errors.
 */
export function redact(line: string, secrets: readonly string[] = []): string {
  let out = line.replace(TELEGRAM_TOKEN, "<telegram-token>").replace(URL_PASSWORD, "$1***@");
  // Short values would blank out ordinary words; the configured secrets are all long.
  for (const secret of secrets) if (secret.length >= 8) out = out.split(secret).join("***");
  return out;
}

export interface LoggerOptions {
  /** Values never to print (tokens, keys, the database URL's password). */
  secrets?: readonly string[];
}

export function createLogger(level: LogLevel = "info", write: (line: string) => void = (l) => process.stderr.write(`${l}\n`), options: LoggerOptions = {}): Logger {
  const secrets = options.secrets ?? [];
  const emit = (at: LogLevel, message: string, fields: LogFields | undefined) => {
    if (ORDER[at] < ORDER[level]) return;
    const { error, ...rest } = fields ?? {};
    const parts = [new Date().toISOString(), at.toUpperCase(), message];
    for (const [k, v] of Object.entries(rest)) if (v !== undefined) parts.push(`${k}=${JSON.stringify(v)}`);
    if (error !== undefined) parts.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
    write(redact(parts.join(" "), secrets));
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
