import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { reachOf } from "../../src/channels/zalo/reach.js";
import { renderMessages, type RenderTexts } from "../../src/channels/zalo/render.js";
import { signatureMatches, signatureVariants, webhookSignature } from "../../src/channels/zalo/signature.js";
import { dedupKeyOf, readWebhookEvent, webhookEnvelopeSchema } from "../../src/channels/zalo/webhook-events.js";
import { esc, trusted } from "../../src/core/markup.js";
import type { Button } from "../../src/core/types.js";

/** The sample from tech-notes §6.1 (ids beyond 2^53, timestamp a string), as raw bytes. */
const SAMPLE =
  '{"app_id":"360846524940903967","sender":{"id":"246845883529197922"},"user_id_by_app":"552177279717587730","recipient":{"id":"388613280878808645"},"event_name":"user_send_text","message":{"text":"Đăng ký","msg_id":"96d3cd5a8e1f"},"timestamp":"1543908534740"}';

const texts: RenderTexts = {
  chooseByNumber: "Trả lời bằng số.",
  fileElsewhere: (name) => `Tệp ${name} không gửi qua Zalo.`,
  storedFile: (name, url) => `📎 ${name}: ${url}`,
};
const buttons = (n: number): Button[] => Array.from({ length: n }, (_, i) => ({ label: `Mục ${i + 1}`, data: `x:${i + 1}` }));

describe("Zalo webhook signature", () => {
  it("is mac= and the hex SHA-256 of app id + raw body + timestamp + OA secret key", () => {
    const raw = Buffer.from(SAMPLE, "utf8");
    const expected = `mac=${createHash("sha256").update(`360846524940903967${SAMPLE}1543908534740oa-secret`, "utf8").digest("hex")}`;
    expect(webhookSignature({ appId: "360846524940903967", rawBody: raw, timestamp: "1543908534740", secretKey: "oa-secret" })).toBe(expected);
    expect(signatureMatches(expected.toUpperCase().replace("MAC=", "mac="), expected)).toBe(true);
    expect(signatureMatches(expected.slice(0, -1), expected)).toBe(false);
    expect(signatureMatches("", expected)).toBe(false);
  });

  it("hashes the bytes as received: the same JSON re-serialised does not match", () => {
    const raw = Buffer.from(SAMPLE, "utf8");
    const sig = webhookSignature({ appId: "1", rawBody: raw, timestamp: "2", secretKey: "k" });
    const reformatted = Buffer.from(JSON.stringify(JSON.parse(SAMPLE), null, 1), "utf8");
    expect(signatureMatches(sig, webhookSignature({ appId: "1", rawBody: reformatted, timestamp: "2", secretKey: "k" }))).toBe(false);
  });

  it("for a refused event, names the variant from other sources that would have matched", () => {
    const raw = Buffer.from(SAMPLE, "utf8");
    const inputs = {
      appIdFromConfig: "360846524940903967",
      appIdFromBody: "360846524940903967",
      oaIdFromBody: undefined,
      timestampFromBody: "1543908534740",
      timestampHeader: "1543908534999",
      oaSecretKey: "oa-secret",
      appSecret: "app-secret",
      rawBody: raw,
    };
    const withAppSecret = webhookSignature({ appId: "360846524940903967", rawBody: raw, timestamp: "1543908534740", secretKey: "app-secret" });
    expect(signatureVariants(withAppSecret, inputs)).toContain("app_id from config + raw body + timestamp field + App Secret");
    const withHeader = webhookSignature({ appId: "360846524940903967", rawBody: raw, timestamp: "1543908534999", secretKey: "oa-secret" });
    expect(signatureVariants(withHeader, inputs)).toContain("app_id from config + raw body + X-ZEvent-Timestamp header + OA Secret Key");
    expect(signatureVariants("mac=" + "1".repeat(64), inputs)).toEqual([]);
  });
});

describe("Zalo webhook events", () => {
  it("keeps ids beyond 2^53 exactly as sent", () => {
    const event = readWebhookEvent(JSON.parse(SAMPLE));
    expect(event).toEqual({ kind: "text", oaId: "388613280878808645", userId: "246845883529197922", msgId: "96d3cd5a8e1f", text: "Đăng ký" });
    expect(Number("246845883529197922")).toBeGreaterThan(Number.MAX_SAFE_INTEGER);
  });

  it("refuses ids sent as numbers rather than round them", () => {
    const body = JSON.parse(SAMPLE.replace('"sender":{"id":"246845883529197922"}', '"sender":{"id":246845883529197922}'));
    expect(readWebhookEvent(body).kind).toBe("ignored");
  });

  it("reads follow, unfollow, a person at the OA, bot echoes and receipts", () => {
    const follow = { oa_id: "388613280878808645", follower: { id: "1234" }, event_name: "follow", source: "oa_profile", app_id: "1", timestamp: "5" };
    expect(readWebhookEvent(follow)).toEqual({ kind: "follow", oaId: "388613280878808645", userId: "1234" });
    expect(readWebhookEvent({ ...follow, event_name: "unfollow" })).toMatchObject({ kind: "unfollow", userId: "1234" });
    const echo = { app_id: "1", event_name: "oa_send_text", sender: { id: "388613280878808645" }, recipient: { id: "1234" }, message: { msg_id: "a", text: "x" }, timestamp: "5" };
    expect(readWebhookEvent(echo).kind).toBe("ignored");
    expect(readWebhookEvent({ ...echo, sender: { id: "388613280878808645", admin_id: "99" } })).toEqual({ kind: "person-at-oa", oaId: "388613280878808645", userId: "1234" });
    expect(readWebhookEvent({ app_id: "1", event_name: "user_seen_message", timestamp: "5" })).toEqual({ kind: "ignored", reason: "user_seen_message" });
    const env = webhookEnvelopeSchema.parse(follow);
    expect(dedupKeyOf(follow, env)).toBe("e:follow:1234:5");
    expect(dedupKeyOf(JSON.parse(SAMPLE), webhookEnvelopeSchema.parse(JSON.parse(SAMPLE)))).toBe("m:96d3cd5a8e1f");
  });
});

