import { describe, expect, it } from "vitest";
import { textLanguage } from "../../src/domain/text-language.js";
import { testApp } from "../helpers/app.js";
import { person, testClock } from "../helpers/talk.js";
import { useTempDirs } from "../helpers/temp-dir.js";

/**
 * A user who chose no language and writes English is answered in English, and offered once to
 * keep English (stored when chosen); a user who chose Vietnamese is never switched (issue 15).
 */
const tempDir = useTempDirs();
const start = async () => testApp(await tempDir(), { clock: testClock("2026-11-22T03:00:00Z").now });
const OFFER = "Reply in English from now on?";
/** The language a whole reply is written in (names of offices and sources in it are Vietnamese). */
const inEnglish = (reply: string) => textLanguage(reply) === "en";
const inVietnamese = (reply: string) => textLanguage(reply) === "vi";

describe("an English message from a user who chose no language", () => {
  it("is answered in English, with a one-time offer to keep English", async () => {
    const app = await start();
    const mark = person(app, "web", "en-1");
    const first = await mark.says("Who can apply for the National Quality Award?");
    expect(first).toContain(OFFER);
    expect(mark.buttonLabels()).toEqual(expect.arrayContaining(["English", "Tiếng Việt"]));
    const answer = first.split(OFFER)[0]!;
    expect(inEnglish(answer)).toBe(true);
    expect(answer).not.toContain("available in Vietnamese only");
    // A neutral message afterwards ("ok", a number) stays in English; the offer is not repeated.
    const next = await mark.says("ok");
    expect(next).not.toContain(OFFER);
    expect(inEnglish(next)).toBe(true);
    expect(await mark.says("What documents do we need?")).not.toContain(OFFER);
    // Nothing is stored as a choice until they press it.
    expect((await app.services.users.get("web:en-1"))?.locale).toBeNull();
  });

  it("stores English when the offer is taken, and Vietnamese when that is pressed instead", async () => {
    const app = await start();
    const mark = person(app, "web", "en-2");
    await mark.says("How do I register for productivity support?");
    expect(await mark.presses("English")).toContain("Switched to English");
    expect((await app.services.users.get("web:en-2"))?.locale).toBe("en");
    // Chosen: a Vietnamese message now does not switch back.
    expect(inEnglish(await mark.says("cho hoi giai thuong"))).toBe(true);

    const lan = person(app, "web", "en-3");
    await lan.says("what is the deadline");
    await lan.presses("Tiếng Việt");
    expect((await app.services.users.get("web:en-3"))?.locale).toBe("vi");
    expect(inVietnamese(await lan.says("What documents do we need?"))).toBe(true);
  });

  it("a Vietnamese writer without diacritics stays in Vietnamese, and one who chose Vietnamese is not switched", async () => {
    const app = await start();
    const an = person(app, "telegram", "vi-1");
    const reply = await an.says("cho hoi giai thuong chat luong quoc gia");
    expect(inVietnamese(reply)).toBe(true);
    expect(reply).not.toContain(OFFER);

    const binh = person(app, "telegram", "vi-2");
    await binh.says("/ngonngu vi");
    const answer = await binh.says("Who can apply for the National Quality Award?");
    expect(inVietnamese(answer)).toBe(true);
    expect(answer).not.toContain(OFFER);
  });

  it("a user guessed English who then writes Vietnamese is answered in Vietnamese", async () => {
    const app = await start();
    const chi = person(app, "web", "mix-1");
    await chi.says("hello, who can apply for the award?");
    expect(inVietnamese(await chi.says("cho hỏi điều kiện tham gia giải thưởng"))).toBe(true);
  });
});
