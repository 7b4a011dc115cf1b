import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { BOT_INFO } from "./fake-telegram.js";

/** A Bot API call as the fake saw it; `attempt` counts the sends to that chat so far, this one included. */
export interface HttpApiCall {
  method: string;
  payload: Record<string, unknown>;
  chatId: string | null;
  attempt: number;
}

export type HttpFailure = { status?: number; error_code: number; description: string; parameters?: Record<string, unknown> };
export type HttpFailRule = (call: HttpApiCall) => HttpFailure | undefined;

export interface FakeTelegramHttp {
  /** For grammY's `apiRoot` / TELEGRAM_API_ROOT. */
  url: string;
  /** Every call that reached the server, in order of arrival. */
  calls: HttpApiCall[];
  /** What left the client, with the moment it was sent (performance.now(), same clock as the bot's pacing). */
  sentAt: { chatId: string | null; method: string; at: number; answeredAt?: number; status?: number }[];
  /** grammY's `client.fetch` for in-process bots: real HTTP, plus the client-side send time. */
  clientFetch: typeof fetch;
  /** Messages accepted (ok: true) per chat. */
  delivered(chatId: string): number;
  /** Accepted sends, to every chat. */
  deliveredTotal(): number;
  setFail(rule: HttpFailRule | undefined): void;
  close(): Promise<void>;
}

export interface FakeTelegramHttpOptions {
  /** Each answer waits a random time in this range (ms), like a real API across a network. */
  latencyMs?: [number, number];
  fail?: HttpFailRule;
  /** Keep the payloads (tests comparing messages); off for large runs. */
  keepPayloads?: boolean;
}

const SENDS = new Set(["sendMessage", "sendDocument", "sendPhoto"]);

/**
 * The Bot API over real HTTP (node:http): getMe, long polling that returns nothing, webhooks and
 * commands accepted, sends and edits answered like Telegram after some latency — or refused by
 * `fail` (429 with retry_after, 403, 400 chat not found, 5xx).
 */
export async function startFakeTelegramHttp(options: FakeTelegramHttpOptions = {}): Promise<FakeTelegramHttp> {
  const [minLatency, maxLatency] = options.latencyMs ?? [0, 0];
  let fail = options.fail;
  const calls: HttpApiCall[] = [];
  const sentAt: FakeTelegramHttp["sentAt"] = [];
  const attempts = new Map<string, number>();
  const delivered = new Map<string, number>();
  let messageId = 1;
  let total = 0;
  const polls = new Set<NodeJS.Timeout>();

  const readJson = async (req: IncomingMessage): Promise<Record<string, unknown>> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    if (!text) return {};
    try {
      return JSON.parse(text) as Record<string, unknown>;
    } catch {
      return {};
    }
  };
  const answer = (res: ServerResponse, status: number, body: unknown) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
    res.end(text);
  };

  const server = createServer((req, res) => {
    void (async () => {
      const method = (req.url ?? "").split("/").pop() ?? "";
      const payload = await readJson(req);
      const chatId = payload.chat_id !== undefined ? String(payload.chat_id) : null;
      const isSend = SENDS.has(method);
      const attempt = isSend && chatId ? (attempts.get(chatId) ?? 0) + 1 : 0;
      if (isSend && chatId) attempts.set(chatId, attempt);
      const call: HttpApiCall = { method, payload: options.keepPayloads === false ? {} : payload, chatId, attempt };
      calls.push(call);
      if (method === "getUpdates") {
        // Long polling with nothing to deliver: hold the request a little, then answer empty.
        const wait = Math.min(Number(payload.timeout ?? 0) * 1000, 300);
        const timer = setTimeout(() => {
          polls.delete(timer);
          answer(res, 200, { ok: true, result: [] });
        }, wait);
        polls.add(timer);
        return;
      }
      const delay = minLatency + Math.random() * (maxLatency - minLatency);
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      const failure = fail?.({ ...call, payload });
      if (failure) {
        const { status, ...body } = failure;
        answer(res, status ?? failure.error_code, { ok: false, ...body });
        return;
      }
      if (method === "getMe") return answer(res, 200, { ok: true, result: BOT_INFO });
      if (isSend) {
        if (chatId) delivered.set(chatId, (delivered.get(chatId) ?? 0) + 1);
        total++;
        const result = { message_id: messageId++, date: Math.floor(Date.now() / 1000), chat: { id: Number(chatId), type: "private" }, ...(payload.text ? { text: payload.text } : {}) };
        return answer(res, 200, { ok: true, result });
      }
      if (method === "editMessageText") {
        return answer(res, 200, { ok: true, result: { message_id: Number(payload.message_id), date: Math.floor(Date.now() / 1000), chat: { id: Number(chatId), type: "private" }, text: payload.text } });
      }
      answer(res, 200, { ok: true, result: true });
    })().catch(() => {
      if (!res.headersSent) answer(res, 500, { ok: false, error_code: 500, description: "fake failed" });
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const clientFetch = ((input: string | URL, init?: RequestInit) => {
    const method = String(input).split("/").pop() ?? "";
    let chatId: string | null = null;
    if (typeof init?.body === "string") {
      const m = /"chat_id":\s*"?(-?\d+)/.exec(init.body);
      chatId = m ? m[1]! : null;
    }
    const record: FakeTelegramHttp["sentAt"][number] = { chatId, method, at: performance.now() };
    sentAt.push(record);
    return fetch(input, init).then((res) => {
      record.answeredAt = performance.now();
      record.status = res.status;
      return res;
    });
  }) as typeof fetch;

  return {
    url,
    calls,
    sentAt,
    clientFetch,
    delivered: (chatId) => delivered.get(chatId) ?? 0,
    deliveredTotal: () => total,
    setFail(rule) {
      fail = rule;
    },
    async close() {
      for (const t of polls) clearTimeout(t);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Sliding one-second windows over send times: the most sends any window holds. */
export function busiestSecond(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while (sorted[end]! - sorted[start]! >= 1000) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

/** The shortest gap between two sends to the same chat (Infinity when no chat got two). */
export function shortestGapPerChat(sends: readonly { chatId: string | null; at: number }[]): number {
  const last = new Map<string, number>();
  let shortest = Infinity;
  for (const s of [...sends].sort((a, b) => a.at - b.at)) {
    if (!s.chatId) continue;
    const before = last.get(s.chatId);
    if (before !== undefined) shortest = Math.min(shortest, s.at - before);
    last.set(s.chatId, s.at);
  }
  return shortest;
}