describe("Zalo rendering", () => {
  it("puts up to 5 buttons on the message as hidden queries carrying the core's data", () => {
    const { calls, options } = renderMessages([{ text: esc("Chọn"), buttons: [buttons(3), buttons(5).slice(3)] }], texts);
    expect(options).toEqual([]);
    expect(calls).toEqual([
      {
        kind: "text",
        text: "Chọn",
        buttons: [
          { title: "Mục 1", type: "oa.query.hide", payload: "#nscl:x:1" },
          { title: "Mục 2", type: "oa.query.hide", payload: "#nscl:x:2" },
          { title: "Mục 3", type: "oa.query.hide", payload: "#nscl:x:3" },
          { title: "Mục 4", type: "oa.query.hide", payload: "#nscl:x:4" },
          { title: "Mục 5", type: "oa.query.hide", payload: "#nscl:x:5" },
        ],
      },
    ]);
  });

  it("turns 6 or more choices into a numbered list, numbering on across the messages of one reply", () => {
    const { calls, options } = renderMessages(
      [
        { text: esc("Câu 1"), buttons: [buttons(6)] },
        { text: esc("Câu 2"), buttons: [buttons(7)] },
      ],
      texts,
    );
    expect(calls.map((c) => c.kind === "text" && c.buttons)).toEqual([undefined, undefined]);
    expect(calls[0]).toMatchObject({ text: "Câu 1\n\n1. Mục 1\n2. Mục 2\n3. Mục 3\n4. Mục 4\n5. Mục 5\n6. Mục 6\n\nTrả lời bằng số." });
    expect(calls[1]).toMatchObject({ text: expect.stringContaining("7. Mục 1") });
    expect(options).toHaveLength(13);
    expect(options[12]?.data).toBe("x:7");
  });

  it("shows links as text with their address, and stored files by link or a note", () => {
    const { calls } = renderMessages(
      [
        { text: trusted('Xem <a href="https://tdc.example.gov.vn/gtclqg">hướng dẫn</a> <b>ngay</b>') },
        { text: esc(""), attachment: { kind: "stored", file: { channel: "zalo", ref: "https://f.zalo.example/1.pdf", name: "hs.pdf", size: 1, mime: null } } },
        { text: esc("Tệp:"), attachment: { kind: "stored", file: { channel: "telegram", ref: "BQACAgIAAx", name: "hs.pdf", size: 1, mime: null } } },
      ],
      texts,
    );
    expect(calls.map((c) => c.kind === "text" && c.text)).toEqual([
      "Xem hướng dẫn (https://tdc.example.gov.vn/gtclqg) ngay",
      "📎 hs.pdf: https://f.zalo.example/1.pdf",
      "Tệp:\n\nTệp hs.pdf không gửi qua Zalo.",
    ]);
  });

  it("uploads only what Zalo takes: jpg/png up to 1 MB, pdf/doc/docx up to 5 MB", () => {
    const render = (mime: string, size: number) =>
      renderMessages([{ text: esc(""), attachment: { kind: "bytes", name: "f", mime, bytes: new Uint8Array(size) } }], texts).calls.map((c) => c.kind);
    expect(render("image/png", 1024)).toEqual(["image"]);
    expect(render("image/png", 2 * 1024 * 1024)).toEqual(["text"]);
    expect(render("application/pdf", 4 * 1024 * 1024)).toEqual(["file"]);
    expect(render("text/csv", 10)).toEqual(["text"]);
  });
});

describe("Zalo reach", () => {
  const now = new Date("2026-11-22T12:00:00Z");
  it("is free within 48 h of the last interaction, billed until 7 days, closed after", () => {
    expect(reachOf("2026-11-21T12:00:00.000Z", now)).toEqual({ kind: "free", until: new Date("2026-11-23T12:00:00Z") });
    expect(reachOf("2026-11-17T12:00:00.000Z", now)).toEqual({ kind: "billed", until: new Date("2026-11-24T12:00:00Z") });
    expect(reachOf("2026-11-15T11:59:00.000Z", now)).toEqual({ kind: "closed" });
    expect(reachOf(null, now)).toEqual({ kind: "closed" });
  });
});
