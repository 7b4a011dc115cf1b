import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Logger } from "../../core/log.js";

/** One HTTP route on the bot's one server (web chat, webhooks): channels declare them, main.ts mounts them. */
export interface Route {
  method: "GET" | "POST";
  /** Exact path, or a prefix ending in `/*`. */
  path: string;
  handle(req: IncomingMessage, res: ServerResponse): Promise<void> | void;
}

export class BodyError extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    readonly code: string,
  ) {
    super(code);
  }
}

/** Reads a request body up to `limit` bytes; a bigger one is refused before it is all read. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"] ?? "0");
    if (declared > limit) {
      reject(new BodyError(413, "body-too-large"));
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyError(413, "body-too-large"));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** `application/json`, with parameters (`; charset=utf-8`) or none — not `application/json-evil`. */
export function isJsonContentType(header: string | undefined): boolean {
  return /^application\/json[ \t]*(;|$)/i.test(header ?? "");
}

/** A request body as JSON; anything else is refused with 400 `invalid-json` (check the result with a schema). */
export function jsonOf(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    throw new BodyError(400, "invalid-json");
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
  });
  res.end(text);
}

/** The bot's one HTTP server; routes are added by the channels that need them. */
export function createHttpServer(routes: readonly Route[], log: Logger): Server {
  // Two channels serving one path would silently shadow each other: a programming error.
  const seen = new Set<string>();
  for (const r of routes) {
    const id = `${r.method} ${r.path}`;
    if (seen.has(id)) throw new Error(`two routes for ${id}`);
    seen.add(id);
  }
  return createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const matching = routes.filter((r) => (r.path.endsWith("/*") ? url.pathname.startsWith(r.path.slice(0, -1)) : url.pathname === r.path));
    const route = matching.find((r) => r.method === req.method);
    if (!route) {
      sendJson(res, matching.length ? 405 : 404, { error: matching.length ? "method-not-allowed" : "not-found" });
      return;
    }
    Promise.resolve(route.handle(req, res)).catch((error: unknown) => {
      if (error instanceof BodyError) {
        if (!res.headersSent) sendJson(res, error.status, { error: error.code });
        return;
      }
      log.error("http handler failed", { path: url.pathname, error });
      if (!res.headersSent) sendJson(res, 500, { error: "internal" });
      else res.end();
    });
  });
}

export function listen(server: Server, host: string, port: number): Promise<{ host: string; port: number }> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const address = server.address();
      resolve({ host, port: typeof address === "object" && address ? address.port : port });
    });
  });
}
