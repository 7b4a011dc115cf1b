import type { Readable } from "node:stream";

export * from "../../bench/lib/telegram-updates.js";

export const TEST_TOKEN = "123456789:AAFakeTokenForTests_abcdefghijklmnop";

export interface ApiCall {
  method: string;
  payload: Record<string, unknown>;
}
export type FailRule = (call: ApiCall) => { error_code: number; description: string; parameters?: Record<string, unknown> } | undefined;

async function readBody(body: unknown): Promise<Record<string, unknown>> {
  if (typeof body === "string") return JSON.parse(body) as Record<string, unknown>;
  if (!body) return {};
  // A file upload: grammY streams multipart/form-data; keep the plain fields and the file name.
  const chunks: Buffer[] = [];
  for await (const chunk of body as Readable) chunks.push(Buffer.from(chunk as Uint8Array));
  const text = Buffer.concat(chunks).toString("latin1");
  const fields: Record<string, unknown> = {};
  for (const m of text.matchAll(/name="([^"]+)"(?:; filename="([^"]*)")?\r\n(?:content-type:[^\r]*\r\n)?\r\n([\s\S]*?)\r\n--/gi)) {
    const [, name, filename, value] = m;
    if (filename !== undefined) fields[`${name}:filename`] = Buffer.from(filename, "latin1").toString("utf8");
    else fields[name!] = /^[[{]/.test(value!) ? JSON.parse(Buffer.from(value!, "latin1").toString("utf8")) : Buffer.from(value!, "latin1").toString("utf8");
  }
  // File parts by their headers alone (binary content, e.g. a PNG, need not parse as text).
  // (grammY writes `name="<part>";filename=<name>` with no quotes around the file name.)
  for (const m of text.matchAll(/name="([^"]+)";\s*filename="?([^"\r\n]*)"?\r\n/g)) fields[`${m[1]}:filename`] ??= Buffer.from(m[2]!, "latin1").toString("utf8");
  // And their bytes (latin1 keeps every byte as it was): `<part>:bytes`.
  for (const m of text.matchAll(/name="([^"]+)";\s*filename="?[^"\r\n]*"?\r\n(?:[^\r\n]+\r\n)*\r\n([\s\S]*?)\r\n--/g)) fields[`${m[1]}:bytes`] = Buffer.from(m[2]!, "latin1");
  return fields;
}

/** The Bot API at grammY's network edge (`client.fetch`): records every call, answers like Telegram. */
export function fakeBotApi(fail?: FailRule) {
  const calls: ApiCall[] = [];
  let messageId = 1;
  const fetch = async (url: string | URL, init?: { body?: unknown }): Promise<Response> => {
    const method = String(url).split("/").pop() ?? "";
    const payload = await readBody(init?.body);
    const call = { method, payload };
    calls.push(call);
    const failure = fail?.(call);
    if (failure) return new Response(JSON.stringify({ ok: false, ...failure }), { status: failure.error_code, headers: { "content-type": "application/json" } });
    const chat = { id: Number(payload.chat_id ?? 0), type: "private" };
    const result = method.startsWith("send") ? { message_id: messageId++, date: 1_790_000_000, chat, text: payload.text } : true;
    return new Response(JSON.stringify({ ok: true, result }), { headers: { "content-type": "application/json" } });
  };
  return {
    fetch: fetch as unknown as typeof globalThis.fetch,
    calls,
    sent: () => calls.filter((c) => c.method.startsWith("send")),
    clear: () => calls.splice(0),
  };
}
