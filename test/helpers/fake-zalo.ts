import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";

/** Settings of the test app and OA; the fake accepts only these. */
export const ZALO = {
  appId: "3608465249409039670",
  appSecret: "test-app-secret-0001",
  oaSecretKey: "test-oa-secret-key-0001",
  refreshToken: "refresh-seed-0000",
  oaId: "388613280878808645",
} as const;

/** The environment that turns the Zalo channel on against a fake at `url`. */
export function zaloEnv(url: string): Record<string, string> {
  return {
    ZALO_APP_ID: ZALO.appId,
    ZALO_APP_SECRET: ZALO.appSecret,
    ZALO_OA_SECRET_KEY: ZALO.oaSecretKey,
    ZALO_REFRESH_TOKEN: ZALO.refreshToken,
    ZALO_API_ROOT: url,
    ZALO_OAUTH_ROOT: url,
  };
}

/** One consultation message the fake OA accepted. */
export interface CsSent {
  userId: string;
  text?: string;
  buttons: { title: string; payload: string }[];
  imageAttachmentId?: string;
  fileToken?: string;
}

// The fake's own idea of a valid request, written from the API notes rather than imported from
// src/, so a mistake in the channel's schemas cannot hide itself.
const button = z.object({ title: z.string().min(1).max(100), type: z.literal("oa.query.hide"), payload: z.string().min(1).max(1000) }).strict();
const csBody = z
  .object({
    recipient: z.object({ user_id: z.string().regex(/^\d+$/) }).strict(),
    message: z.union([
      z
        .object({
          text: z.string().min(1).max(2000),
          attachment: z.object({ type: z.literal("template"), payload: z.object({ buttons: z.array(button).min(1).max(5) }).strict() }).strict().optional(),
        })
        .strict(),
      z
        .object({
          attachment: z
            .object({
              type: z.literal("template"),
              payload: z
                .object({
                  template_type: z.literal("media"),
                  elements: z.array(z.object({ media_type: z.literal("image"), attachment_id: z.string() }).strict()).length(1),
                })
                .strict(),
            })
            .strict(),
        })
        .strict(),
      z.object({ attachment: z.object({ type: z.literal("file"), payload: z.object({ token: z.string() }).strict() }).strict() }).strict(),
    ]),
  })
  .strict();

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function answer(res: ServerResponse, body: unknown): void {
  const text = JSON.stringify(body);
  // Zalo answers errors with HTTP 200 too.
  res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

export interface FakeZalo {
  url: string;
  /** Consultation messages accepted, in order. */
  sent: CsSent[];
  /** Every CS request received (accepted or not): user id and the error answered (0 = accepted). */
  attempts: { userId: string; error: number }[];
  /** Requests whose shape, headers or credentials were wrong: a test expects none. */
  problems: string[];
  uploads: { kind: "image" | "file"; name: string; mime: string; size: number }[];
  readonly refreshes: number;
  /** Requests refused with -216 because their access token was no longer valid. */
  readonly rejectedTokens: number;
  readonly refreshToken: string;
  /** Access tokens are valid for this many seconds (a string, as Zalo sends it). */
  expiresIn: string;
  /** After this many more accepted CS messages, every access token stops working (-216). */
  expireTokensAfter(count: number): void;
  /** Users outside the 7-day window: -230. */
  outsideWindow: Set<string>;
  /** The next N CS requests get -32. */
  rateLimitNext: number;
  /** Refresh requests are refused as with a dead refresh token. */
  refuseRefresh: boolean;
  to(userId: string): CsSent[];
  close(): Promise<void>;
}

/** A fake of Zalo's OA API and OAuth v4 server on 127.0.0.1, over real HTTP. */
export async function startFakeZalo(): Promise<FakeZalo> {
  const validAccess = new Set<string>();
  let currentRefresh: string = ZALO.refreshToken;
  let refreshes = 0;
  let rejectedTokens = 0;
  let messageId = 1;
  let expireAfter: number | null = null;

  const handleRefresh = async (req: IncomingMessage, res: ServerResponse) => {
    if (!/^application\/x-www-form-urlencoded/.test(req.headers["content-type"] ?? "")) fake.problems.push("refresh: not form-encoded");
    if (req.headers.secret_key !== ZALO.appSecret) fake.problems.push("refresh: wrong or missing secret_key header");
    const form = Object.fromEntries(new URLSearchParams((await readAll(req)).toString("utf8")));
    const shape = z.object({ app_id: z.literal(ZALO.appId), grant_type: z.literal("refresh_token"), refresh_token: z.string() }).strict().safeParse(form);
    if (!shape.success) fake.problems.push(`refresh: bad form ${JSON.stringify(Object.keys(form))}`);
    if (fake.refuseRefresh || form.refresh_token !== currentRefresh) {
      answer(res, { error: -14014, error_name: "Invalid refresh token", error_description: "Refresh token is invalid or expired" });
      return;
    }
    refreshes++;
    const access = `access-${refreshes}-${Math.random().toString(36).slice(2, 10)}`;
    currentRefresh = `refresh-${refreshes}-${Math.random().toString(36).slice(2, 10)}`;
    // The old access token dies as soon as a new one is issued (tech-notes §6.3).
    validAccess.clear();
    validAccess.add(access);
    answer(res, { access_token: access, refresh_token: currentRefresh, expires_in: fake.expiresIn });
  };

  const tokenOk = (req: IncomingMessage): boolean => {
    const token = req.headers.access_token;
    if (typeof token !== "string") {
      fake.problems.push(`${req.url}: no access_token header`);
      return false;
    }
    if (req.headers.authorization) fake.problems.push(`${req.url}: Authorization header sent (Zalo wants access_token)`);
    return validAccess.has(token);
  };

  const handleCs = async (req: IncomingMessage, res: ServerResponse) => {
    const raw = (await readAll(req)).toString("utf8");
    if (!/^application\/json/.test(req.headers["content-type"] ?? "")) fake.problems.push("cs: not JSON");
    const parsed = csBody.safeParse(JSON.parse(raw));
    const userId = (JSON.parse(raw) as { recipient?: { user_id?: string } }).recipient?.user_id ?? "?";
    const fail = (error: number, message: string) => {
      fake.attempts.push({ userId, error });
      answer(res, { error, message });
    };
    if (!tokenOk(req)) {
      rejectedTokens++;
      return fail(-216, "Access token is invalid");
    }
    if (!parsed.success) {
      fake.problems.push(`cs: bad body ${parsed.error.issues[0]?.path.join(".")}: ${parsed.error.issues[0]?.message}`);
      return fail(-201, "Parameters are invalid");
    }
    if (fake.rateLimitNext > 0) {
      fake.rateLimitNext--;
      return fail(-32, "The request has exceeded the rate limit");
    }
    if (fake.outsideWindow.has(userId)) return fail(-230, "User has not interacted with the OA in the past 7 days");
    const m = parsed.data.message;
    const sent: CsSent = { userId, buttons: [] };
    if ("text" in m) {
      sent.text = m.text;
      sent.buttons = m.attachment?.payload.buttons.map(({ title, payload }) => ({ title, payload })) ?? [];
    } else if (m.attachment.type === "template") {
      sent.imageAttachmentId = m.attachment.payload.elements[0]!.attachment_id;
    } else {
      sent.fileToken = m.attachment.payload.token;
    }
    fake.sent.push(sent);
    fake.attempts.push({ userId, error: 0 });
    answer(res, { data: { message_id: `msg${messageId++}`, user_id: userId }, error: 0, message: "Success" });
    if (expireAfter !== null && --expireAfter <= 0) {
      expireAfter = null;
      validAccess.clear();
    }
  };

  const handleUpload = async (kind: "image" | "file", req: IncomingMessage, res: ServerResponse) => {
    const body = await readAll(req);
    if (!tokenOk(req)) {
      rejectedTokens++;
      return answer(res, { error: -216, message: "Access token is invalid" });
    }
    const form = await new Response(body, { headers: { "content-type": req.headers["content-type"] ?? "" } }).formData().catch(() => null);
    const file = form?.get("file");
    if (!file || typeof file === "string") {
      fake.problems.push(`upload ${kind}: no multipart field "file"`);
      return answer(res, { error: -201, message: "Parameters are invalid" });
    }
    fake.uploads.push({ kind, name: file.name, mime: file.type, size: file.size });
    answer(res, { error: 0, message: "Success", data: kind === "image" ? { attachment_id: `img-${fake.uploads.length}` } : { token: `file-${fake.uploads.length}` } });
  };

  const server = createServer((req, res) => {
    const route = `${req.method} ${req.url}`;
    const run =
      route === "POST /v4/oa/access_token"
        ? handleRefresh(req, res)
        : route === "POST /v3.0/oa/message/cs"
          ? handleCs(req, res)
          : route === "POST /v2.0/oa/upload/image"
            ? handleUpload("image", req, res)
            : route === "POST /v2.0/oa/upload/file"
              ? handleUpload("file", req, res)
              : Promise.resolve().then(() => {
                  fake.problems.push(`unknown endpoint ${route}`);
                  res.writeHead(404).end();
                });
    run.catch((error: unknown) => {
      fake.problems.push(`fake failed on ${route}: ${String(error)}`);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  const fake: FakeZalo = {
    url: `http://127.0.0.1:${port}`,
    sent: [],
    attempts: [],
    problems: [],
    uploads: [],
    get refreshes() {
      return refreshes;
    },
    get rejectedTokens() {
      return rejectedTokens;
    },
    get refreshToken() {
      return currentRefresh;
    },
    expiresIn: "90000",
    expireTokensAfter(count) {
      expireAfter = count;
    },
    outsideWindow: new Set(),
    rateLimitNext: 0,
    refuseRefresh: false,
    to: (userId) => fake.sent.filter((s) => s.userId === userId),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  return fake;
}
