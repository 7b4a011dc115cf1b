import { describe, expect, it } from "vitest";
import type { AuditEntry } from "../../src/domain/records/audit-entry.js";
import { testApp } from "../helpers/app.js";
import { draft } from "../helpers/submission-draft.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();
const at = (minutes: number) => new Date(Date.UTC(2026, 10, 22, 3, minutes));

describe("the audit trail", () => {
  it("records every submission change by itself, with who and the role they had then, and reads back the same after a restart", async () => {
    const dir = await tempDir();
    const app = await testApp(dir, { env: { OFFICIAL_TELEGRAM_IDS: "777" } });
    const { submissions, audit } = app.services;
    const unit = <T>(work: () => Promise<T>) => app.storage.unit(work);
    const made = await unit(() => submissions.create(draft(), at(0)));
    const code = made.ok ? made.submission.code : "";
    await unit(() => submissions.updateContact(code, { name: "Lê Văn Hùng", position: "Phó giám đốc", phone: "+84987654321", email: "hung@minhan.vn" }, "zalo:880012", at(1)));
    await unit(() => submissions.attach(code, "telegram:1001", { channel: "telegram", ref: "BQAC-9", name: "Đơn đăng ký.pdf", size: 1, mime: "application/pdf" }, at(2)));
    await unit(() => submissions.resolvePendingContact(code, true, "telegram:777", at(3)));
    await unit(() => submissions.withdraw(code, "telegram:1001", at(4)));
    await unit(() => submissions.removeContact(code, "telegram:1001", at(5)));
    await unit(() => audit.record({ at: at(6).toISOString(), action: "broadcast-sent", actor: { userKey: "telegram:777", role: "admin" }, subject: "bc-2026-001", detail: "1.204 người nhận" }));
    const expected = [
      ["created", "telegram:1001", "enterprise", null, "registered", null],
      ["contact-proposed", "zalo:880012", "enterprise", null, null, null],
      ["document-added", "telegram:1001", "enterprise", null, null, "Đơn đăng ký.pdf"],
      ["contact-accepted", "telegram:777", "admin", null, null, null],
      ["status", "telegram:1001", "enterprise", "registered", "withdrawn", null],
      ["contact-removed", "telegram:1001", "enterprise", null, null, null],
    ];
    const shape = (list: readonly AuditEntry[]) => list.map((e) => [e.action, e.actor.userKey, e.actor.role, e.from, e.to, e.detail]);
    expect(shape(await audit.about(code))).toEqual(expected);
    expect(await audit.about("bc-2026-001")).toHaveLength(1);
    await app.close();

    const again = await testApp(dir, { env: { OFFICIAL_TELEGRAM_IDS: "777" } });
    expect(shape(await again.services.audit.about(code))).toEqual(expected);
    expect((await again.services.audit.about("bc-2026-001"))[0]?.detail).toBe("1.204 người nhận");
    await expect(again.storage.unit(() => again.services.audit.record({ at: "hôm nay", action: "x", actor: { userKey: null, role: "system" }, subject: "y" }))).rejects.toThrow(/audit entry does not fit/);
    await again.close();
  });
});
