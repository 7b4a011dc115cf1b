import { readFile, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { accountTag } from "../../src/domain/actor-name.js";
import { describe, expect, it } from "vitest";
import type { App } from "../../src/app.js";
import { testApp } from "../helpers/app.js";
import { auditTrail } from "../helpers/audit-trail.js";
import { draft } from "../helpers/submission-draft.js";
import { person, testClock } from "../helpers/talk.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();

/** Every file under DATA_DIR with its bytes (the lock excepted), to prove nothing was written. */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const walk = async (rel: string) => {
    for (const name of await readdir(path.join(dir, rel))) {
      if (name === ".lock") continue;
      const full = path.join(dir, rel, name);
      if ((await stat(full)).isDirectory()) await walk(path.join(rel, name));
      else out.set(path.join(rel, name), (await readFile(full)).toString("base64"));
    }
  };
  await walk("");
  return out;
}

/** Every record the store holds, repository by repository, on any backend: the same proof through the storage port. */
async function dump(app: App): Promise<string[]> {
  const out: string[] = [];
  for await (const item of app.storage.dump()) out.push(JSON.stringify(item));
  return out;
}

const OFFICIALS_COMMANDS = ["hoso", "case", "thongke", "stats", "xuat", "export", "quyen", "roles", "hopthu", "inbox", "hoc", "learn", "duyet", "approve"];

async function setting() {
  const clock = testClock("2026-11-22T03:00:00Z");
  const dir = await tempDir();
  const app = await testApp(dir, { clock: clock.now, env: { OFFICIAL_TELEGRAM_IDS: "777" } });
  const made = await app.storage.unit(() => app.services.submissions.create(draft(), clock.now()));
  const code = made.ok ? made.submission.code : "";
  const docs = { channel: "telegram" as const, ref: "BQAC-1", name: "Báo cáo.pdf", size: 10, mime: "application/pdf" };
  expect((await app.storage.unit(() => app.services.submissions.attach(code, "telegram:1001", docs, clock.now()))).ok).toBe(true);
  expect((await app.storage.unit(() => app.services.submissions.updateContact(code, { name: "Người Lạ", position: "Khác", phone: "+84987654321", email: "la@example.vn" }, "web:stranger-session-0001", clock.now()))).ok).toBe(true);
  return { app, dir, code, clock };
}

/** Button data an official's views produce, which a citizen's client could forge. */
const forged = (code: string) => [
  `hs:v:${code}`,
  `hs:s:${code}:registered:dossier-received`,
  `hs:s:${code}:registered:withdrawn`,
  `hs:n:${code}`,
  `hs:ca:${code}`,
  `hs:cd:${code}`,
  `hs:d:${code}:0`,
  `hs:da:${code}`,
  "hs:pc",
  "hsf:go",
  "hsf:x",
  "tk:gtclqg",
  "tk:nscl:2026",
  "xu:gtclqg:2026:all:xlsx",
  "xu:all:all:all:csv",
  "xu",
  "rq:r:telegram:5550001",
  "rq:ry:telegram:777",
  "hoc:p:gt-la-gi",
  "hoc:n",
  "hoc:ok",
  "duy:a:hoc-1",
  "duy:r:hoc-1",
  "cmd:hoso",
  "cmd:thongke",
  "cmd:xuat",
  "cmd:quyen",
  "ht:p:0",
  "ht:a:HT1",
  "ht:n:HT1",
  "ht:v:HT1",
  "hta:send",
  "cmd:hopthu",
];

