import { parse } from "csv-parse/sync";
import { afterEach, describe, expect, it } from "vitest";
import { toPlainText } from "../../src/core/markup.js";
import { sessionKey } from "../../src/services/desk-auth.js";
import { auditTrail } from "../helpers/audit-trail.js";
import { testDatabaseUrl } from "../helpers/postgres.js";
import { ADMIN, ENTERPRISE, csrfOf, get, post, signIn, startDeskBot, type DeskBot } from "../helpers/desk-web.js";
import { draft } from "../helpers/submission-draft.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();
const OFFICIAL = 7770002;
const HOSTILE = `<script>window.__pwned = 1</script><b>A&B</b> "Công ty" <img src=x onerror=alert(1)>`;

describe("the officials' web desk over HTTP", () => {
  let desk: DeskBot | undefined;
  afterEach(async () => {
    await desk?.bot.stop();
    desk = undefined;
  });

  const create = async (d: DeskBot, overrides: Parameters<typeof draft>[0] = {}) => {
    const made = await d.bot.app.storage.unit(() => d.bot.app.services.submissions.create(draft({ userKey: `telegram:${ENTERPRISE}`, ...overrides }), new Date()));
    if (!made.ok) throw new Error("not created");
    return made.submission.code;
  };

  it("signs an official in through the bot's link: the cookie is HttpOnly, SameSite=Strict, Path=/desk, Secure on https; the token leaves the URL and works once", async () => {
    desk = await startDeskBot(await tempDir(), { PUBLIC_URL: "https://bot.example.gov.vn" });
    const answer = (await desk.say(ADMIN, "/dangnhap")).join("\n");
    expect(answer).toContain("Đăng nhập bàn làm việc trên web");
    const html = String(desk.api.sent().at(-1)!.payload.text);
    expect(html).toMatch(/href="https:\/\/bot\.example\.gov\.vn\/desk\/login\?t=[A-Za-z0-9_-]{43}"/);
    const link = await desk.loginLink(ADMIN);
    const token = new URL(link!, "http://x").searchParams.get("t")!;

    // Opening the link uses nothing (a link preview would not sign anyone in); its form does.
    expect((await get(desk.base, link!)).status).toBe(200);
    expect((await get(desk.base, link!)).status).toBe(200);
    const { cookie, setCookie, location } = await signIn(desk.base, link!);
    expect(location).toBe("/desk/dossiers");
    expect(setCookie).toMatch(/^nscl_desk=[A-Za-z0-9_-]{43}; Path=\/desk; HttpOnly; SameSite=Strict; Secure$/);
    const list = await get(desk.base, "/desk/dossiers", cookie);
    expect(list.status).toBe(200);
    expect(list.text).toContain("Đăng xuất");
    expect(list.text).not.toContain(token);

    // Replayed: refused on opening and on posting, logged without the token.
    const again = await get(desk.base, link!);
    expect(again.status).toBe(403);
    expect(again.text).toContain("đã được sử dụng");
    expect((await post(desk.base, "/desk/login", { t: token })).status).toBe(403);
    const refusals = desk.log.lines.filter((l) => l.includes("desk: sign-in link refused"));
    expect(refusals.length).toBe(2);
    expect(refusals[0]).toContain("used");
    expect(desk.log.lines.join("\n")).not.toContain(token);
    // Nothing of the link or the session is stored as itself.
    const stored = JSON.stringify(await desk.bot.app.storage.repos.deskCredentials.get(sessionKey(cookie.split("=")[1]!)));
    expect(stored).toContain("telegram:7770001");
    expect(stored).not.toContain(cookie.split("=")[1]!);
  });

  it("refuses an expired link, a forged cookie, an enterprise's session, a POST without its CSRF token, and answers /dangnhap from a non-official as an unknown command", async () => {
    desk = await startDeskBot(await tempDir());
    const app = desk.bot.app;
    const code = await create(desk);
    // A link made eleven minutes ago.
    const old = await app.services.deskAuth.issueLink(`telegram:${ADMIN}`, new Date(Date.now() - 11 * 60_000));
    const expired = await get(desk.base, `/desk/login?t=${old.token}`);
    expect(expired.status).toBe(410);
    expect(expired.text).toContain("hết hạn");
    expect((await post(desk.base, "/desk/login", { t: old.token })).status).toBe(410);

    // No cookie, a made-up one, and a session of someone who is no official (put in the store by hand).
    expect((await get(desk.base, "/desk/dossiers")).status).toBe(401);
    const forged = await get(desk.base, "/desk/dossiers", "nscl_desk=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    expect(forged.status).toBe(401);
    expect(forged.text).toContain("/dangnhap");
    const enterpriseSession = "EnterpriseSessionEnterpriseSessionEnterpri";
    await app.storage.unit(() => app.storage.repos.deskCredentials.put(sessionKey(enterpriseSession), { kind: "session", userKey: `telegram:${ENTERPRISE}`, createdAt: new Date().toISOString(), lastSeenAt: new Date().toISOString() }));
    expect((await get(desk.base, `/desk/dossiers/${code}`, `nscl_desk=${enterpriseSession}`)).status).toBe(401);
    expect((await post(desk.base, `/desk/dossiers/${code}/note`, { note: "x" }, `nscl_desk=${enterpriseSession}`)).status).toBe(401);

    // The enterprise asking the bot for a link gets exactly the unknown-command answer.
    expect(await desk.say(ENTERPRISE, "/dangnhap")).toEqual([
      "Trợ lý không có lệnh /dangnhap. Quý doanh nghiệp vui lòng gõ /trogiup để xem các lệnh hiện có hoặc chọn một mục bên dưới.",
    ]);

    // Signed in: a POST without the CSRF token, or with another's, changes nothing.
    const { cookie } = await signIn(desk.base, (await desk.loginLink(ADMIN))!);
    const page = await get(desk.base, `/desk/dossiers/${code}`, cookie);
    const csrf = csrfOf(page.text);
    expect(csrf).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const before = (await auditTrail(app)).length;
    const fields = { from: "registered", to: "needs-supplement", note: "Thiếu báo cáo" };
    expect((await post(desk.base, `/desk/dossiers/${code}/move`, fields, cookie)).status).toBe(403);
    expect((await post(desk.base, `/desk/dossiers/${code}/move`, { ...fields, csrf: csrf.slice(0, -1) + (csrf.endsWith("A") ? "B" : "A") }, cookie)).status).toBe(403);
    expect((await post(desk.base, "/desk/logout", {}, cookie)).status).toBe(403);
    expect((await app.services.submissions.get(code))?.status).toBe("registered");
    expect(await auditTrail(app)).toHaveLength(before);
    expect(desk.log.lines.filter((l) => l.includes("desk: form refused without its CSRF token"))).toHaveLength(3);
  });

  it("moves a dossier to 'cần bổ sung' after showing the exact notice; the enterprise's Telegram gets it; the audit says via web", async () => {
    desk = await startDeskBot(await tempDir());
    const app = desk.bot.app;
    const code = await create(desk);
    const { cookie } = await signIn(desk.base, (await desk.loginLink(ADMIN))!);
    const csrf = csrfOf((await get(desk.base, `/desk/dossiers/${code}`, cookie)).text);
    const note = "Bổ sung báo cáo tài chính 3 năm <gần nhất>";
    const preview = await post(desk.base, `/desk/dossiers/${code}/preview`, { csrf, from: "registered", to: "needs-supplement", note }, cookie);
    expect(preview.status).toBe(200);
    const shown = /<div class="text notice" id="notice-preview">([\s\S]*?)<\/div>/.exec(preview.text)![1]!;
    expect(shown).toContain("Bổ sung báo cáo tài chính 3 năm &lt;gần nhất&gt;");
    expect(desk.api.sent().filter((c) => String(c.payload.chat_id) === String(ENTERPRISE))).toHaveLength(0);
    expect((await app.services.submissions.get(code))?.status).toBe("registered");

    const moved = await post(desk.base, `/desk/dossiers/${code}/move`, { csrf, from: "registered", to: "needs-supplement", note }, cookie);
    expect(moved.status).toBe(303);
    expect(moved.location).toBe(`/desk/dossiers/${code}?done=notice-sent`);
    const toEnterprise = desk.api.sent().filter((c) => String(c.payload.chat_id) === String(ENTERPRISE));
    expect(toEnterprise).toHaveLength(1);
    const received = toPlainText(String(toEnterprise[0]!.payload.text));
    expect(received).toContain("Ghi chú của cán bộ phụ trách: Bổ sung báo cáo tài chính 3 năm <gần nhất>");
    // What the preview showed is what was sent (the preview's text, its markup read back).
    expect(toPlainText(shown.replace(/<br>/g, "\n")).replace(/\s+/g, " ")).toBe(received.replace(/\s+/g, " "));
    const trail = await auditTrail(app);
    expect(trail.find((e) => e.action === "status")).toMatchObject({ actor: { userKey: `telegram:${ADMIN}`, role: "admin" }, from: "registered", to: "needs-supplement", detail: "via web" });
    expect(trail.at(-1)).toMatchObject({ action: "notice-sent", subject: code });
    // Moving again from the status seen before changes nothing.
    expect((await post(desk.base, `/desk/dossiers/${code}/move`, { csrf, from: "registered", to: "needs-supplement", note }, cookie)).location).toBe(`/desk/dossiers/${code}?done=stale`);
    // A move the workflow does not allow is refused, naming the allowed ones.
    const refused = await post(desk.base, `/desk/dossiers/${code}/preview`, { csrf, from: "needs-supplement", to: "award", note: "" }, cookie);
    expect(refused.text).toContain("Không thể chuyển");
    expect((await app.services.submissions.get(code))?.status).toBe("needs-supplement");
  });

  it("ends access at the next click once /quyen revokes the role, and 'Đăng xuất' ends every session of that official", async () => {
    desk = await startDeskBot(await tempDir());
    await desk.say(ADMIN, `/quyen cap ${OFFICIAL}`);
    const first = await signIn(desk.base, (await desk.loginLink(OFFICIAL))!);
    const second = await signIn(desk.base, (await desk.loginLink(OFFICIAL))!);
    expect((await get(desk.base, "/desk/dossiers", first.cookie)).status).toBe(200);
    // Officials may not open the roles page (admins only), on the server.
    expect((await get(desk.base, "/desk/roles", first.cookie)).status).toBe(403);
    const csrf = csrfOf((await get(desk.base, "/desk/dossiers", first.cookie)).text);
    const out = await post(desk.base, "/desk/logout", { csrf }, first.cookie);
    expect(out.location).toBe("/desk/signed-out");
    expect((await get(desk.base, "/desk/dossiers", first.cookie)).status).toBe(401);
    expect((await get(desk.base, "/desk/dossiers", second.cookie)).status).toBe(401);

    const third = await signIn(desk.base, (await desk.loginLink(OFFICIAL))!);
    expect((await get(desk.base, "/desk/dossiers", third.cookie)).status).toBe(200);
    await desk.say(ADMIN, `/quyen thu ${OFFICIAL}`);
    expect((await get(desk.base, "/desk/dossiers", third.cookie)).status).toBe(401);
    // A link made before the revocation no longer signs in either.
    await desk.say(ADMIN, `/quyen cap ${OFFICIAL}`);
    const link = (await desk.loginLink(OFFICIAL))!;
    await desk.say(ADMIN, `/quyen thu ${OFFICIAL}`);
    expect((await get(desk.base, link)).status).toBe(403);
  });

  it("grants and revokes on the roles page with the rules of /quyen, audited via web", async () => {
    desk = await startDeskBot(await tempDir());
    const { cookie } = await signIn(desk.base, (await desk.loginLink(ADMIN))!);
    const csrf = csrfOf((await get(desk.base, "/desk/roles", cookie)).text);
    const granted = await post(desk.base, "/desk/roles/grant", { csrf, user: String(OFFICIAL), role: "official" }, cookie);
    expect(granted.text).toContain(`Đã cấp quyền cán bộ cho telegram:${OFFICIAL}`);
    expect(await desk.bot.app.services.roles.roleOfKey(`telegram:${OFFICIAL}`)).toBe("official");
    const self = await post(desk.base, "/desk/roles/revoke", { csrf, user: String(ADMIN) }, cookie);
    expect(self.status).toBe(422);
    expect(self.text).toContain("OFFICIAL_TELEGRAM_IDS");
    const bad = await post(desk.base, "/desk/roles/grant", { csrf, user: "web:abc", role: "admin" }, cookie);
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('aria-invalid="true"');
    await post(desk.base, "/desk/roles/revoke", { csrf, user: String(OFFICIAL) }, cookie);
    expect(await desk.bot.app.services.roles.roleOfKey(`telegram:${OFFICIAL}`)).toBeNull();
    const trail = (await auditTrail(desk.bot.app)).filter((e) => e.action.startsWith("role-"));
    expect(trail.map((e) => [e.action, e.detail])).toEqual([
      ["role-granted", "via web"],
      ["role-revoked", "via web"],
    ]);
  });

  it("shows a company name with HTML and a script literally on the list and the dossier page, and as text in the CSV", async () => {
    desk = await startDeskBot(await tempDir());
    const code = await create(desk, { name: HOSTILE });
    await create(desk, { name: "Hợp tác xã Tân Phú", taxCode: "0100109106", programme: "nscl" });
    const { cookie } = await signIn(desk.base, (await desk.loginLink(ADMIN))!);
    const escaped = "&lt;script&gt;window.__pwned = 1&lt;/script&gt;&lt;b&gt;A&amp;B&lt;/b&gt; &quot;Công ty&quot; &lt;img src=x onerror=alert(1)&gt;";
    const list = await get(desk.base, "/desk/dossiers?programme=gtclqg", cookie);
    expect(list.text).toContain(escaped);
    expect(list.text).not.toContain("<script>window");
    expect(list.text).not.toContain("Tân Phú");
    expect(list.text).toContain("1 hồ sơ");
    const page = await get(desk.base, `/desk/dossiers/${code}`, cookie);
    expect(page.text).toContain(escaped);
    expect(page.text).not.toContain("<script>window");
    expect(page.text).not.toContain("<img src=x");
    // Search without diacritics finds the other one.
    expect((await get(desk.base, "/desk/dossiers?q=tan+phu", cookie)).text).toContain("Hợp tác xã Tân Phú");
    const csv = await fetch(`${desk.base}/desk/exports/dossiers.csv?programme=gtclqg`, { headers: { cookie } });
    expect(csv.headers.get("content-disposition")).toContain("attachment");
    const rows = parse((await csv.text()).replace(/^\uFEFF/, ""), { relax_column_count: true }) as string[][];
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain(HOSTILE);
    const xlsx = await fetch(`${desk.base}/desk/exports/dossiers.xlsx?q=tan%20phu`, { headers: { cookie } });
    expect(xlsx.headers.get("content-type")).toContain("spreadsheetml");
    expect((await auditTrail(desk.bot.app)).filter((e) => e.action === "export").map((e) => e.detail)).toEqual([
      "csv, 1 rows, via web, programme=gtclqg",
      "xlsx, 1 rows, via web, q=tan+phu",
    ]);
    // The figures page and its chart, behind the same checks.
    expect((await get(desk.base, "/desk/figures?programme=gtclqg&year=2026", cookie)).text).toContain("/desk/figures/chart.png?programme=gtclqg&amp;year=2026");
    const chart = await fetch(`${desk.base}/desk/figures/chart.png?programme=gtclqg&year=2026`, { headers: { cookie } });
    expect(chart.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await chart.arrayBuffer()).subarray(1, 4).toString()).toBe("PNG");
    expect((await fetch(`${desk.base}/desk/figures/chart.png?programme=gtclqg&year=2026`)).status).toBe(401);
  });

  it("on two instances sharing one PostgreSQL database, a link made by one signs in on the other, once, and signing out on one ends the session on both", async () => {
    const url = await testDatabaseUrl();
    const env = { STORE: "postgres", DATABASE_URL: url, INSTANCES_EXPECTED: "2" };
    desk = await startDeskBot(await tempDir(), env);
    const other = await startDeskBot(await tempDir(), env);
    try {
      const link = (await desk.loginLink(ADMIN))!;
      const { cookie } = await signIn(other.base, link);
      expect((await get(desk.base, link)).status).toBe(403);
      expect((await get(desk.base, "/desk/dossiers", cookie)).status).toBe(200);
      const csrf = csrfOf((await get(other.base, "/desk/dossiers", cookie)).text);
      // The same session, the same CSRF token on both.
      expect(csrfOf((await get(desk.base, "/desk/dossiers", cookie)).text)).toBe(csrf);
      await post(desk.base, "/desk/logout", { csrf }, cookie);
      expect((await get(other.base, "/desk/dossiers", cookie)).status).toBe(401);
    } finally {
      await other.bot.stop();
    }
  });

  it("refuses sign-in from an address that sent too many bad links", async () => {
    desk = await startDeskBot(await tempDir());
    for (let i = 0; i < 6; i++) expect((await get(desk.base, `/desk/login?t=${"x".repeat(43 - String(i).length)}${i}`)).status).toBe(403);
    const link = (await desk.loginLink(ADMIN))!;
    const refused = await get(desk.base, link);
    expect(refused.status).toBe(429);
    expect(desk.log.lines.some((l) => l.includes("desk: sign-in refused, too many bad links"))).toBe(true);
  });
});