describe("who may use the officials' desk", () => {
  it("answers every officials' command and every forged button from a citizen exactly as a nonexistent one, and changes nothing", async () => {
    const { app, dir, code } = await setting();
    const lan = person(app, "telegram", "5550001");
    await lan.says("/start"); // her first message records her as a user; what follows must write nothing.
    await app.storage.checkpoint();
    // The files are the JSON backend's; the dump of every record says the same on any backend.
    const json = app.storage.backend === "json";
    const before = json ? await snapshot(dir) : null;
    const stored = await dump(app);
    const record = JSON.stringify(await app.services.submissions.get(code));
    const audited = (await auditTrail(app)).length;

    for (const name of OFFICIALS_COMMANDS) {
      const nonexistent = (await lan.says(`/khongcolenh`)).replace("/khongcolenh", `/${name}`);
      expect(await lan.says(`/${name}`), `/${name}`).toBe(nonexistent);
      expect(await lan.says(`/${name} ${code}`), `/${name} ${code}`).toBe(nonexistent);
    }
    const noSuchButton = await lan.sendsButtonData("khongco:1");
    for (const data of forged(code)) {
      const answer = await lan.sendsButtonData(data);
      if (data.startsWith("cmd:")) expect(answer, data).toBe((await lan.says("/khongcolenh")).replace("/khongcolenh", `/${data.slice(4)}`));
      else expect(answer, data).toBe(noSuchButton);
      expect(lan.replies.some((m) => m.attachment), data).toBe(false);
    }
    await app.storage.checkpoint();
    expect(JSON.stringify(await app.services.submissions.get(code))).toBe(record);
    expect(await auditTrail(app)).toHaveLength(audited);
    expect(await dump(app)).toEqual(stored);
    if (json) expect(await snapshot(dir)).toEqual(before);

    // Typing what an official would type next is just text to her (a question to the FAQ, which counts it).
    expect(await lan.says("Thiếu báo cáo tự đánh giá")).not.toContain("Đã chuyển");
    expect(lan.replies.flatMap((m) => m.buttons?.flat() ?? []).some((b) => /^cmd:(hoso|thongke|xuat|quyen|hopthu)$/.test(b.data))).toBe(false);
    expect(JSON.stringify(await app.services.submissions.get(code))).toBe(record);
    await app.close();
  });

  it("refuses a button pressed after the role was revoked, though the button was shown while it was held", async () => {
    const { app, code } = await setting();
    const hoa = person(app, "telegram", "777", "Trần Thị Hoa");
    const minh = person(app, "telegram", "888", "Lê Văn Minh");
    // Minh never wrote: the id as Hoa typed it, to check it.
    expect(await hoa.says("/quyen cap 888")).toContain("✅ Đã cấp quyền cán bộ cho 888.");
    expect(await minh.says(`/hoso ${code}`)).toContain("Hồ sơ GT-2026-0001");
    const shown = minh.buttonLabels();
    expect(shown).toContain("→ Đã nhận hồ sơ");
    await minh.presses("→ Đã nhận hồ sơ"); // the note step is open

    // Minh wrote as an official since: by his name, never his account id.
    const revoked = await hoa.says("/quyen thu 888");
    expect(revoked).toContain("Đã thu hồi quyền cán bộ của Lê Văn Minh.");
    expect(revoked).not.toContain("telegram:");
    const noSuchButton = await person(app, "telegram", "5550002").sendsButtonData("khongco:1");
    // The old view's buttons and the open step both stop working at once.
    expect(await minh.presses("Chuyển, không kèm ghi chú")).toBe(noSuchButton);
    expect(await minh.sendsButtonData(`hs:s:${code}:registered:dossier-received`)).toBe(noSuchButton);
    expect(await minh.says("Ghi chú gửi kèm")).not.toContain("Đã chuyển");
    expect(await minh.says(`/hoso ${code}`)).toContain("Trợ lý không có lệnh /hoso.");
    expect((await app.services.submissions.get(code))?.status).toBe("registered");
    expect((await app.services.audit.about(code)).filter((e) => e.action === "status")).toEqual([]);
    await app.close();
  });

  it("keeps /quyen for administrators: an official gets the unknown-command answer", async () => {
    const { app } = await setting();
    const hoa = person(app, "telegram", "777");
    await hoa.says("/quyen cap 888");
    const minh = person(app, "telegram", "888");
    expect(await minh.says("/quyen")).toBe((await minh.says("/khongco")).replace("/khongco", "/quyen"));
    expect(await minh.sendsButtonData("rq:ry:telegram:777")).toBe(await minh.sendsButtonData("khongco:1"));
    expect(await app.services.roles.roleOfKey("telegram:888")).toBe("official");
    expect(await app.services.roles.roleOfKey("telegram:777")).toBe("admin");
    await app.close();
  });

  it("grants and revokes roles with who and when, in the audit log too, and keeps them across a restart", async () => {
    const { app, dir, clock } = await setting();
    const hoa = person(app, "telegram", "777", "Trần Thị Hoa");
    await person(app, "zalo", "8800123456789012345").says("xin chào");
    // Zalo gives no name: a tag made from the account, never the id.
    const zaloTag = `#${accountTag("zalo:8800123456789012345")}`;
    expect(await hoa.says("/quyen cap zalo:8800123456789012345 quantri")).toContain(`✅ Đã cấp quyền quản trị cho quản trị ${zaloTag}.`);
    expect(await hoa.says("/quyen cap 888")).toContain("Tài khoản này chưa từng nhắn tin cho trợ lý: vui lòng kiểm tra lại mã số.");
    expect(await hoa.says("/quyen cap 777")).toContain("telegram:777 là quản trị theo cài đặt OFFICIAL_TELEGRAM_IDS");
    expect(await hoa.says("/quyen cap web:abc")).toContain("“web:abc” không phải mã tài khoản.");
    expect(await hoa.says("/quyen cap web:123456")).toContain("Chưa thể cấp quyền cho tài khoản web");
    expect(await hoa.says("/quyen cap 888 canbo")).toContain("telegram:888 đã có quyền này.");
    expect(await hoa.says("/quyen cap")).toContain("Cấp quyền: /quyen cap MÃ [canbo | quantri]");

    const list = await hoa.says("/quyen");
    expect(list).toContain("• Trần Thị Hoa — quản trị (cài đặt OFFICIAL_TELEGRAM_IDS, chỉ đổi được trên máy chủ)");
    expect(list).toContain(`• quản trị ${zaloTag} — quản trị, cấp bởi Trần Thị Hoa lúc 22/11/2026 10:00`);
    const minhTag = `#${accountTag("telegram:888")}`;
    expect(list).toContain(`• cán bộ ${minhTag} — cán bộ, cấp bởi Trần Thị Hoa lúc 22/11/2026 10:00 (chưa từng nhắn tin cho trợ lý)`);
    expect(list).not.toMatch(/telegram:\d|zalo:\d|8800123456789012345/);
    expect(hoa.buttonLabels().join(" ")).not.toMatch(/telegram:|zalo:|8800/);
    expect(await hoa.presses(`Thu hồi quyền của cán bộ ${minhTag}`)).toContain(`Thu hồi quyền cán bộ của cán bộ ${minhTag}?`);
    expect(await hoa.presses("Giữ nguyên")).toBe("Đã giữ nguyên quyền.");
    expect(await app.services.roles.roleOfKey("telegram:888")).toBe("official");

    // The Zalo admin may act too, but not on itself.
    const zaloAdmin = person(app, "zalo", "8800123456789012345");
    expect(await zaloAdmin.says("/quyen thu zalo:8800123456789012345")).toContain("Không thể tự đổi quyền của chính mình");
    clock.set("2026-11-23T01:00:00Z");
    expect(await zaloAdmin.says("/roles revoke 888")).toContain(`Đã thu hồi quyền cán bộ của cán bộ ${minhTag}.`);

    expect((await auditTrail(app)).filter((e) => e.action.startsWith("role-")).map((e) => [e.action, e.subject, e.actor.userKey, e.to, e.at])).toEqual([
      ["role-granted", "zalo:8800123456789012345", "telegram:777", "admin", "2026-11-22T03:00:00.000Z"],
      ["role-granted", "telegram:888", "telegram:777", "official", "2026-11-22T03:00:00.000Z"],
      ["role-revoked", "telegram:888", "zalo:8800123456789012345", null, "2026-11-23T01:00:00.000Z"],
    ]);
    await app.close();
    const again = await testApp(dir, { env: { OFFICIAL_TELEGRAM_IDS: "777" } });
    expect((await again.services.roles.holders()).map((h) => [h.userKey, h.role, h.grantedBy])).toEqual([
      ["telegram:777", "admin", null],
      ["zalo:8800123456789012345", "admin", "telegram:777"],
    ]);
    await again.close();
  });
});
